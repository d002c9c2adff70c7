import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** Participant statuses that make someone "coming": approved by the secretariat, or registered. */
export const comingStatuses = ['approved', 'registered'] as const;

/**
 * What the pre-briefing page gathers besides actions. It reads the events module's agenda tables
 * (005-events.ts), event_participants and the papers module's tables (006-papers.ts) directly; which papers a
 * viewer may read is the papers module's rule (papers.policy.ts), applied by the service.
 */
export const preBriefingRepository = {
  /** The viewer's participant status for the event ('registered' before 'approved' before others), or null. */
  async participantStatus(db: Db, eventId: string, userId: string): Promise<string | null> {
    const rows = await db.selectFrom('event_participants').select('status').where('event_id', '=', eventId).where('user_id', '=', userId).execute();
    const statuses = rows.map((r) => r.status);
    return statuses.find((s) => s === 'registered') ?? statuses.find((s) => s === 'approved') ?? statuses[0] ?? null;
  },

  /** The event's papers with their latest version (originals first, then language versions). */
  papers(db: Db, eventId: string) {
    return db
      .selectFrom('papers as p')
      .leftJoin('paper_versions as v', (j) =>
        j.onRef('v.paper_id', '=', 'p.id').on((eb) => eb('v.number', '=', eb.selectFrom('paper_versions as latest').select((x) => x.fn.max('latest.number').as('n')).whereRef('latest.paper_id', '=', 'p.id'))),
      )
      .select(['p.id', 'p.title', 'p.kind', 'p.language', 'p.sensitivity', 'v.number', 'v.size_bytes', 'v.file_type'])
      .where('p.event_id', '=', eventId)
      .orderBy('p.kind')
      .orderBy('p.title')
      .orderBy('p.id')
      .execute();
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
