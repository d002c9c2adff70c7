import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, login, makeUser, type Agent, type TestHub, type TestUser } from '../../../../test/helpers/hub';
import { inviteMember, makeEvent, upload } from '../papers/papers.test-support';

let hub: TestHub;
let admin: Agent;
let staff: Agent;
let alice: Agent;
let aliceUser: TestUser;
let bob: Agent;
let bobUser: TestUser;
let fijian: Agent;
let researcher: Agent;
let researcherUser: TestUser;
let openSpace: string;

async function named(displayName: string, o: Parameters<typeof makeUser>[1]): Promise<{ user: TestUser; agent: Agent }> {
  const user = await makeUser(hub, o);
  await hub.deps.db.updateTable('users').set({ display_name: displayName }).where('id', '=', user.id).execute();
  return { user, agent: await login(hub, user) };
}

async function space(body: Record<string, unknown>): Promise<string> {
  const res = await admin.request('POST', '/api/dialogues/spaces', { kind: 'theme', themeCode: 'victim-identification', access: 'members', ...body });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function thread(agent: Agent, spaceId: string, title = 'A thread', body = 'Opening post'): Promise<{ id: string; firstPostId: string }> {
  const res = await agent.request('POST', `/api/dialogues/spaces/${spaceId}/threads`, { title, body });
  expect(res.status).toBe(201);
  const posts = await agent.request('GET', `/api/dialogues/threads/${res.body.id}/posts`);
  return { id: res.body.id as string, firstPostId: posts.body.items[0].id as string };
}

const outboxFor = async (email: string, kind?: string) => {
  let q = hub.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', email);
  if (kind) q = q.where('kind', '=', kind);
  return q.execute();
};
const auditOf = (entityId: string) => hub.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('seq').execute();

beforeAll(async () => {
  hub = await createTestHub();
  admin = await login(hub, await makeUser(hub, { role: 'secretariat_admin' }));
  staff = await login(hub, await makeUser(hub, { role: 'secretariat_staff' }));
  ({ user: aliceUser, agent: alice } = await named('Alice Sombat', { role: 'official', memberScopes: ['THA'] }));
  ({ user: bobUser, agent: bob } = await named('Bob Tanaka', { role: 'member_coordinator', memberScopes: ['THA'] }));
  fijian = (await named('Mere Vula', { role: 'official', memberScopes: ['FJI'] })).agent;
  ({ user: researcherUser, agent: researcher } = await named('Rin Researcher', { role: 'researcher' }));
  openSpace = await space({ name: 'Victim identification practice' });
});
afterAll(async () => {
  await hub.close();
});

describe('access', () => {
  it('anonymous visitors are refused, Members see open spaces, researchers only the spaces that list them', async () => {
    expect((await anonymous(hub).request('GET', '/api/dialogues/spaces')).status).toBe(401);
    expect((await anonymous(hub).request('GET', `/api/dialogues/spaces/${openSpace}`)).status).toBe(401);
    const names = async (a: Agent) => ((await a.request('GET', '/api/dialogues/spaces')).body.items as { name: string }[]).map((s) => s.name);
    expect(await names(alice)).toContain('Victim identification practice');
    expect(await names(researcher)).not.toContain('Victim identification practice');
    expect((await researcher.request('GET', `/api/dialogues/spaces/${openSpace}`)).status).toBe(403);

    const invited = await space({ name: 'Invite-only circle', access: 'invited' });
    expect(await names(alice)).not.toContain('Invite-only circle');
    expect((await alice.request('GET', `/api/dialogues/spaces/${invited}`)).status).toBe(404);
    expect((await admin.request('POST', `/api/dialogues/spaces/${invited}/members`, { email: researcherUser.email, role: 'member' })).status).toBe(200);
    expect(await names(researcher)).toContain('Invite-only circle');
    expect((await researcher.request('POST', `/api/dialogues/spaces/${invited}/threads`, { title: 'Research question', body: 'Hello' })).status).toBe(201);
    expect(await names(staff)).toContain('Invite-only circle');
  });

  it('an event space is seen only by those who may see the event', async () => {
    const event = await makeEvent(hub, { visibility: 'invited', title: 'Invited roundtable' });
    await inviteMember(hub, event.id, 'THA');
    const eventSpace = await space({ name: 'Roundtable follow-up', kind: 'event', eventId: event.id, themeCode: undefined });
    expect((await alice.request('GET', `/api/dialogues/spaces/${eventSpace}`)).status).toBe(200);
    expect((await alice.request('GET', `/api/dialogues/spaces/${eventSpace}`)).body.event.title).toBe('Invited roundtable');
    expect((await fijian.request('GET', `/api/dialogues/spaces/${eventSpace}`)).status).toBe(404);
    expect(((await fijian.request('GET', '/api/dialogues/spaces')).body.items as { id: string }[]).map((s) => s.id)).not.toContain(eventSpace);
  });

  it('only the secretariat creates spaces and appoints moderators', async () => {
    expect((await alice.request('POST', '/api/dialogues/spaces', { name: 'Mine', kind: 'theme', themeCode: 'technology', access: 'members' })).status).toBe(403);
    expect((await alice.request('POST', `/api/dialogues/spaces/${openSpace}/members`, { email: bobUser.email, role: 'moderator' })).status).toBe(403);
    const bad = await admin.request('POST', '/api/dialogues/spaces', { name: 'No theme', kind: 'theme', themeCode: 'nope', access: 'members' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('themeCode');
  });
});

describe('managing the members of an invite-only space', () => {
  it('the secretariat finds people by name or email, adds them (notified, audited) and removes them, who then lose access at once', async () => {
    const { user: lek, agent: lekAgent } = await named('Lek Prasert', { role: 'official', memberScopes: ['THA'] });
    const circle = await space({ name: 'Prosecutors circle', access: 'invited' });
    expect((await lekAgent.request('GET', `/api/dialogues/spaces/${circle}`)).status).toBe(404);

    // The picker's search: by part of a name, case-insensitive, and by email; % is matched literally.
    const byName = await staff.request('GET', `/api/dialogues/spaces/${circle}/member-candidates?q=prasert`);
    expect(byName.status).toBe(200);
    expect(byName.body.items).toEqual([{ userId: lek.id, displayName: 'Lek Prasert', email: lek.email, role: null }]);
    expect((await staff.request('GET', `/api/dialogues/spaces/${circle}/member-candidates?q=${encodeURIComponent(lek.email.slice(0, 8).toUpperCase())}`)).body.items.map((c: { userId: string }) => c.userId)).toContain(lek.id);
    expect((await staff.request('GET', `/api/dialogues/spaces/${circle}/member-candidates?q=%25`)).body.items).toEqual([]);
    const empty = await staff.request('GET', `/api/dialogues/spaces/${circle}/member-candidates?q=`);
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('q');
    expect((await alice.request('GET', `/api/dialogues/spaces/${openSpace}/member-candidates?q=lek`)).status).toBe(403);

    const added = await staff.request('POST', `/api/dialogues/spaces/${circle}/members`, { email: lek.email, role: 'member' });
    expect(added.status).toBe(200);
    expect(added.body.items.map((m: { displayName: string; role: string }) => [m.displayName, m.role])).toEqual([['Lek Prasert', 'member']]);
    expect((await staff.request('GET', `/api/dialogues/spaces/${circle}/member-candidates?q=prasert`)).body.items[0].role).toBe('member');
    const mail = await outboxFor(lek.email, 'space_membership');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe('You were added to the dialogue space "Prosecutors circle"');
    expect((await lekAgent.request('GET', `/api/dialogues/spaces/${circle}`)).status).toBe(200);
    const t = await thread(lekAgent, circle, 'Evidence sharing');

    // Appointing the same person moderator is audited but not a second notice.
    expect((await staff.request('POST', `/api/dialogues/spaces/${circle}/members`, { email: lek.email, role: 'moderator' })).status).toBe(200);
    expect(await outboxFor(lek.email, 'space_membership')).toHaveLength(1);

    const removed = await staff.request('DELETE', `/api/dialogues/spaces/${circle}/members/${lek.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.items).toEqual([]);
    expect((await lekAgent.request('GET', `/api/dialogues/spaces/${circle}`)).status).toBe(404);
    expect((await lekAgent.request('GET', `/api/dialogues/threads/${t.id}`)).status).toBe(404);
    expect((await lekAgent.request('GET', `/api/dialogues/threads/${t.id}/posts`)).status).toBe(404);
    expect((await lekAgent.request('POST', `/api/dialogues/threads/${t.id}/posts`, { body: 'Still here?' })).status).toBe(404);
    expect(((await lekAgent.request('GET', '/api/dialogues/spaces')).body.items as { id: string }[]).map((x) => x.id)).not.toContain(circle);
    expect((await staff.request('DELETE', `/api/dialogues/spaces/${circle}/members/${lek.id}`)).status).toBe(404);

    const trail = (await auditOf(circle)).map((a) => a.action);
    expect(trail).toEqual(['dialogue.space_created', 'dialogue.member_added', 'dialogue.moderator_appointed', 'dialogue.member_removed']);
  });

  it('refuses an unknown email with a field message', async () => {
    const res = await admin.request('POST', `/api/dialogues/spaces/${openSpace}/members`, { email: 'nobody-here@test.hub.example', role: 'member' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'email', message: 'No active account has this email address.' }]);
  });
});

describe('posting and sanitising', () => {
  it('renders Markdown on the server and strips scripts, handlers and unsafe links', async () => {
    const t = await thread(alice, openSpace, 'Markdown', [
      '**bold** <script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '[bad](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox(1))',
      '[web](https://example.org/a) [plain](http://example.org/b) [mail](mailto:focal@example.org)',
      '<a href="javascript:alert(4)" onclick="alert(5)">x</a>',
    ].join('\n\n'));
    const post = (await alice.request('GET', `/api/dialogues/threads/${t.id}/posts`)).body.items[0];
    expect(post.html).toContain('<strong>bold</strong>');
    // Typed HTML is shown as text: no element, no event handler on any element, no unsafe link target.
    expect(post.html).not.toMatch(/<(script|img|svg|iframe)/i);
    expect(post.html).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
    expect(post.html).not.toMatch(/<a [^>]*href="(javascript|data|vbscript):/i);
    expect(post.html).toContain('&lt;script&gt;');
    expect(post.html).toContain('href="https://example.org/a"');
    expect(post.html).toContain('href="http://example.org/b"');
    expect(post.html).toContain('href="mailto:focal@example.org"');
    expect(post.source).toContain('<script>');
    const preview = await alice.request('POST', '/api/dialogues/preview', { body: '<svg onload=alert(1)> _it_' });
    expect(preview.body.html).toBe('<p>&lt;svg onload=alert(1)&gt; <em>it</em></p>\n');
  });

  it('quotes a post, edits own posts only, and pages by cursor', async () => {
    const t = await thread(alice, openSpace, 'Paging');
    for (let i = 1; i <= 5; i++) expect((await bob.request('POST', `/api/dialogues/threads/${t.id}/posts`, { body: `Reply ${i}` })).status).toBe(201);
    const quoted = await alice.request('POST', `/api/dialogues/threads/${t.id}/posts`, { body: 'I agree', quotePostId: t.firstPostId });
    expect(quoted.body.quote).toEqual({ postId: t.firstPostId, author: 'Alice Sombat', text: 'Opening post' });
    const first = await alice.request('GET', `/api/dialogues/threads/${t.id}/posts?limit=3`);
    expect(first.body.items.map((p: { source: string }) => p.source)).toEqual(['Opening post', 'Reply 1', 'Reply 2']);
    const second = await alice.request('GET', `/api/dialogues/threads/${t.id}/posts?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((p: { source: string }) => p.source)).toEqual(['Reply 3', 'Reply 4', 'Reply 5']);
    const third = await alice.request('GET', `/api/dialogues/threads/${t.id}/posts?limit=3&cursor=${second.body.nextCursor}`);
    expect(third.body.items.map((p: { source: string }) => p.source)).toEqual(['I agree']);
    expect(third.body.nextCursor).toBeNull();
    expect((await bob.request('PATCH', `/api/dialogues/posts/${t.firstPostId}`, { body: 'Hijack' })).status).toBe(403);
    const edited = await alice.request('PATCH', `/api/dialogues/posts/${t.firstPostId}`, { body: 'Opening post, *edited*' });
    expect(edited.body.html).toContain('<em>edited</em>');
    expect(edited.body.editedAt).not.toBeNull();
    expect((await alice.request('GET', `/api/dialogues/threads/${t.id}/posts?cursor=nonsense`)).status).toBe(400);
  });

  it('attachments are checked by content and downloadable only by those who see the thread', async () => {
    const invited = await space({ name: 'Files circle', access: 'invited' });
    await admin.request('POST', `/api/dialogues/spaces/${invited}/members`, { email: aliceUser.email, role: 'member' });
    const t = await thread(alice, invited, 'With a file');
    const ok = await upload(hub, alice, `/api/dialogues/posts/${t.firstPostId}/attachments`, { file: { name: 'notes.txt', data: Buffer.from('Meeting notes\n') } });
    expect(ok.status).toBe(201);
    const att = ok.body.attachments[0];
    expect(att).toMatchObject({ name: 'notes.txt', size: 14 });
    const disguised = await upload(hub, alice, `/api/dialogues/posts/${t.firstPostId}/attachments`, { file: { name: 'tool.pdf', data: Buffer.from('MZ\x90\x00 not a pdf') } });
    expect(disguised.status).toBe(415);
    const got = await hub.app.inject({ method: 'GET', url: att.url, headers: { cookie: alice.cookie ?? '' } });
    expect(got.statusCode).toBe(200);
    expect(got.body).toBe('Meeting notes\n');
    expect((await bob.request('GET', att.url)).status).toBe(404);
    expect((await upload(hub, bob, `/api/dialogues/posts/${t.firstPostId}/attachments`, { file: { name: 'x.txt', data: Buffer.from('x') } })).status).toBe(404);
  });
});

describe('mentions, follows and unread', () => {
  it('a mention of a user who sees the space notifies them; one who cannot see it is not told', async () => {
    const invited = await space({ name: 'Mentions circle', access: 'invited' });
    await admin.request('POST', `/api/dialogues/spaces/${invited}/members`, { email: aliceUser.email, role: 'member' });
    await admin.request('POST', `/api/dialogues/spaces/${invited}/members`, { email: bobUser.email, role: 'member' });
    const before = (await outboxFor(bobUser.email, 'mention')).length;
    await thread(alice, invited, 'Question for Bob', 'Could @Bob Tanaka share the SOP? cc @' + researcherUser.email.split('@')[0]);
    const mail = await outboxFor(bobUser.email, 'mention');
    expect(mail.length).toBe(before + 1);
    expect(mail.at(-1)?.subject).toBe('Alice Sombat mentioned you in "Question for Bob"');
    expect(await outboxFor(researcherUser.email, 'mention')).toEqual([]);
  });

  it('followers hear of new threads and replies; authors follow their threads', async () => {
    const followed = await space({ name: 'Followed space' });
    expect((await bob.request('PUT', `/api/dialogues/spaces/${followed}/follow`)).body).toEqual({ following: true });
    const t = await thread(alice, followed, 'News');
    expect((await outboxFor(bobUser.email, 'thread_activity')).map((m) => m.subject)).toContain('New thread in Followed space: News');
    await bob.request('POST', `/api/dialogues/threads/${t.id}/posts`, { body: 'Thanks' });
    expect((await outboxFor(aliceUser.email, 'thread_activity')).map((m) => m.subject)).toContain('New reply in "News"');
    await hub.deps.db.insertInto('notification_preferences').values({ user_id: aliceUser.id, kind: 'thread_activity', mode: 'daily', updated_at: hub.clock.now().toISOString() }).execute();
    const count = (await outboxFor(aliceUser.email, 'thread_activity')).length;
    await bob.request('POST', `/api/dialogues/threads/${t.id}/posts`, { body: 'Another' });
    expect((await outboxFor(aliceUser.email, 'thread_activity')).length).toBe(count);
    const queued = await hub.deps.db.selectFrom('notification_items').select(['subject', 'mode']).where('user_id', '=', aliceUser.id).where('kind', '=', 'thread_activity').execute();
    expect(queued).toEqual([{ subject: 'New reply in "News"', mode: 'daily' }]);
  });

  it('unread counts before and after reading', async () => {
    const s = await space({ name: 'Unread space' });
    const t = await thread(alice, s, 'Unread thread');
    const unreadOf = async (a: Agent) => ((await a.request('GET', `/api/dialogues/spaces/${s}/threads`)).body.items as { id: string; unreadCount: number }[]).find((x) => x.id === t.id)?.unreadCount;
    expect(await unreadOf(alice)).toBe(0);
    expect(await unreadOf(bob)).toBe(1);
    const r1 = await alice.request('POST', `/api/dialogues/threads/${t.id}/posts`, { body: 'Second' });
    await alice.request('POST', `/api/dialogues/threads/${t.id}/posts`, { body: 'Third' });
    expect(await unreadOf(bob)).toBe(3);
    expect((await bob.request('GET', `/api/dialogues/spaces/${s}`)).body.unreadThreads).toBe(1);
    expect((await bob.request('POST', `/api/dialogues/threads/${t.id}/read`, { postId: r1.body.id })).body).toEqual({ unreadCount: 1 });
    expect(await unreadOf(bob)).toBe(1);
    const page = await bob.request('GET', `/api/dialogues/threads/${t.id}/posts`);
    await bob.request('POST', `/api/dialogues/threads/${t.id}/read`, { postId: page.body.items.at(-1).id });
    expect(await unreadOf(bob)).toBe(0);
    expect((await bob.request('GET', `/api/dialogues/spaces/${s}`)).body.unreadThreads).toBe(0);
    // Reading an earlier post does not move the marker back.
    await bob.request('POST', `/api/dialogues/threads/${t.id}/read`, { postId: t.firstPostId });
    expect(await unreadOf(bob)).toBe(0);
  });
});

describe('moderation', () => {
  it('refuses moderation without a reason and from non-moderators; audits each action with its reason', async () => {
    const s = await space({ name: 'Moderated space' });
    const t = await thread(alice, s, 'To moderate');
    expect((await admin.request('POST', `/api/dialogues/threads/${t.id}/moderation`, { action: 'pin' })).status).toBe(400);
    const noReason = await admin.request('POST', `/api/dialogues/threads/${t.id}/moderation`, { action: 'pin', reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    expect((await bob.request('POST', `/api/dialogues/threads/${t.id}/moderation`, { action: 'pin', reason: 'Because' })).status).toBe(403);
    await admin.request('POST', `/api/dialogues/spaces/${s}/members`, { email: bobUser.email, role: 'moderator' });
    for (const action of ['pin', 'unpin', 'lock', 'unlock'] as const) {
      expect((await bob.request('POST', `/api/dialogues/threads/${t.id}/moderation`, { action, reason: `Reason to ${action}` })).status).toBe(200);
    }
    const entries = await auditOf(t.id);
    for (const action of ['pin', 'unpin', 'lock', 'unlock']) {
      const e = entries.find((x) => x.action === `dialogue.thread_${action}`);
      expect(JSON.parse(e?.after_json ?? '{}').reason).toBe(`Reason to ${action}`);
      expect(e?.actor_id).toBe(bobUser.id);
    }
  });

  it('a locked thread takes no replies; pinned threads come first', async () => {
    const s = await space({ name: 'Lock space' });
    const a = await thread(alice, s, 'Older pinned');
    await thread(alice, s, 'Newer');
    await admin.request('POST', `/api/dialogues/threads/${a.id}/moderation`, { action: 'pin', reason: 'Keep on top' });
    expect(((await bob.request('GET', `/api/dialogues/spaces/${s}/threads`)).body.items as { title: string }[]).map((x) => x.title)).toEqual(['Older pinned', 'Newer']);
    await admin.request('POST', `/api/dialogues/threads/${a.id}/moderation`, { action: 'lock', reason: 'Discussion closed' });
    const refused = await bob.request('POST', `/api/dialogues/threads/${a.id}/posts`, { body: 'Late' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('thread_locked');
    expect((await bob.request('GET', `/api/dialogues/threads/${a.id}`)).body.canReply).toBe(false);
  });

  it('hidden posts and threads are not shown to others; their authors still see them', async () => {
    const s = await space({ name: 'Hide space' });
    const t = await thread(alice, s, 'Hide me');
    const reply = await bob.request('POST', `/api/dialogues/threads/${t.id}/posts`, { body: 'Off-topic' });
    expect((await staff.request('POST', `/api/dialogues/posts/${reply.body.id}/moderation`, { action: 'hide', reason: 'Off-topic' })).status).toBe(200);
    const forAlice = (await alice.request('GET', `/api/dialogues/threads/${t.id}/posts`)).body.items as { id: string }[];
    expect(forAlice.map((p) => p.id)).not.toContain(reply.body.id);
    const forBob = (await bob.request('GET', `/api/dialogues/threads/${t.id}/posts`)).body.items as { id: string; hidden: boolean }[];
    expect(forBob.find((p) => p.id === reply.body.id)?.hidden).toBe(true);
    expect((await alice.request('GET', `/api/dialogues/posts/${reply.body.id}`)).status).toBe(404);
    expect(JSON.parse((await auditOf(reply.body.id)).find((e) => e.action === 'dialogue.post_hide')?.after_json ?? '{}').reason).toBe('Off-topic');

    await staff.request('POST', `/api/dialogues/threads/${t.id}/moderation`, { action: 'hide', reason: 'Duplicate' });
    expect((await bob.request('GET', `/api/dialogues/threads/${t.id}`)).status).toBe(404);
    expect(((await bob.request('GET', `/api/dialogues/spaces/${s}/threads`)).body.items as unknown[]).length).toBe(0);
    const own = await alice.request('GET', `/api/dialogues/threads/${t.id}`);
    expect(own.status).toBe(200);
    expect(own.body.hidden).toBe(true);
  });

  it('moves a thread to another space', async () => {
    const from = await space({ name: 'From space' });
    const to = await space({ name: 'To space' });
    const t = await thread(alice, from, 'Wandering thread');
    expect((await admin.request('POST', `/api/dialogues/threads/${t.id}/moderation`, { action: 'move', reason: 'Belongs elsewhere' })).status).toBe(400);
    const moved = await admin.request('POST', `/api/dialogues/threads/${t.id}/moderation`, { action: 'move', spaceId: to, reason: 'Belongs elsewhere' });
    expect(moved.body.space).toEqual({ id: to, name: 'To space' });
    expect(((await alice.request('GET', `/api/dialogues/spaces/${to}/threads`)).body.items as { id: string }[]).map((x) => x.id)).toEqual([t.id]);
    const e = (await auditOf(t.id)).find((x) => x.action === 'dialogue.thread_move');
    expect(JSON.parse(e?.before_json ?? '{}')).toEqual({ space_id: from });
    expect(JSON.parse(e?.after_json ?? '{}')).toEqual({ space_id: to, reason: 'Belongs elsewhere' });
  });

  it('reports: members report with a reason, moderators see open reports and resolve them with a reason', async () => {
    const s = await space({ name: 'Report space' });
    const t = await thread(bob, s, 'Reported thread', 'Something rude');
    expect((await alice.request('POST', `/api/dialogues/posts/${t.firstPostId}/reports`, {})).status).toBe(400);
    const rep = await alice.request('POST', `/api/dialogues/posts/${t.firstPostId}/reports`, { reason: 'Rude language' });
    expect(rep.status).toBe(201);
    expect((await alice.request('GET', '/api/dialogues/reports')).status).toBe(403);
    const open = await staff.request('GET', '/api/dialogues/reports');
    const mine = (open.body.items as { id: string; reason: string; post: { excerpt: string } }[]).find((r) => r.id === rep.body.id);
    expect(mine).toMatchObject({ reason: 'Rude language', post: { excerpt: 'Something rude' } });
    expect((await staff.request('POST', `/api/dialogues/reports/${rep.body.id}/resolve`, { hidePost: true })).status).toBe(400);
    expect((await staff.request('POST', `/api/dialogues/reports/${rep.body.id}/resolve`, { reason: 'Hidden as rude', hidePost: true })).status).toBe(200);
    expect(((await staff.request('GET', '/api/dialogues/reports')).body.items as { id: string }[]).map((r) => r.id)).not.toContain(rep.body.id);
    expect(((await alice.request('GET', `/api/dialogues/threads/${t.id}/posts`)).body.items as unknown[]).length).toBe(0);
    const resolved = (await auditOf(rep.body.id)).find((e) => e.action === 'dialogue.report_resolved');
    expect(JSON.parse(resolved?.after_json ?? '{}').reason).toBe('Hidden as rude');
    expect((await staff.request('POST', `/api/dialogues/reports/${rep.body.id}/resolve`, { reason: 'Again' })).status).toBe(409);
  });
});

describe('searching the dialogues', () => {
  it('pages through matching threads, best first, within one space if asked, never in a space the reader may not see', async () => {
    const here = await space({ name: 'Search space one' });
    const there = await space({ name: 'Search space two' });
    const closed = await space({ name: 'Search space closed', access: 'invited' });
    await thread(alice, here, 'Tidewater screening', 'Screening at the tidewater piers.');
    await thread(alice, here, 'Pier staffing', 'Who staffs tidewater checks on Sundays?');
    await thread(bob, there, 'Rosters', 'Tidewater rosters for the coast guard.');
    await thread(admin, closed, 'Tidewater secret', 'Not for officials.');

    const first = await alice.request('GET', '/api/dialogues/search?q=tidewater&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((h: { title: string }) => h.title)[0]).toBe('Tidewater screening');
    expect(first.body.items[0].titleMarks).toEqual([[0, 9]]);
    expect(first.body.items[0].space).toEqual({ id: here, name: 'Search space one' });
    expect(first.body.nextOffset).toBe(2);
    const second = await alice.request('GET', `/api/dialogues/search?q=tidewater&limit=2&offset=${first.body.nextOffset}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextOffset).toBeNull();
    const all = [...first.body.items, ...second.body.items].map((h: { title: string }) => h.title);
    expect(all.sort()).toEqual(['Pier staffing', 'Rosters', 'Tidewater screening']);
    const snippetOf = [...first.body.items, ...second.body.items].find((h: { title: string }) => h.title === 'Rosters');
    expect(snippetOf.snippet.text).toContain('Tidewater rosters');

    const inOne = await alice.request('GET', `/api/dialogues/search?q=tidewater&spaceId=${there}`);
    expect(inOne.body.items.map((h: { title: string }) => h.title)).toEqual(['Rosters']);
    const forAdmin = await admin.request('GET', '/api/dialogues/search?q=tidewater');
    expect(forAdmin.body.total).toBe(4);
  });

  it('asks for a word, and for signing in', async () => {
    const empty = await alice.request('GET', '/api/dialogues/search?q=');
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0]).toMatchObject({ field: 'q', message: 'Type a word to search for.' });
    expect((await anonymous(hub).request('GET', '/api/dialogues/search?q=tidewater')).status).toBe(401);
  });
});
