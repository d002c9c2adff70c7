import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, makeUser, login, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { newId } from '../../platform/crypto';
import { OUTCOMES_DUE_JOB } from './outcomes.module';

let hub: TestHub;
let staff: Agent;
let coordFji: Agent;
let coordTha: Agent;
let officialFji: Agent;
let researcher: Agent;

beforeAll(async () => {
  hub = await createTestHub();
  staff = await signedIn(hub, { role: 'secretariat_staff' });
  coordFji = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['FJI', 'TON'] });
  coordTha = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['THA'] });
  officialFji = await signedIn(hub, { role: 'official', memberScopes: ['FJI'] });
  researcher = await signedIn(hub, { role: 'researcher' });
});
afterAll(async () => {
  await hub.close();
});

const day = (offset: number) => new Date(hub.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/** An event row (a factory straight into the table, so these tests do not depend on the events API). */
async function makeEvent(o: { title?: string; series?: string | null; workingGroup?: string | null; visibility?: 'public' | 'members' | 'invited'; startOffsetDays?: number; status?: string } = {}) {
  const id = newId();
  const start = day(o.startOffsetDays ?? -30);
  const now = hub.clock.now().toISOString();
  await hub.deps.db.insertInto('events').values({
    id, slug: `event-${id}`, title: o.title ?? `Event ${id.slice(0, 6)}`, title_local: null, summary: null, type: 'thematic_dialogue', format: 'online', place: null, online_url: null,
    time_zone: 'Asia/Bangkok', start_date: start, end_date: start, starts_at: `${start}T00:00:00.000Z`, ends_at: `${start}T23:59:59.000Z`, visibility: o.visibility ?? 'members',
    status: o.status ?? 'published', working_group_code: o.workingGroup ?? null, series: o.series === undefined ? null : o.series, themes: '[]', capacity: null, created_by: null, created_at: now, updated_at: now,
  }).execute();
  return id;
}

async function record(eventId: string, body: Record<string, unknown>, agent = staff) {
  const res = await agent.request('POST', `/api/events/${eventId}/actions`, body);
  if (res.status !== 201) throw new Error(`record: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

const actionCount = async () => Number((await hub.deps.db.selectFrom('actions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('recording and updating actions', () => {
  it('the secretariat records an action with owner, due date, themes and priorities; every write is audited', async () => {
    const eventId = await makeEvent({ title: 'Dialogue on border management' });
    const res = await staff.request('POST', `/api/events/${eventId}/actions`, {
      text: 'Map border agencies in the Pacific', owner: { kind: 'member', code: 'fji' }, dueDate: day(60), themes: ['border-management'], priorities: ['stakeholder-mapping'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ text: 'Map border agencies in the Pacific', owner: { kind: 'member', code: 'FJI', name: 'Fiji' }, status: 'agreed', progress: 0, overdue: false, themes: ['border-management'], priorities: ['stakeholder-mapping'], event: { id: eventId, title: 'Dialogue on border management' }, canEdit: true, canUpdate: true });
    const audit = await hub.deps.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_id', '=', res.body.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['action.created']);
    const list = await coordFji.request('GET', `/api/events/${eventId}/actions`);
    expect(list.body).toMatchObject({ canRecord: false, items: [{ id: res.body.id, canUpdate: true, canEdit: false }] });
  });

  it('owners update their own actions; a coordinator of another Member, an official and a researcher cannot', async () => {
    const eventId = await makeEvent();
    const { id } = await record(eventId, { text: 'Second an official to the RSO', owner: { kind: 'member', code: 'FJI' }, dueDate: day(30) });
    const ok = await coordFji.request('POST', `/api/actions/${id}/updates`, { text: 'Nomination sent', progress: 40, status: 'in_progress', evidenceUrl: 'https://example.org/letter.pdf', evidenceNote: 'Letter of nomination' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'in_progress', progress: 40, updates: [{ text: 'Nomination sent', progress: 40, statusFrom: 'agreed', statusTo: 'in_progress', evidenceUrl: 'https://example.org/letter.pdf', evidenceNote: 'Letter of nomination', dated: day(0) }] });
    for (const other of [coordTha, officialFji]) {
      const res = await other.request('POST', `/api/actions/${id}/updates`, { text: 'Not mine', progress: 90 });
      expect(res.status).toBe(403);
    }
    // A researcher does not see events open to Members, so not their actions either.
    expect((await researcher.request('POST', `/api/actions/${id}/updates`, { text: 'Not mine' })).status).toBe(404);
    // The coordinator may read but not edit the action itself, nor drop it.
    expect((await coordFji.request('PATCH', `/api/actions/${id}`, { text: 'Changed' })).status).toBe(403);
    const drop = await coordFji.request('POST', `/api/actions/${id}/updates`, { text: 'We give up', status: 'dropped' });
    expect(drop.status).toBe(403);
    expect(drop.body.errors[0].field).toBe('status');
    const after = await staff.request('GET', `/api/actions/${id}`);
    expect(after.body).toMatchObject({ status: 'in_progress', progress: 40 });
    expect(after.body.updates).toHaveLength(1);
    expect((await anonymous(hub).request('GET', `/api/actions/${id}`)).status).toBe(401);
  });

  it('working-group actions are updated by coordinators of its co-chairs; RSO actions by the secretariat only', async () => {
    const eventId = await makeEvent();
    const wg = await record(eventId, { text: 'Joint period of action', owner: { kind: 'working_group', code: 'WG-DCN' } });
    const rso = await record(eventId, { text: 'Launch the alumni network', owner: { kind: 'rso' } });
    const coordNzl = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['NZL'] });
    expect((await coordNzl.request('POST', `/api/actions/${wg.id}/updates`, { text: 'Planned' })).status).toBe(201);
    expect((await coordFji.request('POST', `/api/actions/${wg.id}/updates`, { text: 'Planned' })).status).toBe(403);
    expect((await coordNzl.request('POST', `/api/actions/${rso.id}/updates`, { text: 'Planned' })).status).toBe(403);
    const done = await staff.request('POST', `/api/actions/${rso.id}/updates`, { text: 'Launched', status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', progress: 100, owner: { kind: 'rso', code: 'RSO', name: 'Regional Support Office' } });
  });

  it('refuses bad input field by field and changes nothing', async () => {
    const eventId = await makeEvent();
    const { id } = await record(eventId, { text: 'Keep this', owner: { kind: 'member', code: 'FJI' }, dueDate: day(10) });
    const before = await actionCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ text: 'X', owner: { kind: 'member', code: 'FJI' }, progress: 120 }, 'progress'],
      [{ text: 'X', owner: { kind: 'member', code: 'ZZZ' } }, 'owner.code'],
      [{ text: 'X', owner: { kind: 'working_group', code: 'WG-NONE' } }, 'owner.code'],
      [{ text: 'X', owner: { kind: 'member', code: 'FJI' }, dueDate: '2026-02-30' }, 'dueDate'],
      [{ text: 'X', owner: { kind: 'member', code: 'FJI' }, themes: ['astrology'] }, 'themes'],
      [{ text: 'X', owner: { kind: 'member', code: 'FJI' }, priorities: ['world-peace'] }, 'priorities'],
      [{ text: '', owner: { kind: 'member', code: 'FJI' } }, 'text'],
    ];
    for (const [body, field] of cases) {
      const res = await staff.request('POST', `/api/events/${eventId}/actions`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await actionCount()).toBe(before);
    const js = await coordFji.request('POST', `/api/actions/${id}/updates`, { text: 'See link', evidenceUrl: 'javascript:alert(1)' });
    expect(js.status).toBe(400);
    expect(js.body.errors[0].field).toBe('evidenceUrl');
    const badProgress = await coordFji.request('POST', `/api/actions/${id}/updates`, { text: 'Lots', progress: 120 });
    expect(badProgress.body.errors[0].field).toBe('progress');
    const future = await coordFji.request('POST', `/api/actions/${id}/updates`, { text: 'Tomorrow', dated: day(3) });
    expect(future.body.errors[0].field).toBe('dated');
    const badPatch = await staff.request('PATCH', `/api/actions/${id}`, { owner: { kind: 'member', code: 'ZZZ' } });
    expect(badPatch.status).toBe(400);
    const unchanged = await staff.request('GET', `/api/actions/${id}`);
    expect(unchanged.body).toMatchObject({ text: 'Keep this', owner: { code: 'FJI' }, progress: 0, updates: [] });
    expect((await staff.request('POST', `/api/events/${newId()}/actions`, { text: 'X', owner: { kind: 'rso' } })).status).toBe(404);
  });

  it('the secretariat edits an action, and the audit trail keeps before and after', async () => {
    const eventId = await makeEvent();
    const { id } = await record(eventId, { text: 'Draft', owner: { kind: 'member', code: 'FJI' } });
    const res = await staff.request('PATCH', `/api/actions/${id}`, { text: 'Final wording', owner: { kind: 'member', code: 'TON' }, dueDate: day(20), themes: ['safety-at-sea'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ text: 'Final wording', owner: { code: 'TON', name: 'Tonga' }, dueDate: day(20), themes: ['safety-at-sea'] });
    const entry = await hub.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).where('action', '=', 'action.updated').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_json ?? '{}')).toMatchObject({ text: 'Draft', owner_code: 'FJI' });
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({ text: 'Final wording', owner_code: 'TON' });
  });
});

describe('the tracker', () => {
  const series = `tracker-${newId().slice(0, 8)}`;
  let eventA: string;
  let invited: string;
  beforeAll(async () => {
    eventA = await makeEvent({ series, workingGroup: 'WG-TIP', title: 'Tracker event A' });
    invited = await makeEvent({ series, visibility: 'invited', title: 'Closed meeting' });
    await record(eventA, { text: `${series} overdue one`, owner: { kind: 'member', code: 'FJI' }, dueDate: day(-2), themes: ['corruption'] });
    await record(eventA, { text: `${series} later one`, owner: { kind: 'member', code: 'THA' }, dueDate: day(40), priorities: ['online-platform'] });
    await record(eventA, { text: `${series} done one`, owner: { kind: 'rso' }, dueDate: day(-5), status: 'done' });
    await record(eventA, { text: `${series} undated`, owner: { kind: 'working_group', code: 'WG-TIP' } });
    await record(invited, { text: `${series} secret one`, owner: { kind: 'member', code: 'FJI' }, dueDate: day(-1) });
  });

  it('lists by due date, marks overdue actions, counts by status and pages with a cursor', async () => {
    const res = await staff.request('GET', `/api/actions?series=${series}&limit=2`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((a: { text: string }) => a.text)).toEqual([`${series} done one`, `${series} overdue one`]);
    expect(res.body.items.map((a: { overdue: boolean }) => a.overdue)).toEqual([false, false].map((_, i) => i === 1));
    expect(res.body.counts).toEqual({ proposed: 0, agreed: 4, in_progress: 0, done: 1, dropped: 0 });
    expect(res.body).toMatchObject({ total: 5, overdue: 2 });
    const next = await staff.request('GET', `/api/actions?series=${series}&limit=2&cursor=${res.body.nextCursor}`);
    expect(next.body.items.map((a: { text: string }) => a.text)).toEqual([`${series} secret one`, `${series} later one`]);
    const last = await staff.request('GET', `/api/actions?series=${series}&limit=2&cursor=${next.body.nextCursor}`);
    expect(last.body.items.map((a: { text: string }) => a.text)).toEqual([`${series} undated`]);
    expect(last.body.nextCursor).toBeNull();
  });

  it('filters by status, overdue, theme, priority, owner, working group, event and text', async () => {
    const texts = async (qs: string) => (await staff.request('GET', `/api/actions?series=${series}&${qs}`)).body.items.map((a: { text: string }) => a.text.replace(`${series} `, '')) as string[];
    expect(await texts('status=done')).toEqual(['done one']);
    expect(await texts('overdue=true')).toEqual(['overdue one', 'secret one']);
    expect(await texts('theme=corruption')).toEqual(['overdue one']);
    expect(await texts('priority=online-platform')).toEqual(['later one']);
    expect(await texts('ownerKind=member&ownerCode=THA')).toEqual(['later one']);
    expect(await texts(`workingGroup=WG-TIP`)).toEqual(['done one', 'overdue one', 'later one', 'undated']);
    expect(await texts(`event=${invited}`)).toEqual(['secret one']);
    expect(await texts('q=UNDATED')).toEqual(['undated']);
    const status = await staff.request('GET', `/api/actions?series=${series}&status=done`);
    expect(status.body.counts.agreed).toBe(4); // counts leave the status filter out, so the other statuses still show
    expect(status.body.total).toBe(1);
    const mine = await coordFji.request('GET', `/api/actions?series=${series}&mine=true`);
    expect(mine.body.items.map((a: { text: string }) => a.text)).toEqual([`${series} overdue one`]);
    expect((await staff.request('GET', `/api/actions?status=finished`)).status).toBe(400);
  });

  it('actions of an invited-only event stay invisible to others: list, counts, detail, export', async () => {
    const res = await coordFji.request('GET', `/api/actions?series=${series}`);
    expect(res.body.items.map((a: { text: string }) => a.text)).not.toContain(`${series} secret one`);
    expect(res.body).toMatchObject({ total: 4, overdue: 1 });
    const secret = (await staff.request('GET', `/api/actions?event=${invited}`)).body.items[0].id as string;
    expect((await coordFji.request('GET', `/api/actions/${secret}`)).status).toBe(404);
    expect((await coordFji.request('POST', `/api/actions/${secret}/updates`, { text: 'x' })).status).toBe(404);
    expect((await coordFji.request('GET', `/api/events/${invited}/actions`)).status).toBe(404);
    const csv = await coordFji.request('GET', `/api/actions/export.csv?series=${series}`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).not.toContain('secret one');
    // Researchers see only public events: none here.
    expect((await researcher.request('GET', `/api/actions?series=${series}`)).body.total).toBe(0);
    // Once Fiji is invited, its coordinator sees the action.
    await hub.deps.db.insertInto('event_invitations').values({ id: newId(), event_id: invited, member_code: 'FJI', agency_id: null, user_id: null, quota: 2, created_at: hub.clock.now().toISOString() }).execute();
    expect((await coordFji.request('GET', `/api/actions/${secret}`)).status).toBe(200);
  });
});

describe('CSV export and import', () => {
  it('round-trips: the export of one event imports into another with the same actions', async () => {
    const from = await makeEvent({ series: `csv-${newId().slice(0, 6)}` });
    await record(from, { text: 'Hold a "roundtable", with quotes, commas\nand a line break', owner: { kind: 'member', code: 'TON' }, dueDate: day(15), themes: ['technology', 'corruption'], priorities: ['secretariat-hub'], status: 'in_progress', progress: 30 });
    await record(from, { text: '=SUM(A1) looks like a formula', owner: { kind: 'working_group', code: 'WG-TIP' } });
    const csv = await staff.request('GET', `/api/actions/export.csv?event=${from}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['x-row-count']).toBe('2');
    const to = await makeEvent();
    const dry = await staff.request('POST', `/api/events/${to}/actions/import`, { csv: csv.body, dryRun: true });
    expect(dry.body).toEqual({ rows: 2, created: 0, dryRun: true });
    expect((await staff.request('GET', `/api/events/${to}/actions`)).body.items).toHaveLength(0);
    const imported = await staff.request('POST', `/api/events/${to}/actions/import`, { csv: csv.body });
    expect(imported.body).toEqual({ rows: 2, created: 2, dryRun: false });
    const strip = (a: Record<string, unknown>) => ({ text: a.text, owner: a.owner, dueDate: a.dueDate, status: a.status, progress: a.progress, themes: a.themes, priorities: a.priorities });
    const a = (await staff.request('GET', `/api/events/${from}/actions`)).body.items.map(strip);
    const b = (await staff.request('GET', `/api/events/${to}/actions`)).body.items.map(strip);
    expect(b).toEqual(a);
    expect(b.map((x: { text: string }) => x.text)).toContain('=SUM(A1) looks like a formula');
  });

  it('is all or nothing: a bad row 2,000 leaves nothing written and names its row and column', async () => {
    const eventId = await makeEvent();
    const lines = ['text,owner_kind,owner_code,due_date,status,progress,themes'];
    for (let i = 1; i < 2000; i++) lines.push(`Action ${i},member,${i % 2 ? 'FJI' : 'TON'},${day(30)},agreed,${i % 100},border-management`);
    lines.push('The bad one,member,XXX,2026-13-01,agreed,120,');
    const before = await actionCount();
    const res = await staff.request('POST', `/api/events/${eventId}/actions/import`, { csv: lines.join('\n') });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'rows.2001.due_date', message: 'Row 2001, due_date: Use the form YYYY-MM-DD.' },
      { field: 'rows.2001.progress', message: 'Row 2001, progress: Use 0 to 100.' },
      { field: 'rows.2001.owner_code', message: 'Row 2001, owner_code: Unknown Member code: XXX.' },
    ]);
    expect(await actionCount()).toBe(before);
    // Fixed, the same file imports in full.
    lines[2000] = 'The good one,member,FJI,2026-12-01,agreed,20,';
    const ok = await staff.request('POST', `/api/events/${eventId}/actions/import`, { csv: lines.join('\n') });
    expect(ok.body).toEqual({ rows: 2000, created: 2000, dryRun: false });
    expect(await actionCount()).toBe(before + 2000);
    const audit = await hub.deps.db.selectFrom('audit_log').select('after_json').where('action', '=', 'actions.imported').where('entity_id', '=', eventId).execute();
    expect(audit).toHaveLength(1);
  });

  it('reports unknown owners and a missing header; only the secretariat imports', async () => {
    const eventId = await makeEvent();
    const bad = await staff.request('POST', `/api/events/${eventId}/actions/import`, { csv: 'text,owner_kind,owner_code\nA,member,ZZZ\nB,planet,X\n' });
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['rows.2.owner_code', 'rows.3.owner_kind']);
    const noHeader = await staff.request('POST', `/api/events/${eventId}/actions/import`, { csv: 'A,member,FJI\n' });
    expect(noHeader.status).toBe(400);
    expect((await coordFji.request('POST', `/api/events/${eventId}/actions/import`, { csv: 'text,owner_kind,owner_code\nA,member,FJI\n' })).status).toBe(403);
  });
});

