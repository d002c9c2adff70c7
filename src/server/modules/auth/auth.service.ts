import type { LoginResult, SessionInfo, InvitationPreview } from '@/contracts/auth';
import { rolesRequiringTotp, type Role } from '@/contracts/roles';
import { dummyPasswordHash, hashPassword, verifyPassword, weakPasswordReason } from '../../platform/auth/passwords';
import { MINUTE } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { randomToken, sha256, newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { AppError, errors } from '../../platform/errors';
import { usersRepository, type UserRow } from '../users/users.repository';
import { presentCurrentUser } from '../users/users.presenter';
import { checkSecondFactor } from './second-factor';

const CHALLENGE_TTL_SECONDS = 5 * 60;

export interface NewSession {
  token: string;
  info: SessionInfo;
}

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The email or password is not correct.');

/** Sign-in, sign-out, second factor, password reset and accepting an invitation. */
export class AuthService {
  constructor(private readonly d: PlatformDeps) {}

  async sessionInfo(ctx: RequestContext, csrfToken: string | null): Promise<SessionInfo> {
    if (!ctx.actor) return { user: null, csrfToken: null };
    const row = await usersRepository.findById(this.d.db, ctx.actor.id);
    if (!row) return { user: null, csrfToken: null };
    return { user: presentCurrentUser(row, [...ctx.actor.memberScopes]), csrfToken };
  }

  /** Step one: the password. Counts failures per account and locks it after too many. */
  async login(ctx: RequestContext, email: string, password: string): Promise<LoginResult | NewSession> {
    const user = await usersRepository.findByEmail(this.d.db, email);
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), password);
      await this.d.audit.record(this.d.db, ctx, { action: 'auth.login_failed', entity: 'user', entityId: null, after: { email, reason: 'unknown_account' } });
      throw invalidCredentials();
    }
    await this.assertNotLocked(ctx, user);
    const ok = await verifyPassword(user.password_hash, password);
    if (!ok) {
      await this.recordFailure(ctx, user, 'wrong_password');
      throw invalidCredentials();
    }
    if (user.status !== 'active') {
      await this.d.audit.record(this.d.db, ctx, { action: 'auth.login_failed', entity: 'user', entityId: user.id, actorId: user.id, after: { reason: 'account_disabled' } });
      throw new AppError(403, 'account_disabled', 'This account is disabled. Contact the secretariat.');
    }
    if (user.totp_enabled === 1) {
      const challenge = this.d.secrets.sign({ uid: user.id, purpose: 'login', pwc: user.password_changed_at }, CHALLENGE_TTL_SECONDS, this.d.clock.now().getTime());
      return { status: 'second_factor_required', challenge };
    }
    return this.startSession(ctx, user, 'password');
  }

  /** Step two: a TOTP code or a recovery code against the challenge from step one. */
  async loginSecondFactor(ctx: RequestContext, input: { challenge: string; code?: string; recoveryCode?: string }): Promise<NewSession> {
    const payload = this.d.secrets.verify(input.challenge, this.d.clock.now().getTime());
    if (payload?.purpose !== 'login' || typeof payload.uid !== 'string') {
      throw new AppError(401, 'challenge_expired', 'The sign-in took too long. Enter your email and password again.');
    }
    const user = await usersRepository.findById(this.d.db, payload.uid);
    if (!user || user.status !== 'active' || user.password_changed_at !== payload.pwc) {
      throw new AppError(401, 'challenge_expired', 'The sign-in took too long. Enter your email and password again.');
    }
    await this.assertNotLocked(ctx, user);
    const how = await checkSecondFactor(this.d.db, this.d, user, input);
    if (!how) {
      await this.recordFailure(ctx, user, 'wrong_second_factor');
      throw errors.field(input.code ? 'code' : 'recoveryCode', 'That code is not valid. Codes work once; wait for the next one.', 'invalid_code');
    }
    return this.startSession(ctx, user, how);
  }

  async logout(ctx: RequestContext): Promise<void> {
    if (!ctx.actor) return;
    const actor = ctx.actor;
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.sessions.delete(trx, actor.sessionId);
      await this.d.audit.record(trx, ctx, { action: 'auth.logout', entity: 'session', entityId: actor.sessionId });
    });
  }

  /** Sends a single-use reset link if the account exists; answers the same either way. */
  async forgotPassword(ctx: RequestContext, email: string): Promise<void> {
    const user = await usersRepository.findByEmail(this.d.db, email);
    if (!user || user.status !== 'active') {
      await this.d.audit.record(this.d.db, ctx, { action: 'auth.password_reset_requested', entity: 'user', entityId: null, after: { email, sent: false } });
      return;
    }
    const token = randomToken(32);
    const now = this.d.clock.now();
    const mailIds = await this.d.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('password_resets')
        .values({ id: newId(), user_id: user.id, token_hash: sha256(token), expires_at: new Date(now.getTime() + this.d.config.PASSWORD_RESET_MINUTES * MINUTE).toISOString(), used_at: null, created_at: now.toISOString() })
        .execute();
      await this.d.audit.record(trx, ctx, { action: 'auth.password_reset_requested', entity: 'user', entityId: user.id, actorId: user.id, after: { email, sent: true } });
      const link = `${this.d.config.PUBLIC_URL}/reset-password?token=${token}`;
      return [
        await this.d.mailer.enqueue(trx, {
          to: user.email,
          kind: 'password_reset',
          subject: 'Reset your Bali Process Hub password',
          text: `Hello ${user.display_name},\n\nSomeone asked to reset the password of your Bali Process Hub account. To choose a new password, open this link within ${this.d.config.PASSWORD_RESET_MINUTES} minutes:\n\n${link}\n\nThe link works once. If you did not ask for this, ignore this message: your password stays as it is.\n`,
        }),
      ];
    });
    await this.d.mailer.dispatch(mailIds);
  }

  /** Sets a new password from a reset link; an account with two-factor must give a code as well. Ends all sessions. */
  async resetPassword(ctx: RequestContext, input: { token: string; password: string; code?: string; recoveryCode?: string }): Promise<void> {
    const now = this.d.clock.now().toISOString();
    const reset = await this.d.db.selectFrom('password_resets').selectAll().where('token_hash', '=', sha256(input.token)).executeTakeFirst();
    if (!reset || reset.used_at || reset.expires_at <= now) {
      throw new AppError(400, 'token_invalid', 'This reset link is not valid any more. Ask for a new one.');
    }
    const user = await usersRepository.findById(this.d.db, reset.user_id);
    if (!user || user.status !== 'active') throw new AppError(400, 'token_invalid', 'This reset link is not valid any more. Ask for a new one.');
    const weak = weakPasswordReason(input.password, user.email);
    if (weak) throw errors.field('password', weak, 'password_weak');
    if (user.totp_enabled === 1) {
      if (!input.code && !input.recoveryCode) {
        throw new AppError(400, 'second_factor_required', 'Enter the code from your authenticator app to reset your password.', [{ field: 'code', message: 'Enter the 6-digit code.' }]);
      }
      if (!(await checkSecondFactor(this.d.db, this.d, user, input))) {
        throw errors.field(input.code ? 'code' : 'recoveryCode', 'That code is not valid.', 'invalid_code');
      }
    }
    const password_hash = await hashPassword(input.password);
    await this.d.db.transaction().execute(async (trx) => {
      const used = await trx.updateTable('password_resets').set({ used_at: now }).where('id', '=', reset.id).where('used_at', 'is', null).executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw new AppError(400, 'token_invalid', 'This reset link is not valid any more. Ask for a new one.');
      await usersRepository.update(trx, user.id, { password_hash, password_changed_at: now, updated_at: now, failed_logins: 0, locked_until: null });
      const ended = await this.d.sessions.deleteAllForUser(trx, user.id);
      await this.d.audit.record(trx, ctx, { action: 'auth.password_reset', entity: 'user', entityId: user.id, actorId: user.id, after: { sessions_ended: ended } });
    });
  }

  async previewInvitation(token: string): Promise<InvitationPreview> {
    const inv = await this.findUsableInvitation(token);
    const role = inv.role as Role;
    return { email: inv.email, role, memberScopes: JSON.parse(inv.member_scopes) as string[], requiresTotp: rolesRequiringTotp.includes(role), expiresAt: inv.expires_at };
  }

  /** Creates the account from an invitation (single use) and signs the person in. */
  async acceptInvitation(ctx: RequestContext, token: string, input: { displayName: string; password: string }): Promise<NewSession> {
    const inv = await this.findUsableInvitation(token);
    const weak = weakPasswordReason(input.password, inv.email);
    if (weak) throw errors.field('password', weak, 'password_weak');
    if (await usersRepository.findByEmail(this.d.db, inv.email)) throw errors.conflict('An account with this email address exists already. Sign in instead.');
    const password_hash = await hashPassword(input.password);
    const now = this.d.clock.now().toISOString();
    const scopes = JSON.parse(inv.member_scopes) as string[];
    const user: UserRow = {
      id: newId(), email: inv.email, display_name: input.displayName, role: inv.role, status: 'active', password_hash, locale: 'en',
      totp_secret: null, totp_pending_secret: null, totp_enabled: 0, totp_last_step: null, failed_logins: 0, locked_until: null,
      last_login_at: now, password_changed_at: now, created_at: now, updated_at: now,
    };
    return this.d.db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('invitations').set({ accepted_at: now }).where('id', '=', inv.id).where('accepted_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) throw new AppError(400, 'token_invalid', 'This invitation has been used already.');
      await usersRepository.insert(trx, user, scopes);
      await this.d.audit.record(trx, ctx, {
        action: 'user.created_from_invitation', entity: 'user', entityId: user.id, actorId: user.id,
        after: { email: user.email, display_name: user.display_name, role: user.role, member_scopes: scopes, invitation_id: inv.id },
      });
      const { token: sessionToken, session } = await this.d.sessions.create(trx, user.id, ctx);
      await this.d.audit.record(trx, ctx, { action: 'auth.login', entity: 'session', entityId: session.id, actorId: user.id, after: { method: 'invitation' } });
      return { token: sessionToken, info: { user: presentCurrentUser(user, scopes), csrfToken: session.csrf_token } };
    });
  }

  private async findUsableInvitation(token: string) {
    const inv = await this.d.db.selectFrom('invitations').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
    const now = this.d.clock.now().toISOString();
    if (!inv || inv.accepted_at || inv.revoked_at || inv.expires_at <= now) {
      throw new AppError(400, 'token_invalid', 'This invitation link is not valid: it has expired, been used or been withdrawn. Ask the secretariat for a new one.');
    }
    return inv;
  }

  /** Refuses (and records) any attempt on a locked account, right password or not. */
  private async assertNotLocked(ctx: RequestContext, user: UserRow): Promise<void> {
    const now = this.d.clock.now().getTime();
    if (user.locked_until && Date.parse(user.locked_until) > now) {
      await this.d.audit.record(this.d.db, ctx, { action: 'auth.login_failed', entity: 'user', entityId: user.id, actorId: user.id, after: { reason: 'locked' } });
      throw errors.rateLimited(Math.ceil((Date.parse(user.locked_until) - now) / 1000));
    }
  }

  private async recordFailure(ctx: RequestContext, user: UserRow, reason: string): Promise<void> {
    const failures = user.failed_logins + 1;
    const lock = failures >= this.d.config.LOGIN_MAX_FAILURES;
    const locked_until = lock ? new Date(this.d.clock.now().getTime() + this.d.config.LOGIN_LOCK_MINUTES * MINUTE).toISOString() : null;
    await this.d.db.transaction().execute(async (trx) => {
      await usersRepository.update(trx, user.id, { failed_logins: lock ? 0 : failures, locked_until });
      await this.d.audit.record(trx, ctx, { action: 'auth.login_failed', entity: 'user', entityId: user.id, actorId: user.id, after: { reason, failures } });
      if (lock) await this.d.audit.record(trx, ctx, { action: 'auth.locked', entity: 'user', entityId: user.id, actorId: user.id, after: { locked_until } });
    });
    if (lock) throw errors.rateLimited(this.d.config.LOGIN_LOCK_MINUTES * 60);
  }

  private async startSession(ctx: RequestContext, user: UserRow, method: string): Promise<NewSession> {
    const now = this.d.clock.now().toISOString();
    const scopes = await usersRepository.scopes(this.d.db, user.id);
    return this.d.db.transaction().execute(async (trx) => {
      await usersRepository.update(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
      const { token, session } = await this.d.sessions.create(trx, user.id, ctx);
      await this.d.audit.record(trx, ctx, { action: 'auth.login', entity: 'session', entityId: session.id, actorId: user.id, after: { method } });
      return { token, info: { user: presentCurrentUser(user, scopes), csrfToken: session.csrf_token } };
    });
  }
}
