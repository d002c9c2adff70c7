import type { Kysely, Transaction } from 'kysely';
import type { DB, InvitationsTable } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;
export type InvitationRow = InvitationsTable;

export const invitationsRepository = {
  async insert(db: Db, row: InvitationRow): Promise<void> {
    await db.insertInto('invitations').values(row).execute();
  },

  find(db: Db, id: string): Promise<InvitationRow | undefined> {
    return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
  },

  list(db: Db): Promise<(InvitationRow & { inviter_name: string | null })[]> {
    return db
      .selectFrom('invitations')
      .leftJoin('users', 'users.id', 'invitations.invited_by')
      .selectAll('invitations')
      .select('users.display_name as inviter_name')
      .orderBy('invitations.created_at', 'desc')
      .limit(500)
      .execute();
  },

  /** Invitations to an address that are neither accepted nor withdrawn (expired ones included). */
  pendingFor(db: Db, email: string): Promise<InvitationRow[]> {
    return db.selectFrom('invitations').selectAll().where('email', '=', email).where('accepted_at', 'is', null).where('revoked_at', 'is', null).execute();
  },

  async revoke(db: Db, id: string, at: string): Promise<void> {
    await db.updateTable('invitations').set({ revoked_at: at }).where('id', '=', id).execute();
  },
};
