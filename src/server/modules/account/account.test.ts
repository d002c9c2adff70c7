import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@/server/platform/auth/totp';
import { anonymous, createTestHub, login, makeUser, type Agent, type TestHub, type TestUser } from '../../../../test/helpers/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => {
  await hub.close();
});

const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile/15E148 Safari/604.1';

/** Signs in from another device and address; returns that device's cookie. */
async function signInFromPhone(user: TestUser): Promise<string> {
  const res = await hub.app.inject({
    method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.7',
    headers: { 'content-type': 'application/json', 'x-csrf-token': 'anonymous', 'user-agent': PHONE_UA },
    payload: JSON.stringify({ email: user.email, password: user.password }),
  });
  expect(res.statusCode).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0] ?? '';
}

async function phoneCanUse(cookie: string): Promise<boolean> {
  const res = await hub.app.inject({ method: 'GET', url: '/api/account/sessions', remoteAddress: '203.0.113.7', headers: { cookie, 'user-agent': PHONE_UA } });
  return res.statusCode === 200;
}

/** The next TOTP code, in a fresh 30-second step (each step works once). */
function nextCode(secret: string): string {
  hub.clock.advance(30_000);
  return totpCode(secret, hub.clock.now().getTime());
}

async function startSignIn(user: TestUser): Promise<string> {
  const res = await anonymous(hub).request('POST', '/api/auth/login', { email: user.email, password: user.password });
  expect(res.body.status).toBe('second_factor_required');
  return res.body.challenge as string;
}

async function signInWithRecoveryCode(user: TestUser, recoveryCode: string) {
  return anonymous(hub).request('POST', '/api/auth/login/second-factor', { challenge: await startSignIn(user), recoveryCode });
}

