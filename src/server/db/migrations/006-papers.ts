import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * Meeting papers and their versions. A paper belongs to an event; each upload is a version (kept, with who and
 * when). Language versions are papers of their own that name the original (`translation_of`). The files live
 * under UPLOAD_DIR by a server-generated key; the rows hold what was checked about them.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('papers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    /** concept_note, agenda, participant_list, presentation, outcome_report, annex, other */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    /** BCP 47 tag (en, id, th ...). */
    .addColumn('language', 'text', (c) => c.notNull())
    /** public, members, participants, secretariat */
    .addColumn('sensitivity', 'text', (c) => c.notNull())
    /** The original this paper translates; null for an original. Always an original, never a translation. */
    .addColumn('translation_of', 'text', (c) => c.references('papers.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('papers_event').on('papers').columns(['event_id', 'kind']).execute();
  await db.schema.createIndex('papers_translation').on('papers').columns(['translation_of']).execute();

  await db.schema
    .createTable('paper_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('paper_id', 'text', (c) => c.notNull().references('papers.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    /** The stored file's server-generated key under UPLOAD_DIR (never the uploader's file name). */
    .addColumn('storage_key', 'text', (c) => c.notNull())
    /** pdf, docx, xlsx, pptx, png, jpeg, txt, csv: decided from the content. */
    .addColumn('file_type', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    /** The name the uploader's computer gave the file, kept for the record only. */
    .addColumn('original_name', 'text')
    .addColumn('note', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('paper_versions_number').on('paper_versions').columns(['paper_id', 'number']).unique().execute();
}
