import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * Events (meetings, dialogues, trainings, pre-briefings), their agenda and who takes part.
 * Dates of an event are local dates in its IANA time zone; agenda times are UTC instants (ISO text).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_local', 'text')
    .addColumn('summary', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('online_url', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    /** UTC instants of the first and last moment (start of start_date, end of end_date in the event's zone), for feeds and sorting. */
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('working_group_code', 'text', (c) => c.references('working_groups.code'))
    /** Events of one series (e.g. "ahg-sog") follow each other; a pre-briefing shows the series' open actions. */
    .addColumn('series', 'text')
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_starts').on('events').columns(['starts_at']).execute();
  await db.schema.createIndex('events_visibility').on('events').columns(['visibility', 'status', 'starts_at']).execute();

  await db.schema
    .createTable('event_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    /** Exactly one of member_code, agency_id, user_id says who is invited. An agency invitation also carries its Member. */
    .addColumn('member_code', 'text', (c) => c.references('members.code'))
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('quota', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_invitations_event').on('event_invitations').columns(['event_id']).execute();
  await db.schema.createIndex('event_invitations_member').on('event_invitations').columns(['member_code', 'event_id']).execute();
  await db.schema.createIndex('event_invitations_user').on('event_invitations').columns(['user_id', 'event_id']).execute();

  await db.schema
    .createTable('event_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('organisation', 'text')
    .addColumn('member_code', 'text', (c) => c.references('members.code'))
    /** nominated, approved, declined, registered, waitlisted, cancelled */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('nominated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('registered_at', 'text')
    /** 1 when the participant agreed to appear on the participant list. */
    .addColumn('consent_listed', 'integer', (c) => c.notNull())
    .addColumn('checked_in_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_participants_event').on('event_participants').columns(['event_id', 'status']).execute();
  await db.schema.createIndex('event_participants_user').on('event_participants').columns(['user_id', 'event_id']).execute();
  // The agenda: sessions (UTC instants), their speakers (a directory person or a guest speaker profile) and
  // breakout groups with the participants assigned to them.
  await db.schema
    .createTable('guest_speakers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('organisation', 'text')
    .addColumn('bio', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('event_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('room', 'text')
    .addColumn('online_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_sessions_event').on('event_sessions').columns(['event_id', 'starts_at']).execute();

  await db.schema
    .createTable('event_session_speakers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('event_sessions.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    /** Exactly one of person_id and guest_speaker_id. */
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('guest_speaker_id', 'text', (c) => c.references('guest_speakers.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_session_speakers_event').on('event_session_speakers').columns(['event_id', 'session_id', 'sort_order']).execute();

  await db.schema
    .createTable('event_breakouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('session_id', 'text', (c) => c.references('event_sessions.id').onDelete('set null'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_breakouts_event').on('event_breakouts').columns(['event_id', 'sort_order']).execute();

  await db.schema
    .createTable('event_breakout_members')
    .addColumn('breakout_id', 'text', (c) => c.notNull().references('event_breakouts.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('event_participants.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_breakout_members_pk', ['breakout_id', 'participant_id'])
    .execute();
  await db.schema.createIndex('event_breakout_members_event').on('event_breakout_members').columns(['event_id']).execute();
}
