import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@/server/platform/auth/totp';
import { anonymous, createTestHub, makeUser, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => {
  await hub.close();
});

const admin = (): Promise<Agent> => signedIn(hub, { role: 'secretariat_admin' });
const newEmail = (): string => `invitee-${crypto.randomBytes(4).toString('hex')}@test.hub.example`;
const PASSWORD = 'Invited-person-passphrase-7';

/** The token from the newest invitation mail to this address. */
async function tokenFor(email: string): Promise<string> {
  const mail = await hub.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', email).where('kind', '=', 'invitation').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const m = /\/invitation\/([\w-]+)/.exec(mail.body_text);
  if (!m?.[1]) throw new Error('no invitation link in the mail');
  return m[1];
}

/** Accepts an invitation in a fresh browser; returns that browser, signed in. */
async function accept(token: string, displayName = 'Invited Person'): Promise<{ agent: Agent; res: Awaited<ReturnType<Agent['request']>> }> {
  const agent = anonymous(hub);
  const res = await agent.request('POST', `/api/auth/invitations/${token}/accept`, { displayName, password: PASSWORD });
  if (res.status === 200) agent.csrf = res.body.csrfToken;
  return { agent, res };
}

async function count(table: 'invitations' | 'outbox' | 'audit_log'): Promise<number> {
  const r = await hub.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('inviting a person', () => {
  it('mails a link that previews the invitation, creates the account once and signs the person in', async () => {
    const inviter = await admin();
    const email = newEmail();
    const res = await inviter.request('POST', '/api/invitations', { email: email.toUpperCase(), role: 'official', memberScopes: ['tha'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, role: 'official', memberScopes: ['THA'], status: 'pending' });
    const mail = await hub.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', email).executeTakeFirstOrThrow();
    expect(mail.kind).toBe('invitation');
    expect(mail.body_text).toMatch(/http:\/\/localhost:3000\/invitation\/[\w-]{40,}/);
    const token = await tokenFor(email);

    const preview = await anonymous(hub).request('GET', `/api/auth/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ email, role: 'official', memberScopes: ['THA'], requiresTotp: false });

    const { agent, res: accepted } = await accept(token, 'Somchai Prasert');
    expect(accepted.status).toBe(200);
    expect(String(accepted.headers['set-cookie'])).toMatch(/__Host-hub_session=/);
    const session = await agent.request('GET', '/api/auth/session');
    expect(session.body.user).toMatchObject({ email, displayName: 'Somchai Prasert', role: 'official', memberScopes: ['THA'], mustEnrollTotp: false });
    expect((await agent.request('GET', '/api/account/sessions')).status).toBe(200);
    expect((await anonymous(hub).request('POST', '/api/auth/login', { email, password: PASSWORD })).status).toBe(200);

    const again = await accept(token, 'Someone Else');
    expect(again.res.status).toBe(400);
    expect(again.res.body.code).toBe('token_invalid');
    const user = await hub.deps.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    const actions = await hub.deps.db.selectFrom('audit_log').select(['action', 'actor_id', 'entity_id']).where('action', 'in', ['invitation.created', 'user.created_from_invitation']).where((eb) => eb.or([eb('entity_id', '=', res.body.id), eb('entity_id', '=', user.id)])).orderBy('seq').execute();
    expect(actions).toEqual([
      { action: 'invitation.created', actor_id: inviter.user?.id, entity_id: res.body.id },
      { action: 'user.created_from_invitation', actor_id: user.id, entity_id: user.id },
    ]);
  });

  it('refuses a weak password on the password field and leaves the link usable', async () => {
    const email = newEmail();
    await (await admin()).request('POST', '/api/invitations', { email, role: 'researcher' });
    const token = await tokenFor(email);
    const weak = await anonymous(hub).request('POST', `/api/auth/invitations/${token}/accept`, { displayName: 'X', password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('password');
    expect((await accept(token)).res.status).toBe(200);
  });

  it('expires the link after 7 days', async () => {
    const email = newEmail();
    await (await admin()).request('POST', '/api/invitations', { email, role: 'researcher' });
    const token = await tokenFor(email);
    hub.clock.advance(7 * 24 * 60 * 60_000 + 60_000);
    const preview = await anonymous(hub).request('GET', `/api/auth/invitations/${token}`);
    expect(preview.status).toBe(400);
    expect(preview.body.code).toBe('token_invalid');
    const res = await accept(token);
    expect(res.res.status).toBe(400);
    expect(await hub.deps.db.selectFrom('users').select('id').where('email', '=', email).execute()).toHaveLength(0);
  });

  it('refuses a withdrawn invitation', async () => {
    const inviter = await admin();
    const email = newEmail();
    const inv = await inviter.request('POST', '/api/invitations', { email, role: 'researcher' });
    const token = await tokenFor(email);
    expect((await inviter.request('DELETE', `/api/invitations/${inv.body.id}`)).status).toBe(200);
    expect((await anonymous(hub).request('GET', `/api/auth/invitations/${token}`)).status).toBe(400);
    expect((await accept(token)).res.status).toBe(400);
    const listed = (await inviter.request('GET', '/api/invitations')).body.items.find((i: { id: string }) => i.id === inv.body.id);
    expect(listed.status).toBe('revoked');
  });

  it('withdraws the older link when the same address is invited again', async () => {
    const inviter = await admin();
    const email = newEmail();
    await inviter.request('POST', '/api/invitations', { email, role: 'researcher' });
    const first = await tokenFor(email);
    hub.clock.advance(1000);
    expect((await inviter.request('POST', '/api/invitations', { email, role: 'secretariat_staff' })).status).toBe(201);
    const second = await tokenFor(email);
    expect(second).not.toBe(first);
    expect((await anonymous(hub).request('GET', `/api/auth/invitations/${first}`)).status).toBe(400);
    const preview = await anonymous(hub).request('GET', `/api/auth/invitations/${second}`);
    expect(preview.body.role).toBe('secretariat_staff');
  });

  it('two browsers accepting the same link at once create one account', async () => {
    const email = newEmail();
    await (await admin()).request('POST', '/api/invitations', { email, role: 'researcher' });
    const token = await tokenFor(email);
    const results = await Promise.all([accept(token, 'First Tab'), accept(token, 'Second Tab')]);
    expect(results.map((r) => r.res.status).sort()).toEqual([200, 400]);
    expect(await hub.deps.db.selectFrom('users').select('id').where('email', '=', email).execute()).toHaveLength(1);
  });

  it('refuses an address that already has an account with 409 on email', async () => {
    const existing = await makeUser(hub);
    const before = await count('invitations');
    const res = await (await admin()).request('POST', '/api/invitations', { email: existing.email, role: 'researcher' });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('email');
    expect(await count('invitations')).toBe(before);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const inviter = await admin();
    const before = { invitations: await count('invitations'), outbox: await count('outbox'), audit: await count('audit_log') };
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-email', role: 'official', memberScopes: ['THA'] }, 'email'],
      [{ email: newEmail(), role: 'emperor' }, 'role'],
      [{ email: newEmail(), role: 'official', memberScopes: ['XXX'] }, 'memberScopes'],
      [{ email: newEmail(), role: 'official' }, 'memberScopes'],
    ];
    for (const [body, field] of cases) {
      const res = await inviter.request('POST', '/api/invitations', body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect({ invitations: await count('invitations'), outbox: await count('outbox'), audit: await count('audit_log') }).toEqual(before);
  });
});

describe('who may invite whom', () => {
  it('a coordinator invites officials of their own Members only', async () => {
    const coordinator = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['THA'] });
    const ok = await coordinator.request('POST', '/api/invitations', { email: newEmail(), role: 'official', memberScopes: ['THA'] });
    expect(ok.status).toBe(201);
    expect(ok.body.invitedBy.id).toBe(coordinator.user?.id);
    const before = await count('invitations');
    const otherMember = await coordinator.request('POST', '/api/invitations', { email: newEmail(), role: 'official', memberScopes: ['FJI'] });
    expect(otherMember.status).toBe(403);
    expect(otherMember.body.code).toBe('forbidden');
    const staff = await coordinator.request('POST', '/api/invitations', { email: newEmail(), role: 'secretariat_staff' });
    expect(staff.status).toBe(403);
    expect(await count('invitations')).toBe(before);
  });

  it("a coordinator's invitation does not withdraw an administrator's pending invitation to the same address", async () => {
    const email = newEmail();
    await (await admin()).request('POST', '/api/invitations', { email, role: 'secretariat_staff' });
    const adminToken = await tokenFor(email);
    const coordinator = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['THA'] });
    const adminInvitation = await hub.deps.db.selectFrom('invitations').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    expect((await coordinator.request('DELETE', `/api/invitations/${adminInvitation.id}`)).status).toBe(403);
    hub.clock.advance(1000);
    await coordinator.request('POST', '/api/invitations', { email, role: 'official', memberScopes: ['THA'] });
    const preview = await anonymous(hub).request('GET', `/api/auth/invitations/${adminToken}`);
    expect(preview.status).toBe(200);
    expect(preview.body.role).toBe('secretariat_staff');
  });

  it('staff, officials, researchers and anonymous visitors cannot invite', async () => {
    for (const role of ['secretariat_staff', 'official', 'researcher'] as const) {
      const res = await (await signedIn(hub, { role })).request('POST', '/api/invitations', { email: newEmail(), role: 'researcher' });
      expect(res.status).toBe(403);
    }
    expect((await anonymous(hub).request('POST', '/api/invitations', { email: newEmail(), role: 'researcher' })).status).toBe(401);
  });
});

describe('an invited administrator', () => {
  it('must set up two-factor before using the hub', async () => {
    const email = newEmail();
    expect((await (await admin()).request('POST', '/api/invitations', { email, role: 'secretariat_admin', memberScopes: ['THA'] })).status).toBe(201);
    const token = await tokenFor(email);
    expect((await anonymous(hub).request('GET', `/api/auth/invitations/${token}`)).body).toMatchObject({ role: 'secretariat_admin', memberScopes: [], requiresTotp: true });
    const { agent, res } = await accept(token, 'New Admin');
    expect(res.status).toBe(200);
    expect(res.body.user.mustEnrollTotp).toBe(true);
    const blocked = await agent.request('GET', '/api/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('second_factor_enrollment_required');
    expect((await agent.request('POST', '/api/invitations', { email: newEmail(), role: 'researcher' })).status).toBe(403);
    const setup = await agent.request('POST', '/api/account/totp/setup');
    const confirm = await agent.request('POST', '/api/account/totp/confirm', { code: totpCode(setup.body.secret, hub.clock.now().getTime()) });
    expect(confirm.status).toBe(200);
    expect((await agent.request('GET', '/api/users')).status).toBe(200);
    expect((await agent.request('GET', '/api/auth/session')).body.user.mustEnrollTotp).toBe(false);
  });
});
