/**
 * `npm run bench:directory-import`: a 10,000-row XLSX directory import (the sample of the scale test: 50 agencies of
 * 200 positions, each with its own holder, English and Thai names, two contact channels a person) through the real
 * API in this process (app.inject: routing, session, CSRF, validation, service), on a SQLite file and then, when
 * reachable, on a fresh PostgreSQL schema:
 *
 *  1. upload (POST /api/directory/imports: the file read, its header found, the rows stored);
 *  2. dry run (POST .../dry-run: every row checked against the directory and the importer's scope);
 *  3. apply (POST .../apply, then the background job run in this process until the import is `applied`).
 *
 * Baseline, measured in the same run on the same database: exceljs reading the same file, plus a raw multi-row
 * insert (through the driver, in one transaction) of the same directory rows the import writes: agencies,
 * positions, people, contact channels and holders (no search index, no audit trail, no checks). Each phase is printed
 * with the ratio to it; the verdict is upload + dry run + apply against the issue's 10 s.
 *
 * BENCH_ROWS (default 10000) changes the size; BENCH_SCALE (default 1) multiplies it; BENCH_ONLY=sqlite or
 * BENCH_ONLY=postgres runs on one database.
 */
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { buildHub, type Hub } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { seedReference } from '../src/server/db/seed/seed';
import { IMPORT_JOB } from '../src/server/modules/directory/exchange/import.service';
import { SAMPLE_PER_AGENCY, sampleRow, sampleXlsx } from '../src/server/modules/directory/exchange/import-sample.test-support';
import { usersRepository } from '../src/server/modules/users/users.repository';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { newId } from '../src/server/platform/crypto';
import { onEachDatabase, type DatabaseName } from './databases';

const rows = Math.max(1, Math.round(Number(process.env.BENCH_ROWS ?? 10_000) * Number(process.env.BENCH_SCALE ?? 1)));
const targetSeconds = 10;
const staff = { email: 'bench-staff@bench.hub.example', password: 'bench-staff-Long-Password-2024' };
const serverEnv = { LOG_LEVEL: 'silent', API_RATE_PER_MINUTE: '100000000', LOGIN_RATE_PER_MINUTE: '100000', RUN_JOBS: 'false', SEED_DEMO: 'false', WEB_DIST: path.join(os.tmpdir(), 'no-web-app') };

interface Figures {
  db: DatabaseName;
  uploadMs: number;
  checkMs: number;
  applyMs: number;
  readMs: number;
  insertMs: number;
}

async function inject(hub: Hub, who: { cookie: string; csrf: string }, method: 'GET' | 'POST', url: string, body?: unknown) {
  const headers: Record<string, string> = { cookie: who.cookie, 'user-agent': 'directory-import-bench' };
  if (method !== 'GET') headers['x-csrf-token'] = who.csrf;
  let payload: string | Buffer | undefined;
  if (Buffer.isBuffer(body)) {
    headers['content-type'] = 'application/octet-stream';
    payload = body;
  } else if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body ?? {});
  }
  const res = await hub.app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return JSON.parse(res.body) as Record<string, unknown>;
}

async function signIn(hub: Hub): Promise<{ cookie: string; csrf: string }> {
  const now = new Date().toISOString();
  await usersRepository.insert(hub.deps.db, {
    id: newId(), email: staff.email, display_name: 'Bench Staff', role: 'secretariat_staff', status: 'active', password_hash: await hashPassword(staff.password), locale: 'en',
    totp_secret: null, totp_pending_secret: null, totp_enabled: 0, totp_last_step: null, failed_logins: 0, locked_until: null, last_login_at: null, password_changed_at: now, created_at: now, updated_at: now,
  }, []);
  const res = await hub.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'x-csrf-token': 'anonymous' }, payload: JSON.stringify(staff) });
  if (res.statusCode !== 200) throw new Error(`bench login failed: ${res.statusCode} ${res.body}`);
  const set = res.headers['set-cookie'];
  const cookie = (Array.isArray(set) ? set : [String(set)]).find((c) => c.includes('hub_session=') && !c.includes('Max-Age=0'))?.split(';')[0] ?? '';
  return { cookie, csrf: (JSON.parse(res.body) as { session: { csrfToken: string } }).session.csrfToken };
}

