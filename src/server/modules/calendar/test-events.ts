import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { newId } from '../../platform/crypto';

export interface TestEventInput {
  title?: string;
  visibility?: 'public' | 'members' | 'invited';
  status?: 'draft' | 'published' | 'cancelled';
  timeZone?: string;
  startDate?: string;
  endDate?: string;
  /** UTC instants; by default midnight to midnight in the event's zone is not computed: give them when it matters. */
  startsAt?: string;
  endsAt?: string;
  place?: string | null;
  summary?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

/**
 * Writes an event row straight to the database, for the calendar's tests and benchmarks (the calendar only
 * reads events; the events module owns their API).
 */
export async function insertTestEvent(db: Kysely<DB>, o: TestEventInput = {}): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db.insertInto('events').values({
    id, slug: `cal-${id}`, title: o.title ?? 'Calendar test event', title_local: null, summary: o.summary ?? null, type: 'roundtable', format: 'in_person',
    place: o.place === undefined ? 'Bangkok' : o.place, online_url: null, time_zone: o.timeZone ?? 'Asia/Bangkok',
    start_date: o.startDate ?? '2026-09-07', end_date: o.endDate ?? '2026-09-08',
    starts_at: o.startsAt ?? '2026-09-06T17:00:00.000Z', ends_at: o.endsAt ?? '2026-09-08T17:00:00.000Z',
    visibility: o.visibility ?? 'public', status: o.status ?? 'published', working_group_code: null, series: null, themes: '[]', capacity: null,
    created_by: null, created_at: o.createdAt ?? now, updated_at: o.updatedAt ?? o.createdAt ?? now,
  }).execute();
  return id;
}

export async function inviteUser(db: Kysely<DB>, eventId: string, who: { userId?: string; memberCode?: string }): Promise<void> {
  await db.insertInto('event_invitations').values({ id: newId(), event_id: eventId, member_code: who.memberCode ?? null, agency_id: null, user_id: who.userId ?? null, quota: null, created_at: new Date().toISOString() }).execute();
}

export async function addParticipant(db: Kysely<DB>, eventId: string, userId: string, status = 'registered'): Promise<void> {
  const now = new Date().toISOString();
  await db.insertInto('event_participants').values({
    id: newId(), event_id: eventId, user_id: userId, person_id: null, name: 'Participant', email: null, organisation: null, member_code: null, status,
    nominated_by: null, decided_by: null, decided_at: null, registered_at: now, consent_listed: 1, checked_in_at: null, created_at: now, updated_at: now,
  }).execute();
}
