import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, login, makeUser, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { makeEvent, uploadPaper } from '../papers/papers.test-support';

let hub: TestHub;
let admin: Agent;

async function eventOn(date: string, o: Parameters<typeof makeEvent>[1] = {}): Promise<string> {
  const { id } = await makeEvent(hub, o);
  await hub.deps.db.updateTable('events').set({ start_date: date, end_date: date }).where('id', '=', id).execute();
  return id;
}

beforeAll(async () => {
  hub = await createTestHub();
  admin = await login(hub, await makeUser(hub, { role: 'secretariat_admin' }));
});
afterAll(() => hub.close());

describe('published reports', () => {
  it('lists public outcome reports of meetings not by invitation to anyone, newest first, with language versions and the latest version', async () => {
    const older = await eventOn('2021-03-10', { title: 'Roundtable 2021' });
    const newer = await eventOn('2022-09-07', { title: 'Regional dialogue 2022' });
    const members = await eventOn('2022-10-01', { title: 'Members-only meeting', visibility: 'members' });
    const draft = await eventOn('2022-11-01', { title: 'Draft meeting', status: 'draft' });
    const invited = await eventOn('2022-12-01', { title: 'Closed meeting', visibility: 'invited' });
    const report = await uploadPaper(hub, admin, newer, { kind: 'outcome_report', title: 'Outcome report 2022' });
    await uploadPaper(hub, admin, newer, { kind: 'outcome_report', title: 'Laporan hasil 2022', language: 'id', translationOf: report.id });
    await uploadPaper(hub, admin, newer, { kind: 'outcome_report', title: 'Internal annex', sensitivity: 'members' });
    await uploadPaper(hub, admin, newer, { kind: 'concept_note', title: 'Concept note 2022' });
    await uploadPaper(hub, admin, older, { kind: 'outcome_report', title: 'Outcome report 2021' });
    await uploadPaper(hub, admin, members, { kind: 'outcome_report', title: 'Members report' });
    await uploadPaper(hub, admin, draft, { kind: 'outcome_report', title: 'Draft report' });
    const closedReport = await uploadPaper(hub, admin, invited, { kind: 'outcome_report', title: 'Closed report' });
    const membersNote = await uploadPaper(hub, admin, members, { kind: 'concept_note', title: 'Members concept note' });

    for (const [agent, signedIn] of [[anonymous(hub), false], [admin, true]] as const) {
      const res = await agent.request('GET', '/api/publications');
      expect(res.status).toBe(200);
      expect(res.body.items.map((p: any) => p.title)).toEqual(['Members report', 'Outcome report 2022', 'Outcome report 2021']);
      expect(res.body.total).toBe(3);
      expect(res.body.years).toEqual([2022, 2021]);
      // The Members-only meeting's page opens only for those who may see it; its public report is for everyone.
      expect(res.body.items[0].event).toMatchObject({ id: members, open: signedIn });
      const first = res.body.items[1];
      expect(first.event).toMatchObject({ id: newer, title: 'Regional dialogue 2022', startDate: '2022-09-07', open: true });
      expect(first.translations.map((t: any) => [t.title, t.language])).toEqual([['Laporan hasil 2022', 'id']]);
      expect(first.file).toMatchObject({ url: `/api/papers/${report.id}/versions/1/file`, fileType: 'pdf', version: 1 });
    }
    // The listed files download for a visitor (the papers routes' rule is the same), the Members-only meeting's
    // report included; that meeting's other public papers, and anything of an invited-only meeting, stay hidden.
    expect((await anonymous(hub).request('GET', `/api/papers/${report.id}/versions/1/file`)).status).toBe(200);
    const membersReport = (await admin.request('GET', '/api/publications')).body.items[0];
    expect((await anonymous(hub).request('GET', membersReport.file.url)).status).toBe(200);
    expect((await anonymous(hub).request('GET', `/api/papers/${membersReport.id}`)).status).toBe(200);
    expect((await anonymous(hub).request('GET', `/api/papers/${membersNote.id}/versions/1/file`)).status).toBe(404);
    expect((await anonymous(hub).request('GET', `/api/events/${members}/papers`)).status).toBe(404);
    expect((await anonymous(hub).request('GET', `/api/papers/${closedReport.id}/versions/1/file`)).status).toBe(404);
  });

  it('filters by year, pages, and refuses a bad year with a field message', async () => {
    const page = await anonymous(hub).request('GET', '/api/publications?year=2021');
    expect(page.body.items.map((p: any) => p.title)).toEqual(['Outcome report 2021']);
    const first = await anonymous(hub).request('GET', '/api/publications?limit=2');
    expect(first.body.nextOffset).toBe(2);
    const rest = await anonymous(hub).request('GET', '/api/publications?limit=2&offset=2');
    expect(rest.body.items.map((p: any) => p.title)).toEqual(['Outcome report 2021']);
    expect(rest.body.nextOffset).toBeNull();
    const bad = await anonymous(hub).request('GET', '/api/publications?year=1800');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('year');
  });

  it('a withdrawn report leaves the list', async () => {
    const event = await eventOn('2023-05-05', { title: 'Workshop 2023' });
    const report = await uploadPaper(hub, admin, event, { kind: 'outcome_report', title: 'Workshop report 2023' });
    expect((await anonymous(hub).request('GET', '/api/publications')).body.items.map((p: any) => p.title)).toContain('Workshop report 2023');
    const withdrawn = await admin.request('POST', `/api/papers/${report.id}/withdraw`, { reason: 'Uploaded by mistake' });
    expect(withdrawn.status).toBe(200);
    expect((await anonymous(hub).request('GET', '/api/publications')).body.items.map((p: any) => p.title)).not.toContain('Workshop report 2023');
  });
});
