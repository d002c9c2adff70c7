import type { Kysely, Transaction } from 'kysely';
import { containsInsensitive } from '../../db/dialect';
import type { DB, UsersTable } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;
export type UserRow = UsersTable;

export interface UserFilter {
  q?: string;
  role?: string;
  status?: string;
  /** Keyset cursor: the last (display_name, id) seen. */
  after?: { name: string; id: string };
  limit: number;
}

/** All SQL about accounts and their Member scopes. */
export const usersRepository = {
  findById(db: Db, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findByEmail(db: Db, email: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  },

  async insert(db: Db, row: UserRow, memberScopes: readonly string[]): Promise<void> {
    await db.insertInto('users').values(row).execute();
    await this.setScopes(db, row.id, memberScopes);
  },

  async update(db: Db, id: string, patch: Partial<UserRow>): Promise<void> {
    await db.updateTable('users').set(patch).where('id', '=', id).execute();
  },

  async scopes(db: Db, userId: string): Promise<string[]> {
    const rows = await db.selectFrom('user_member_scopes').select('member_code').where('user_id', '=', userId).orderBy('member_code').execute();
    return rows.map((r) => r.member_code);
  },

  /** Scopes for many users in one query. */
  async scopesFor(db: Db, userIds: readonly string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return map;
    const rows = await db.selectFrom('user_member_scopes').select(['user_id', 'member_code']).where('user_id', 'in', userIds).orderBy('member_code').execute();
    for (const r of rows) map.get(r.user_id)?.push(r.member_code);
    return map;
  },

  async setScopes(db: Db, userId: string, memberScopes: readonly string[]): Promise<void> {
    await db.deleteFrom('user_member_scopes').where('user_id', '=', userId).execute();
    if (memberScopes.length > 0) {
      await db.insertInto('user_member_scopes').values(memberScopes.map((member_code) => ({ user_id: userId, member_code }))).execute();
    }
  },

  list(db: Db, f: UserFilter): Promise<UserRow[]> {
    return db
      .selectFrom('users')
      .selectAll()
      .$if(!!f.q, (qb) =>
        qb.where((eb) => eb.or([containsInsensitive('display_name', f.q ?? ''), containsInsensitive('email', f.q ?? '')])),
      )
      .$if(!!f.role, (qb) => qb.where('role', '=', f.role ?? ''))
      .$if(!!f.status, (qb) => qb.where('status', '=', f.status ?? ''))
      .$if(!!f.after, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('display_name', '>', f.after?.name ?? ''),
            eb.and([eb('display_name', '=', f.after?.name ?? ''), eb('id', '>', f.after?.id ?? '')]),
          ]),
        ),
      )
      .orderBy('display_name')
      .orderBy('id')
      .limit(f.limit)
      .execute();
  },

  /** Accounts scoped to one Member. */
  listByMember(db: Db, memberCode: string): Promise<UserRow[]> {
    return db
      .selectFrom('users')
      .innerJoin('user_member_scopes as s', 's.user_id', 'users.id')
      .selectAll('users')
      .where('s.member_code', '=', memberCode)
      .orderBy('users.display_name')
      .execute();
  },

  async countActiveAdmins(db: Db): Promise<number> {
    const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'secretariat_admin').where('status', '=', 'active').executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async replaceRecoveryCodes(db: Db, userId: string, rows: { id: string; code_hash: string; created_at: string }[]): Promise<void> {
    await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    if (rows.length > 0) await db.insertInto('recovery_codes').values(rows.map((r) => ({ ...r, user_id: userId, used_at: null }))).execute();
  },

  /** Marks one unused recovery code used; false when there is none with that hash. */
  async consumeRecoveryCode(db: Db, userId: string, codeHash: string, at: string): Promise<boolean> {
    const r = await db.updateTable('recovery_codes').set({ used_at: at }).where('user_id', '=', userId).where('code_hash', '=', codeHash).where('used_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Records a TOTP step as used; false when that step or a later one was used already. */
  async claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
    const r = await db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