/** The directory rows the import writes, as plain rows for the raw baseline (other ids and emails, same shape). */
function baselineRows() {
  const now = new Date().toISOString();
  const confirmable = { last_confirmed_at: now, last_confirmed_by: null, created_at: now, updated_at: now };
  const agencies: unknown[][] = [];
  const positions: unknown[][] = [];
  const people: unknown[][] = [];
  const channels: unknown[][] = [];
  const holders: unknown[][] = [];
  const agencyIds = new Map<string, string>();
  for (let i = 1; i <= rows; i++) {
    const c = sampleRow(i, 'Base');
    const [member, name, local, acronym, , , title, wg, person, personLocal, personTitle, email, phone, visibility] = c;
    let agencyId = agencyIds.get(name ?? '');
    if (!agencyId) {
      agencyId = newId();
      agencyIds.set(name ?? '', agencyId);
      agencies.push([agencyId, member, name, local, acronym, 'police', null, null, null, ...Object.values(confirmable)]);
    }
    const positionId = newId();
    const personId = newId();
    positions.push([positionId, agencyId, title, wg || null, ...Object.values(confirmable)]);
    people.push([personId, person, personLocal, personTitle, '[]', null, ...Object.values(confirmable)]);
    channels.push([newId(), personId, 'email', email, null, visibility, 0], [newId(), personId, 'phone', phone, null, visibility, 1]);
    holders.push([newId(), positionId, personId, now.slice(0, 10), null, null, now]);
  }
  const confirmCols = ['last_confirmed_at', 'last_confirmed_by', 'created_at', 'updated_at'];
  return [
    { table: 'agencies', columns: ['id', 'member_code', 'name_en', 'name_local', 'acronym', 'type', 'parent_id', 'website', 'address', ...confirmCols], values: agencies },
    { table: 'positions', columns: ['id', 'agency_id', 'title', 'working_group_code', ...confirmCols], values: positions },
    { table: 'people', columns: ['id', 'name_latin', 'name_local', 'title', 'languages', 'user_id', ...confirmCols], values: people },
    { table: 'contact_channels', columns: ['id', 'person_id', 'kind', 'value', 'label', 'visibility', 'sort_order'], values: channels },
    { table: 'position_holders', columns: ['id', 'position_id', 'person_id', 'start_date', 'end_date', 'note', 'created_at'], values: holders },
  ];
}

/** Multi-row `insert ... values (...), (...)` statements of at most 500 rows (under both databases' parameter limits). */
function statements(dialect: DatabaseName): { text: string; params: unknown[] }[] {
  const out: { text: string; params: unknown[] }[] = [];
  for (const t of baselineRows()) {
    for (let i = 0; i < t.values.length; i += 500) {
      const chunk = t.values.slice(i, i + 500);
      const params: unknown[] = [];
      const tuples = chunk.map((r) => `(${r.map((v) => (params.push(v), dialect === 'PostgreSQL' ? `$${params.length}` : '?')).join(', ')})`);
      out.push({ text: `insert into ${t.table} (${t.columns.join(', ')}) values ${tuples.join(', ')}`, params });
    }
  }
  return out;
}

async function rawInsert(dialect: DatabaseName, env: Record<string, string>): Promise<number> {
  const list = statements(dialect);
  if (dialect === 'SQLite') {
    const db = new SQLite(env.SQLITE_PATH ?? '');
    db.pragma('foreign_keys = on');
    const t = performance.now();
    db.transaction(() => {
      for (const s of list) db.prepare(s.text).run(...s.params);
    })();
    const ms = performance.now() - t;
    db.close();
    return ms;
  }
  const client = new pg.Client({ connectionString: env.DATABASE_URL, options: `-c search_path=${env.DATABASE_SCHEMA}` });
  await client.connect();
  const t = performance.now();
  await client.query('begin');
  for (const s of list) await client.query(s.text, s.params);
  await client.query('commit');
  const ms = performance.now() - t;
  await client.end();
  return ms;
}

