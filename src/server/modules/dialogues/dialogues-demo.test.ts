import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/server/db/seed/seed';
import { createTestHub, login, type TestHub } from '../../../../test/helpers/hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await createTestHub();
  await seedDemo(hub.deps, { directory: { agenciesPerMember: 1, positionsPerAgency: 1 } });
});
afterAll(async () => {
  await hub.close();
});

describe('the dialogues demo', () => {
  it('gives Members a theme space and the September 2022 dialogue space, and the working group space to its members only', async () => {
    const official = await login(hub, { id: '', email: 'official@demo.hub.example', password: 'demo-official-Hanoi-2002', role: 'official', memberScopes: ['VNM'] });
    const spaces = (await official.request('GET', '/api/dialogues/spaces')).body.items as { id: string; name: string; kind: string; unreadThreads: number }[];
    expect(spaces.map((s) => s.kind).sort()).toEqual(['event', 'theme', 'working_group']);
    const researcher = await login(hub, { id: '', email: 'researcher@demo.hub.example', password: 'demo-research-Dili-2002', role: 'researcher', memberScopes: [] });
    expect((await researcher.request('GET', '/api/dialogues/spaces')).body.items).toEqual([]);
    const theme = spaces.find((s) => s.kind === 'theme');
    const threads = (await official.request('GET', `/api/dialogues/spaces/${theme?.id}/threads`)).body.items as { id: string; title: string; pinned: boolean; unreadCount: number }[];
    expect(threads[0]).toMatchObject({ title: 'Screening questions for fishing-vessel crews', pinned: true, unreadCount: 3 });
    const posts = (await official.request('GET', `/api/dialogues/threads/${threads[0]?.id}/posts`)).body.items as { html: string }[];
    expect(posts[1]?.html).toContain('<blockquote>');
    expect(posts[1]?.html).toContain('តើអ្នកអាចចាកចេញពីកប៉ាល់បានដោយសេរីឬទេ');
  });
});
