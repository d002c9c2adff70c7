import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, login, makeUser, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => {
  await hub.close();
});

const admin = (): Promise<Agent> => signedIn(hub, { role: 'secretariat_admin' });

async function setName(id: string, display_name: string): Promise<void> {
  await hub.deps.db.updateTable('users').set({ display_name }).where('id', '=', id).execute();
}

async function dbUser(id: string) {
  const row = await hub.deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const scopes = await hub.deps.db.selectFrom('user_member_scopes').select('member_code').where('user_id', '=', id).orderBy('member_code').execute();
  return { role: row.role, status: row.status, totpEnabled: row.totp_enabled, scopes: scopes.map((s) => s.member_code) };
}

const ids = (items: { id: string }[]) => items.map((u) => u.id);

describe('listing accounts', () => {
  it('filters by text, role and status', async () => {
    const agent = await admin();
    const ann = await makeUser(hub, { role: 'researcher' });
    await setName(ann.id, 'Annika Lindqvist');
    const off = await makeUser(hub, { role: 'official', status: 'disabled' });
    const byName = await agent.request('GET', '/api/users?q=LINDQ');
    expect(byName.status).toBe(200);
    expect(ids(byName.body.items)).toEqual([ann.id]);
    expect(byName.body.items[0]).toMatchObject({ email: ann.email, role: 'researcher', status: 'active', memberScopes: [] });
    expect(ids((await agent.request('GET', `/api/users?q=${encodeURIComponent(ann.email.split('@')[0] ?? '')}`)).body.items)).toEqual([ann.id]);
    const researchers = (await agent.request('GET', '/api/users?role=researcher&limit=200')).body.items;
    expect(ids(researchers)).toContain(ann.id);
    expect(researchers.every((u: { role: string }) => u.role === 'researcher')).toBe(true);
    const disabled = (await agent.request('GET', '/api/users?status=disabled&limit=200')).body.items;
    expect(ids(disabled)).toContain(off.id);
    expect(disabled.every((u: { status: string }) => u.status === 'disabled')).toBe(true);
    const bad = await agent.request('GET', '/api/users?role=emperor');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('role');
  });

  it('treats _ in the search text as a plain character', async () => {
    const agent = await admin();
    const u = await makeUser(hub, { email: 'ann_lee@test.hub.example' });
    const decoy = await makeUser(hub, { email: 'annxlee@test.hub.example' });
    const res = await agent.request('GET', '/api/users?q=ann_lee');
    expect(ids(res.body.items)).toContain(u.id);
    expect(ids(res.body.items)).not.toContain(decoy.id);
  });

  it('pages with a cursor through every account once, even when names are equal', async () => {
    const agent = await admin();
    for (let i = 0; i < 5; i++) await setName((await makeUser(hub)).id, 'Same Name Pagination');
    const all = await agent.request('GET', '/api/users?limit=200');
    expect(all.body.nextCursor).toBeNull();
    for (const q of ['', '&q=same%20name%20pagination']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await agent.request('GET', `/api/users?limit=2${q}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...ids(page.body.items));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      if (q) expect(seen).toHaveLength(5);
      else expect(seen).toEqual(ids(all.body.items));
    }
    const bad = await agent.request('GET', '/api/users?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('cursor');
  });

  it('is for the secretariat only', async () => {
    expect((await signedIn(hub, { role: 'secretariat_staff' }).then((a) => a.request('GET', '/api/users'))).status).toBe(200);
    for (const role of ['member_coordinator', 'official', 'researcher'] as const) {
      const res = await (await signedIn(hub, { role })).request('GET', '/api/users');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect((await anonymous(hub).request('GET', '/api/users')).status).toBe(401);
  });
});

describe('changing role and Member scopes', () => {
  it('changes role and scopes and records before and after', async () => {
    const agent = await admin();
    const u = await makeUser(hub, { role: 'official', memberScopes: ['THA'] });
    const res = await agent.request('PATCH', `/api/users/${u.id}`, { role: 'member_coordinator', memberScopes: ['tha', 'FJI'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: u.id, role: 'member_coordinator', memberScopes: ['FJI', 'THA'] });
    expect(await dbUser(u.id)).toMatchObject({ role: 'member_coordinator', scopes: ['FJI', 'THA'] });
    const entry = await hub.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.updated').where('entity_id', '=', u.id).executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_json ?? '{}')).toMatchObject({ role: 'official', member_scopes: ['THA'] });
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({ role: 'member_coordinator', member_scopes: ['FJI', 'THA'] });
  });

  it('drops the scopes of a role without Members, and the audit trail says so', async () => {
    const agent = await admin();
    const u = await makeUser(hub, { role: 'official', memberScopes: ['THA'] });
    const res = await agent.request('PATCH', `/api/users/${u.id}`, { role: 'researcher' });
    expect(res.status).toBe(200);
    expect(res.body.memberScopes).toEqual([]);
    expect((await dbUser(u.id)).scopes).toEqual([]);
    const entry = await hub.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.updated').where('entity_id', '=', u.id).executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({ role: 'researcher', member_scopes: [] });
  });

  it('refuses an unknown Member code on memberScopes and changes nothing', async () => {
    const agent = await admin();
    const u = await makeUser(hub, { role: 'official', memberScopes: ['THA'] });
    const res = await agent.request('PATCH', `/api/users/${u.id}`, { role: 'member_coordinator', memberScopes: ['THA', 'XXX'] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('memberScopes');
    expect(res.body.errors[0].message).toContain('XXX');
    expect(await dbUser(u.id)).toMatchObject({ role: 'official', scopes: ['THA'] });
  });

  it('refuses a coordinator without Members', async () => {
    const agent = await admin();
    const u = await makeUser(hub, { role: 'researcher' });
    for (const body of [{ role: 'member_coordinator' }, { role: 'member_coordinator', memberScopes: [] }]) {
      const res = await agent.request('PATCH', `/api/users/${u.id}`, body);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('memberScopes');
    }
    expect((await dbUser(u.id)).role).toBe('researcher');
  });

  it("refuses an administrator's change of their own role with 409", async () => {
    const me = await makeUser(hub, { role: 'secretariat_admin' });
    const res = await (await login(hub, me)).request('PATCH', `/api/users/${me.id}`, { role: 'secretariat_staff' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('conflict');
    expect((await dbUser(me.id)).role).toBe('secretariat_admin');
  });

  it('never leaves the hub without an active administrator, even when two demote each other at once', async () => {
    const solo = await createTestHub();
    try {
      let survivor = await makeUser(solo, { role: 'secretariat_admin' });
      for (let round = 0; round < 5; round++) {
        const other = await makeUser(solo, { role: 'secretariat_admin' });
        const [agentA, agentB] = [await login(solo, survivor), await login(solo, other)];
        const results = await Promise.all([
          agentA.request('PATCH', `/api/users/${other.id}`, { role: 'secretariat_staff' }),
          agentB.request('PATCH', `/api/users/${survivor.id}`, { role: 'secretariat_staff' }),
        ]);
        // One demotion goes through; the other is refused (409), or finds its actor no longer an administrator (403).
        expect(results.filter((r) => r.status === 200)).toHaveLength(1);
        expect(results.map((r) => r.status).find((s) => s !== 200)).toBeOneOf([403, 409]);
        const admins = await solo.deps.db.selectFrom('users').select('id').where('role', '=', 'secretariat_admin').where('status', '=', 'active').execute();
        expect(admins, `round ${round}`).toHaveLength(1);
        survivor = admins[0]?.id === other.id ? other : survivor;
      }
    } finally {
      await solo.close();
    }
  });

  it('lets the only active administrator demote a disabled administrator', async () => {
    const solo = await createTestHub();
    try {
      const me = await makeUser(solo, { role: 'secretariat_admin' });
      const old = await makeUser(solo, { role: 'secretariat_admin', status: 'disabled' });
      const res = await (await login(solo, me)).request('PATCH', `/api/users/${old.id}`, { role: 'researcher' });
      expect(res.status).toBe(200);
      expect(res.body.role).toBe('researcher');
    } finally {
      await solo.close();
    }
  });

  it('is for administrators only', async () => {
    const u = await makeUser(hub, { role: 'researcher' });
    const res = await (await signedIn(hub, { role: 'secretariat_staff' })).request('PATCH', `/api/users/${u.id}`, { role: 'secretariat_staff' });
    expect(res.status).toBe(403);
    expect((await dbUser(u.id)).role).toBe('researcher');
  });
});

describe('disabling and enabling', () => {
  it('ends every session of the account at once and refuses sign-in until enabled again', async () => {
    const agent = await admin();
    const u = await makeUser(hub);
    const [laptop, phone] = [await login(hub, u), await login(hub, u)];
    const res = await agent.request('POST', `/api/users/${u.id}/disable`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('disabled');
    expect((await laptop.request('GET', '/api/account/sessions')).status).toBe(401);
    expect((await phone.request('GET', '/api/account/sessions')).status).toBe(401);
    expect(await hub.deps.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute()).toHaveLength(0);
    const refused = await anonymous(hub).request('POST', '/api/auth/login', { email: u.email, password: u.password });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('account_disabled');

    const enabled = await agent.request('POST', `/api/users/${u.id}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body.status).toBe('active');
    expect((await anonymous(hub).request('POST', '/api/auth/login', { email: u.email, password: u.password })).status).toBe(200);
    const actions = await hub.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', u.id).where('action', 'like', 'user.%').orderBy('seq').execute();
    expect(actions.map((r) => r.action)).toEqual(['user.disabled', 'user.enabled']);
  });

  it('an administrator cannot disable their own account', async () => {
    const me = await makeUser(hub, { role: 'secretariat_admin' });
    expect((await (await login(hub, me)).request('POST', `/api/users/${me.id}/disable`)).status).toBe(409);
    expect((await dbUser(me.id)).status).toBe('active');
  });
});

describe('resetting two-factor', () => {
  it('clears the set-up and recovery codes and ends the sessions; sign-in is then one step', async () => {
    const agent = await admin();
    const u = await makeUser(hub, { totp: true });
    const theirs = await login(hub, u);
    await hub.deps.db.insertInto('recovery_codes').values({ id: 'rc-reset-1', user_id: u.id, code_hash: 'x', used_at: null, created_at: hub.clock.now().toISOString() }).execute();
    const res = await agent.request('POST', `/api/users/${u.id}/totp/reset`);
    expect(res.status).toBe(200);
    expect(res.body.totpEnabled).toBe(false);
    expect((await dbUser(u.id)).totpEnabled).toBe(0);
    expect(await hub.deps.db.selectFrom('recovery_codes').select('id').where('user_id', '=', u.id).execute()).toHaveLength(0);
    expect((await theirs.request('GET', '/api/account/sessions')).status).toBe(401);
    const signIn = await anonymous(hub).request('POST', '/api/auth/login', { email: u.email, password: u.password });
    expect(signIn.body.status).toBe('signed_in');
    expect((await (await signedIn(hub, { role: 'secretariat_staff' })).request('POST', `/api/users/${u.id}/totp/reset`)).status).toBe(403);
  });
});

describe("a Member's accounts", () => {
  it('shows the secretariat and that Member\'s coordinator; others get 403', async () => {
    const tha = await makeUser(hub, { role: 'official', memberScopes: ['THA'] });
    const fji = await makeUser(hub, { role: 'official', memberScopes: ['FJI'] });
    const staff = await (await signedIn(hub, { role: 'secretariat_staff' })).request('GET', '/api/members/THA/accounts');
    expect(staff.status).toBe(200);
    expect(ids(staff.body)).toContain(tha.id);
    expect(ids(staff.body)).not.toContain(fji.id);
    const coordinator = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['THA'] });
    const own = await coordinator.request('GET', '/api/members/tha/accounts');
    expect(own.status).toBe(200);
    expect(own.body.every((u: { memberScopes: string[] }) => u.memberScopes.includes('THA'))).toBe(true);
    expect((await coordinator.request('GET', '/api/members/FJI/accounts')).status).toBe(403);
    expect((await (await signedIn(hub, { role: 'official', memberScopes: ['THA'] })).request('GET', '/api/members/THA/accounts')).status).toBe(403);
    const unknown = await (await admin()).request('GET', '/api/members/XYZ/accounts');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
  });
});
