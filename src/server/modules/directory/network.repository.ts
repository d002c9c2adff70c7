import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export const networkRepository = {
  mandateLinks: (db: Kysely<DB>, agencyIds: readonly string[]) =>
    db.selectFrom('agency_mandates').select(['agency_id', 'mandate_code']).where('agency_id', 'in', agencyIds.length ? agencyIds : ['']).execute(),

  /** Distinct (agency, working group) pairs from the agencies' positions. */
  async workingGroupLinks(db: Kysely<DB>, agencyIds: readonly string[]): Promise<{ agency_id: string; working_group_code: string }[]> {
    const rows = await db
      .selectFrom('positions')
      .select(['agency_id', 'working_group_code'])
      .distinct()
      .where('agency_id', 'in', agencyIds.length ? agencyIds : [''])
      .where('working_group_code', 'is not', null)
      .execute();
    return rows.flatMap((r) => (r.working_group_code ? [{ agency_id: r.agency_id, working_group_code: r.working_group_code }] : []));
  },
};
