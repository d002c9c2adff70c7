import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/server/platform/audit/audit';
import { createTestHub, signedIn, testDb, type Agent, type TestHub } from '../../../../../test/helpers/hub';
import { call, exchangeApp, runImportJob } from './exchange.test-support';
import { sampleCsv, sampleXlsx } from './import-sample.test-support';

/** Ten thousand rows: 50 agencies of 200 positions, each with its own holder, in English and Thai. */
const ROWS = 10_000;

let hub: TestHub;
let app: FastifyInstance;
let staff: Agent;
beforeAll(async () => {
  hub = await createTestHub();
  app = await exchangeApp(hub);
  await hub.startJobs();
  staff = await signedIn(hub, { role: 'secretariat_staff' });
});
afterAll(async () => {
  await hub.close();
});

const count = async (table: 'agencies' | 'positions' | 'people' | 'contact_channels' | 'position_holders' | 'search_tokens' | 'audit_log') =>
  Number((await hub.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const snapshot = async () => ({
  agencies: await count('agencies'), positions: await count('positions'), people: await count('people'), channels: await count('contact_channels'),
  holders: await count('position_holders'), tokens: await count('search_tokens'),
});

async function uploadAndCheck(file: Buffer): Promise<{ id: string; uploadMs: number; checkMs: number }> {
  let t = performance.now();
  const up = await call(app, staff, 'POST', '/api/directory/imports?filename=big', { file });
  const uploadMs = performance.now() - t;
  expect(up.status, up.text).toBe(201);
  const imp = up.json as { id: string; rowCount: number; suggestedMapping: Record<string, number> };
  expect(imp.rowCount).toBe(ROWS);
  t = performance.now();
  const checked = await call(app, staff, 'POST', `/api/directory/imports/${imp.id}/dry-run`, { json: { mapping: imp.suggestedMapping } });
  const checkMs = performance.now() - t;
  expect(checked.status).toBe(200);
  expect((checked.json as { problems: unknown[] }).problems).toEqual([]);
  return { id: imp.id, uploadMs, checkMs };
}

/** Applies while polling the import as a page would; returns the progress values seen on the way. */
async function applyWatching(id: string): Promise<{ ms: number; seen: number[] }> {
  expect((await call(app, staff, 'POST', `/api/directory/imports/${id}/apply`, { json: {} })).status).toBe(202);
  const t = performance.now();
  let finished = false;
  const job = runImportJob(hub, id).finally(() => {
    finished = true;
  });
  const seen: number[] = [];
  while (!finished) {
    await new Promise((r) => setTimeout(r, 100));
    seen.push(((await call(app, staff, 'GET', `/api/directory/imports/${id}`)).json as { progress: { done: number } }).progress.done);
  }
  await job;
  return { ms: performance.now() - t, seen };
}

describe('10,000 rows', () => {
  it('imports a 10,000-row XLSX workbook (timing printed), showing progress on the way', async () => {
    const file = await sampleXlsx(ROWS, 'Xlsx');
    const before = await snapshot();

    const { id, uploadMs, checkMs } = await uploadAndCheck(file);
    const { ms: applyMs, seen } = await applyWatching(id);
    const done = (await call(app, staff, 'GET', `/api/directory/imports/${id}`)).json as { status: string; counts: Record<string, number>; progress: { done: number; total: number } };
    const total = uploadMs + checkMs + applyMs;
    console.log(`[${testDb}] 10,000-row XLSX (${(file.length / 1024).toFixed(0)} KB): upload ${(uploadMs / 1000).toFixed(2)} s, dry run ${(checkMs / 1000).toFixed(2)} s, apply ${(applyMs / 1000).toFixed(2)} s, total ${(total / 1000).toFixed(2)} s; progress seen while applying: ${[...new Set(seen)].join(', ')}`);

    expect(done.status).toBe('applied');
    expect(done.progress).toEqual({ done: ROWS, total: ROWS });
    expect(done.counts).toMatchObject({ agenciesCreated: 50, positionsCreated: ROWS, peopleCreated: ROWS, holdersChanged: ROWS });
    const after = await snapshot();
    expect(after.agencies - before.agencies).toBe(50);
    expect(after.people - before.people).toBe(ROWS);
    expect(after.channels - before.channels).toBe(2 * ROWS);
    // Readers on PostgreSQL see the progress while the transaction runs (on SQLite they wait for the one connection).
    if (testDb === 'postgres') expect(seen.some((n) => n > 0 && n < ROWS)).toBe(true);
    const hits = (await staff.request('GET', `/api/directory/search?q=${encodeURIComponent('Person 9876')}`)).body.items;
    expect(hits.map((h: { title: string }) => h.title)).toContain('Person 9876');
    expect(await verifyAuditChain(hub.deps.db)).toMatchObject({ ok: true });
    expect(total).toBeLessThan(60_000);
  }, 180_000);

  it('writes nothing when row 9,999 of a 10,000-row CSV fails at apply time', async () => {
    const file = sampleCsv(ROWS, 'Csv');
    const { id } = await uploadAndCheck(file);
    // A failure only the database sees, at the 9,999th row: inserting that person is refused.
    if (testDb === 'sqlite') {
      await sql.raw(`create trigger refuse_row_9999 before insert on people when new.name_latin = 'Person 9999' begin select raise(abort, 'refused by a test trigger at row 9999'); end`).execute(hub.deps.db);
    } else {
      await sql.raw(`create function refuse_row_9999() returns trigger language plpgsql as $$ begin if new.name_latin = 'Person 9999' then raise exception 'refused by a test trigger at row 9999'; end if; return new; end $$`).execute(hub.deps.db);
      await sql.raw('create trigger refuse_row_9999 before insert on people for each row execute function refuse_row_9999()').execute(hub.deps.db);
    }
    const before = await snapshot();
    const auditBefore = await count('audit_log');
    const { seen } = await applyWatching(id);
    const failed = (await call(app, staff, 'GET', `/api/directory/imports/${id}`)).json as { status: string; error: string; progress: { done: number } };
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('Nothing was written: applying stopped while writing rows 9802–10001 because of an error on our side, which has been logged. Try again, or ask the secretariat.');
    expect(failed.progress.done).toBe(0);
    if (testDb === 'postgres') expect(seen.some((n) => n > 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
    const entries = await hub.deps.db.selectFrom('audit_log').select('action').where('seq', '>', 0).orderBy('seq').execute();
    expect(entries.slice(auditBefore).map((e) => e.action)).toEqual(['directory.import_failed']);
    expect(await verifyAuditChain(hub.deps.db)).toMatchObject({ ok: true });
    await sql.raw('drop trigger refuse_row_9999' + (testDb === 'postgres' ? ' on people' : '')).execute(hub.deps.db);
  }, 180_000);
});
