import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { containsInsensitive } from '../../db/dialect';
import type { EventInvitationsTable, EventParticipantsTable } from './events.tables';

type Db = Kysely<DB> | Transaction<DB>;

/** Statuses whose participant counts against their Member's quota. */
export const quotaStatuses = ['nominated', 'approved', 'registered', 'waitlisted'] as const;
/** Statuses that hold one of the event's places (capacity). */
export const placeStatuses = ['approved', 'registered'] as const;

export interface InvitationRow extends EventInvitationsTable {
  member_name: string | null;
  agency_name: string | null;
  user_name: string | null;
}

export interface ParticipantRow extends EventParticipantsTable {
  member_name: string | null;
  waitlisted_since: string | null;
  nominator_name: string | null;
}

export interface ParticipantFilter {
  status?: string | undefined;
  statuses?: readonly string[];
  members?: readonly string[];
  memberCode?: string | undefined;
  consentedOnly?: boolean;
  q?: string | undefined;
}

/** All SQL for invitations, nominations, registrations, the waitlist and check-in. */
export const participationRepository = {
  eventIdBySlug: async (db: Db, slug: string) => (await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst())?.id,

  invitations(db: Db, eventId: string, o: { members?: readonly string[]; userId?: string } = {}): Promise<InvitationRow[]> {
    return db
      .selectFrom('event_invitations')
      .leftJoin('members', 'members.code', 'event_invitations.member_code')
      .leftJoin('agencies', 'agencies.id', 'event_invitations.agency_id')
      .leftJoin('users', 'users.id', 'event_invitations.user_id')
      .selectAll('event_invitations')
      .select(['members.name as member_name', 'agencies.name_en as agency_name', 'users.display_name as user_name'])
      .where('event_invitations.event_id', '=', eventId)
      .$if(o.members !== undefined || o.userId !== undefined, (q) =>
        q.where((w) => w.or([
          ...(o.members && o.members.length > 0 ? [w('event_invitations.member_code', 'in', o.members)] : []),
          ...(o.userId ? [w('event_invitations.user_id', '=', o.userId)] : []),
          w.lit(false),
        ])),
      )
      .orderBy('event_invitations.created_at')
      .orderBy('event_invitations.id')
      .execute();
  },

  invitation: (db: Db, eventId: string, id: string) =>
    db.selectFrom('event_invitations').selectAll().where('event_id', '=', eventId).where('id', '=', id).executeTakeFirst(),

  async insertInvitation(db: Db, row: EventInvitationsTable): Promise<void> {
    await db.insertInto('event_invitations').values(row).execute();
  },

  async updateInvitation(db: Db, id: string, patch: Partial<EventInvitationsTable>): Promise<void> {
    await db.updateTable('event_invitations').set(patch).where('id', '=', id).execute();
  },

  async deleteInvitation(db: Db, id: string): Promise<void> {
    await db.deleteFrom('event_invitations').where('id', '=', id).execute();
  },

  /** An existing invitation of the same target, to refuse duplicates. */
  sameInvitation(db: Db, eventId: string, t: { kind: 'member' | 'agency' | 'user'; memberCode?: string; agencyId?: string; userId?: string }) {
    let q = db.selectFrom('event_invitations').selectAll().where('event_id', '=', eventId);
    if (t.kind === 'member') q = q.where('member_code', '=', t.memberCode ?? '').where('agency_id', 'is', null).where('user_id', 'is', null);
    if (t.kind === 'agency') q = q.where('agency_id', '=', t.agencyId ?? '');
    if (t.kind === 'user') q = q.where('user_id', '=', t.userId ?? '');
    return q.executeTakeFirst();
  },

  /** Places per invited Member (member and agency invitations) and how many its nominations use. */
  async memberQuotas(db: Db, eventId: string): Promise<{ memberCode: string; memberName: string; quota: number; used: number }[]> {
    const invited = await db
      .selectFrom('event_invitations')
      .innerJoin('members', 'members.code', 'event_invitations.member_code')
      .select(['event_invitations.member_code as code', 'members.name', 'members.sort_name'])
      .select((eb) => eb.fn.sum<number | string | null>('event_invitations.quota').as('quota'))
      .where('event_invitations.event_id', '=', eventId)
      .groupBy(['event_invitations.member_code', 'members.name', 'members.sort_name'])
      .orderBy('members.sort_name')
      .execute();
    const used = await this.usedByMember(db, eventId);
    return invited.map((r) => ({ memberCode: r.code ?? '', memberName: r.name, quota: Number(r.quota ?? 0), used: used.get(r.code ?? '') ?? 0 }));
  },

  async usedByMember(db: Db, eventId: string, memberCode?: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('event_participants')
      .select(['member_code'])
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('event_id', '=', eventId)
      .where('status', 'in', quotaStatuses)
      .where('member_code', 'is not', null)
      .$if(memberCode !== undefined, (q) => q.where('member_code', '=', memberCode ?? ''))
      .groupBy('member_code')
      .execute();
    return new Map(rows.map((r) => [r.member_code ?? '', Number(r.n)]));
  },

  participants(db: Db, eventId: string, f: ParticipantFilter = {}): Promise<ParticipantRow[]> {
    return db
      .selectFrom('event_participants')
      .leftJoin('members', 'members.code', 'event_participants.member_code')
      .leftJoin('event_waitlist', 'event_waitlist.participant_id', 'event_participants.id')
      .leftJoin('users as nominator', 'nominator.id', 'event_participants.nominated_by')
      .selectAll('event_participants')
      .select(['members.name as member_name', 'event_waitlist.since as waitlisted_since', 'nominator.display_name as nominator_name'])
      .where('event_participants.event_id', '=', eventId)
      .$if(f.status !== undefined, (q) => q.where('event_participants.status', '=', f.status ?? ''))
      .$if(f.statuses !== undefined, (q) => q.where('event_participants.status', 'in', f.statuses?.length ? f.statuses : ['-']))
      .$if(f.members !== undefined, (q) => q.where('event_participants.member_code', 'in', f.members?.length ? f.members : ['-']))
      .$if(f.memberCode !== undefined, (q) => q.where('event_participants.member_code', '=', f.memberCode ?? ''))
      .$if(!!f.consentedOnly, (q) => q.where('event_participants.consent_listed', '=', 1))
      .$if(!!f.q, (q) => q.where((w) => w.or([containsInsensitive('event_participants.name', f.q ?? ''), containsInsensitive('event_participants.organisation', f.q ?? '')])))
      .orderBy('event_participants.name')
      .orderBy('event_participants.id')
      .execute();
  },

  async participant(db: Db, eventId: string, id: string): Promise<ParticipantRow | undefined> {
    const [row] = await db
      .selectFrom('event_participants')
      .leftJoin('members', 'members.code', 'event_participants.member_code')
      .leftJoin('event_waitlist', 'event_waitlist.participant_id', 'event_participants.id')
      .leftJoin('users as nominator', 'nominator.id', 'event_participants.nominated_by')
      .selectAll('event_participants')
      .select(['members.name as member_name', 'event_waitlist.since as waitlisted_since', 'nominator.display_name as nominator_name'])
      .where('event_participants.event_id', '=', eventId)
      .where('event_participants.id', '=', id)
      .execute();
    return row;
  },

  /** The user's current participation (not declined or cancelled), else their latest record. */
  async participantOfUser(db: Db, eventId: string, userId: string): Promise<ParticipantRow | undefined> {
    const rows = await db
      .selectFrom('event_participants')
      .select(['id', 'status', 'updated_at'])
      .where('event_id', '=', eventId)
      .where('user_id', '=', userId)
      .orderBy('updated_at', 'desc')
      .execute();
    const chosen = rows.find((r) => r.status !== 'declined' && r.status !== 'cancelled') ?? rows[0];
    return chosen ? this.participant(db, eventId, chosen.id) : undefined;
  },

  /** An active record of the same person (user, directory person or email) for this event. */
  activeDuplicate(db: Db, eventId: string, who: { userId: string | null; personId: string | null; email: string | null }) {
    return db
      .selectFrom('event_participants')
      .select(['id', 'name', 'status'])
      .where('event_id', '=', eventId)
      .where('status', 'not in', ['declined', 'cancelled'])
      .where((w) => w.or([
        ...(who.userId ? [w('user_id', '=', who.userId)] : []),
        ...(who.personId ? [w('person_id', '=', who.personId)] : []),
        ...(who.email ? [w('email', '=', who.email)] : []),
        w.lit(false),
      ]))
      .executeTakeFirst();
  },

  async insertParticipant(db: Db, row: EventParticipantsTable): Promise<void> {
    await db.insertInto('event_participants').values(row).execute();
  },

  async updateParticipant(db: Db, id: string, patch: Partial<EventParticipantsTable>): Promise<void> {
    await db.updateTable('event_participants').set(patch).where('id', '=', id).execute();
  },

  async placesTaken(db: Db, eventId: string): Promise<number> {
    const r = await db.selectFrom('event_participants').select((eb) => eb.fn.countAll<number | string>().as('n')).where('event_id', '=', eventId).where('status', 'in', placeStatuses).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async counts(db: Db, eventId: string): Promise<{ byStatus: Map<string, number>; checkedIn: number }> {
    const rows = await db
      .selectFrom('event_participants')
      .select(['status'])
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('event_id', '=', eventId)
      .groupBy('status')
      .execute();
    const checked = await db
      .selectFrom('event_participants')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('event_id', '=', eventId)
      .where('checked_in_at', 'is not', null)
      .where('status', '=', 'registered')
      .executeTakeFirstOrThrow();
    return { byStatus: new Map(rows.map((r) => [r.status, Number(r.n)])), checkedIn: Number(checked.n) };
  },

  async addToWaitlist(db: Db, row: { participant_id: string; event_id: string; since: string; then_status: string }): Promise<void> {
    await db.deleteFrom('event_waitlist').where('participant_id', '=', row.participant_id).execute();
    await db.insertInto('event_waitlist').values(row).execute();
  },

  async setWaitlistThenStatus(db: Db, participantId: string, thenStatus: string): Promise<void> {
    await db.updateTable('event_waitlist').set({ then_status: thenStatus }).where('participant_id', '=', participantId).execute();
  },

  async removeFromWaitlist(db: Db, participantId: string): Promise<void> {
    await db.deleteFrom('event_waitlist').where('participant_id', '=', participantId).execute();
  },

  /** The queue, first in line first. */
  waitlist: (db: Db, eventId: string) =>
    db.selectFrom('event_waitlist').selectAll().where('event_id', '=', eventId).orderBy('since').orderBy('participant_id').execute(),

  /** Active accounts of the secretariat (they decide on nominations). */
  async secretariatUsers(db: Db): Promise<string[]> {
    const rows = await db.selectFrom('users').select('id').where('role', 'in', ['secretariat_admin', 'secretariat_staff']).where('status', '=', 'active').execute();
    return rows.map((r) => r.id);
  },

  /** Active coordinators of any of these Members. */
  async coordinatorsOf(db: Db, members: readonly string[]): Promise<string[]> {
    if (members.length === 0) return [];
    const rows = await db
      .selectFrom('users')
      .innerJoin('user_member_scopes', 'user_member_scopes.user_id', 'users.id')
      .select('users.id')
      .distinct()
      .where('users.role', '=', 'member_coordinator')
      .where('users.status', '=', 'active')
      .where('user_member_scopes.member_code', 'in', members)
      .execute();
    return rows.map((r) => r.id);
  },

  /** Hub accounts of the people who hold a position in the agency now. */
  async agencyAccounts(db: Db, agencyId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('position_holders')
      .innerJoin('positions', 'positions.id', 'position_holders.position_id')
      .innerJoin('people', 'people.id', 'position_holders.person_id')
      .innerJoin('users', 'users.id', 'people.user_id')
      .select('users.id')
      .distinct()
      .where('positions.agency_id', '=', agencyId)
      .where('position_holders.end_date', 'is', null)
      .where('users.status', '=', 'active')
      .execute();
    return rows.map((r) => r.id);
  },

  userByEmail: (db: Db, email: string) => db.selectFrom('users').select(['id', 'email', 'display_name', 'status']).where('email', '=', email).executeTakeFirst(),
  user: (db: Db, id: string) => db.selectFrom('users').select(['id', 'email', 'display_name', 'status']).where('id', '=', id).executeTakeFirst(),
  userScopes: async (db: Db, id: string) => (await db.selectFrom('user_member_scopes').select('member_code').where('user_id', '=', id).execute()).map((r) => r.member_code),
  agency: (db: Db, id: string) => db.selectFrom('agencies').select(['id', 'name_en', 'member_code']).where('id', '=', id).executeTakeFirst(),
  member: (db: Db, code: string) => db.selectFrom('members').select(['code', 'name']).where('code', '=', code).executeTakeFirst(),

  /** A directory person with the agencies (and their Members) of the positions they hold now. */
  async person(db: Db, id: string): Promise<{ id: string; name: string; userId: string | null; holdings: { agency: string; memberCode: string }[] } | undefined> {
    const p = await db.selectFrom('people').select(['id', 'name_latin', 'user_id']).where('id', '=', id).executeTakeFirst();
    if (!p) return undefined;
    const holdings = await db
      .selectFrom('position_holders')
      .innerJoin('positions', 'positions.id', 'position_holders.position_id')
      .innerJoin('agencies', 'agencies.id', 'positions.agency_id')
      .select(['agencies.name_en', 'agencies.member_code'])
      .where('position_holders.person_id', '=', id)
      .where('position_holders.end_date', 'is', null)
      .orderBy('position_holders.start_date', 'desc')
      .execute();
    return { id: p.id, name: p.name_latin, userId: p.user_id, holdings: holdings.map((h) => ({ agency: h.name_en, memberCode: h.member_code })) };
  },

  /** People holding a position in one of the Member's agencies, and the Member's hub accounts. */
  async candidates(db: Db, memberCode: string, q: string | undefined): Promise<{ kind: 'person' | 'user'; id: string; name: string; organisation: string | null }[]> {
    const people = await db
      .selectFrom('position_holders')
      .innerJoin('positions', 'positions.id', 'position_holders.position_id')
      .innerJoin('agencies', 'agencies.id', 'positions.agency_id')
      .innerJoin('people', 'people.id', 'position_holders.person_id')
      .select(['people.id', 'people.name_latin', 'agencies.name_en'])
      .where('agencies.member_code', '=', memberCode)
      .where('position_holders.end_date', 'is', null)
      .$if(!!q, (x) => x.where(containsInsensitive('people.name_latin', q ?? '')))
      .orderBy('people.name_latin')
      .limit(200)
      .execute();
    const users = await db
      .selectFrom('users')
      .innerJoin('user_member_scopes', 'user_member_scopes.user_id', 'users.id')
      .select(['users.id', 'users.display_name'])
      .where('user_member_scopes.member_code', '=', memberCode)
      .where('users.status', '=', 'active')
      .where('users.role', 'in', ['official', 'member_coordinator'])
      .$if(!!q, (x) => x.where(containsInsensitive('users.display_name', q ?? '')))
      .orderBy('users.display_name')
      .limit(200)
      .execute();
    const seen = new Set<string>();
    const out: { kind: 'person' | 'user'; id: string; name: string; organisation: string | null }[] = [];
    for (const p of people) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push({ kind: 'person', id: p.id, name: p.name_latin, organisation: p.name_en });
    }
    for (const u of users) out.push({ kind: 'user', id: u.id, name: u.display_name, organisation: null });
    return out;
  },
};
