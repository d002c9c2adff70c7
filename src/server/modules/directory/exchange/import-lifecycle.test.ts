import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/server/platform/audit/audit';
import { createTestHub, signedIn, testDb, type Agent, type TestHub } from '../../../../../test/helpers/hub';
import { call, exchangeApp, runImportJob } from './exchange.test-support';
import { csvLine, UTF8_BOM } from './csv';
import { SAMPLE_HEADER, sampleCsv, sampleRow } from './import-sample.test-support';

let hub: TestHub;
let app: FastifyInstance;
let staff: Agent;
let coordinator: Agent;
let official: Agent;

beforeAll(async () => {
  hub = await createTestHub();
  app = await exchangeApp(hub);
  await hub.startJobs(); // no workers in tests; jobs are run with runImportJob
  staff = await signedIn(hub, { role: 'secretariat_staff' });
  coordinator = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['THA'] });
  official = await signedIn(hub, { role: 'official', memberScopes: ['THA'] });
});
afterAll(async () => {
  await hub.close();
});

interface Imp {
  id: string;
  status: string;
  progress: { done: number; total: number };
}

/** Uploads `rows` sample rows (Member THA) and checks them: a `validated` import without problems. */
async function checked(who: Agent, rows: number, prefix: string): Promise<Imp> {
  const up = await call(app, who, 'POST', `/api/directory/imports?filename=${prefix}.csv`, { file: sampleCsv(rows, prefix) });
  expect(up.status, up.text).toBe(201);
  const imp = up.json as Imp & { suggestedMapping: Record<string, number> };
  const dry = await call(app, who, 'POST', `/api/directory/imports/${imp.id}/dry-run`, { json: { mapping: imp.suggestedMapping } });
  expect(dry.status, dry.text).toBe(200);
  return dry.json as Imp;
}

/** People of a sample file, by their email addresses (`<prefix>.person<i>@…`). */
const people = async (prefix: string) =>
  Number(
    (await hub.deps.db.selectFrom('contact_channels').select((eb) => eb.fn.count<number>('person_id').distinct().as('n')).where('kind', '=', 'email').where('value', 'like', `${prefix.toLowerCase()}.person%`).executeTakeFirstOrThrow()).n,
  );
const agenciesNamed = async (prefix: string) =>
  Number((await hub.deps.db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).where('name_en', 'like', `${prefix} Bureau%`).executeTakeFirstOrThrow()).n);
const audits = async (action: string, id: string) => hub.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', id).execute();
const get = async (who: Agent, id: string) => call(app, who, 'GET', `/api/directory/imports/${id}`);

describe('the imports list', () => {
  it('shows who uploaded each import, and what the reader may do with it', async () => {
    const mine = await checked(coordinator, 3, 'Listed');
    const list = await call(app, staff, 'GET', '/api/directory/imports');
    expect(list.status).toBe(200);
    const item = (list.json as { items: Record<string, unknown>[] }).items.find((i) => i.id === mine.id);
    expect(item).toMatchObject({ status: 'validated', uploadedBy: { id: coordinator.user?.id, name: expect.stringMatching(/^Test member_coordinator/) }, canCancel: true, canDelete: true });
    // The coordinator sees their own only, with their name.
    const own = (await call(app, coordinator, 'GET', '/api/directory/imports')).json as { items: { id: string; uploadedBy: { id: string } }[] };
    expect(own.items.every((i) => i.uploadedBy.id === coordinator.user?.id)).toBe(true);
  });
});