async function measure(db: DatabaseName, env: Record<string, string>, file: Buffer): Promise<Figures> {
  const hub = await buildHub(loadConfig({ ...process.env, ...serverEnv, ...env }));
  try {
    await seedReference(hub.deps.db);
    // The queue without workers (RUN_JOBS=false): apply queues the job, this process runs it, as a worker would.
    await hub.startJobs();
    const who = await signIn(hub);

    // Baseline part 1: exceljs reading the file (also warms exceljs up for the upload, in the import's favour of nothing).
    let t = performance.now();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    let cells = 0;
    workbook.worksheets[0]?.eachRow((r) => {
      cells += r.cellCount;
    });
    const readMs = performance.now() - t;
    if (cells < rows) throw new Error('baseline read too few cells');

    t = performance.now();
    const up = await inject(hub, who, 'POST', '/api/directory/imports?filename=bench.xlsx', file);
    const uploadMs = performance.now() - t;
    if (up.rowCount !== rows) throw new Error(`upload saw ${String(up.rowCount)} rows`);
    const id = String(up.id);

    t = performance.now();
    const checked = await inject(hub, who, 'POST', `/api/directory/imports/${id}/dry-run`, { mapping: up.suggestedMapping });
    const checkMs = performance.now() - t;
    if ((checked.problemCounts as { errors: number }).errors !== 0) throw new Error(`dry run found errors: ${JSON.stringify(checked.problems).slice(0, 500)}`);

    t = performance.now();
    await inject(hub, who, 'POST', `/api/directory/imports/${id}/apply`, {});
    await hub.deps.jobs.runNow(IMPORT_JOB, { importId: id });
    const done = await inject(hub, who, 'GET', `/api/directory/imports/${id}`);
    const applyMs = performance.now() - t;
    if (done.status !== 'applied') throw new Error(`import ended ${String(done.status)}: ${String(done.error)}`);
    const counts = done.counts as Record<string, number>;
    if (counts.peopleCreated !== rows || counts.positionsCreated !== rows) throw new Error(`unexpected counts ${JSON.stringify(counts)}`);

    // Baseline part 2: the same directory rows inserted raw, after the import, on the same database.
    const insertMs = await rawInsert(db, env);
    return { db, uploadMs, checkMs, applyMs, readMs, insertMs };
  } finally {
    await hub.app.close();
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const file = await sampleXlsx(rows, 'Xlsx');
  console.log(`Directory import benchmark: ${rows.toLocaleString('en')}-row XLSX (${(file.length / 1024).toFixed(0)} KB, ${Math.ceil(rows / SAMPLE_PER_AGENCY)} agencies), load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}, ${os.cpus().length} CPUs`);
  let pass = true;
  const only = process.env.BENCH_ONLY?.toLowerCase();
  await onEachDatabase('directory-import', async (db, env) => {
    if (only && !db.toLowerCase().startsWith(only)) return;
    const r = await measure(db, env, file);
    const total = r.uploadMs + r.checkMs + r.applyMs;
    const baseline = r.readMs + r.insertMs;
    const ok = total <= targetSeconds * 1000 && rows >= 10_000;
    pass &&= ok;
    console.log(`\n${r.db}`);
    console.log(`  upload   ${s(r.uploadMs).padStart(8)}   baseline exceljs read   ${s(r.readMs).padStart(8)}   ratio ${(r.uploadMs / r.readMs).toFixed(2)}`);
    console.log(`  dry run  ${s(r.checkMs).padStart(8)}`);
    console.log(`  apply    ${s(r.applyMs).padStart(8)}   baseline raw insert     ${s(r.insertMs).padStart(8)}   ratio ${(r.applyMs / r.insertMs).toFixed(2)}`);
    console.log(`  total    ${s(total).padStart(8)}   baseline read + insert  ${s(baseline).padStart(8)}   ratio ${(total / baseline).toFixed(2)}   target <= ${targetSeconds} s: ${ok ? 'PASS' : rows < 10_000 ? 'n/a (reduced scale)' : 'FAIL'}   (load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')})`);
  });
  console.log(`\nload average after: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  if (!pass && rows >= 10_000) process.exitCode = 1;
}

await main();
