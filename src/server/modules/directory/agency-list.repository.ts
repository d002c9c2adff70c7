import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export interface AgencyListFilter {
  member?: string;
  subregion?: string;
  mandate?: string;
  workingGroup?: string;
  agencyType?: string;
  freshness?: 'confirmed' | 'stale' | 'missing';
  /** Confirmations at or after this time are fresh. */
  freshCutoff: string;
  /** Only these agencies (search hits). */
  ids?: readonly string[];
  after?: { name: string; id: string };
  limit: number;
}

/** The filtered agency list: one query, keyset-paged by name. */
export const agencyListRepository = {
  list(db: Kysely<DB>, f: AgencyListFilter) {
    return db
      .selectFrom('agencies as a')
      .innerJoin('members as m', 'm.code', 'a.member_code')
      .selectAll('a')
      .select('m.name as member_name')
      .$if(!!f.ids, (qb) => qb.where('a.id', 'in', f.ids?.length ? f.ids : ['']))
      .$if(!!f.member, (qb) => qb.where('a.member_code', '=', f.member ?? ''))
      .$if(!!f.subregion, (qb) => qb.where('m.subregion_code', '=', f.subregion ?? ''))
      .$if(!!f.agencyType, (qb) => qb.where('a.type', '=', f.agencyType ?? ''))
      .$if(!!f.mandate, (qb) =>
        qb.where((eb) => eb.exists(eb.selectFrom('agency_mandates as am').select('am.agency_id').whereRef('am.agency_id', '=', 'a.id').where('am.mandate_code', '=', f.mandate ?? ''))),
      )
      .$if(!!f.workingGroup, (qb) =>
        qb.where((eb) => eb.exists(eb.selectFrom('positions as p').select('p.id').whereRef('p.agency_id', '=', 'a.id').where('p.working_group_code', '=', f.workingGroup ?? ''))),
      )
      .$if(!!f.freshness, (qb) =>
        qb.where((eb) =>
          eb.exists(
            eb
              .selectFrom('positions as p')
              .leftJoin('position_holders as h', (j) => j.onRef('h.position_id', '=', 'p.id').on('h.end_date', 'is', null))
              .select('p.id')
              .whereRef('p.agency_id', '=', 'a.id')
              .where((w) =>
                f.freshness === 'missing'
                  ? w('h.id', 'is', null)
                  : f.freshness === 'confirmed'
                    ? w.and([w('h.id', 'is not', null), w('p.last_confirmed_at', '>=', f.freshCutoff)])
                    : w.and([w('h.id', 'is not', null), w.or([w('p.last_confirmed_at', 'is', null), w('p.last_confirmed_at', '<', f.freshCutoff)])]),
              ),
          ),
        ),
      )
      .$if(!!f.after, (qb) =>
        qb.where((eb) => eb.or([eb('a.name_en', '>', f.after?.name ?? ''), eb.and([eb('a.name_en', '=', f.after?.name ?? ''), eb('a.id', '>', f.after?.id ?? '')])])),
      )
      .orderBy('a.name_en')
      .orderBy('a.id')
      .limit(f.limit)
      .execute();
  },
};
