import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/server/db/seed/seed';
import { anonymous, createTestHub, login, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { DIALOGUE_ID, dialogueMembers } from './events.demo';

let hub: TestHub;
let official: Agent;
beforeAll(async () => {
  hub = await createTestHub();
  await seedDemo(hub.deps, { directory: { agenciesPerMember: 1, positionsPerAgency: 1 } });
  official = await login(hub, { id: '', email: 'official@demo.hub.example', password: 'demo-official-Hanoi-2002', role: 'official', memberScopes: ['VNM'] });
});
afterAll(async () => {
  await hub.close();
});

describe('the events demo', () => {
  it('has the September 2022 dialogue with its agenda, speakers, the 13 Members invited and small groups by sub-region', async () => {
    const res = await official.request('GET', `/api/events/${DIALOGUE_ID}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ slug: 'regional-dialogue-2022-09', series: 'regional-dialogue', startDate: '2022-09-07', endDate: '2022-09-08', timeZone: 'Asia/Bangkok', visibility: 'members' });
    const speakers = new Set(res.body.sessions.flatMap((s: { speakers: { name: string }[] }) => s.speakers.map((x) => x.name)));
    expect([...speakers].sort()).toEqual(['David Scott', 'Dr Borah Park', 'Marieke Jasperse', 'Pak Sukmo Yuwono']);
    expect(res.body.sessions.some((s: { title: string }) => s.title.startsWith('Training course'))).toBe(true);
    expect(res.body.breakouts.map((b: { name: string }) => b.name)).toContain('South-eastern Asia');
    const invited = await hub.deps.db.selectFrom('event_invitations').select('member_code').where('event_id', '=', DIALOGUE_ID).execute();
    expect(invited.map((i) => i.member_code).sort()).toEqual([...dialogueMembers].sort());
    // Members-only: not on the public list.
    expect((await anonymous(hub).request('GET', `/api/events/${DIALOGUE_ID}`)).status).toBe(404);
  });

  it('adds a year of other events, past and upcoming, some public', async () => {
    const upcoming = await anonymous(hub).request('GET', '/api/events?limit=100');
    const past = await anonymous(hub).request('GET', '/api/events?when=past&limit=100');
    expect(upcoming.body.items.length).toBeGreaterThan(2);
    expect(past.body.items.length).toBeGreaterThan(2);
    const all = await hub.deps.db.selectFrom('events').select(['type', 'visibility']).execute();
    expect(all.length).toBeGreaterThan(30);
    expect(new Set(all.map((e) => e.visibility))).toEqual(new Set(['public', 'members', 'invited']));
  });
});