describe('due and overdue notices', () => {
  it('tells the owner once per action and state, and again when it becomes overdue', async () => {
    const coordUser = await makeUser(hub, { role: 'member_coordinator', memberScopes: ['KIR'] });
    await login(hub, coordUser);
    const eventId = await makeEvent();
    const { id } = await record(eventId, { text: 'Kiribati action due soon', owner: { kind: 'member', code: 'KIR' }, dueDate: day(3) });
    await record(eventId, { text: 'Kiribati action far away', owner: { kind: 'member', code: 'KIR' }, dueDate: day(30) });
    await record(eventId, { text: 'Kiribati action done', owner: { kind: 'member', code: 'KIR' }, dueDate: day(-3), status: 'done' });
    const mails = () => hub.deps.db.selectFrom('outbox').select(['subject', 'body_text', 'kind']).where('to_address', '=', coordUser.email).orderBy('created_at').execute();
    await hub.deps.jobs.runNow(OUTCOMES_DUE_JOB);
    await hub.deps.jobs.runNow(OUTCOMES_DUE_JOB);
    let sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'action_due', subject: `Action due on ${day(3)}: Kiribati action due soon` });
    expect(sent[0]?.body_text).toContain(`/outcomes/${id}`);
    hub.clock.advance(5 * 86_400_000);
    await hub.deps.jobs.runNow(OUTCOMES_DUE_JOB);
    await hub.deps.jobs.runNow(OUTCOMES_DUE_JOB);
    sent = await mails();
    expect(sent.map((m) => m.subject)).toEqual([expect.stringContaining('Action due on'), 'Overdue action: Kiribati action due soon']);
    hub.clock.advance(-5 * 86_400_000);
  });
});

