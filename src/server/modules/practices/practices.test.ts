import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, login, makeUser, type Agent, type TestHub, type TestUser } from '../../../../test/helpers/hub';
import { createPractice, filledPractice, practiceIn } from './practices.test-support';

let hub: TestHub;
let admin: Agent;
let staff: Agent;
let official: Agent;
let officialUser: TestUser;
let otherOfficial: Agent;
let coordinator: Agent;
let fijiCoordinator: Agent;
let researcher: Agent;
let anon: Agent;

beforeAll(async () => {
  hub = await createTestHub();
  admin = await login(hub, await makeUser(hub, { role: 'secretariat_admin' }));
  staff = await login(hub, await makeUser(hub, { role: 'secretariat_staff' }));
  officialUser = await makeUser(hub, { role: 'official', memberScopes: ['THA'] });
  official = await login(hub, officialUser);
  otherOfficial = await login(hub, await makeUser(hub, { role: 'official', memberScopes: ['THA'] }));
  coordinator = await login(hub, await makeUser(hub, { role: 'member_coordinator', memberScopes: ['THA'] }));
  fijiCoordinator = await login(hub, await makeUser(hub, { role: 'member_coordinator', memberScopes: ['FJI'] }));
  researcher = await login(hub, await makeUser(hub, { role: 'researcher' }));
  anon = anonymous(hub);
});
afterAll(() => hub.close());

const status = async (agent: Agent, id: string) => (await agent.request('GET', `/api/practices/${id}`)).status;
const outboxFor = (email: string) => hub.deps.db.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', email).where('kind', '=', 'practice_status').orderBy('created_at').execute();
const titles = async (agent: Agent, params = '') => ((await agent.request('GET', `/api/practices${params}`)).body.items as { title: string }[]).map((i) => i.title);

