import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { EventBreakoutsTable, EventSessionSpeakersTable, EventSessionsTable, GuestSpeakersTable } from './events.tables';

type Db = Kysely<DB> | Transaction<DB>;

export interface SpeakerRow {
  id: string;
  session_id: string;
  role: string;
  person_id: string | null;
  guest_speaker_id: string | null;
  person_name: string | null;
  person_title: string | null;
  guest_name: string | null;
  guest_title: string | null;
  guest_organisation: string | null;
  guest_bio: string | null;
}

export interface BreakoutMemberRow {
  breakout_id: string;
  participant_id: string;
  name: string;
  organisation: string | null;
  member_code: string | null;
  consent_listed: number;
}

/** All SQL for an event's agenda: sessions, speakers, guest speaker profiles, breakout groups and their members. */
export const agendaRepository = {
  sessions: (db: Db, eventId: string): Promise<EventSessionsTable[]> =>
    db.selectFrom('event_sessions').selectAll().where('event_id', '=', eventId).orderBy('starts_at').orderBy('ends_at').orderBy('id').execute(),

  session: (db: Db, eventId: string, sessionId: string): Promise<EventSessionsTable | undefined> =>
    db.selectFrom('event_sessions').selectAll().where('event_id', '=', eventId).where('id', '=', sessionId).executeTakeFirst(),

  /** Sessions that would fall outside a new span of the event. */
  async sessionsOutside(db: Db, eventId: string, startsAt: string, endsAt: string): Promise<number> {
    const r = await db
      .selectFrom('event_sessions')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('event_id', '=', eventId)
      .where((eb) => eb.or([eb('starts_at', '<', startsAt), eb('ends_at', '>', endsAt)]))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  speakers: (db: Db, eventId: string): Promise<SpeakerRow[]> =>
    db
      .selectFrom('event_session_speakers as s')
      .leftJoin('people as p', 'p.id', 's.person_id')
      .leftJoin('guest_speakers as g', 'g.id', 's.guest_speaker_id')
      .select([
        's.id', 's.session_id', 's.role', 's.person_id', 's.guest_speaker_id', 'p.name_latin as person_name', 'p.title as person_title',
        'g.name as guest_name', 'g.title as guest_title', 'g.organisation as guest_organisation', 'g.bio as guest_bio',
      ])
      .where('s.event_id', '=', eventId)
      .orderBy('s.session_id')
      .orderBy('s.sort_order')
      .execute(),

  /** The current agency of each person, as the organisation shown beside a directory speaker. */
  async personOrganisations(db: Db, personIds: readonly string[]): Promise<Map<string, string>> {
    if (personIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('position_holders as h')
      .innerJoin('positions as pos', 'pos.id', 'h.position_id')
      .innerJoin('agencies as a', 'a.id', 'pos.agency_id')
      .select(['h.person_id', 'a.name_en', 'pos.title'])
      .where('h.person_id', 'in', [...personIds])
      .where('h.end_date', 'is', null)
      .orderBy('h.start_date', 'desc')
      .execute();
    const out = new Map<string, string>();
    for (const r of rows) if (!out.has(r.person_id)) out.set(r.person_id, `${r.title}, ${r.name_en}`);
    return out;
  },

  async existingPeople(db: Db, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.selectFrom('people').select('id').where('id', 'in', [...ids]).execute();
    return new Set(rows.map((r) => r.id));
  },

  async existingGuests(db: Db, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.selectFrom('guest_speakers').select('id').where('id', 'in', [...ids]).execute();
    return new Set(rows.map((r) => r.id));
  },

  async insertSession(db: Db, row: EventSessionsTable): Promise<void> {
    await db.insertInto('event_sessions').values(row).execute();
  },

  async updateSession(db: Db, id: string, row: Partial<EventSessionsTable>): Promise<void> {
    await db.updateTable('event_sessions').set(row).where('id', '=', id).execute();
  },

  async deleteSession(db: Db, id: string): Promise<void> {
    await db.deleteFrom('event_sessions').where('id', '=', id).execute();
  },

  /** Guest speaker profiles whose name or organisation contains the text (any case), by name; at most `limit`. */
  findGuests(db: Db, text: string, limit: number): Promise<GuestSpeakersTable[]> {
    // LIKE wildcards typed by the user are matched as themselves.
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return db
      .selectFrom('guest_speakers')
      .selectAll()
      .$if(text !== '', (q) =>
        q.where((eb) => eb.or([sql<boolean>`lower(name) like ${pattern} escape '\\'`, sql<boolean>`lower(coalesce(organisation, '')) like ${pattern} escape '\\'`])),
      )
      .orderBy('name')
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  async insertGuest(db: Db, row: GuestSpeakersTable): Promise<void> {
    await db.insertInto('guest_speakers').values(row).execute();
  },

  async replaceSpeakers(db: Db, sessionId: string, rows: EventSessionSpeakersTable[]): Promise<void> {
    await db.deleteFrom('event_session_speakers').where('session_id', '=', sessionId).execute();
    if (rows.length > 0) await db.insertInto('event_session_speakers').values(rows).execute();
  },

  sessionSpeakerIds: (db: Db, sessionId: string) =>
    db.selectFrom('event_session_speakers').select(['person_id', 'guest_speaker_id', 'role']).where('session_id', '=', sessionId).orderBy('sort_order').execute(),

  breakouts: (db: Db, eventId: string): Promise<EventBreakoutsTable[]> =>
    db.selectFrom('event_breakouts').selectAll().where('event_id', '=', eventId).orderBy('sort_order').orderBy('id').execute(),

  breakout: (db: Db, eventId: string, id: string): Promise<EventBreakoutsTable | undefined> =>
    db.selectFrom('event_breakouts').selectAll().where('event_id', '=', eventId).where('id', '=', id).executeTakeFirst(),

  async nextBreakoutOrder(db: Db, eventId: string): Promise<number> {
    const r = await db.selectFrom('event_breakouts').select((eb) => eb.fn.max('sort_order').as('m')).where('event_id', '=', eventId).executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  },

  breakoutMembers: (db: Db, eventId: string): Promise<BreakoutMemberRow[]> =>
    db
      .selectFrom('event_breakout_members as m')
      .innerJoin('event_participants as p', 'p.id', 'm.participant_id')
      .select(['m.breakout_id', 'm.participant_id', 'p.name', 'p.organisation', 'p.member_code', 'p.consent_listed'])
      .where('m.event_id', '=', eventId)
      .orderBy('m.breakout_id')
      .orderBy('p.name')
      .execute(),

  memberIdsOf: async (db: Db, breakoutId: string): Promise<string[]> =>
    (await db.selectFrom('event_breakout_members').select('participant_id').where('breakout_id', '=', breakoutId).orderBy('participant_id').execute()).map((r) => r.participant_id),

  async participantsOf(db: Db, eventId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const found = new Set<string>();
    // In chunks, so a large group stays under the drivers' parameter limits.
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db.selectFrom('event_participants').select('id').where('event_id', '=', eventId).where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) found.add(r.id);
    }
    return found;
  },

  participants: (db: Db, eventId: string) =>
    db.selectFrom('event_participants').select(['id', 'name', 'organisation', 'member_code', 'status']).where('event_id', '=', eventId).orderBy('name').orderBy('id').execute(),

  async insertBreakout(db: Db, row: EventBreakoutsTable): Promise<void> {
    await db.insertInto('event_breakouts').values(row).execute();
  },

  async updateBreakout(db: Db, id: string, row: Partial<EventBreakoutsTable>): Promise<void> {
    await db.updateTable('event_breakouts').set(row).where('id', '=', id).execute();
  },

  async deleteBreakout(db: Db, id: string): Promise<void> {
    await db.deleteFrom('event_breakouts').where('id', '=', id).execute();
  },

  async setBreakoutMembers(db: Db, eventId: string, breakoutId: string, participantIds: readonly string[]): Promise<void> {
    await db.deleteFrom('event_breakout_members').where('breakout_id', '=', breakoutId).execute();
    for (let i = 0; i < participantIds.length; i += 300) {
      const chunk = participantIds.slice(i, i + 300).map((participant_id) => ({ breakout_id: breakoutId, participant_id, event_id: eventId }));
      if (chunk.length > 0) await db.insertInto('event_breakout_members').values(chunk).execute();
    }
  },
};