describe('the pre-briefing page', () => {
  it('shows the earlier open actions of the series (not done ones, not later ones), the agenda, the papers the viewer may read and who is coming', async () => {
    const series = `pb-${newId().slice(0, 6)}`;
    const earlier = await makeEvent({ series, startOffsetDays: -200, title: 'First meeting' });
    const next = await makeEvent({ series, startOffsetDays: 20, title: 'Second meeting' });
    const later = await makeEvent({ series, startOffsetDays: 300, title: 'Third meeting' });
    const otherSeries = await makeEvent({ series: 'elsewhere', startOffsetDays: -100 });
    const sameWg = await makeEvent({ series: null, workingGroup: 'TEG-RR', startOffsetDays: -50 });
    const nextWg = await makeEvent({ series: null, workingGroup: 'TEG-RR', startOffsetDays: 25 });
    await record(earlier, { text: 'Open from the first meeting', owner: { kind: 'member', code: 'FJI' }, dueDate: day(-10) });
    await record(earlier, { text: 'Done at the first meeting', owner: { kind: 'member', code: 'FJI' }, status: 'done' });
    await record(earlier, { text: 'Dropped at the first meeting', owner: { kind: 'rso' }, status: 'dropped' });
    await record(later, { text: 'From a later meeting', owner: { kind: 'rso' } });
    await record(otherSeries, { text: 'Another series', owner: { kind: 'rso' } });
    await record(sameWg, { text: 'Working group follow-up', owner: { kind: 'rso' } });

    const now = hub.clock.now().toISOString();
    const participant = (eventId: string, o: { userId?: string | null; name: string; status: string; consent: number; member?: string }) => ({
      id: newId(), event_id: eventId, user_id: o.userId ?? null, person_id: null, name: o.name, email: null, organisation: 'Ministry', member_code: o.member ?? 'FJI', status: o.status,
      nominated_by: null, decided_by: null, decided_at: null, registered_at: null, consent_listed: o.consent, checked_in_at: null, created_at: now, updated_at: now,
    });
    await hub.deps.db.insertInto('event_participants').values([
      participant(next, { userId: officialFji.user?.id ?? null, name: 'Registered official', status: 'registered', consent: 1 }),
      participant(next, { name: 'Shy participant', status: 'approved', consent: 0 }),
      participant(next, { name: 'Nominee only', status: 'nominated', consent: 1 }),
      participant(next, { userId: coordTha.user?.id ?? null, name: 'Nominated coordinator', status: 'nominated', consent: 1, member: 'THA' }),
    ]).execute();
    const startsAt = `${day(20)}T02:00:00.000Z`;
    await hub.deps.db.insertInto('event_sessions').values({ id: newId(), event_id: next, title: 'Opening', description: null, starts_at: startsAt, ends_at: `${day(20)}T03:00:00.000Z`, room: 'Room 1', online_url: null, created_at: now, updated_at: now }).execute();

    const paper = (title: string, sensitivity: string) => ({ id: newId(), event_id: next, kind: 'concept_note', title, language: 'en', sensitivity, translation_of: null, created_by: null, created_at: now, updated_at: now });
    const forParticipants = paper('Concept note', 'participants');
    await hub.deps.db.insertInto('papers').values([forParticipants, paper('Secretariat brief', 'secretariat')]).execute();
    await hub.deps.db.insertInto('paper_versions').values([1, 2].map((number) => ({
      id: newId(), paper_id: forParticipants.id, number, storage_key: `k-${number}`, file_type: 'pdf', content_type: 'application/pdf', size_bytes: 1000 * number, sha256: 'x', original_name: null, note: null, uploaded_by: null, uploaded_at: now,
    }))).execute();

    const res = await officialFji.request('GET', `/api/events/${next}/pre-briefing`);
    expect(res.status).toBe(200);
    expect(res.body.event).toMatchObject({ id: next, title: 'Second meeting', series });
    expect(res.body.openActions.map((a: { text: string }) => a.text)).toEqual(['Open from the first meeting']);
    expect(res.body.openActions[0]).toMatchObject({ overdue: true, event: { title: 'First meeting' } });
    expect(res.body.participants).toEqual([{ name: 'Registered official', organisation: 'Ministry', memberCode: 'FJI', memberName: 'Fiji' }]);
    expect(res.body.agenda).toEqual([expect.objectContaining({ title: 'Opening', startsAt, room: 'Room 1' })]);
    // Papers the viewer may read, with their latest version: not the secretariat's own brief.
    expect(res.body.papers).toEqual([{ id: forParticipants.id, title: 'Concept note', kind: 'concept_note', language: 'en', version: 2, sizeBytes: 2000, fileType: 'pdf' }]);
    expect((await staff.request('GET', `/api/events/${next}/pre-briefing`)).body.papers.map((p: { title: string }) => p.title)).toEqual(['Concept note', 'Secretariat brief']);

    expect((await staff.request('GET', `/api/events/${next}/pre-briefing`)).status).toBe(200);
    expect((await coordTha.request('GET', `/api/events/${next}/pre-briefing`)).status).toBe(403); // nominated, not yet approved
    expect((await coordFji.request('GET', `/api/events/${next}/pre-briefing`)).status).toBe(403);
    expect((await researcher.request('GET', `/api/events/${next}/pre-briefing`)).status).toBe(404); // a Members event
    expect((await anonymous(hub).request('GET', `/api/events/${next}/pre-briefing`)).status).toBe(401);

    const wg = await staff.request('GET', `/api/events/${nextWg}/pre-briefing`);
    expect(wg.body.openActions.map((a: { text: string }) => a.text)).toEqual(['Working group follow-up']);
  });
});
