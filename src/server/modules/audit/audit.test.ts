import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/server/platform/audit/audit';
import { totpCode } from '@/server/platform/auth/totp';
import { sha256 } from '@/server/platform/crypto';
import { anonymous, createTestHub, login, makeUser, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => {
  await hub.close();
});

const admin = (): Promise<Agent> => signedIn(hub, { role: 'secretariat_admin' });

interface Entry { seq: number; actorId: string | null; actorName: string | null; action: string; entity: string; entityId: string | null; before: unknown; after: unknown; requestId: string | null; ip: string | null; at: string }

async function audit(agent: Agent, query: string): Promise<Entry[]> {
  const res = await agent.request('GET', `/api/audit?limit=200&${query}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

async function rawAuditText(): Promise<string> {
  return JSON.stringify(await hub.deps.db.selectFrom('audit_log').selectAll().execute());
}

describe('what the trail records', () => {
  it('records actor, action, entity, before and after, request id and address of a write', async () => {
    const agent = await admin();
    const target = await makeUser(hub, { role: 'official', memberScopes: ['THA'] });
    const res = await agent.request('PATCH', `/api/users/${target.id}`, { memberScopes: ['FJI'] });
    expect(res.status).toBe(200);
    const [entry] = await audit(agent, `entity=user&action=user.updated&actorId=${agent.user?.id}`);
    expect(entry).toMatchObject({
      actorId: agent.user?.id,
      actorName: expect.stringContaining('secretariat_admin'),
      action: 'user.updated',
      entity: 'user',
      entityId: target.id,
      before: expect.objectContaining({ role: 'official', member_scopes: ['THA'] }),
      after: expect.objectContaining({ role: 'official', member_scopes: ['FJI'] }),
      requestId: res.headers['x-request-id'],
      ip: '127.0.0.1',
    });
    expect(Date.parse(entry?.at ?? '')).toBe(hub.clock.now().getTime());
  });

  it("records the request id the hub answered with (not one the client made up) and the caller's address", async () => {
    const user = await makeUser(hub);
    const agent = await login(hub, user);
    const res = await hub.app.inject({
      method: 'PATCH', url: '/api/account/profile', remoteAddress: '198.51.100.23',
      headers: { cookie: agent.cookie ?? '', 'x-csrf-token': agent.csrf, 'content-type': 'application/json', 'x-request-id': 'trace-abc-12345' },
      payload: JSON.stringify({ locale: 'id' }),
    });
    expect(res.statusCode).toBe(200);
    const requestId = String(res.headers['x-request-id']);
    expect(requestId).not.toBe('trace-abc-12345');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const [entry] = await audit(await admin(), `action=user.profile_updated&actorId=${user.id}`);
    expect(entry).toMatchObject({ entityId: user.id, requestId, ip: '198.51.100.23', before: { locale: 'en' }, after: expect.objectContaining({ locale: 'id' }) });
  });

  it('never stores password hashes, TOTP secrets or link tokens', async () => {
    const user = await makeUser(hub, { role: 'researcher' });
    const agent = await login(hub, user);
    expect((await agent.request('POST', '/api/account/password', { currentPassword: user.password, newPassword: 'Another-long-passphrase-9' })).status).toBe(200);
    const setup = await agent.request('POST', '/api/account/totp/setup');
    expect((await agent.request('POST', '/api/account/totp/confirm', { code: totpCode(setup.body.secret, hub.clock.now().getTime()) })).status).toBe(200);
    const row = await hub.deps.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    const adminAgent = await admin();
    await adminAgent.request('POST', '/api/invitations', { email: 'audit-secret@test.hub.example', role: 'researcher' });
    const mail = await hub.deps.db.selectFrom('outbox').select('body_text').where('to_address', '=', 'audit-secret@test.hub.example').executeTakeFirstOrThrow();
    const token = /\/invitation\/([\w-]+)/.exec(mail.body_text)?.[1] ?? 'missing';
    await adminAgent.request('POST', `/api/users/${user.id}/totp/reset`);

    const text = await rawAuditText();
    expect(text).toContain('user.password_changed');
    expect(text).toContain('user.totp_enabled');
    for (const secret of [row.password_hash, row.password_hash.split('$').at(-1) ?? 'x', setup.body.secret, row.totp_secret ?? 'x', token, sha256(token), user.password, 'Another-long-passphrase-9']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/\$argon2/);
    expect(await verifyAuditChain(hub.deps.db)).toMatchObject({ ok: true });
  });
});

describe('browsing the trail', () => {
  it('filters by actor, entity and action', async () => {
    const agent = await admin();
    const actor = await makeUser(hub);
    const actorAgent = await login(hub, actor);
    await actorAgent.request('PATCH', '/api/account/profile', { displayName: 'Filter Person' });
    await actorAgent.request('POST', '/api/auth/logout');
    const byActor = await audit(agent, `actorId=${actor.id}`);
    expect(byActor.map((e) => e.action)).toEqual(['auth.logout', 'user.profile_updated', 'auth.login']);
    expect(byActor.every((e) => e.actorId === actor.id)).toBe(true);
    expect((await audit(agent, `actorId=${actor.id}&entity=session`)).map((e) => e.action)).toEqual(['auth.logout', 'auth.login']);
    const profile = await audit(agent, 'action=user.profile_updated');
    expect(profile.length).toBeGreaterThan(0);
    expect(profile.every((e) => e.action === 'user.profile_updated')).toBe(true);
    const seqs = byActor.map((e) => e.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
  });

  it('filters by time, with a bare date as the end meaning the whole day', async () => {
    hub.clock.advance(24 * 60 * 60_000);
    const start = hub.clock.now().toISOString();
    const user = await makeUser(hub);
    hub.clock.advance(60_000);
    await (await login(hub, user)).request('PATCH', '/api/account/profile', { locale: 'id' });
    const end = hub.clock.now().toISOString();
    hub.clock.advance(60 * 60_000);
    const later = await admin();
    const inWindow = await audit(later, `from=${start}&to=${new Date(Date.parse(end) + 1).toISOString()}`);
    expect(inWindow.map((e) => e.action)).toEqual(['user.profile_updated', 'auth.login']);
    expect(inWindow.every((e) => e.at >= start && e.at <= end)).toBe(true);
    const before = await audit(later, `to=${start}`);
    expect(before.every((e) => e.at < start)).toBe(true);
    const day = end.slice(0, 10);
    const wholeDay = await audit(later, `from=${day}&to=${day}`);
    expect(wholeDay.map((e) => e.seq)).toContain(inWindow[0]?.seq);
    expect(wholeDay.every((e) => e.at.startsWith(day))).toBe(true);
  });

  it('refuses an end before the start on the to field', async () => {
    const agent = await admin();
    for (const q of ['from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z', 'from=2025-03-02&to=2025-03-01']) {
      const res = await agent.request('GET', `/api/audit?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.errors[0].field).toBe('to');
    }
    const bad = await agent.request('GET', '/api/audit?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('from');
  });

  it('pages with a cursor, newest first, without gaps or repeats', async () => {
    const agent = await admin();
    const actor = await makeUser(hub);
    const actorAgent = await login(hub, actor);
    for (let i = 0; i < 4; i++) await actorAgent.request('PATCH', '/api/account/profile', { displayName: `Pager ${i}` });
    const all = await audit(agent, `actorId=${actor.id}`);
    expect(all).toHaveLength(5);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Entry[]; nextCursor: string | null } } = await agent.request('GET', `/api/audit?limit=2&actorId=${actor.id}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((e) => e.seq));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.seq));
    const bad = await agent.request('GET', '/api/audit?cursor=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('cursor');
  });
});

describe('who may read it, and that nobody may change it', () => {
  it('is for administrators only', async () => {
    for (const role of ['secretariat_staff', 'member_coordinator', 'official', 'researcher'] as const) {
      const res = await (await signedIn(hub, { role })).request('GET', '/api/audit');
      expect(res.status, role).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    const anon = await anonymous(hub).request('GET', '/api/audit');
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('unauthenticated');
  });

  it('has no route to change or delete entries', async () => {
    const agent = await admin();
    const before = await rawAuditText();
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/audit', '/api/audit/1']) {
        const res = await agent.request(method, url, { action: 'tampered' });
        expect(res.status, `${method} ${url}`).toBe(404);
        expect(res.body.code).toBe('not_found');
      }
    }
    const post = await agent.request('POST', '/api/audit', { action: 'forged' });
    expect(post.status).toBe(404);
    expect(await rawAuditText()).toBe(before);
  });
});
