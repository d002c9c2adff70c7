import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@/server/platform/auth/totp';
import { anonymous, createTestHub, login, makeUser, type TestHub } from '../../../../test/helpers/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => {
  await hub.close();
});

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await hub.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('seq').execute();
  return rows.map((r) => r.action);
}

describe('sign-in', () => {
  it('signs in with the right password and sets a __Host- session cookie that is HttpOnly, SameSite=Lax and Secure', async () => {
    const user = await makeUser(hub, { role: 'researcher' });
    const agent = anonymous(hub);
    const res = await agent.request('POST', '/api/auth/login', { email: user.email.toUpperCase(), password: user.password });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('signed_in');
    expect(res.body.session.user.email).toBe(user.email);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-hub_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Path=\//);
    const me = await agent.request('GET', '/api/auth/session');
    expect(me.body.user.id).toBe(user.id);
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('stores only a hash of the session token', async () => {
    const user = await makeUser(hub);
    const agent = await login(hub, user);
    const token = decodeURIComponent(agent.cookie?.split('=')[1] ?? '');
    const rows = await hub.deps.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('refuses a wrong password with a problem+json and records the failure', async () => {
    const user = await makeUser(hub);
    const res = await anonymous(hub).request('POST', '/api/auth/login', { email: user.email, password: 'wrong-password-123' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('invalid_credentials');
    expect(await auditActions(user.id)).toContain('auth.login_failed');
  });

  it('gives a field-level error for a malformed email and writes nothing', async () => {
    const before = await hub.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await anonymous(hub).request('POST', '/api/auth/login', { email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'email' })]));
    const after = await hub.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('locks the account after repeated failures, answers 429 with Retry-After, and audits the lock-out', async () => {
    const user = await makeUser(hub);
    const agent = anonymous(hub);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await agent.request('POST', '/api/auth/login', { email: user.email, password: `wrong-${i}-password` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await agent.request('POST', '/api/auth/login', { email: user.email, password: user.password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.code).toBe('rate_limited');
    expect(await auditActions(user.id)).toContain('auth.locked');
    hub.clock.advance(16 * 60_000);
    expect((await agent.request('POST', '/api/auth/login', { email: user.email, password: user.password })).status).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const user = await makeUser(hub, { status: 'disabled' });
    const res = await anonymous(hub).request('POST', '/api/auth/login', { email: user.email, password: user.password });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('account_disabled');
  });

  it('issues a new token at every sign-in', async () => {
    const user = await makeUser(hub);
    const a = await login(hub, user);
    const b = await login(hub, user);
    expect(a.cookie).not.toBe(b.cookie);
  });
});

describe('two-factor sign-in', () => {
  it('asks for a code, accepts it once, and refuses the same code again', async () => {
    const user = await makeUser(hub, { totp: true });
    const agent = anonymous(hub);
    const first = await agent.request('POST', '/api/auth/login', { email: user.email, password: user.password });
    expect(first.body.status).toBe('second_factor_required');
    expect(first.headers['set-cookie']).toBeUndefined();
    const code = totpCode(user.totpSecret ?? '', hub.clock.now().getTime());
    const ok = await agent.request('POST', '/api/auth/login/second-factor', { challenge: first.body.challenge, code });
    expect(ok.status).toBe(200);
    const again = await anonymous(hub).request('POST', '/api/auth/login', { email: user.email, password: user.password });
    const replay = await anonymous(hub).request('POST', '/api/auth/login/second-factor', { challenge: again.body.challenge, code });
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe('invalid_code');
  });

  it('refuses an expired challenge', async () => {
    const user = await makeUser(hub, { totp: true });
    const first = await anonymous(hub).request('POST', '/api/auth/login', { email: user.email, password: user.password });
    hub.clock.advance(6 * 60_000);
    const res = await anonymous(hub).request('POST', '/api/auth/login/second-factor', { challenge: first.body.challenge, code: totpCode(user.totpSecret ?? '', hub.clock.now().getTime()) });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('challenge_expired');
  });
});

describe('sessions expire', () => {
  it('ends a session after 30 idle minutes', async () => {
    const agent = await login(hub, await makeUser(hub));
    hub.clock.advance(29 * 60_000);
    expect((await agent.request('GET', '/api/account/sessions')).status).toBe(200);
    hub.clock.advance(31 * 60_000);
    expect((await agent.request('GET', '/api/account/sessions')).status).toBe(401);
  });

  it('ends a session after 12 hours however active it is', async () => {
    const agent = await login(hub, await makeUser(hub));
    for (let i = 0; i < 25; i++) {
      hub.clock.advance(29 * 60_000);
      const res = await agent.request('GET', '/api/account/sessions');
      if (i < 24) expect(res.status).toBe(200);
      else expect(res.status).toBe(401);
    }
  });
});

describe('cross-site request forgery', () => {
  it('refuses a state-changing request without the CSRF token, and with another session\'s token', async () => {
    const agent = await login(hub, await makeUser(hub));
    const noToken = await hub.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: agent.cookie ?? '', 'content-type': 'application/json' }, payload: '{}' });
    expect(noToken.statusCode).toBe(403);
    expect(JSON.parse(noToken.body).code).toBe('csrf_failed');
    const wrong = await hub.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: agent.cookie ?? '', 'content-type': 'application/json', 'x-csrf-token': 'anonymous' }, payload: '{}' });
    expect(wrong.statusCode).toBe(403);
    expect((await agent.request('GET', '/api/auth/session')).body.user).not.toBeNull();
  });

  it('refuses a request from another origin', async () => {
    const res = await hub.app.inject({ method: 'POST', url: '/api/auth/password/forgot', headers: { origin: 'https://evil.example', 'content-type': 'application/json', 'x-csrf-token': 'anonymous' }, payload: JSON.stringify({ email: 'a@b.example' }) });
    expect(res.statusCode).toBe(403);
  });
});

describe('sign-out', () => {
  it('ends the session on the server', async () => {
    const agent = await login(hub, await makeUser(hub));
    const cookie = agent.cookie;
    expect((await agent.request('POST', '/api/auth/logout')).status).toBe(200);
    agent.cookie = cookie;
    expect((await agent.request('GET', '/api/auth/session')).body.user).toBeNull();
  });
});

describe('password reset', () => {
  async function resetLink(email: string): Promise<string> {
    const mail = await hub.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', email).where('kind', '=', 'password_reset').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const m = /reset-password\?token=([\w-]+)/.exec(mail.body_text);
    if (!m?.[1]) throw new Error('no link');
    return m[1];
  }

  it('mails a single-use link that sets a new password and ends every session', async () => {
    const user = await makeUser(hub);
    const other = await login(hub, user);
    expect((await anonymous(hub).request('POST', '/api/auth/password/forgot', { email: user.email })).status).toBe(202);
    const token = await resetLink(user.email);
    const newPassword = 'A-brand-new-passphrase-42';
    expect((await anonymous(hub).request('POST', '/api/auth/password/reset', { token, password: newPassword })).status).toBe(200);
    expect((await other.request('GET', '/api/account/sessions')).status).toBe(401);
    expect((await anonymous(hub).request('POST', '/api/auth/login', { email: user.email, password: newPassword })).status).toBe(200);
    const reuse = await anonymous(hub).request('POST', '/api/auth/password/reset', { token, password: 'Another-new-passphrase-43' });
    expect(reuse.status).toBe(400);
    expect(reuse.body.code).toBe('token_invalid');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const res = await anonymous(hub).request('POST', '/api/auth/password/forgot', { email: 'nobody@test.hub.example' });
    expect(res.status).toBe(202);
    const mails = await hub.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', 'nobody@test.hub.example').execute();
    expect(mails).toHaveLength(0);
  });

  it('expires the link after 30 minutes', async () => {
    const user = await makeUser(hub);
    await anonymous(hub).request('POST', '/api/auth/password/forgot', { email: user.email });
    const token = await resetLink(user.email);
    hub.clock.advance(31 * 60_000);
    const res = await anonymous(hub).request('POST', '/api/auth/password/reset', { token, password: 'A-brand-new-passphrase-42' });
    expect(res.status).toBe(400);
  });

  it('never bypasses two-factor: a code is required', async () => {
    const user = await makeUser(hub, { totp: true });
    await anonymous(hub).request('POST', '/api/auth/password/forgot', { email: user.email });
    const token = await resetLink(user.email);
    const without = await anonymous(hub).request('POST', '/api/auth/password/reset', { token, password: 'A-brand-new-passphrase-42' });
    expect(without.status).toBe(400);
    expect(without.body.code).toBe('second_factor_required');
    const wrong = await anonymous(hub).request('POST', '/api/auth/password/reset', { token, password: 'A-brand-new-passphrase-42', code: '000000' });
    expect(wrong.status).toBe(400);
    hub.clock.advance(30_000);
    const ok = await anonymous(hub).request('POST', '/api/auth/password/reset', { token, password: 'A-brand-new-passphrase-42', code: totpCode(user.totpSecret ?? '', hub.clock.now().getTime()) });
    expect(ok.status).toBe(200);
  });

  it('refuses a common or short password with a field message', async () => {
    const user = await makeUser(hub);
    await anonymous(hub).request('POST', '/api/auth/password/forgot', { email: user.email });
    const token = await resetLink(user.email);
    const common = await anonymous(hub).request('POST', '/api/auth/password/reset', { token, password: 'password1234' });
    expect(common.status).toBe(400);
    expect(common.body.errors[0].field).toBe('password');
    const short = await anonymous(hub).request('POST', '/api/auth/password/reset', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0]).toMatchObject({ field: 'password', message: 'Use at least 12 characters.' });
    const long = await anonymous(hub).request('POST', '/api/auth/password/reset', { token, password: `${'Zq9!'.repeat(32)}` });
    expect(long.status).toBe(200);
  });
});

describe('per-IP throttling', () => {
  it('answers 429 with Retry-After once an address has tried too often, whatever the account', async () => {
    const strict = await createTestHub({ LOGIN_RATE_PER_MINUTE: '3' });
    try {
      const agent = anonymous(strict);
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 4; i++) {
        last = await agent.request('POST', '/api/auth/login', { email: `someone${i}@test.hub.example`, password: 'whatever-password' });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
      expect(last?.body.code).toBe('rate_limited');
    } finally {
      await strict.close();
    }
  });
});
