import type { Invitation, User } from '@/contracts/users';
import { scopedRoles, type Role } from '@/contracts/roles';
import { serializeOn } from '../../db/dialect';
import { DAY } from '../../platform/clock';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import type { RequestContext } from '../../platform/context';
import { newId, randomToken, sha256 } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { authorize, requireActor, can } from '../../platform/permissions';
import { referenceRepository } from '../reference/reference.repository';
import { auditedUser, presentUser } from './users.presenter';
import { usersRepository, type UserRow } from './users.repository';
import { invitationsRepository, type InvitationRow } from './invitations.repository';

const roleLabels: Record<Role, string> = {
  secretariat_admin: 'secretariat administrator',
  secretariat_staff: 'secretariat staff',
  member_coordinator: 'Member coordinator',
  official: 'official',
  researcher: 'researcher',
};

/** Accounts as administrators see them, and invitations. */
export class UsersService {
  constructor(private readonly d: PlatformDeps) {}

  async list(ctx: RequestContext, f: { q?: string; role?: string; status?: string; limit: number; cursor?: string }): Promise<{ items: User[]; nextCursor: string | null }> {
    authorize(ctx, 'users.list');
    const after = f.cursor ? decodeCursor(f.cursor) : undefined;
    const rows = await usersRepository.list(this.d.db, { ...f, after, limit: f.limit + 1 });
    const page = rows.slice(0, f.limit);
    const scopes = await usersRepository.scopesFor(this.d.db, page.map((r) => r.id));
    const last = page.at(-1);
    return {
      items: page.map((r) => presentUser(r, scopes.get(r.id) ?? [])),
      nextCursor: rows.length > f.limit && last ? encodeCursor(last.display_name, last.id) : null,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<User> {
    authorize(ctx, 'users.list');
    const row = await this.find(id);
    return presentUser(row, await usersRepository.scopes(this.d.db, id));
  }

  /** Accounts scoped to one Member: secretariat, or that Member's coordinator. */
  async listForMember(ctx: RequestContext, memberCode: string): Promise<User[]> {
    authorize(ctx, 'members.accounts', { memberCode });
    if (!(await referenceRepository.member(this.d.db, memberCode))) throw errors.notFound('The Member');
    const rows = await usersRepository.listByMember(this.d.db, memberCode);
    const scopes = await usersRepository.scopesFor(this.d.db, rows.map((r) => r.id));
    return rows.map((r) => presentUser(r, scopes.get(r.id) ?? []));
  }

  async update(ctx: RequestContext, id: string, patch: { role?: Role; memberScopes?: string[]; displayName?: string }): Promise<User> {
    const actor = authorize(ctx, 'users.manage');
    const row = await this.find(id);
    const beforeScopes = await usersRepository.scopes(this.d.db, id);
    const role = patch.role ?? (row.role as Role);
    const scopes = patch.memberScopes ?? beforeScopes;
    if (id === actor.id && patch.role && patch.role !== row.role) throw errors.conflict('You cannot change your own role. Ask another administrator.', 'role');
    await this.validateScopes(role, scopes);
    const effectiveScopes = scopedRoles.includes(role) ? scopes : [];
    const next: UserRow = { ...row, role, display_name: patch.displayName ?? row.display_name, updated_at: this.d.clock.now().toISOString() };
    await this.d.db.transaction().execute(async (trx) => {
      await serializeOn(trx, this.d.dialect, 'active-admins');
      await usersRepository.update(trx, id, { role: next.role, display_name: next.display_name, updated_at: next.updated_at });
      if ((await usersRepository.countActiveAdmins(trx)) === 0) throw errors.conflict('The hub needs at least one active administrator.', 'role');
      await usersRepository.setScopes(trx, id, effectiveScopes);
      await this.d.audit.record(trx, ctx, { action: 'user.updated', entity: 'user', entityId: id, before: auditedUser(row, beforeScopes), after: auditedUser(next, effectiveScopes) });
    });
    return this.get(ctx, id);
  }

  /** Disables or re-enables an account; disabling ends all its sessions at once. */
  async setStatus(ctx: RequestContext, id: string, status: 'active' | 'disabled'): Promise<User> {
    const actor = authorize(ctx, 'users.manage');
    const row = await this.find(id);
    if (id === actor.id) throw errors.conflict('You cannot disable your own account.');
    await this.d.db.transaction().execute(async (trx) => {
      await serializeOn(trx, this.d.dialect, 'active-admins');
      await usersRepository.update(trx, id, { status, updated_at: this.d.clock.now().toISOString(), failed_logins: 0, locked_until: null });
      if ((await usersRepository.countActiveAdmins(trx)) === 0) throw errors.conflict('The hub needs at least one active administrator.');
      const ended = status === 'disabled' ? await this.d.sessions.deleteAllForUser(trx, id) : 0;
      await this.d.audit.record(trx, ctx, { action: status === 'disabled' ? 'user.disabled' : 'user.enabled', entity: 'user', entityId: id, before: { status: row.status }, after: { status, sessions_ended: ended } });
    });
    return this.get(ctx, id);
  }

  /** Clears someone's two-factor set-up (a lost phone); they set it up again at next sign-in if their role needs it. */
  async resetTotp(ctx: RequestContext, id: string): Promise<User> {
    authorize(ctx, 'users.manage');
    const row = await this.find(id);
    await this.d.db.transaction().execute(async (trx) => {
      await usersRepository.update(trx, id, { totp_secret: null, totp_pending_secret: null, totp_enabled: 0, totp_last_step: null, updated_at: this.d.clock.now().toISOString() });
      await usersRepository.replaceRecoveryCodes(trx, id, []);
      const ended = await this.d.sessions.deleteAllForUser(trx, id);
      await this.d.audit.record(trx, ctx, { action: 'user.totp_reset', entity: 'user', entityId: id, before: { totp_enabled: row.totp_enabled === 1 }, after: { totp_enabled: false, sessions_ended: ended } });
    });
    return this.get(ctx, id);
  }

  async listInvitations(ctx: RequestContext): Promise<Invitation[]> {
    const actor = authorize(ctx, 'invitations.list');
    const rows = await invitationsRepository.list(this.d.db);
    const now = this.d.clock.now().toISOString();
    return rows
      .map((r) => presentInvitation(r, now))
      .filter((inv) => can(actor, 'invitations.revoke', { invitedBy: inv.invitedBy?.id ?? null, memberScopes: inv.memberScopes }));
  }

  async invite(ctx: RequestContext, input: { email: string; role: Role; memberScopes: string[] }): Promise<Invitation> {
    const actor = requireActor(ctx);
    const scopes = scopedRoles.includes(input.role) ? input.memberScopes : [];
    if (!can(actor, 'invitations.create', { role: input.role, memberScopes: scopes })) {
      throw errors.forbidden(actor.role === 'member_coordinator' ? 'You can invite officials of your own Members only.' : undefined);
    }
    await this.validateScopes(input.role, scopes);
    if (await usersRepository.findByEmail(this.d.db, input.email)) throw errors.conflict('An account with this email address exists already.', 'email');
    const token = randomToken(32);
    const now = this.d.clock.now();
    const row: InvitationRow = {
      id: newId(), email: input.email, role: input.role, member_scopes: JSON.stringify(scopes), token_hash: sha256(token),
      invited_by: actor.id, expires_at: new Date(now.getTime() + this.d.config.INVITATION_DAYS * DAY).toISOString(),
      accepted_at: null, revoked_at: null, created_at: now.toISOString(),
    };
    const inviter = await usersRepository.findById(this.d.db, actor.id);
    const mailIds = await this.d.db.transaction().execute(async (trx) => {
      // A new invitation replaces the earlier pending ones this inviter could withdraw, so only the newest link works.
      const pending = await invitationsRepository.pendingFor(trx, input.email);
      const replaceable = pending.filter((p) => can(actor, 'invitations.revoke', { invitedBy: p.invited_by, memberScopes: JSON.parse(p.member_scopes) as string[] }));
      for (const p of replaceable) await invitationsRepository.revoke(trx, p.id, now.toISOString());
      const replaced = replaceable.length;
      await invitationsRepository.insert(trx, row);
      await this.d.audit.record(trx, ctx, { action: 'invitation.created', entity: 'invitation', entityId: row.id, after: { email: row.email, role: row.role, member_scopes: scopes, expires_at: row.expires_at, replaced } });
      const link = `${this.d.config.PUBLIC_URL}/invitation/${token}`;
      return [
        await this.d.mailer.enqueue(trx, {
          to: input.email,
          kind: 'invitation',
          subject: 'Your invitation to the Bali Process Hub',
          text: `Hello,\n\n${inviter?.display_name ?? 'The secretariat'} invites you to the Bali Process Hub as ${roleLabels[input.role]}${scopes.length ? ` (${scopes.join(', ')})` : ''}.\n\nTo create your account, open this link within ${this.d.config.INVITATION_DAYS} days:\n\n${link}\n\nThe link works once. If you did not expect this invitation, you can ignore this message.\n`,
        }),
      ];
    });
    await this.d.mailer.dispatch(mailIds);
    return presentInvitation({ ...row, inviter_name: inviter?.display_name ?? null }, now.toISOString());
  }

  async revokeInvitation(ctx: RequestContext, id: string): Promise<void> {
    const actor = requireActor(ctx);
    const row = await invitationsRepository.find(this.d.db, id);
    if (!row) throw errors.notFound('The invitation');
    const scopes = JSON.parse(row.member_scopes) as string[];
    if (!can(actor, 'invitations.revoke', { invitedBy: row.invited_by, memberScopes: scopes })) throw errors.forbidden();
    if (row.accepted_at || row.revoked_at) throw errors.conflict('This invitation has been used or withdrawn already.');
    await this.d.db.transaction().execute(async (trx) => {
      await invitationsRepository.revoke(trx, id, this.d.clock.now().toISOString());
      await this.d.audit.record(trx, ctx, { action: 'invitation.revoked', entity: 'invitation', entityId: id, before: { email: row.email, status: 'pending' }, after: { status: 'revoked' } });
    });
  }

  private async find(id: string): Promise<UserRow> {
    const row = await usersRepository.findById(this.d.db, id);
    if (!row) throw errors.notFound('The user');
    return row;
  }

  private async validateScopes(role: Role, scopes: readonly string[]): Promise<void> {
    if (!scopedRoles.includes(role)) return;
    if (scopes.length === 0) throw errors.field('memberScopes', `Choose at least one Member for a ${roleLabels[role]}.`);
    const known = await referenceRepository.memberCodes(this.d.db, scopes);
    const unknown = scopes.filter((c) => !known.has(c));
    if (unknown.length) throw errors.field('memberScopes', `Unknown Member code: ${unknown.join(', ')}.`);
  }
}

function presentInvitation(r: InvitationRow & { inviter_name: string | null }, now: string): Invitation {
  return {
    id: r.id,
    email: r.email,
    role: r.role as Role,
    memberScopes: JSON.parse(r.member_scopes) as string[],
    invitedBy: r.invited_by ? { id: r.invited_by, displayName: r.inviter_name ?? '' } : null,
    status: r.accepted_at ? 'accepted' : r.revoked_at ? 'revoked' : r.expires_at <= now ? 'expired' : 'pending',
    expiresAt: r.expires_at,
    createdAt: r.created_at,
  };
}