describe('my sessions', () => {
  it('lists each session with its device, address and which one is this one', async () => {
    const user = await makeUser(hub);
    const agent = await login(hub, user);
    await signInFromPhone(user);
    const res = await agent.request('GET', '/api/account/sessions');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    expect(res.body).toEqual(expect.arrayContaining([
      expect.objectContaining({ device: 'Chrome on Linux', ip: '127.0.0.1', current: true }),
      expect.objectContaining({ device: 'Safari on iOS', ip: '203.0.113.7', current: false }),
    ]));
    expect(res.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
  });

  it('ends another of my sessions, which stops working at once', async () => {
    const user = await makeUser(hub);
    const agent = await login(hub, user);
    const phone = await signInFromPhone(user);
    expect(await phoneCanUse(phone)).toBe(true);
    const list = await agent.request('GET', '/api/account/sessions');
    const other = list.body.find((s: { current: boolean }) => !s.current);
    const res = await agent.request('DELETE', `/api/account/sessions/${other.id}`);
    expect(res.status).toBe(200);
    expect(await phoneCanUse(phone)).toBe(false);
    const after = await agent.request('GET', '/api/account/sessions');
    expect(after.body.map((s: { id: string }) => s.id)).not.toContain(other.id);
    const audit = await hub.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'session.ended').where('entity_id', '=', other.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(user.id);
  });

  it("cannot end someone else's session: 404, and that session keeps working", async () => {
    const me = await login(hub, await makeUser(hub));
    const someone = await makeUser(hub);
    const theirPhone = await signInFromPhone(someone);
    const theirs = await hub.deps.db.selectFrom('sessions').select('id').where('user_id', '=', someone.id).executeTakeFirstOrThrow();
    const res = await me.request('DELETE', `/api/account/sessions/${theirs.id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect(await phoneCanUse(theirPhone)).toBe(true);
  });

  it('does not list a session that has already ended through inactivity', async () => {
    const user = await makeUser(hub);
    const agent = await login(hub, user);
    const phone = await signInFromPhone(user);
    hub.clock.advance(20 * 60_000);
    expect((await agent.request('GET', '/api/account/sessions')).status).toBe(200);
    hub.clock.advance(20 * 60_000); // the phone has now been idle for 40 minutes: it can no longer be used
    const res = await agent.request('GET', '/api/account/sessions');
    expect(res.body).toHaveLength(1);
    expect(res.body[0].current).toBe(true);
    expect(await phoneCanUse(phone)).toBe(false);
  });
});

describe('changing my password', () => {
  it('refuses a wrong current password with a field error', async () => {
    const user = await makeUser(hub);
    const agent = await login(hub, user);
    const res = await agent.request('POST', '/api/account/password', { currentPassword: 'not-my-password-123', newPassword: 'A-brand-new-passphrase-42' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors[0].field).toBe('currentPassword');
  });

  it('refuses a weak or short new password on the newPassword field', async () => {
    const user = await makeUser(hub);
    const agent = await login(hub, user);
    for (const newPassword of ['password1234', 'short']) {
      const res = await agent.request('POST', '/api/account/password', { currentPassword: user.password, newPassword });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('newPassword');
    }
    expect((await anonymous(hub).request('POST', '/api/auth/login', { email: user.email, password: user.password })).status).toBe(200);
  });

  it('ends my other sessions but keeps this one, and the new password works', async () => {
    const user = await makeUser(hub);
    const agent = await login(hub, user);
    const phone = await signInFromPhone(user);
    const newPassword = 'A-brand-new-passphrase-42';
    const res = await agent.request('POST', '/api/account/password', { currentPassword: user.password, newPassword });
    expect(res.status).toBe(200);
    expect(await phoneCanUse(phone)).toBe(false);
    const mine = await agent.request('GET', '/api/account/sessions');
    expect(mine.status).toBe(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0].current).toBe(true);
    expect((await anonymous(hub).request('POST', '/api/auth/login', { email: user.email, password: user.password })).status).toBe(401);
    expect((await anonymous(hub).request('POST', '/api/auth/login', { email: user.email, password: newPassword })).status).toBe(200);
  });
});

describe('two-factor set-up', () => {
  it('sets up TOTP, gives 10 recovery codes, then asks for a second factor at sign-in; a recovery code works once', async () => {
    const user = await makeUser(hub, { role: 'researcher' });
    const agent = await login(hub, user);
    expect((await agent.request('POST', '/api/account/totp/confirm', { code: '123456' })).status).toBe(409);
    const setup = await agent.request('POST', '/api/account/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.body.qrSvg).toContain('<svg');
    const secret = setup.body.secret as string;
    const wrong = await agent.request('POST', '/api/account/totp/confirm', { code: '12345' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('code');
    const confirm = await agent.request('POST', '/api/account/totp/confirm', { code: totpCode(secret, hub.clock.now().getTime()) });
    expect(confirm.status).toBe(200);
    const codes = confirm.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await agent.request('GET', '/api/auth/session')).body.user.totpEnabled).toBe(true);
    expect((await agent.request('POST', '/api/account/totp/setup')).status).toBe(409);

    const first = await signInWithRecoveryCode(user, codes[0] ?? '');
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('signed_in');
    const second = await signInWithRecoveryCode(user, codes[0] ?? '');
    expect(second.status).toBe(400);
    expect(second.body.code).toBe('invalid_code');
    expect((await login(hub, { ...user, totpSecret: secret })).user?.id).toBe(user.id);
  });

  it('replaces the recovery codes: the old ones stop working, the new ones work', async () => {
    const user = await makeUser(hub, { totp: true });
    const agent = await login(hub, user);
    const secret = user.totpSecret ?? '';
    const wrong = await agent.request('POST', '/api/account/totp/recovery-codes', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('code');
    const old = await agent.request('POST', '/api/account/totp/recovery-codes', { code: nextCode(secret) });
    expect(old.status).toBe(200);
    const fresh = await agent.request('POST', '/api/account/totp/recovery-codes', { code: nextCode(secret) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    expect((await signInWithRecoveryCode(user, old.body.recoveryCodes[0])).status).toBe(400);
    expect((await signInWithRecoveryCode(user, fresh.body.recoveryCodes[0])).status).toBe(200);
  });

  it('turns TOTP off for an official with password and code; sign-in is then one step', async () => {
    const user = await makeUser(hub, { role: 'official', totp: true });
    const agent = await login(hub, user);
    const secret = user.totpSecret ?? '';
    const code = nextCode(secret);
    const badPassword = await agent.request('DELETE', '/api/account/totp', { password: 'not-my-password-123', code });
    expect(badPassword.status).toBe(400);
    expect(badPassword.body.errors[0].field).toBe('password');
    const badCode = await agent.request('DELETE', '/api/account/totp', { password: user.password, code: code === '000000' ? '111111' : '000000' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.errors[0].field).toBe('code');
    const ok = await agent.request('DELETE', '/api/account/totp', { password: user.password, code });
    expect(ok.status).toBe(200);
    const row = await hub.deps.db.selectFrom('users').select(['totp_enabled', 'totp_secret']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_enabled: 0, totp_secret: null });
    const signIn = await anonymous(hub).request('POST', '/api/auth/login', { email: user.email, password: user.password });
    expect(signIn.body.status).toBe('signed_in');
  });

  it('a secretariat administrator cannot turn TOTP off', async () => {
    const admin = await makeUser(hub, { role: 'secretariat_admin' });
    const agent = await login(hub, admin);
    const res = await agent.request('DELETE', '/api/account/totp', { password: admin.password, code: nextCode(admin.totpSecret ?? '') });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('second_factor_required_by_role');
    const row = await hub.deps.db.selectFrom('users').select('totp_enabled').where('id', '=', admin.id).executeTakeFirstOrThrow();
    expect(row.totp_enabled).toBe(1);
  });
});

describe('administrators must enrol in two-factor first', () => {
  async function adminWithoutTotp(): Promise<Agent> {
    const admin = await makeUser(hub, { role: 'secretariat_admin' });
    await hub.deps.db.updateTable('users').set({ totp_enabled: 0, totp_secret: null }).where('id', '=', admin.id).execute();
    return login(hub, { ...admin, totpSecret: undefined });
  }

  it('gets 403 second_factor_enrollment_required until TOTP is confirmed, then works', async () => {
    const agent = await adminWithoutTotp();
    const session = await agent.request('GET', '/api/auth/session');
    expect(session.body.user.mustEnrollTotp).toBe(true);
    const blocked = await agent.request('GET', '/api/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('second_factor_enrollment_required');
    const setup = await agent.request('POST', '/api/account/totp/setup');
    expect(setup.status).toBe(200);
    const confirm = await agent.request('POST', '/api/account/totp/confirm', { code: totpCode(setup.body.secret, hub.clock.now().getTime()) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect((await agent.request('GET', '/api/users')).status).toBe(200);
    expect((await agent.request('GET', '/api/auth/session')).body.user.mustEnrollTotp).toBe(false);
  });
});

describe('my profile', () => {
  it('changes my language and name', async () => {
    const user = await makeUser(hub);
    const agent = await login(hub, user);
    const res = await agent.request('PATCH', '/api/account/profile', { locale: 'id', displayName: '  Siti Rahma  ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, locale: 'id', displayName: 'Siti Rahma' });
    const me = await agent.request('GET', '/api/auth/session');
    expect(me.body.user).toMatchObject({ locale: 'id', displayName: 'Siti Rahma' });
  });

  it('refuses an unknown language on the locale field and changes nothing', async () => {
    const user = await makeUser(hub);
    const agent = await login(hub, user);
    const res = await agent.request('PATCH', '/api/account/profile', { locale: 'fr', displayName: 'Someone Else' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('locale');
    const row = await hub.deps.db.selectFrom('users').select(['locale', 'display_name']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.locale).toBe('en');
    expect(row.display_name).not.toBe('Someone Else');
  });
});
