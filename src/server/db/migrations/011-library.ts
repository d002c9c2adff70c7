import type { Kysely } from 'kysely';
import type { DialectName } from '../database';
import { createLibraryFts } from '../../modules/library/library.fts';

/**
 * The library: resources (metadata, an uploaded file or an external link, language versions), the text extracted
 * from their files, and the full-text index over pre-tokenised text (platform/search tokens joined by spaces):
 * SQLite FTS5, PostgreSQL tsvector with GIN (see modules/library/library.fts.ts).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('library_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** A small integer key for the full-text index (its rowid on SQLite). */
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    /** JSON arrays of theme codes, Member codes, language tags. */
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('countries', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('publisher', 'text', (c) => c.notNull())
    /** public, members, secretariat */
    .addColumn('sensitivity', 'text', (c) => c.notNull())
    .addColumn('translation_of', 'text', (c) => c.references('library_resources.id').onDelete('set null'))
    .addColumn('link_url', 'text')
    .addColumn('storage_key', 'text')
    .addColumn('file_type', 'text')
    .addColumn('content_type', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('original_name', 'text')
    /** none (no file), pending, done, failed */
    .addColumn('extraction_status', 'text', (c) => c.notNull())
    .addColumn('extraction_error', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('library_resources_translation').on('library_resources').columns(['translation_of']).execute();
  await db.schema.createIndex('library_resources_browse').on('library_resources').columns(['sensitivity', 'year', 'title']).execute();

  await db.schema
    .createTable('library_texts')
    .addColumn('resource_id', 'text', (c) => c.primaryKey().references('library_resources.id').onDelete('cascade'))
    /** The file's text, the first 2 MB (UTF-16 code units) at most. */
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('extracted_at', 'text', (c) => c.notNull())
    .execute();

  await createLibraryFts(db, dialect);
}
