import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * Good practices: the structured submission, its review comments, and a token table for search (platform/search
 * tokens of the title, weight 2, and of the other sections, weight 1; the same on SQLite and PostgreSQL).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('practices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('member_code', 'text', (c) => c.notNull().references('members.code'))
    /** JSON arrays: theme codes, language tags, evidence links. */
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('evidence_links', 'text', (c) => c.notNull())
    .addColumn('lessons', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('contact_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    /** draft, submitted, changes_requested, published, archived */
    .addColumn('status', 'text', (c) => c.notNull())
    /** members, public (when published) */
    .addColumn('audience', 'text')
    .addColumn('submitter_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practices_status').on('practices').columns(['status', 'audience', 'published_at']).execute();
  await db.schema.createIndex('practices_submitter').on('practices').columns(['submitter_id']).execute();
  await db.schema.createIndex('practices_member').on('practices').columns(['member_code']).execute();

  await db.schema
    .createTable('practice_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('step', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practice_comments_practice').on('practice_comments').columns(['practice_id', 'created_at']).execute();

  await db.schema
    .createTable('practice_tokens')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('practice_tokens_pk', ['token', 'practice_id'])
    .execute();
  await db.schema.createIndex('practice_tokens_practice').on('practice_tokens').columns(['practice_id']).execute();
}
