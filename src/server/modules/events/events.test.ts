import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@/server/platform/crypto';
import { anonymous, createTestHub, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';

let hub: TestHub;
let staff: Agent;
let admin: Agent;
let official: Agent;
let officialFji: Agent;
let coordinator: Agent;
let researcher: Agent;
beforeAll(async () => {
  hub = await createTestHub();
  staff = await signedIn(hub, { role: 'secretariat_staff' });
  admin = await signedIn(hub, { role: 'secretariat_admin' });
  official = await signedIn(hub, { role: 'official', memberScopes: ['THA'] });
  officialFji = await signedIn(hub, { role: 'official', memberScopes: ['FJI'] });
  coordinator = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['KHM'] });
  researcher = await signedIn(hub, { role: 'researcher' });
});
afterAll(async () => {
  await hub.close();
});

let n = 0;
async function makeEvent(o: Record<string, unknown> = {}) {
  const res = await staff.request('POST', '/api/events', {
    title: `Test event ${++n}`, type: 'roundtable', format: 'in_person', place: 'Bangkok', timeZone: 'Asia/Bangkok',
    startDate: '2026-09-07', endDate: '2026-09-08', visibility: 'public', status: 'published', ...o,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; slug: string; [k: string]: unknown };
}

const auditCount = async (action: string) => Number((await hub.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n);
const eventCount = async () => Number((await hub.deps.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('creating and editing events', () => {
  it('creates an event with its zone, dates as UTC instants, working group and themes, and audits it', async () => {
    const before = await auditCount('event.created');
    const e = await makeEvent({ title: 'Regional Dialogue on Victim Identification', workingGroupCode: 'WG-TIP', themes: ['victim-identification', 'border-management'], series: 'regional-dialogue', status: 'draft' });
    expect(e).toMatchObject({
      slug: 'regional-dialogue-on-victim-identification-2026-09', timeZone: 'Asia/Bangkok', startDate: '2026-09-07', endDate: '2026-09-08',
      // 00:00 on 7 September in Bangkok (UTC+7) is 17:00 UTC the day before; the end is 24:00 on the 8th.
      startsAt: '2026-09-06T17:00:00.000Z', endsAt: '2026-09-08T17:00:00.000Z',
      workingGroupCode: 'WG-TIP', workingGroupName: 'Working Group on Trafficking in Persons', themes: ['victim-identification', 'border-management'],
      series: 'regional-dialogue', status: 'draft', canEdit: true, sessions: [], breakouts: [],
    });
    expect(await auditCount('event.created')).toBe(before + 1);
    const bySlug = await staff.request('GET', `/api/events/${e.slug}`);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.id).toBe(e.id);
  });

  it('publishes, edits and cancels an event, each step audited', async () => {
    const e = await makeEvent({ status: 'draft', visibility: 'public' });
    expect((await anonymous(hub).request('GET', `/api/events/${e.id}`)).status).toBe(404);
    const published = await staff.request('PATCH', `/api/events/${e.id}`, { status: 'published' });
    expect(published.status).toBe(200);
    expect((await anonymous(hub).request('GET', `/api/events/${e.id}`)).body.status).toBe('published');
    const edited = await admin.request('PATCH', `/api/events/${e.id}`, { place: 'Jakarta', timeZone: 'Asia/Jakarta', format: 'hybrid', onlineUrl: 'https://meet.example.org/x' });
    expect(edited.body).toMatchObject({ place: 'Jakarta', timeZone: 'Asia/Jakarta', format: 'hybrid', startsAt: '2026-09-06T17:00:00.000Z' });
    const cancelled = await staff.request('PATCH', `/api/events/${e.id}`, { status: 'cancelled' });
    expect(cancelled.body.status).toBe('cancelled');
    const trail = await hub.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', e.id).orderBy('seq').execute();
    expect(trail.map((t) => t.action)).toEqual(['event.created', 'event.published', 'event.updated', 'event.cancelled']);
  });

  it('refuses an unknown time zone and an end before the start with field errors, and stores nothing', async () => {
    const before = await eventCount();
    const audits = await auditCount('event.created');
    const res = await staff.request('POST', '/api/events', {
      title: 'Bad event', type: 'webinar', format: 'online', timeZone: 'Asia/Atlantis', startDate: '2026-05-02', endDate: '2026-05-01', visibility: 'public',
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'timeZone', message: expect.stringContaining('Asia/Atlantis') }),
      expect.objectContaining({ field: 'endDate', message: 'The end date is before the start date.' }),
    ]));
    expect(await eventCount()).toBe(before);
    expect(await auditCount('event.created')).toBe(audits);

    const e = await makeEvent();
    const patched = await staff.request('PATCH', `/api/events/${e.id}`, { timeZone: 'Mars/Olympus' });
    expect(patched.status).toBe(400);
    expect(patched.body.errors[0].field).toBe('timeZone');
    expect((await staff.request('GET', `/api/events/${e.id}`)).body.timeZone).toBe('Asia/Bangkok');
    const unknownGroup = await staff.request('POST', '/api/events', { title: 'X', type: 'webinar', format: 'online', timeZone: 'UTC', startDate: '2026-05-01', endDate: '2026-05-01', visibility: 'public', workingGroupCode: 'NOPE', themes: ['nope'] });
    expect(unknownGroup.body.errors.map((x: { field: string }) => x.field).sort()).toEqual(['themes', 'workingGroupCode']);
  });

  it('accepts time zone aliases Intl knows and refuses a taken address', async () => {
    const e = await makeEvent({ timeZone: 'Asia/Calcutta' });
    expect(e.timeZone).toBe('Asia/Calcutta');
    const dup = await staff.request('POST', '/api/events', { title: 'Dup', slug: e.slug, type: 'webinar', format: 'online', timeZone: 'UTC', startDate: '2026-05-01', endDate: '2026-05-01', visibility: 'public' });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0].field).toBe('slug');
  });

  it('lets only the secretariat write: others get 401 or 403 and nothing changes', async () => {
    const body = { title: 'Not allowed', type: 'webinar', format: 'online', timeZone: 'UTC', startDate: '2026-05-01', endDate: '2026-05-01', visibility: 'public' };
    const before = await eventCount();
    expect((await anonymous(hub).request('POST', '/api/events', body)).status).toBe(401);
    for (const agent of [official, coordinator, researcher]) expect((await agent.request('POST', '/api/events', body)).status).toBe(403);
    const e = await makeEvent();
    expect((await official.request('PATCH', `/api/events/${e.id}`, { title: 'Hijacked' })).status).toBe(403);
    expect(await eventCount()).toBe(before + 1);
    expect((await anonymous(hub).request('GET', `/api/events/${e.id}`)).body.title).toBe(e.title);
  });
});

