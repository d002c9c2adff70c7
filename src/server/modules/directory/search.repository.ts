import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** The documents that contain every one of the tokens (AND), up to a cap. */
export const searchRepository = {
  async matchAll(db: Kysely<DB>, tokens: readonly string[], cap: number): Promise<{ doc_type: string; doc_id: string }[]> {
    if (tokens.length === 0) return [];
    return db
      .selectFrom('search_tokens')
      .select(['doc_type', 'doc_id'])
      .where('token', 'in', tokens)
      .groupBy(['doc_type', 'doc_id'])
      .having((eb) => eb.fn.countAll(), '=', tokens.length)
      .limit(cap)
      .execute();
  },

  /** Positions with agency, Member and current holder, for search hits and filters. */
  positionFacts(db: Kysely<DB>, ids: readonly string[]) {
    return db
      .selectFrom('positions as p')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .innerJoin('members as m', 'm.code', 'a.member_code')
      .leftJoin('position_holders as h', (j) => j.onRef('h.position_id', '=', 'p.id').on('h.end_date', 'is', null))
      .select(['p.id', 'p.title', 'p.working_group_code', 'p.last_confirmed_at', 'a.id as agency_id', 'a.name_en as agency_name', 'a.type as agency_type', 'a.member_code', 'm.subregion_code', 'h.person_id as holder_id'])
      .where('p.id', 'in', ids.length ? ids : [''])
      .execute();
  },

  /** People with the positions they hold now (a person with none still appears, with nulls). */
  personFacts(db: Kysely<DB>, ids: readonly string[]) {
    return db
      .selectFrom('people as pe')
      .leftJoin('position_holders as h', (j) => j.onRef('h.person_id', '=', 'pe.id').on('h.end_date', 'is', null))
      .leftJoin('positions as p', 'p.id', 'h.position_id')
      .leftJoin('agencies as a', 'a.id', 'p.agency_id')
      .leftJoin('members as m', 'm.code', 'a.member_code')
      .select(['pe.id', 'pe.name_latin', 'pe.name_local', 'pe.title', 'p.id as position_id', 'p.title as position_title', 'p.working_group_code', 'p.last_confirmed_at', 'a.id as agency_id', 'a.name_en as agency_name', 'a.type as agency_type', 'a.member_code', 'm.subregion_code'])
      .where('pe.id', 'in', ids.length ? ids : [''])
      .execute();
  },

  async mandatesOf(db: Kysely<DB>, agencyIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const map = new Map<string, Set<string>>();
    if (agencyIds.length === 0) return map;
    const rows = await db.selectFrom('agency_mandates').selectAll().where('agency_id', 'in', agencyIds).execute();
    for (const r of rows) (map.get(r.agency_id) ?? map.set(r.agency_id, new Set()).get(r.agency_id))?.add(r.mandate_code);
    return map;
  },
};
