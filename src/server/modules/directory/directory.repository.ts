import type { Kysely, Transaction } from 'kysely';
import type { AgenciesTable, ContactChannelsTable, DB, PeopleTable, PositionsTable } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** A position with its agency, Member and current holder, as most directory screens need it. */
export interface PositionRow extends PositionsTable {
  member_code: string;
  agency_name: string;
  holder_id: string | null;
  holder_name_latin: string | null;
  holder_name_local: string | null;
  holder_title: string | null;
  holder_since: string | null;
  confirmer_name: string | null;
}

/** All SQL for agencies, positions, people and their contact channels. */
export const directoryRepository = {
  agency: (db: Db, id: string) => db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst(),

  async agencyMandates(db: Db, agencyIds: readonly string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(agencyIds.map((id) => [id, []]));
    if (agencyIds.length === 0) return map;
    const rows = await db.selectFrom('agency_mandates').selectAll().where('agency_id', 'in', agencyIds).orderBy('mandate_code').execute();
    for (const r of rows) map.get(r.agency_id)?.push(r.mandate_code);
    return map;
  },

  async insertAgency(db: Db, row: AgenciesTable, mandates: readonly string[]): Promise<void> {
    await db.insertInto('agencies').values(row).execute();
    await this.setMandates(db, row.id, mandates);
  },

  async updateAgency(db: Db, id: string, patch: Partial<AgenciesTable>): Promise<void> {
    await db.updateTable('agencies').set(patch).where('id', '=', id).execute();
  },

  async setMandates(db: Db, agencyId: string, mandates: readonly string[]): Promise<void> {
    await db.deleteFrom('agency_mandates').where('agency_id', '=', agencyId).execute();
    if (mandates.length) await db.insertInto('agency_mandates').values(mandates.map((mandate_code) => ({ agency_id: agencyId, mandate_code }))).execute();
  },

  /** Positions with holder and confirmer, for the given agencies or position ids. */
  positions(db: Db, where: { agencyIds?: readonly string[]; positionIds?: readonly string[] }): Promise<PositionRow[]> {
    return db
      .selectFrom('positions as p')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .leftJoin('position_holders as h', (j) => j.onRef('h.position_id', '=', 'p.id').on('h.end_date', 'is', null))
      .leftJoin('people as pe', 'pe.id', 'h.person_id')
      .leftJoin('users as u', 'u.id', 'p.last_confirmed_by')
      .selectAll('p')
      .select([
        'a.member_code', 'a.name_en as agency_name', 'pe.id as holder_id', 'pe.name_latin as holder_name_latin',
        'pe.name_local as holder_name_local', 'pe.title as holder_title', 'h.start_date as holder_since', 'u.display_name as confirmer_name',
      ])
      .$if(!!where.agencyIds, (qb) => qb.where('p.agency_id', 'in', where.agencyIds?.length ? where.agencyIds : ['']))
      .$if(!!where.positionIds, (qb) => qb.where('p.id', 'in', where.positionIds?.length ? where.positionIds : ['']))
      .orderBy('p.title')
      .execute();
  },

  async positionThemes(db: Db, positionIds: readonly string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(positionIds.map((id) => [id, []]));
    if (positionIds.length === 0) return map;
    const rows = await db.selectFrom('position_themes').selectAll().where('position_id', 'in', positionIds).orderBy('theme_code').execute();
    for (const r of rows) map.get(r.position_id)?.push(r.theme_code);
    return map;
  },

  async insertPosition(db: Db, row: PositionsTable, themes: readonly string[]): Promise<void> {
    await db.insertInto('positions').values(row).execute();
    await this.setThemes(db, row.id, themes);
  },

  async updatePosition(db: Db, id: string, patch: Partial<PositionsTable>): Promise<void> {
    await db.updateTable('positions').set(patch).where('id', '=', id).execute();
  },

  async setThemes(db: Db, positionId: string, themes: readonly string[]): Promise<void> {
    await db.deleteFrom('position_themes').where('position_id', '=', positionId).execute();
    if (themes.length) await db.insertInto('position_themes').values(themes.map((theme_code) => ({ position_id: positionId, theme_code }))).execute();
  },

  currentHolder: (db: Db, positionId: string) =>
    db.selectFrom('position_holders').selectAll().where('position_id', '=', positionId).where('end_date', 'is', null).executeTakeFirst(),

  async endHolding(db: Db, holdingId: string, endDate: string, note: string | null): Promise<void> {
    await db.updateTable('position_holders').set({ end_date: endDate, ...(note ? { note } : {}) }).where('id', '=', holdingId).execute();
  },

  async startHolding(db: Db, row: DB['position_holders']): Promise<void> {
    await db.insertInto('position_holders').values(row).execute();
  },

  person: (db: Db, id: string) => db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst(),

  async insertPerson(db: Db, row: PeopleTable): Promise<void> {
    await db.insertInto('people').values(row).execute();
  },

  async updatePerson(db: Db, id: string, patch: Partial<PeopleTable>): Promise<void> {
    await db.updateTable('people').set(patch).where('id', '=', id).execute();
  },

  channels: (db: Db, personId: string) => db.selectFrom('contact_channels').selectAll().where('person_id', '=', personId).orderBy('sort_order').execute(),

  async replaceChannels(db: Db, personId: string, rows: ContactChannelsTable[]): Promise<void> {
    await db.deleteFrom('contact_channels').where('person_id', '=', personId).execute();
    if (rows.length) await db.insertInto('contact_channels').values(rows).execute();
  },

  /** A person's positions over time, newest first, with the agency's Member. */
  personHoldings: (db: Db, personId: string) =>
    db
      .selectFrom('position_holders as h')
      .innerJoin('positions as p', 'p.id', 'h.position_id')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['h.position_id', 'p.title', 'a.id as agency_id', 'a.name_en as agency_name', 'a.member_code', 'h.start_date', 'h.end_date'])
      .where('h.person_id', '=', personId)
      .orderBy('h.start_date', 'desc')
      .execute(),

  /** Members whose agencies a person currently works for (decides who may edit the person). */
  async personMembers(db: Db, personId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('position_holders as h')
      .innerJoin('positions as p', 'p.id', 'h.position_id')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select('a.member_code')
      .distinct()
      .where('h.person_id', '=', personId)
      .where('h.end_date', 'is', null)
      .execute();
    return rows.map((r) => r.member_code);
  },

  /** Whether a person has at least one public channel (anonymous visitors see only such people). */
  async hasPublicChannel(db: Db, personIds: readonly string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await db.selectFrom('contact_channels').select('person_id').distinct().where('person_id', 'in', personIds).where('visibility', '=', 'public').execute();
    return new Set(rows.map((r) => r.person_id));
  },

  userName: (db: Db, id: string | null) =>
    id ? db.selectFrom('users').select(['id', 'display_name']).where('id', '=', id).executeTakeFirst() : Promise.resolve(undefined),
};