describe('who sees which event', () => {
  let members: { id: string };
  let invited: { id: string };
  let invitedUser: { id: string };
  let draft: { id: string };
  beforeAll(async () => {
    await makeEvent({ title: 'Visibility public', visibility: 'public', series: 'vis-test' });
    members = await makeEvent({ title: 'Visibility members', visibility: 'members', series: 'vis-test' });
    invited = await makeEvent({ title: 'Visibility invited Member', visibility: 'invited', series: 'vis-test' });
    invitedUser = await makeEvent({ title: 'Visibility invited person', visibility: 'invited', series: 'vis-test' });
    draft = await makeEvent({ title: 'Visibility draft', visibility: 'public', status: 'draft', series: 'vis-test' });
    const now = new Date().toISOString();
    await hub.deps.db.insertInto('event_invitations').values([
      { id: newId(), event_id: invited.id, member_code: 'THA', agency_id: null, user_id: null, quota: 3, created_at: now },
      { id: newId(), event_id: invitedUser.id, member_code: null, agency_id: null, user_id: researcher.user?.id ?? '', quota: null, created_at: now },
    ]).execute();
  });
  const titles = async (agent: Agent) => ((await agent.request('GET', '/api/events?when=all&series=vis-test')).body.items as { title: string }[]).map((i) => i.title).sort();

  it('anonymous visitors see published public events only', async () => {
    expect(await titles(anonymous(hub))).toEqual(['Visibility public']);
    expect((await anonymous(hub).request('GET', `/api/events/${members.id}`)).status).toBe(404);
    expect((await anonymous(hub).request('GET', `/api/events/${draft.id}`)).status).toBe(404);
  });

  it('officials see Members events and invited-only events of their Member; others get 404', async () => {
    expect(await titles(official)).toEqual(['Visibility invited Member', 'Visibility members', 'Visibility public']);
    expect(await titles(officialFji)).toEqual(['Visibility members', 'Visibility public']);
    const hidden = await officialFji.request('GET', `/api/events/${invited.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('not_found');
    expect((await coordinator.request('GET', `/api/events/${invited.id}`)).status).toBe(404);
  });

  it('researchers see public events and those they are invited to by name, not Members events', async () => {
    expect(await titles(researcher)).toEqual(['Visibility invited person', 'Visibility public']);
    expect((await researcher.request('GET', `/api/events/${members.id}`)).status).toBe(404);
    expect((await researcher.request('GET', `/api/events/${invitedUser.id}`)).status).toBe(200);
  });

  it('the secretariat sees everything, drafts included, and the invited-only event stays hidden from writes by others', async () => {
    expect(await titles(staff)).toEqual(['Visibility draft', 'Visibility invited Member', 'Visibility invited person', 'Visibility members', 'Visibility public']);
    expect((await officialFji.request('PATCH', `/api/events/${invited.id}`, { title: 'x' })).status).toBe(403);
  });
});

describe('lists', () => {
  it('splits upcoming from past by the clock, filters, searches and pages with a cursor', async () => {
    const now = hub.clock.now();
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const series = `list-${newId().slice(0, 6)}`;
    for (let i = 1; i <= 5; i++) await makeEvent({ title: `Upcoming ${i}`, startDate: day(i * 3), endDate: day(i * 3), series, type: i % 2 ? 'webinar' : 'roundtable', themes: i === 2 ? ['corruption'] : [] });
    await makeEvent({ title: 'Past one', startDate: day(-30), endDate: day(-29), series, workingGroupCode: 'WG-DCN' });
    await makeEvent({ title: 'Past two', startDate: day(-60), endDate: day(-60), series });

    const upcoming = await anonymous(hub).request('GET', `/api/events?series=${series}&limit=2`);
    expect(upcoming.body.items.map((i: { title: string }) => i.title)).toEqual(['Upcoming 1', 'Upcoming 2']);
    const page2 = await anonymous(hub).request('GET', `/api/events?series=${series}&limit=2&cursor=${upcoming.body.nextCursor}`);
    expect(page2.body.items.map((i: { title: string }) => i.title)).toEqual(['Upcoming 3', 'Upcoming 4']);
    const page3 = await anonymous(hub).request('GET', `/api/events?series=${series}&limit=2&cursor=${page2.body.nextCursor}`);
    expect(page3.body.items.map((i: { title: string }) => i.title)).toEqual(['Upcoming 5']);
    expect(page3.body.nextCursor).toBeNull();

    const past = await anonymous(hub).request('GET', `/api/events?series=${series}&when=past`);
    expect(past.body.items.map((i: { title: string }) => i.title)).toEqual(['Past one', 'Past two']);
    const types = await anonymous(hub).request('GET', `/api/events?series=${series}&type=roundtable`);
    expect(types.body.items.map((i: { title: string }) => i.title)).toEqual(['Upcoming 2', 'Upcoming 4']);
    const theme = await anonymous(hub).request('GET', `/api/events?series=${series}&when=all&theme=corruption`);
    expect(theme.body.items.map((i: { title: string }) => i.title)).toEqual(['Upcoming 2']);
    const wg = await anonymous(hub).request('GET', `/api/events?series=${series}&when=all&workingGroup=WG-DCN`);
    expect(wg.body.items.map((i: { title: string }) => i.title)).toEqual(['Past one']);
    const text = await anonymous(hub).request('GET', `/api/events?series=${series}&when=all&q=PAST%20T`);
    expect(text.body.items.map((i: { title: string }) => i.title)).toEqual(['Past two']);
    expect((await anonymous(hub).request('GET', '/api/events?cursor=garbage')).status).toBe(400);
  });
});
