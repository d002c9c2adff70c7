import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, signedIn, type TestHub } from '../../../../test/helpers/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => {
  await hub.close();
});

describe('the outbox', () => {
  it('holds invitation mail when no SMTP server is configured, and administrators read it, newest first', async () => {
    expect(hub.config.SMTP_URL).toBeUndefined();
    const admin = await signedIn(hub, { role: 'secretariat_admin' });
    expect((await admin.request('POST', '/api/invitations', { email: 'first-outbox@test.hub.example', role: 'researcher' })).status).toBe(201);
    hub.clock.advance(1000);
    expect((await admin.request('POST', '/api/invitations', { email: 'second-outbox@test.hub.example', role: 'official', memberScopes: ['THA'] })).status).toBe(201);
    const res = await admin.request('GET', '/api/outbox');
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((m: { to: string }) => m.to.endsWith('-outbox@test.hub.example'));
    expect(mine.map((m: { to: string }) => m.to)).toEqual(['second-outbox@test.hub.example', 'first-outbox@test.hub.example']);
    expect(mine[0]).toMatchObject({ kind: 'invitation', status: 'held', sentAt: null, subject: 'Your invitation to the Bali Process Hub' });
    expect(mine[0].text).toMatch(/\/invitation\/[\w-]{40,}/);
    expect(mine[0].text).toContain('official (THA)');
    const rows = await hub.deps.db.selectFrom('outbox').select(['status']).where('to_address', 'like', '%-outbox@test.hub.example').execute();
    expect(rows.map((r) => r.status)).toEqual(['held', 'held']);
  });

  it('is for administrators only', async () => {
    for (const role of ['secretariat_staff', 'member_coordinator', 'official', 'researcher'] as const) {
      const res = await (await signedIn(hub, { role })).request('GET', '/api/outbox');
      expect(res.status, role).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    const anon = await anonymous(hub).request('GET', '/api/outbox');
    expect(anon.status).toBe(401);
    expect(anon.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
