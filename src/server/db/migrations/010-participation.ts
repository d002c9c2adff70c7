import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * Participation beyond the base tables of 005-events.ts (event_invitations, event_participants):
 * the waitlist. A waitlisted participant has status 'waitlisted' and one row here, which keeps their place in
 * the queue (`since`, then id) and the status they return to when a place frees up ('approved', or
 * 'registered' when they had registered before the event was full).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('event_waitlist')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('event_participants.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('then_status', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_waitlist_queue').on('event_waitlist').columns(['event_id', 'since', 'participant_id']).execute();
  await db.schema.createIndex('event_participants_member').on('event_participants').columns(['event_id', 'member_code', 'status']).execute();
}
