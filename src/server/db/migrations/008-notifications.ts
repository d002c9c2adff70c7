import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * Email notifications by preference (immediately, daily or weekly digest, never) and the calendar's private feeds.
 * - notification_preferences: one row per user and kind that differs from the default ('immediately').
 * - notification_items: notices waiting for a digest (pending), or already in one (sent), or dropped (skipped:
 *   the account was disabled before the digest went out).
 * - notification_digests: one row per user and period; the unique key is what makes a digest go out once, even
 *   when the job is run twice or by two instances at once.
 * - calendar_feeds: a user's private iCal feed; only the SHA-256 hash of its secret token is kept.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('notification_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    /** daily or weekly: which digest the item waits for. */
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    /** pending, sent, skipped */
    .addColumn('status', 'text', (c) => c.notNull())
    /** The period key of the digest that carried it (e.g. daily:2026-11-26, weekly:2026-11-23). */
    .addColumn('period', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notification_items_pending').on('notification_items').columns(['status', 'mode', 'user_id', 'created_at']).execute();

  await db.schema
    .createTable('notification_digests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notification_digests_user_period', ['user_id', 'period'])
    .execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
