import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** Participant statuses that make someone "coming": approved by the secretariat, or registered. */
export const comingStatuses = ['approved', 'registered'] as const;

/**
 * What the pre-briefing page gathers besides actions. It reads the events module's agenda tables
 * (005-events.ts) and event_participants directly.
 * Papers: the papers module's tables (006-papers.ts) did not exist when this was written; the page says so
 * (`unavailable: ['papers']`) instead of showing an empty list.
 */
export const preBriefingRepository = {
  async isComing(db: Db, eventId: string, userId: string): Promise<boolean> {
    const row = await db.selectFrom('event_participants').select('id').where('event_id', '=', eventId).where('user_id', '=', userId).where('status', 'in', comingStatuses).executeTakeFirst();
    return !!row;
  },

  /** Participants who agreed to appear on the list, with their Member's name. */
  participants(db: Db, eventId: string) {
    return db
      .selectFrom('event_participants as p')
      .leftJoin('members as m', 'm.code', 'p.member_code')
      .select(['p.name', 'p.organisation', 'p.member_code', 'm.name as member_name'])
      .where('p.event_id', '=', eventId)
      .where('p.status', 'in', comingStatuses)
      .where('p.consent_listed', '=', 1)
      .orderBy('m.sort_name')
      .orderBy('p.name')
      .execute();
  },

  async agenda(db: Db, eventId: string) {
    const sessions = await db.selectFrom('event_sessions').select(['id', 'title', 'starts_at', 'ends_at', 'room', 'online_url']).where('event_id', '=', eventId).orderBy('starts_at').orderBy('id').execute();
    const speakers = await db
      .selectFrom('event_session_speakers as s')
      .leftJoin('people as p', 'p.id', 's.person_id')
      .leftJoin('guest_speakers as g', 'g.id', 's.guest_speaker_id')
      .select(['s.session_id', 'p.name_latin', 'g.name as guest_name'])
      .where('s.event_id', '=', eventId)
      .orderBy('s.session_id')
      .orderBy('s.sort_order')
      .execute();
    const bySession = new Map<string, string[]>();
    for (const s of speakers) {
      const name = s.name_latin ?? s.guest_name;
      if (name) bySession.set(s.session_id, [...(bySession.get(s.session_id) ?? []), name]);
    }
    return sessions.map((s) => ({ ...s, speakers: bySession.get(s.id) ?? [] }));
  },
};
