import type { AccountSession, TotpSetup } from '@/contracts/account';
import type { CurrentUser } from '@/contracts/auth';
import type { Locale } from '@/contracts/common';
import { rolesRequiringTotp, type Role } from '@/contracts/roles';
import { hashPassword, verifyPassword, weakPasswordReason } from '../../platform/auth/passwords';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUrl, qrSvg, matchTotpStep } from '../../platform/auth/totp';
import type { RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { AppError, errors } from '../../platform/errors';
import { requireActor } from '../../platform/permissions';
import { checkSecondFactor } from '../auth/second-factor';
import { usersRepository, type UserRow } from '../users/users.repository';
import { presentCurrentUser } from '../users/users.presenter';

/** What a signed-in person does to their own account: sessions, password, two-factor, profile. */
export class AccountService {
  constructor(private readonly d: PlatformDeps) {}

  async listSessions(ctx: RequestContext): Promise<AccountSession[]> {
    const actor = requireActor(ctx, { allowPendingTotp: true });
    const rows = await this.d.sessions.listForUser(this.d.db, actor.id);
    return rows.map((s) => ({ id: s.id, device: describeDevice(s.user_agent), ip: s.ip, createdAt: s.created_at, lastSeenAt: s.last_seen_at, current: s.id === actor.sessionId }));
  }

  async endSession(ctx: RequestContext, sessionId: string): Promise<void> {
    const actor = requireActor(ctx, { allowPendingTotp: true });
    const own = (await this.d.sessions.listForUser(this.d.db, actor.id)).find((s) => s.id === sessionId);
    if (!own) throw errors.notFound('The session');
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.sessions.delete(trx, sessionId);
      await this.d.audit.record(trx, ctx, { action: 'session.ended', entity: 'session', entityId: sessionId, before: { device: describeDevice(own.user_agent), ip: own.ip } });
    });
  }

  /** Changes the password after checking the current one; every other session ends. */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
    const actor = requireActor(ctx, { allowPendingTotp: true });
    const user = await this.user(actor.id);
    if (!(await verifyPassword(user.password_hash, currentPassword))) throw errors.field('currentPassword', 'The current password is not correct.', 'invalid_credentials');
    const weak = weakPasswordReason(newPassword, user.email);
    if (weak) throw errors.field('newPassword', weak, 'password_weak');
    if (await verifyPassword(user.password_hash, newPassword)) throw errors.field('newPassword', 'Choose a password different from the current one.', 'password_reused');
    const password_hash = await hashPassword(newPassword);
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      await usersRepository.update(trx, user.id, { password_hash, password_changed_at: now, updated_at: now });
      const ended = await this.d.sessions.deleteAllForUser(trx, user.id, actor.sessionId);
      await this.d.audit.record(trx, ctx, { action: 'user.password_changed', entity: 'user', entityId: user.id, after: { other_sessions_ended: ended } });
    });
  }

  /** Starts two-factor set-up: a new secret, kept pending until a code from it is confirmed. */
  async startTotpSetup(ctx: RequestContext): Promise<TotpSetup> {
    const actor = requireActor(ctx, { allowPendingTotp: true });
    const user = await this.user(actor.id);
    if (user.totp_enabled === 1) throw errors.conflict('Two-factor authentication is already set up. Turn it off first to set it up again.');
    const secret = newTotpSecret();
    await usersRepository.update(this.d.db, user.id, { totp_pending_secret: this.d.secrets.encrypt(secret) });
    const url = otpauthUrl(secret, user.email);
    return { secret, otpauthUrl: url, qrSvg: await qrSvg(url) };
  }

  /** Confirms set-up with a code from the new secret; returns recovery codes, shown this once. */
  async confirmTotp(ctx: RequestContext, code: string): Promise<string[]> {
    const actor = requireActor(ctx, { allowPendingTotp: true });
    const user = await this.user(actor.id);
    if (!user.totp_pending_secret) throw errors.conflict('Start the set-up first.');
    const step = matchTotpStep(this.d.secrets.decrypt(user.totp_pending_secret), code, this.d.clock.now().getTime());
    if (step === null) throw errors.field('code', 'That code is not valid. Check the time on your device and try the next code.', 'invalid_code');
    const codes = newRecoveryCodes();
    await this.d.db.transaction().execute(async (trx) => {
      await usersRepository.update(trx, user.id, { totp_secret: user.totp_pending_secret, totp_pending_secret: null, totp_enabled: 1, totp_last_step: step, updated_at: this.d.clock.now().toISOString() });
      await this.storeRecoveryCodes(trx, user.id, codes);
      await this.d.audit.record(trx, ctx, { action: 'user.totp_enabled', entity: 'user', entityId: user.id, before: { totp_enabled: false }, after: { totp_enabled: true } });
    });
    return codes;
  }

  /** New recovery codes (the old ones stop working), after a fresh TOTP code. */
  async regenerateRecoveryCodes(ctx: RequestContext, code: string): Promise<string[]> {
    const actor = requireActor(ctx);
    const user = await this.user(actor.id);
    if (user.totp_enabled !== 1) throw errors.conflict('Set up two-factor authentication first.');
    if (!(await checkSecondFactor(this.d.db, this.d, user, { code }))) throw errors.field('code', 'That code is not valid.', 'invalid_code');
    const codes = newRecoveryCodes();
    await this.d.db.transaction().execute(async (trx) => {
      await this.storeRecoveryCodes(trx, user.id, codes);
      await this.d.audit.record(trx, ctx, { action: 'user.recovery_codes_regenerated', entity: 'user', entityId: user.id });
    });
    return codes;
  }

  async disableTotp(ctx: RequestContext, password: string, code: string): Promise<void> {
    const actor = requireActor(ctx);
    const user = await this.user(actor.id);
    if (rolesRequiringTotp.includes(user.role as Role)) throw new AppError(403, 'second_factor_required_by_role', 'Your role requires two-factor authentication, so it cannot be turned off.');
    if (user.totp_enabled !== 1) throw errors.conflict('Two-factor authentication is not set up.');
    if (!(await verifyPassword(user.password_hash, password))) throw errors.field('password', 'The password is not correct.', 'invalid_credentials');
    if (!(await checkSecondFactor(this.d.db, this.d, user, { code }))) throw errors.field('code', 'That code is not valid.', 'invalid_code');
    await this.d.db.transaction().execute(async (trx) => {
      await usersRepository.update(trx, user.id, { totp_secret: null, totp_pending_secret: null, totp_enabled: 0, totp_last_step: null, updated_at: this.d.clock.now().toISOString() });
      await usersRepository.replaceRecoveryCodes(trx, user.id, []);
      await this.d.audit.record(trx, ctx, { action: 'user.totp_disabled', entity: 'user', entityId: user.id, before: { totp_enabled: true }, after: { totp_enabled: false } });
    });
  }

  async updateProfile(ctx: RequestContext, patch: { displayName?: string; locale?: Locale }): Promise<CurrentUser> {
    const actor = requireActor(ctx, { allowPendingTotp: true });
    const user = await this.user(actor.id);
    const next = { display_name: patch.displayName ?? user.display_name, locale: patch.locale ?? user.locale };
    await this.d.db.transaction().execute(async (trx) => {
      await usersRepository.update(trx, user.id, { ...next, updated_at: this.d.clock.now().toISOString() });
      await this.d.audit.record(trx, ctx, { action: 'user.profile_updated', entity: 'user', entityId: user.id, before: { display_name: user.display_name, locale: user.locale }, after: next });
    });
    return presentCurrentUser({ ...user, ...next }, [...actor.memberScopes]);
  }

  private async user(id: string): Promise<UserRow> {
    const user = await usersRepository.findById(this.d.db, id);
    if (!user) throw errors.unauthenticated();
    return user;
  }

  private async storeRecoveryCodes(trx: Parameters<typeof usersRepository.replaceRecoveryCodes>[0], userId: string, codes: string[]): Promise<void> {
    const created_at = this.d.clock.now().toISOString();
    await usersRepository.replaceRecoveryCodes(trx, userId, codes.map((c) => ({ id: newId(), code_hash: hashRecoveryCode(c), created_at })));
  }
}

/** A short, readable device name from a User-Agent header. */
export function describeDevice(ua: string): string {
  if (!ua) return 'Unknown device';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const os = /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? ua.slice(0, 60);
}