describe('cancelling an import', () => {
  it('cancels a checked import: it can no longer be checked or applied, and the cancel is audited', async () => {
    const imp = await checked(coordinator, 5, 'Checked');
    const res = await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/cancel`, { json: {} });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ id: imp.id, status: 'cancelled', canApply: false });
    expect((await get(coordinator, imp.id)).json).toMatchObject({ status: 'cancelled' });
    const apply = await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/apply`, { json: {} });
    expect(apply.status).toBe(409);
    expect(apply.headers['content-type']).toMatch(/application\/problem\+json/);
    const again = await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/cancel`, { json: {} });
    expect(again.status).toBe(409);
    expect((again.json as { detail: string }).detail).toBe('This import has been cancelled already.');
    const dry = await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/dry-run`, { json: { mapping: {} } });
    expect(dry.status).toBe(409);
    const [entry] = await audits('directory.import_cancelled', imp.id);
    expect(entry).toMatchObject({ actor_id: coordinator.user?.id, entity: 'directory_import' });
    expect(JSON.parse(entry?.before_json ?? '{}')).toEqual({ status: 'validated' });
    expect(await people('Checked')).toBe(0);
  });

  it('cancels a queued apply: the job then writes nothing and the import stays cancelled', async () => {
    const imp = await checked(coordinator, 10, 'Queued');
    expect((await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/apply`, { json: {} })).status).toBe(202);
    // The secretariat may cancel someone else's import.
    const res = await call(app, staff, 'POST', `/api/directory/imports/${imp.id}/cancel`, { json: {} });
    expect(res.status, res.text).toBe(200);
    await runImportJob(hub, imp.id);
    expect((await get(coordinator, imp.id)).json).toMatchObject({ status: 'cancelled', progress: { done: 0 } });
    expect(await people('Queued')).toBe(0);
    expect(await agenciesNamed('Queued')).toBe(0);
    expect(await audits('directory.import_applied', imp.id)).toEqual([]);
    expect(await audits('directory.import_failed', imp.id)).toEqual([]);
    expect((await audits('directory.import_cancelled', imp.id))[0]).toMatchObject({ actor_id: staff.user?.id });
  });

  it('refuses to cancel an applied import, and others than the uploader and the secretariat', async () => {
    const imp = await checked(coordinator, 2, 'Applied');
    expect((await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/apply`, { json: {} })).status).toBe(202);
    await runImportJob(hub, imp.id);
    const late = await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/cancel`, { json: {} });
    expect(late.status).toBe(409);
    expect((late.json as { detail: string }).detail).toBe('This import has been applied already: it can no longer be cancelled.');
    const other = await checked(staff, 2, 'Others');
    expect((await call(app, coordinator, 'POST', `/api/directory/imports/${other.id}/cancel`, { json: {} })).status).toBe(404);
    expect((await call(app, official, 'POST', `/api/directory/imports/${other.id}/cancel`, { json: {} })).status).toBe(403);
    expect((await get(staff, other.id)).json).toMatchObject({ status: 'validated' });
  });

  it('rolls back an apply that is running when it is cancelled (PostgreSQL); on SQLite the cancel waits for the write and is refused', async () => {
    const imp = await checked(staff, 3000, 'Running');
    expect((await call(app, staff, 'POST', `/api/directory/imports/${imp.id}/apply`, { json: {} })).status).toBe(202);
    let finished = false;
    const job = runImportJob(hub, imp.id).finally(() => {
      finished = true;
    });
    let seen = 0;
    while (!finished && seen === 0) {
      await new Promise((r) => setTimeout(r, 20));
      seen = ((await get(staff, imp.id)).json as Imp).progress.done;
    }
    const res = await call(app, staff, 'POST', `/api/directory/imports/${imp.id}/cancel`, { json: {} });
    await job;
    if (testDb === 'postgres') {
      // Readers see the progress while the write runs, and the cancel between two chunks of rows.
      expect(seen).toBeGreaterThan(0);
      expect(seen).toBeLessThan(3000);
      expect(res.status, res.text).toBe(200);
      expect((await get(staff, imp.id)).json).toMatchObject({ status: 'cancelled', progress: { done: 0 } });
      expect(await people('Running')).toBe(0);
      expect(await agenciesNamed('Running')).toBe(0);
      expect(await audits('directory.import_applied', imp.id)).toEqual([]);
    } else {
      // The one connection is the write's until it ends: the page sees it applied, and the cancel comes too late.
      expect(seen).toBe(3000);
      expect(res.status).toBe(409);
      expect(await people('Running')).toBe(3000);
    }
    expect(await verifyAuditChain(hub.deps.db)).toMatchObject({ ok: true });
  }, 120_000);
});

describe('deleting an import', () => {
  it('deletes the import and its stored rows, not what it wrote to the directory; audited', async () => {
    const imp = await checked(coordinator, 4, 'Deleted');
    expect((await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/apply`, { json: {} })).status).toBe(202);
    // Being applied: cancel first.
    const busy = await call(app, coordinator, 'DELETE', `/api/directory/imports/${imp.id}`);
    expect(busy.status).toBe(409);
    expect((busy.json as { detail: string }).detail).toBe('This import is being applied: cancel it first.');
    await runImportJob(hub, imp.id);
    expect(await people('Deleted')).toBe(4);
    expect((await call(app, official, 'DELETE', `/api/directory/imports/${imp.id}`)).status).toBe(403);
    const res = await call(app, coordinator, 'DELETE', `/api/directory/imports/${imp.id}`);
    expect(res.status, res.text).toBe(200);
    expect((await get(coordinator, imp.id)).status).toBe(404);
    expect(await hub.deps.db.selectFrom('directory_imports').select('id').where('id', '=', imp.id).executeTakeFirst()).toBeUndefined();
    const list = (await call(app, staff, 'GET', '/api/directory/imports')).json as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(imp.id);
    // The directory keeps what the import wrote, and its history.
    expect(await people('Deleted')).toBe(4);
    expect(await audits('directory.import_applied', imp.id)).toHaveLength(1);
    const [entry] = await audits('directory.import_deleted', imp.id);
    expect(entry).toMatchObject({ actor_id: coordinator.user?.id });
    expect(JSON.parse(entry?.before_json ?? '{}')).toMatchObject({ status: 'applied', file_name: 'Deleted.csv', rows: 4 });
    expect((await call(app, coordinator, 'DELETE', `/api/directory/imports/${imp.id}`)).status).toBe(404);
  });

  it("lets the secretariat delete a coordinator's import, but not the other way round", async () => {
    const theirs = await checked(coordinator, 1, 'Theirs');
    const staffs = await checked(staff, 1, 'Staffs');
    expect((await call(app, coordinator, 'DELETE', `/api/directory/imports/${staffs.id}`)).status).toBe(404);
    expect((await call(app, staff, 'DELETE', `/api/directory/imports/${theirs.id}`)).status).toBe(200);
    expect((await get(coordinator, theirs.id)).status).toBe(404);
  });
});