describe('practices workflow', () => {
  it('a draft is submitted, changes are requested, it is resubmitted and published; each step audited and notified', async () => {
    const { id } = await createPractice(official, filledPractice('THA', { title: 'Shelter referral cards', problem: '' }));
    // incomplete: 400 with the empty section named
    const early = await official.request('POST', `/api/practices/${id}/submit`);
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([{ field: 'problem', message: 'Fill in this section before submitting.' }]);
    expect((await official.request('PATCH', `/api/practices/${id}`, { problem: 'Victims did not know where to go.' })).status).toBe(200);
    const submitted = await official.request('POST', `/api/practices/${id}/submit`);
    expect(submitted.body).toMatchObject({ status: 'submitted', can: { edit: false, submit: false } });
    // no edits while submitted: 409
    const locked = await official.request('PATCH', `/api/practices/${id}`, { title: 'Changed' });
    expect(locked.status).toBe(409);
    expect(locked.body.detail).toMatch(/submitted practice cannot be edited/);
    // only the secretariat reviews
    expect((await official.request('POST', `/api/practices/${id}/publish`, { audience: 'public' })).status).toBe(403);
    const changes = await staff.request('POST', `/api/practices/${id}/request-changes`, { comment: 'Please add the number of cards handed out.' });
    expect(changes.body).toMatchObject({ status: 'changes_requested' });
    const view = await official.request('GET', `/api/practices/${id}`);
    expect(view.body.comments).toMatchObject([{ step: 'changes_requested', body: 'Please add the number of cards handed out.' }]);
    expect(view.body.can).toMatchObject({ edit: true, submit: true });
    expect((await official.request('POST', `/api/practices/${id}/comments`, { body: 'Added: 2,000 cards.' })).status).toBe(200);
    expect((await official.request('PATCH', `/api/practices/${id}`, { results: '2,000 cards handed out; calls to the hotline doubled.' })).status).toBe(200);
    expect((await official.request('POST', `/api/practices/${id}/submit`)).body.status).toBe('submitted');
    // publishing twice from the wrong state: 409
    const published = await admin.request('POST', `/api/practices/${id}/publish`, { audience: 'members' });
    expect(published.body).toMatchObject({ status: 'published', audience: 'members' });
    expect((await admin.request('POST', `/api/practices/${id}/request-changes`, { comment: 'Late' })).status).toBe(409);
    const archived = await admin.request('POST', `/api/practices/${id}/archive`, {});
    expect(archived.body.status).toBe('archived');
    const again = await admin.request('POST', `/api/practices/${id}/archive`, {});
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('This practice is archived: only a published practice can be archived.');

    const audit = await hub.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'practice.created', 'practice.updated', 'practice.submitted', 'practice.changes_requested', 'practice.commented', 'practice.updated',
      'practice.submitted', 'practice.published', 'practice.archived',
    ]);
    const mail = await outboxFor(officialUser.email);
    expect(mail.map((m) => m.subject)).toEqual([
      'Your good practice "Shelter referral cards" was submitted for review',
      'Your good practice "Shelter referral cards" needs changes before it can be published',
      'Your good practice "Shelter referral cards" was submitted for review',
      'Your good practice "Shelter referral cards" was published (to Members)',
      'Your good practice "Shelter referral cards" was archived',
    ]);
    expect(mail[1]?.body_text).toContain('Please add the number of cards handed out.');
  });

  it('refuses bad input with field errors; submitters write for their own Members only', async () => {
    const bad = await official.request('POST', '/api/practices', { title: '', memberCode: 'THA', languages: [], evidenceLinks: ['javascript:alert(1)'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['title', 'languages', 'evidenceLinks.0']));
    const unknown = await official.request('POST', '/api/practices', filledPractice('THA', { themes: ['astrology'], contactPersonId: 'nobody' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['themes.0', 'contactPersonId']);
    expect((await official.request('POST', '/api/practices', filledPractice('FJI'))).status).toBe(403);
    expect((await admin.request('POST', '/api/practices', filledPractice('THA'))).status).toBe(403);
    expect((await researcher.request('POST', '/api/practices', filledPractice('THA'))).status).toBe(403);
    expect((await anon.request('POST', '/api/practices', filledPractice('THA'))).status).toBe(401);
    expect((await coordinator.request('POST', '/api/practices', filledPractice('THA', { title: 'Coordinator practice' }))).status).toBe(201);
    const bogus = await admin.request('POST', '/api/practices/x/publish', { audience: 'everyone' });
    expect(bogus.status).toBe(400);
  });

  it('who sees what at each state, including anonymous visitors and researchers', async () => {
    const id = await practiceIn('draft', official, admin, filledPractice('THA', { title: 'Visibility practice' }));
    const insiders = [official, coordinator, admin, staff];
    const outsiders = [otherOfficial, fijiCoordinator, researcher, anon];
    for (const a of insiders) expect(await status(a, id)).toBe(200);
    for (const a of outsiders) expect(await status(a, id)).toBe(404);
    expect((await otherOfficial.request('PATCH', `/api/practices/${id}`, { title: 'x' })).status).toBe(404);
    expect((await coordinator.request('PATCH', `/api/practices/${id}`, { title: 'x' })).status).toBe(403);

    await official.request('POST', `/api/practices/${id}/submit`);
    for (const a of outsiders) expect(await status(a, id)).toBe(404);
    expect((await admin.request('GET', '/api/practices/review')).body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await official.request('GET', '/api/practices/review')).status).toBe(403);
    expect((await official.request('GET', '/api/practices/mine')).body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await coordinator.request('GET', '/api/practices/mine')).body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await otherOfficial.request('GET', '/api/practices/mine')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);

    await admin.request('POST', `/api/practices/${id}/publish`, { audience: 'members' });
    for (const a of [otherOfficial, fijiCoordinator]) {
      expect(await status(a, id)).toBe(200);
      expect((await a.request('GET', `/api/practices/${id}`)).body).toMatchObject({ comments: [], submitterId: null, can: { edit: false, comment: false } });
    }
    for (const a of [researcher, anon]) expect(await status(a, id)).toBe(404);
    expect(await titles(otherOfficial)).toContain('Visibility practice');
    expect(await titles(researcher)).not.toContain('Visibility practice');

    await admin.request('POST', `/api/practices/${id}/publish`, { audience: 'public' });
    for (const a of [researcher, anon]) expect(await status(a, id)).toBe(200);
    expect(await titles(anon)).toContain('Visibility practice');

    await admin.request('POST', `/api/practices/${id}/archive`, {});
    for (const a of outsiders) expect(await status(a, id)).toBe(404);
    expect(await titles(anon)).not.toContain('Visibility practice');
    expect(await status(official, id)).toBe(200);
  });

  it('searches published practices in any script, with filters, never showing unpublished ones', async () => {
    await practiceIn('published', official, admin, filledPractice('THA', { title: 'การคัดกรองผู้เสียหายที่ด่านพรมแดน', languages: ['th'], themes: ['border-management'] }), 'public');
    await practiceIn('published', official, admin, filledPractice('THA', { title: 'Phối hợp điều tra xuyên biên giới', languages: ['vi'], lessons: 'Hợp tác với cảnh sát Việt Nam.' }), 'public');
    await practiceIn('submitted', official, admin, filledPractice('THA', { title: 'Unpublished ผู้เสียหาย draft' }));
    expect(await titles(anon, `?q=${encodeURIComponent('ผู้เสียหาย')}`)).toEqual(['การคัดกรองผู้เสียหายที่ด่านพรมแดน']);
    expect(await titles(anon, '?q=viet')).toEqual(['Phối hợp điều tra xuyên biên giới']);
    expect(await titles(anon, `?q=${encodeURIComponent('phoi hop')}`)).toEqual(['Phối hợp điều tra xuyên biên giới']);
    expect(await titles(anon, '?theme=border-management')).toEqual(['การคัดกรองผู้เสียหายที่ด่านพรมแดน']);
    expect(await titles(anon, '?member=FJI')).toEqual([]);
    expect(await titles(admin, `?q=${encodeURIComponent('Unpublished')}`)).toEqual([]);
  });
});

describe('practices list paging', () => {
  it('pages through matches with limit and offset; each page knows the total the reader may see; bad paging is a field error', async () => {
    const publicTitles: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const title = `Kestrel harbour screening ${i}`;
      await practiceIn('published', official, admin, filledPractice('THA', { title }), 'public');
      publicTitles.push(title);
    }
    await practiceIn('published', official, admin, filledPractice('THA', { title: 'Kestrel harbour screening for Members' }), 'members');

    const page = async (agent: Agent, offset: number) => (await agent.request('GET', `/api/practices?q=kestrel&limit=2&offset=${offset}`)).body as { items: { title: string }[]; total: number };
    const seen: string[] = [];
    for (const offset of [0, 2, 4]) {
      const p = await page(anon, offset);
      expect(p.total).toBe(5);
      expect(p.items.length).toBe(offset === 4 ? 1 : 2);
      seen.push(...p.items.map((i) => i.title));
    }
    // Every public match once, none twice, and never the Members-only one for an anonymous reader.
    expect([...seen].sort()).toEqual([...publicTitles].sort());
    expect((await page(anon, 6)).items).toEqual([]);

    const members: string[] = [];
    for (const offset of [0, 2, 4]) {
      const p = await page(official, offset);
      expect(p.total).toBe(6);
      members.push(...p.items.map((i) => i.title));
    }
    expect(new Set(members).size).toBe(6);

    const bad = await anon.request('GET', '/api/practices?offset=-1');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('offset');
  });
});
