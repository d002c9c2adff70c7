import type { Kysely } from 'kysely';
import type { ContactChannelsTable, DB } from '../../../db/schema';

export interface ExportFilter {
  member?: string;
  subregion?: string;
  mandate?: string;
  workingGroup?: string;
  agencyType?: string;
  freshness?: 'confirmed' | 'stale' | 'missing';
  /** Confirmations at or after this time are fresh. */
  freshCutoff: string;
}

const IN_CHUNK = 500;

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** All SQL of the export: positions with agency, Member and current holder, agencies without positions, channels. */
export const exportRepository = {
  /** One row per position passing the filters (freshness and working group are the position's own). */
  positions(db: Kysely<DB>, f: ExportFilter) {
    return db
      .selectFrom('positions as p')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .innerJoin('members as m', 'm.code', 'a.member_code')
      .leftJoin('position_holders as h', (j) => j.onRef('h.position_id', '=', 'p.id').on('h.end_date', 'is', null))
      .leftJoin('people as pe', 'pe.id', 'h.person_id')
      .select([
        'p.id as position_id', 'p.title as position_title', 'p.working_group_code', 'p.last_confirmed_at',
        'a.id as agency_id', 'a.member_code', 'a.name_en as agency_name_en', 'a.name_local as agency_name_local', 'a.acronym', 'a.type as agency_type', 'm.name as member_name',
        'pe.id as person_id', 'pe.name_latin', 'pe.name_local', 'pe.title as person_title', 'pe.user_id', 'pe.languages', 'pe.updated_at as person_updated_at',
      ])
      .$if(!!f.member, (qb) => qb.where('a.member_code', '=', f.member ?? ''))
      .$if(!!f.subregion, (qb) => qb.where('m.subregion_code', '=', f.subregion ?? ''))
      .$if(!!f.agencyType, (qb) => qb.where('a.type', '=', f.agencyType ?? ''))
      .$if(!!f.workingGroup, (qb) => qb.where('p.working_group_code', '=', f.workingGroup ?? ''))
      .$if(!!f.mandate, (qb) =>
        qb.where((eb) => eb.exists(eb.selectFrom('agency_mandates as am').select('am.agency_id').whereRef('am.agency_id', '=', 'a.id').where('am.mandate_code', '=', f.mandate ?? ''))),
      )
      .$if(f.freshness === 'missing', (qb) => qb.where('h.id', 'is', null))
      .$if(f.freshness === 'confirmed', (qb) => qb.where('h.id', 'is not', null).where('p.last_confirmed_at', '>=', f.freshCutoff))
      .$if(f.freshness === 'stale', (qb) => qb.where('h.id', 'is not', null).where((eb) => eb.or([eb('p.last_confirmed_at', 'is', null), eb('p.last_confirmed_at', '<', f.freshCutoff)])))
      .orderBy('m.sort_name')
      .orderBy('a.name_en')
      .orderBy('a.id')
      .orderBy('p.title')
      .orderBy('p.id')
      .execute();
  },

  /** Agencies with no position at all (exported as a row of their own, so that a re-import keeps them). */
  emptyAgencies(db: Kysely<DB>, f: ExportFilter) {
    return db
      .selectFrom('agencies as a')
      .innerJoin('members as m', 'm.code', 'a.member_code')
      .select(['a.id as agency_id', 'a.member_code', 'a.name_en as agency_name_en', 'a.name_local as agency_name_local', 'a.acronym', 'a.type as agency_type', 'm.name as member_name', 'm.sort_name'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('positions as p').select('p.id').whereRef('p.agency_id', '=', 'a.id'))))
      .$if(!!f.member, (qb) => qb.where('a.member_code', '=', f.member ?? ''))
      .$if(!!f.subregion, (qb) => qb.where('m.subregion_code', '=', f.subregion ?? ''))
      .$if(!!f.agencyType, (qb) => qb.where('a.type', '=', f.agencyType ?? ''))
      .$if(!!f.mandate, (qb) =>
        qb.where((eb) => eb.exists(eb.selectFrom('agency_mandates as am').select('am.agency_id').whereRef('am.agency_id', '=', 'a.id').where('am.mandate_code', '=', f.mandate ?? ''))),
      )
      .execute();
  },

  async mandates(db: Kysely<DB>, agencyIds: readonly string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    for (const ids of chunks(agencyIds, IN_CHUNK)) {
      const rows = await db.selectFrom('agency_mandates as am').innerJoin('mandates as m', 'm.code', 'am.mandate_code').select(['am.agency_id', 'am.mandate_code']).where('am.agency_id', 'in', ids).orderBy('m.sort_order').execute();
      for (const r of rows) {
        const list = map.get(r.agency_id);
        if (list) list.push(r.mandate_code);
        else map.set(r.agency_id, [r.mandate_code]);
      }
    }
    return map;
  },

  async channels(db: Kysely<DB>, personIds: readonly string[]): Promise<Map<string, ContactChannelsTable[]>> {
    const map = new Map<string, ContactChannelsTable[]>();
    for (const ids of chunks(personIds, IN_CHUNK)) {
      for (const c of await db.selectFrom('contact_channels').selectAll().where('person_id', 'in', ids).orderBy('person_id').orderBy('sort_order').execute()) {
        const list = map.get(c.person_id);
        if (list) list.push(c);
        else map.set(c.person_id, [c]);
      }
    }
    return map;
  },

  /** A person with the agency and position they hold now (the earliest-started, when several). */
  async person(db: Kysely<DB>, id: string) {
    const person = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    if (!person) return undefined;
    const holding = await db
      .selectFrom('position_holders as h')
      .innerJoin('positions as p', 'p.id', 'h.position_id')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['p.title', 'a.name_en', 'a.name_local'])
      .where('h.person_id', '=', id)
      .where('h.end_date', 'is', null)
      .orderBy('h.start_date')
      .limit(1)
      .executeTakeFirst();
    return { person, holding };
  },

  referenceNames: async (db: Kysely<DB>) => {
    const [mandates, workingGroups] = await Promise.all([
      db.selectFrom('mandates').select(['code', 'name']).execute(),
      db.selectFrom('working_groups').select(['code', 'name']).execute(),
    ]);
    return { mandates: new Map(mandates.map((m) => [m.code, m.name])), workingGroups: new Map(workingGroups.map((w) => [w.code, w.name])) };
  },
};
