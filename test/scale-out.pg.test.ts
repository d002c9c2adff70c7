import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub, type Hub } from '@/server/app';
import { seedReference } from '@/server/db/seed/seed';
import { dropSchema, makeUser, newSchemaName, testConfig } from './helpers/hub';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink';

/**
 * Two instances of the hub against one PostgreSQL (and one Redis), as behind a load balancer:
 * sessions, login throttling and background jobs must work across them.
 */
const schema = newSchemaName();
let sink: SmtpSink;
let a: Hub;
let b: Hub;
let urlA = '';
let urlB = '';

beforeAll(async () => {
  sink = await startSmtpSink();
  const config = testConfig(
    { RUN_JOBS: 'true', REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', LOGIN_RATE_PER_MINUTE: '5', TRUST_PROXY: 'true', SMTP_URL: sink.url },
    schema,
  );
  a = await buildHub(config);
  await seedReference(a.deps.db);
  b = await buildHub(config);
  urlA = await a.app.listen({ port: 0, host: '127.0.0.1' });
  urlB = await b.app.listen({ port: 0, host: '127.0.0.1' });
  await a.startJobs();
  await b.startJobs();
}, 120_000);

afterAll(async () => {
  await a.app.close();
  await b.app.close();
  await sink.close();
  await dropSchema(process.env.TEST_DATABASE_URL ?? '', schema);
});

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'anonymous', ...headers }, body: JSON.stringify(body) });
}

describe('two instances on one PostgreSQL', () => {
  it('a session created on one instance is used on the other, and ended there for both', async () => {
    const user = await makeUser(a, { role: 'secretariat_staff' });
    const res = await post(urlA, '/api/auth/login', { email: user.email, password: user.password });
    expect(res.status).toBe(200);
    const { session } = (await res.json()) as { session: { csrfToken: string } };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const onB = await fetch(`${urlB}/api/users?limit=5`, { headers: { cookie } });
    expect(onB.status).toBe(200);
    const logout = await post(urlB, '/api/auth/logout', {}, { cookie, 'x-csrf-token': session.csrfToken });
    expect(logout.status).toBe(200);
    const afterOnA = await fetch(`${urlA}/api/users?limit=5`, { headers: { cookie } });
    expect(afterOnA.status).toBe(401);
  });

  it('shares the per-IP sign-in limit through Redis', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await post(i % 2 ? urlB : urlA, '/api/auth/login', { email: `nobody${i}@test.hub.example`, password: 'wrong-password-x' }, { 'x-forwarded-for': '192.0.2.77' });
      statuses.push(res.status);
    }
    // 5 per minute in all: the sixth attempt is refused although each instance saw only three.
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses[5]).toBe(429);
  });

  it('delivers each mail once although both instances run jobs', async () => {
    const before = sink.received.length;
    const inviteRows = Array.from({ length: 6 }, (_, i) => `deliver${i}-${schema}@test.hub.example`);
    for (const email of inviteRows) {
      const id = await a.deps.db.transaction().execute((trx) => a.deps.mailer.enqueue(trx, { to: email, subject: 'Test', text: 'Hello', kind: 'test' }));
      await a.deps.mailer.dispatch([id]);
    }
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && sink.received.length - before < inviteRows.length) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1500));
    const got = sink.received.slice(before).map((m) => inviteRows.find((e) => m.includes(e)));
    expect(got.sort()).toEqual([...inviteRows].sort());
    const rows = await a.deps.db.selectFrom('outbox').select(['status', 'attempts']).where('kind', '=', 'test').execute();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  }, 60_000);
});
