import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Positions counted by Member, mandate and freshness in one grouped query. */
export const coverageRepository = {
  counts(db: Kysely<DB>, f: { freshCutoff: string; workingGroup?: string }) {
    const holder = sql<number>`case when h.id is null then 1 else 0 end`;
    const fresh = sql<number>`case when h.id is not null and p.last_confirmed_at >= ${f.freshCutoff} then 1 else 0 end`;
    const stale = sql<number>`case when h.id is not null and (p.last_confirmed_at is null or p.last_confirmed_at < ${f.freshCutoff}) then 1 else 0 end`;
    return db
      .selectFrom('positions as p')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .innerJoin('agency_mandates as am', 'am.agency_id', 'a.id')
      .leftJoin('position_holders as h', (j) => j.onRef('h.position_id', '=', 'p.id').on('h.end_date', 'is', null))
      .select((eb) => [
        'a.member_code',
        'am.mandate_code',
        eb.fn.sum<number>(fresh).as('confirmed'),
        eb.fn.sum<number>(stale).as('stale'),
        eb.fn.sum<number>(holder).as('missing'),
      ])
      .$if(!!f.workingGroup, (qb) => qb.where('p.working_group_code', '=', f.workingGroup ?? ''))
      .groupBy(['a.member_code', 'am.mandate_code'])
      .execute();
  },
};
