import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { EventsTable } from '../events/events.tables';
import { participantStatuses } from './papers.policy';
import type { PapersTable, PaperVersionsTable } from './papers.tables';

type Db = Kysely<DB> | Transaction<DB>;

/** A paper with its latest version and how many versions it has. */
export interface PaperRow extends PapersTable {
  version: VersionRow;
  version_count: number;
}

export interface VersionRow extends PaperVersionsTable {
  uploader_name: string | null;
}

const versionColumns = [
  'paper_versions.id', 'paper_versions.paper_id', 'paper_versions.number', 'paper_versions.storage_key', 'paper_versions.file_type',
  'paper_versions.content_type', 'paper_versions.size_bytes', 'paper_versions.sha256', 'paper_versions.original_name', 'paper_versions.note',
  'paper_versions.uploaded_by', 'paper_versions.uploaded_at',
] as const;

/** All SQL of the papers module. */
export const papersRepository = {
  /** Papers (of one event, or by id) with their latest version and version count, oldest first. */
  async papers(db: Db, where: { eventId?: string; ids?: string[] }): Promise<PaperRow[]> {
    if (where.ids && where.ids.length === 0) return [];
    const papers = await db
      .selectFrom('papers')
      .selectAll()
      .$if(!!where.eventId, (q) => q.where('papers.event_id', '=', where.eventId ?? ''))
      .$if(!!where.ids, (q) => q.where('papers.id', 'in', where.ids ?? []))
      .orderBy('papers.created_at')
      .orderBy('papers.id')
      .execute();
    if (papers.length === 0) return [];
    const ids = papers.map((p) => p.id);
    const [latest, counts] = await Promise.all([
      db
        .selectFrom('paper_versions')
        .leftJoin('users', 'users.id', 'paper_versions.uploaded_by')
        .select([...versionColumns])
        .select('users.display_name as uploader_name')
        .where('paper_versions.paper_id', 'in', ids)
        .where((eb) => eb('paper_versions.number', '=', eb.selectFrom('paper_versions as last').whereRef('last.paper_id', '=', 'paper_versions.paper_id').select((e) => e.fn.max('last.number').as('m'))))
        .execute(),
      db
        .selectFrom('paper_versions')
        .select(['paper_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('paper_id', 'in', ids)
        .groupBy('paper_id')
        .execute(),
    ]);
    const byPaper = new Map(latest.map((v) => [v.paper_id, v]));
    const count = new Map(counts.map((c) => [c.paper_id, Number(c.n)]));
    return papers.flatMap((p) => {
      const version = byPaper.get(p.id);
      return version ? [{ ...p, version, version_count: count.get(p.id) ?? 1 }] : [];
    });
  },

  async paper(db: Db, id: string): Promise<PapersTable | undefined> {
    return db.selectFrom('papers').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** The papers of a translation group: the original and every paper that names it. */
  async group(db: Db, originalId: string): Promise<PapersTable[]> {
    return db.selectFrom('papers').selectAll().where((eb) => eb.or([eb('id', '=', originalId), eb('translation_of', '=', originalId)])).execute();
  },

  async versions(db: Db, paperId: string): Promise<VersionRow[]> {
    return db
      .selectFrom('paper_versions')
      .leftJoin('users', 'users.id', 'paper_versions.uploaded_by')
      .select([...versionColumns])
      .select('users.display_name as uploader_name')
      .where('paper_versions.paper_id', '=', paperId)
      .orderBy('paper_versions.number', 'desc')
      .execute();
  },

  async version(db: Db, paperId: string, number: number): Promise<VersionRow | undefined> {
    return db
      .selectFrom('paper_versions')
      .leftJoin('users', 'users.id', 'paper_versions.uploaded_by')
      .select([...versionColumns])
      .select('users.display_name as uploader_name')
      .where('paper_versions.paper_id', '=', paperId)
      .where('paper_versions.number', '=', number)
      .executeTakeFirst();
  },

  async lastVersionNumber(db: Db, paperId: string): Promise<number> {
    const row = await db.selectFrom('paper_versions').select((eb) => eb.fn.max('number').as('m')).where('paper_id', '=', paperId).executeTakeFirst();
    return Number(row?.m ?? 0);
  },

  async insertPaper(db: Db, row: PapersTable): Promise<void> {
    await db.insertInto('papers').values(row).execute();
  },

  async insertVersion(db: Db, row: PaperVersionsTable): Promise<void> {
    await db.insertInto('paper_versions').values(row).execute();
  },

  async updatePaper(db: Db, id: string, patch: Partial<Pick<PapersTable, 'title' | 'sensitivity' | 'kind' | 'language' | 'updated_at'>>): Promise<void> {
    await db.updateTable('papers').set(patch).where('id', '=', id).execute();
  },

  /** Deletes a paper with its versions (their files are the service's to remove). */
  async deletePaper(db: Db, id: string): Promise<void> {
    await db.deleteFrom('paper_versions').where('paper_id', '=', id).execute();
    await db.deleteFrom('papers').where('id', '=', id).execute();
  },

  async deleteVersion(db: Db, paperId: string, number: number): Promise<void> {
    await db.deleteFrom('paper_versions').where('paper_id', '=', paperId).where('number', '=', number).execute();
  },

  async setTranslationOf(db: Db, ids: string[], translationOf: string | null): Promise<void> {
    if (ids.length === 0) return;
    await db.updateTable('papers').set({ translation_of: translationOf }).where('id', 'in', ids).execute();
  },

  /** The viewer's participant status in the event (null when they have no record). */
  /** The event, whoever asks: only for a published report (papers.policy isPublishedReport), readable by anyone. */
  event(db: Db, eventId: string): Promise<EventsTable | undefined> {
    return db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
  },

  async participantStatus(db: Db, eventId: string, userId: string): Promise<string | null> {
    const rows = await db.selectFrom('event_participants').select('status').where('event_id', '=', eventId).where('user_id', '=', userId).execute();
    // Someone nominated twice keeps the strongest standing.
    const rank = (s: string) => (s === 'registered' ? 3 : s === 'approved' ? 2 : 1);
    return rows.map((r) => r.status).sort((a, b) => rank(b) - rank(a))[0] ?? null;
  },

  /** Who is listed on the participant list: approved or registered, and consenting to be listed. */
  async listedParticipants(db: Db, eventId: string): Promise<{ name: string; organisation: string | null; member: string | null }[]> {
    return db
      .selectFrom('event_participants')
      .leftJoin('members', 'members.code', 'event_participants.member_code')
      .select(['event_participants.name as name', 'event_participants.organisation as organisation', 'members.name as member'])
      .where('event_participants.event_id', '=', eventId)
      .where('event_participants.status', 'in', [...participantStatuses])
      .where('event_participants.consent_listed', '=', 1)
      .orderBy('members.sort_name')
      .orderBy('event_participants.name')
      .execute();
  },

  /** Users to tell about a new paper: the event's participants with accounts, by their status. */
  async participantUsers(db: Db, eventId: string): Promise<{ user_id: string; status: string; role: string }[]> {
    const rows = await db
      .selectFrom('event_participants')
      .innerJoin('users', 'users.id', 'event_participants.user_id')
      .select(['event_participants.user_id as user_id', 'event_participants.status as status', 'users.role as role'])
      .where('event_participants.event_id', '=', eventId)
      .where('event_participants.status', 'in', [...participantStatuses])
      .where('users.status', '=', 'active')
      .execute();
    return rows.flatMap((r) => (r.user_id ? [{ user_id: r.user_id, status: r.status, role: r.role }] : []));
  },

  /** Coordinators (active accounts) of the Members invited to the event. */
  async invitedCoordinators(db: Db, eventId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('event_invitations')
      .innerJoin('user_member_scopes', 'user_member_scopes.member_code', 'event_invitations.member_code')
      .innerJoin('users', 'users.id', 'user_member_scopes.user_id')
      .select('users.id as id')
      .distinct()
      .where('event_invitations.event_id', '=', eventId)
      .where('users.role', '=', 'member_coordinator')
      .where('users.status', '=', 'active')
      .execute();
    return rows.map((r) => r.id);
  },
};
