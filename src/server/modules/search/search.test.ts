import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlobalSearchHit } from '@/contracts/search';
import { makeAgency } from '../../../../test/helpers/directory';
import { anonymous, createTestHub, login, makeUser, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { createResource } from '../library/library.test-support';
import { filledPractice, practiceIn } from '../practices/practices.test-support';

let hub: TestHub;
let admin: Agent;
let official: Agent;
let researcher: Agent;
let anon: Agent;

beforeAll(async () => {
  hub = await createTestHub();
  admin = await login(hub, await makeUser(hub, { role: 'secretariat_admin' }));
  official = await login(hub, await makeUser(hub, { role: 'official', memberScopes: ['THA'] }));
  researcher = await login(hub, await makeUser(hub, { role: 'researcher' }));
  anon = anonymous(hub);
  await createResource(admin, { title: 'Lighthouse screening guide', description: 'Public guide on lighthouse screening.' });
  await createResource(admin, { title: 'Lighthouse secretariat briefing', description: 'Internal lighthouse note.', sensitivity: 'secretariat' });
  await createResource(admin, { title: 'Lighthouse Members toolkit', description: 'Lighthouse toolkit for Members.', sensitivity: 'members' });
  await practiceIn('published', official, admin, filledPractice('THA', { title: 'Lighthouse referral network' }), 'public');
  await practiceIn('submitted', official, admin, filledPractice('THA', { title: 'Lighthouse draft practice' }));
  await makeAgency(admin, { nameEn: 'Lighthouse Anti-Trafficking Bureau', memberCode: 'THA' });
  await createResource(admin, { title: 'คู่มือประภาคาร', description: 'แนวทางการคัดกรองผู้เสียหายจากการค้ามนุษย์', languages: ['th'] });
  await makeAgency(admin, { nameEn: 'Thai screening office', nameLocal: 'สำนักงานคัดกรองผู้เสียหาย', memberCode: 'THA' });
});
afterAll(() => hub.close());

async function search(agent: Agent, params: Record<string, string>): Promise<{ items: GlobalSearchHit[]; totals: { kind: string; total: number }[] }> {
  const res = await agent.request('GET', `/api/search?${new URLSearchParams(params).toString()}`);
  expect(res.status).toBe(200);
  return res.body;
}
const labelled = (items: GlobalSearchHit[]) => items.map((i) => `${i.kind}: ${i.title}`);

describe('global search', () => {
  it('labels each result by kind, with a link path and a snippet, interleaved by rank', async () => {
    const r = await search(admin, { q: 'lighthouse' });
    expect(labelled(r.items)).toEqual(expect.arrayContaining([
      'library: Lighthouse screening guide', 'practice: Lighthouse referral network', 'agency: Lighthouse Anti-Trafficking Bureau',
    ]));
    expect(r.items.slice(0, 3).map((i) => i.kind)).toEqual(['library', 'practice', 'agency']);
    const practice = r.items.find((i) => i.kind === 'practice');
    expect(practice?.path).toBe(`/practices/${practice?.id}`);
    const agency = r.items.find((i) => i.kind === 'agency');
    expect(agency?.path).toBe(`/directory/agencies/${agency?.id}`);
    expect(r.items.find((i) => i.title === 'Lighthouse screening guide')?.snippet?.text).toContain('lighthouse');
    expect(r.totals).toEqual([{ kind: 'library', total: 3 }, { kind: 'practice', total: 1 }, { kind: 'dialogue', total: 0 }, { kind: 'agency', total: 1 }, { kind: 'person', total: 0 }]);
  });

  it('never returns what the viewer may not see: secretariat-only and Members-only items, unpublished practices', async () => {
    const forAnon = labelled((await search(anon, { q: 'lighthouse' })).items);
    expect(forAnon).toContain('library: Lighthouse screening guide');
    expect(forAnon.join('\n')).not.toMatch(/secretariat briefing|Members toolkit|draft practice/);
    const forResearcher = await search(researcher, { q: 'lighthouse', kinds: 'library' });
    expect(labelled(forResearcher.items)).toEqual(['library: Lighthouse screening guide']);
    expect(forResearcher.totals).toEqual([{ kind: 'library', total: 1 }]);
    const forOfficial = labelled((await search(official, { q: 'lighthouse', kinds: 'library,practice' })).items);
    expect(forOfficial).toContain('library: Lighthouse Members toolkit');
    expect(forOfficial).not.toContain('library: Lighthouse secretariat briefing');
    expect(forOfficial).not.toContain('practice: Lighthouse draft practice');
  });

  it('finds dialogue threads in spaces the viewer may see, never in an invite-only space they are not in', async () => {
    const space = async (name: string, access: string) => {
      const res = await admin.request('POST', '/api/dialogues/spaces', { kind: 'theme', themeCode: 'victim-identification', access, name });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const open = await space('Open lantern space', 'members');
    const closed = await space('Closed lantern space', 'invited');
    expect((await official.request('POST', `/api/dialogues/spaces/${open}/threads`, { title: 'Lantern checkpoints', body: 'How do you run **lantern** checkpoints?' })).status).toBe(201);
    expect((await admin.request('POST', `/api/dialogues/spaces/${closed}/threads`, { title: 'Confidential lantern plan', body: 'Only for the working group.' })).status).toBe(201);
    const forOfficial = await search(official, { q: 'lantern', kinds: 'dialogue' });
    expect(labelled(forOfficial.items)).toEqual(['dialogue: Lantern checkpoints']);
    expect(forOfficial.items[0]?.path).toMatch(/^\/dialogues\/threads\//);
    expect(forOfficial.totals).toEqual([{ kind: 'dialogue', total: 1 }]);
    expect(labelled((await search(admin, { q: 'lantern', kinds: 'dialogue' })).items).sort()).toEqual(['dialogue: Confidential lantern plan', 'dialogue: Lantern checkpoints']);
    expect((await search(anon, { q: 'lantern' })).items).toEqual([]);
    expect((await search(researcher, { q: 'lantern' })).items).toEqual([]);
  });

  it('finds dialogue posts by a word in any script, keeps the index through edits and moderation, title matches first', async () => {
    const space = (await admin.request('POST', '/api/dialogues/spaces', { kind: 'theme', themeCode: 'victim-identification', access: 'members', name: 'Harbour space' })).body.id as string;
    const first = await official.request('POST', `/api/dialogues/spaces/${space}/threads`, { title: 'Harbour inspections', body: 'Who joins the monsoon inspections?' });
    expect(first.status).toBe(201);
    const thread = first.body.id as string;
    const other = await official.request('POST', `/api/dialogues/spaces/${space}/threads`, { title: 'Crew lists', body: 'We compare crew lists before harbour inspections.' });
    expect(other.status).toBe(201);
    const reply = await admin.request('POST', `/api/dialogues/threads/${thread}/posts`, { body: 'ตรวจแรงงานประมงที่ท่าเรือสงขลา ทุกเดือน' });
    expect(reply.status).toBe(201);
    const postId = reply.body.id as string;
    const titles = async (q: string) => labelled((await search(official, { q, kinds: 'dialogue' })).items);

    // A Thai word inside a reply, a prefix, two words split across title and posts; the title match ranks first.
    expect(await titles('ท่าเรือสงขลา')).toEqual(['dialogue: Harbour inspections']);
    const thai = await search(official, { q: 'ท่าเรือ', kinds: 'dialogue' });
    expect(thai.items[0]?.snippet?.text).toContain('ท่าเรือสงขลา');
    expect(await titles('monsoon harb')).toEqual(['dialogue: Harbour inspections']);
    expect(await titles('harbour inspections')).toEqual(['dialogue: Harbour inspections', 'dialogue: Crew lists']);

    // An edit replaces the post's words; a hidden post is no longer found, and comes back when shown again.
    expect((await admin.request('PATCH', `/api/dialogues/posts/${postId}`, { body: 'Quarterly checks at Songkhla port.' })).status).toBe(200);
    expect(await titles('ท่าเรือสงขลา')).toEqual([]);
    expect(await titles('songkhla')).toEqual(['dialogue: Harbour inspections']);
    expect((await admin.request('POST', `/api/dialogues/posts/${postId}/moderation`, { action: 'hide', reason: 'Off topic' })).status).toBe(200);
    expect(await titles('songkhla')).toEqual([]);
    expect((await admin.request('POST', `/api/dialogues/posts/${postId}/moderation`, { action: 'unhide', reason: 'Back on topic' })).status).toBe(200);
    expect(await titles('songkhla')).toEqual(['dialogue: Harbour inspections']);

    // Hiding a post by resolving a report on it drops it from search the same way.
    const reported = await official.request('POST', `/api/dialogues/threads/${other.body.id}/posts`, { body: 'Spam about zanzibar lotteries' });
    expect(await titles('zanzibar')).toEqual(['dialogue: Crew lists']);
    const report = await admin.request('POST', `/api/dialogues/posts/${reported.body.id}/reports`, { reason: 'Spam' });
    expect((await admin.request('POST', `/api/dialogues/reports/${report.body.id}/resolve`, { reason: 'Spam', hidePost: true })).status).toBe(200);
    expect(await titles('zanzibar')).toEqual([]);

    // A hidden thread is found by no one, the secretariat included.
    expect((await admin.request('POST', `/api/dialogues/threads/${thread}/moderation`, { action: 'hide', reason: 'Duplicate' })).status).toBe(200);
    expect(await titles('songkhla')).toEqual([]);
    expect(labelled((await search(admin, { q: 'harbour', kinds: 'dialogue' })).items)).toEqual(['dialogue: Crew lists']);
  });

  it('finds a Thai word across kinds', async () => {
    const r = await search(anon, { q: 'ผู้เสียหาย' });
    expect(labelled(r.items)).toEqual(expect.arrayContaining(['library: คู่มือประภาคาร', 'agency: Thai screening office']));
  });

  it('refuses unknown kinds with a field error and answers an empty query with nothing', async () => {
    const bad = await anon.request('GET', '/api/search?q=x&kinds=library,secrets');
    expect(bad.status).toBe(400);
    expect((await search(anon, { q: '' })).items).toEqual([]);
  });
});
