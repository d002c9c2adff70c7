import type { Kysely, Transaction } from 'kysely';
import type { DB, MembersTable } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export const referenceRepository = {
  member(db: Db, code: string): Promise<MembersTable | undefined> {
    return db.selectFrom('members').selectAll().where('code', '=', code).executeTakeFirst();
  },

  async memberCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await db.selectFrom('members').select('code').where('code', 'in', codes).execute();
    return new Set(rows.map((r) => r.code));
  },

  members(db: Db) {
    return db
      .selectFrom('members')
      .leftJoin('subregions', 'subregions.code', 'members.subregion_code')
      .selectAll('members')
      .select('subregions.name as subregion_name')
      .orderBy('members.participation')
      .orderBy('members.sort_name')
      .execute();
  },

  subregions: (db: Db) => db.selectFrom('subregions').selectAll().orderBy('name').execute(),
  workingGroups: (db: Db) => db.selectFrom('working_groups').selectAll().orderBy('sort_order').execute(),
  themes: (db: Db) => db.selectFrom('themes').selectAll().orderBy('sort_order').execute(),
  mandates: (db: Db) => db.selectFrom('mandates').selectAll().orderBy('sort_order').execute(),

  async updateMember(db: Db, code: string, patch: Partial<MembersTable>): Promise<void> {
    await db.updateTable('members').set(patch).where('code', '=', code).execute();
  },
};