describe('a re-import that hands existing positions over', () => {
  it('ends the previous holdings, starts the new ones and confirms the positions, all in bulk', async () => {
    const first = await checked(staff, 4, 'Handover');
    expect((await call(app, staff, 'POST', `/api/directory/imports/${first.id}/apply`, { json: {} })).status).toBe(202);
    await runImportJob(hub, first.id);
    // The same agency and positions, each with a successor: other names and emails.
    const rows = [1, 2, 3, 4].map((i) => {
      const cells = sampleRow(i, 'Handover');
      cells[8] = `Successor ${i}`;
      cells[9] = `ผู้สืบทอด ${i}`;
      cells[11] = `successor${i}.handover@police.go.th.example`;
      return cells;
    });
    const file = Buffer.from(UTF8_BOM + csvLine(SAMPLE_HEADER) + rows.map((r) => csvLine(r)).join(''), 'utf8');
    const up = await call(app, staff, 'POST', '/api/directory/imports?filename=successors.csv', { file });
    const imp = up.json as Imp & { suggestedMapping: Record<string, number> };
    const dry = await call(app, staff, 'POST', `/api/directory/imports/${imp.id}/dry-run`, { json: { mapping: imp.suggestedMapping } });
    expect(dry.json).toMatchObject({ problemCounts: { errors: 0 }, counts: { agenciesCreated: 0, positionsCreated: 0, peopleCreated: 4, holdersChanged: 4 } });
    hub.clock.advance(60_000);
    expect((await call(app, staff, 'POST', `/api/directory/imports/${imp.id}/apply`, { json: {} })).status).toBe(202);
    await runImportJob(hub, imp.id);
    expect((await get(staff, imp.id)).json).toMatchObject({ status: 'applied' });
    const holdings = await hub.deps.db
      .selectFrom('position_holders as h')
      .innerJoin('people as pe', 'pe.id', 'h.person_id')
      .innerJoin('positions as p', 'p.id', 'h.position_id')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['p.title', 'pe.name_latin', 'h.end_date', 'p.last_confirmed_at', 'p.last_confirmed_by', 'pe.last_confirmed_by as person_confirmed_by'])
      .where('a.name_en', '=', 'Handover Bureau 1')
      .orderBy('p.title')
      .orderBy('pe.name_latin')
      .execute();
    const today = hub.clock.now().toISOString().slice(0, 10);
    expect(holdings.map((h) => [h.title, h.name_latin, h.end_date])).toEqual([
      ['Officer 1', 'Person 1', today], ['Officer 1', 'Successor 1', null],
      ['Officer 2', 'Person 2', today], ['Officer 2', 'Successor 2', null],
      ['Officer 3', 'Person 3', today], ['Officer 3', 'Successor 3', null],
      ['Officer 4', 'Person 4', today], ['Officer 4', 'Successor 4', null],
    ]);
    // Each position confirmed by this import, at its time.
    expect(new Set(holdings.map((h) => [h.last_confirmed_at, h.last_confirmed_by].join('|')))).toEqual(new Set([`${hub.clock.now().toISOString()}|${staff.user?.id}`]));
    const handed = await hub.deps.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', 'position.handed_over').orderBy('seq', 'desc').limit(4).execute();
    expect(handed.every((e) => JSON.parse(e.before_json ?? '{}').holder_id)).toBe(true);
    expect(await verifyAuditChain(hub.deps.db)).toMatchObject({ ok: true });
  });
});
