import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/server/db/seed/seed';
import { anonymous, createTestHub, login, type TestHub } from '../../../../test/helpers/hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await createTestHub();
  await seedDemo(hub.deps, { directory: { agenciesPerMember: 1, positionsPerAgency: 1 } });
});
afterAll(async () => {
  await hub.close();
});

describe('the practices demo', () => {
  it('has one public practice, several for Members, one awaiting review by the demo official and one with changes requested', async () => {
    const titles = async (path: string, agent = anonymous(hub)) => ((await agent.request('GET', path)).body.items as { title: string; status: string }[]);
    expect((await titles('/api/practices')).map((p) => p.title)).toEqual(['Port-in, port-out inspections of fishing vessels']);
    const official = await login(hub, { id: '', email: 'official@demo.hub.example', password: 'demo-official-Hanoi-2002', role: 'official', memberScopes: ['VNM'] });
    expect(await titles('/api/practices', official)).toHaveLength(4);
    expect((await titles('/api/practices/mine', official)).map((p) => p.status).sort()).toEqual(['draft', 'submitted']);
    expect((await titles(`/api/practices?q=${encodeURIComponent('ผู้เสียหาย')}`)).map((p) => p.title)).toEqual(['Port-in, port-out inspections of fishing vessels']);
    const coordinator = await login(hub, { id: '', email: 'coordinator@demo.hub.example', password: 'demo-coord-Suva-2002', role: 'member_coordinator', memberScopes: ['FJI', 'TON'] });
    const mine = await titles('/api/practices/mine', coordinator);
    expect(mine).toMatchObject([{ title: 'Community watch for irregular boat arrivals', status: 'changes_requested' }]);
  });
});
