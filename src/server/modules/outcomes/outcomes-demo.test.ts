import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/server/db/seed/seed';
import { createTestHub, login, type Agent, type TestHub } from '../../../../test/helpers/hub';

const DIALOGUE_ID = '00000000-0000-4000-8000-202209070001';

let hub: TestHub;
let coordinator: Agent;
beforeAll(async () => {
  hub = await createTestHub();
  await seedDemo(hub.deps, { directory: { agenciesPerMember: 1, positionsPerAgency: 1 } });
  coordinator = await login(hub, { id: '', email: 'coordinator@demo.hub.example', password: 'demo-coord-Suva-2002', role: 'member_coordinator', memberScopes: ['FJI', 'TON'] });
});
afterAll(async () => {
  await hub.close();
});

describe('the outcomes demo', () => {
  it('tracks the five RSO priorities on the 2022 dialogue, with updates and progress', async () => {
    const res = await coordinator.request('GET', `/api/events/${DIALOGUE_ID}/actions`);
    expect(res.status).toBe(200);
    const rso = res.body.items.filter((a: { owner: { kind: string } }) => a.owner.kind === 'rso');
    expect(rso.flatMap((a: { priorities: string[] }) => a.priorities).sort()).toEqual(['member-relations', 'online-platform', 'research-coordination', 'secretariat-hub', 'stakeholder-mapping']);
    expect(rso.some((a: { progress: number; status: string }) => a.status === 'in_progress' && a.progress > 0)).toBe(true);
    const hub1 = rso.find((a: { priorities: string[] }) => a.priorities.includes('secretariat-hub'));
    const detail = await coordinator.request('GET', `/api/actions/${hub1.id}`);
    expect(detail.body.updates.length).toBeGreaterThan(0);
    expect(detail.body.canUpdate).toBe(false);
  });

  it('gives the demo coordinator actions of Fiji and Tonga on the series, one of them overdue', async () => {
    const mine = await coordinator.request('GET', '/api/actions?mine=true&series=regional-dialogue');
    expect(mine.body.items.map((a: { owner: { code: string } }) => a.owner.code).sort()).toEqual(['FJI', 'TON']);
    expect(mine.body.overdue).toBe(1);
    expect(mine.body.items.every((a: { canUpdate: boolean }) => a.canUpdate)).toBe(true);
  });
});
