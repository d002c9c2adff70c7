import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/server/db/seed/seed';
import { createTestHub, login, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { PACIFIC_ROUNDTABLE_ID, seedParticipationDemo } from './participation.demo';

const DIALOGUE_ID = '00000000-0000-4000-8000-202209070001';
let hub: TestHub;
let coordinator: Agent;
let staff: Agent;

beforeAll(async () => {
  hub = await createTestHub();
  await seedDemo(hub.deps, { directory: { agenciesPerMember: 2, positionsPerAgency: 2 } });
  // seed.ts calls it after the events demo once wired; calling it again changes nothing.
  const userIds = new Map((await hub.deps.db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.email, u.id]));
  await hub.deps.db.transaction().execute((trx) => seedParticipationDemo(trx, { now: hub.clock.now(), userIds }));
  expect(await hub.deps.db.transaction().execute((trx) => seedParticipationDemo(trx, { now: hub.clock.now(), userIds }))).toEqual({});
  coordinator = await login(hub, { id: '', email: 'coordinator@demo.hub.example', password: 'demo-coord-Suva-2002', role: 'member_coordinator', memberScopes: ['FJI', 'TON'] });
  staff = await login(hub, { id: '', email: 'staff@demo.hub.example', password: 'demo-staff-Bangkok-2012', role: 'secretariat_staff', memberScopes: [] });
});
afterAll(async () => {
  await hub.close();
});

describe('the participation demo', () => {
  it('gives the September 2022 dialogue 60 registered participants from its 13 Members, within quotas, with a mix of consent, most checked in', async () => {
    const res = await staff.request('GET', `/api/events/${DIALOGUE_ID}/participants`);
    expect(res.status).toBe(200);
    expect(res.body.counts).toMatchObject({ registered: 60, nominated: 0, waitlisted: 0 });
    expect(res.body.counts.checkedIn).toBeGreaterThan(45);
    expect(new Set(res.body.items.map((p: { memberCode: string }) => p.memberCode)).size).toBe(13);
    const listed = res.body.items.filter((p: { consentListed: boolean }) => p.consentListed).length;
    expect(listed).toBeGreaterThan(30);
    expect(listed).toBeLessThan(60);
    const invitations = await staff.request('GET', `/api/events/${DIALOGUE_ID}/invitations`);
    for (const q of invitations.body.quotas) expect(q.used).toBeLessThanOrEqual(q.quota);
  });

  it('has an upcoming invited-only Pacific roundtable with the coordinator’s nominations waiting for the secretariat', async () => {
    const quotas = await coordinator.request('GET', `/api/events/${PACIFIC_ROUNDTABLE_ID}/invitations`);
    expect(quotas.status).toBe(200);
    expect(quotas.body.quotas.map((q: { memberCode: string; used: number; quota: number }) => [q.memberCode, q.used, q.quota])).toEqual([['FJI', 2, 5], ['TON', 2, 3]]);
    const mine = await coordinator.request('GET', `/api/events/${PACIFIC_ROUNDTABLE_ID}/participants`);
    expect(mine.body.items.map((p: { status: string }) => p.status).sort()).toEqual(['approved', 'nominated', 'nominated', 'nominated']);
    const pending = await staff.request('GET', `/api/events/${PACIFIC_ROUNDTABLE_ID}/participants?status=nominated`);
    expect(pending.body.items).toHaveLength(3);
    // Invited only: Viet Nam's official does not see it.
    const official = await login(hub, { id: '', email: 'official@demo.hub.example', password: 'demo-official-Hanoi-2002', role: 'official', memberScopes: ['VNM'] });
    expect((await official.request('GET', `/api/events/${PACIFIC_ROUNDTABLE_ID}/registration`)).status).toBe(404);
  });
});
