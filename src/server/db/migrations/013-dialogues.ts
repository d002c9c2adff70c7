import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * Thematic dialogues: spaces (by theme, working group or event; open to Members or invite-only), their members and
 * moderators, threads, posts (Markdown source and the server's sanitised HTML), attachments, follows, per-user read
 * markers and reports. Posts are paged by keyset on (thread_id, created_at, id).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('dialogue_spaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    /** theme, working_group, event */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('theme_code', 'text')
    .addColumn('working_group_code', 'text')
    .addColumn('event_id', 'text', (c) => c.references('events.id').onDelete('cascade'))
    /** members (open to Members) or invited (the member list only) */
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dialogue_spaces_event').on('dialogue_spaces').column('event_id').execute();

  await db.schema
    .createTable('dialogue_space_members')
    .addColumn('space_id', 'text', (c) => c.notNull().references('dialogue_spaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** member or moderator (a moderator is a member too) */
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dialogue_space_members_pk', ['space_id', 'user_id'])
    .execute();
  await db.schema.createIndex('dialogue_space_members_user').on('dialogue_space_members').column('user_id').execute();

  await db.schema
    .createTable('dialogue_threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('dialogue_spaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('post_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_post_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dialogue_threads_space').on('dialogue_threads').columns(['space_id', 'pinned', 'last_post_at', 'id']).execute();

  await db.schema
    .createTable('dialogue_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('dialogue_threads.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    /** The Markdown as written, and the server's sanitised HTML of it (the only HTML ever sent to browsers). */
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    /** A quoted post: its id and the excerpt quoted (plain text). */
    .addColumn('quote_post_id', 'text')
    .addColumn('quote_text', 'text')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .execute();
  await db.schema.createIndex('dialogue_posts_keyset').on('dialogue_posts').columns(['thread_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('dialogue_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('dialogue_posts.id').onDelete('cascade'))
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('file_type', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dialogue_attachments_post').on('dialogue_attachments').column('post_id').execute();

  await db.schema
    .createTable('dialogue_follows')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** space or thread */
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dialogue_follows_pk', ['user_id', 'target_type', 'target_id'])
    .execute();
  await db.schema.createIndex('dialogue_follows_target').on('dialogue_follows').columns(['target_type', 'target_id']).execute();

  await db.schema
    .createTable('dialogue_reads')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('thread_id', 'text', (c) => c.notNull().references('dialogue_threads.id').onDelete('cascade'))
    /** The last post read, as its keyset position (created_at, id). */
    .addColumn('last_post_at', 'text', (c) => c.notNull())
    .addColumn('last_post_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dialogue_reads_pk', ['user_id', 'thread_id'])
    .execute();

  await db.schema
    .createTable('dialogue_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('dialogue_posts.id').onDelete('cascade'))
    .addColumn('reporter_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    /** open or resolved */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dialogue_reports_status').on('dialogue_reports').columns(['status', 'created_at']).execute();
}
