/**
 * `npm run bench:papers`: the meeting pack of an event with 80 papers weighing 200 MB in all, downloaded through
 * the real HTTP server (the hub in a child process, on a SQLite file and an upload folder in a temporary
 * directory), next to a baseline in the same child: one 200 MB file streamed by a bare Fastify route with
 * fs.createReadStream. For each: time, throughput and the server process's peak RSS growth during the download
 * (sampled every 5 ms in the server, and the kernel's VmHWM after resetting it, where Linux allows).
 * Target (issue 4): the pack streams without holding it in memory, peak RSS growth under 50 MB.
 *
 * BENCH_PAPERS (default 80) and BENCH_PACK_MB (default 200) change the size; BENCH_RUNS (default 2) the number of
 * measured downloads of each (after one warm-up), of which the worst is reported.
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildHub } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { seedReference } from '../src/server/db/seed/seed';
import { usersRepository } from '../src/server/modules/users/users.repository';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { newId } from '../src/server/platform/crypto';

const paperCount = Number(process.env.BENCH_PAPERS ?? 80);
const packMb = Number(process.env.BENCH_PACK_MB ?? 200);
const runs = Number(process.env.BENCH_RUNS ?? 2);
const targetMb = 50;
const staff = { email: 'bench-staff@bench.hub.example', password: 'bench-staff-Long-Password-2024' };
const MB = 1024 * 1024;

interface Paths {
  dir: string;
  sqlite: string;
  uploads: string;
  bigFile: string;
}

function envFor(p: Paths): Record<string, string> {
  return {
    SQLITE_PATH: p.sqlite, UPLOAD_DIR: p.uploads, LOG_LEVEL: 'silent', API_RATE_PER_MINUTE: '100000000', LOGIN_RATE_PER_MINUTE: '100000',
    RUN_JOBS: 'false', SEED_DEMO: 'false', WEB_DIST: path.join(os.tmpdir(), 'no-web-app'), UPLOAD_MAX_MB: '50',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Child process: the hub and the bare route, serving over HTTP; measures its own memory on request.

interface Peak {
  baselineRss: number;
  peakRss: number;
  /** From /proc/self/status after clear_refs, when available. */
  vmHwm: number | null;
}

function readVm(field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m?.[1] ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function serve(p: Paths): Promise<void> {
  const hub = await buildHub(loadConfig({ ...process.env, ...envFor(p) }));
  const hubUrl = await hub.app.listen({ port: 0, host: '127.0.0.1' });
  const res = await fetch(`${hubUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'anonymous' }, body: JSON.stringify(staff) });
  if (!res.ok) throw new Error(`bench login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const bare = Fastify({ logger: false });
  bare.get('/file', (_req, reply) => reply.header('content-type', 'application/pdf').header('content-length', String(fs.statSync(p.bigFile).size)).send(fs.createReadStream(p.bigFile)));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  let baseline = 0;
  let peak = 0;
  setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5).unref();
  process.on('message', (msg: string) => {
    if (msg === 'reset') {
      baseline = process.memoryUsage.rss();
      peak = baseline;
      try {
        fs.writeFileSync('/proc/self/clear_refs', '5');
      } catch {
        /* not Linux, or not allowed: the sampled peak stands alone */
      }
      process.send?.({ reset: true });
    } else if (msg === 'peak') {
      peak = Math.max(peak, process.memoryUsage.rss());
      const result: Peak = { baselineRss: baseline, peakRss: peak, vmHwm: readVm('VmHWM') };
      process.send?.(result);
    } else if (msg === 'stop') {
      void Promise.all([hub.app.close(), bare.close()]).then(() => process.exit(0));
    }
  });
  process.send?.({ hubUrl, bareUrl, cookie });
}

// ---------------------------------------------------------------------------------------------------------------
// Parent: data, the downloads, the figures.

/** Random bytes made once; each piece written differs by a counter in its first bytes (fast, and incompressible). */
const noise = crypto.randomBytes(4 * MB);
let pieces = 0;

/** A file that passes for a PDF: a header, random bytes, an end-of-file marker (written in 4 MB pieces). */
function writePdfLike(file: string, size: number): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'w');
  const head = Buffer.from('%PDF-1.7\n');
  const tail = Buffer.from('\n%%EOF\n');
  let left = size - head.length - tail.length;
  fs.writeSync(fd, head);
  hash.update(head);
  while (left > 0) {
    noise.writeUInt32LE(++pieces, 0);
    const chunk = noise.subarray(0, Math.min(left, noise.length));
    fs.writeSync(fd, chunk);
    hash.update(chunk);
    left -= chunk.length;
  }
  fs.writeSync(fd, tail);
  hash.update(tail);
  fs.closeSync(fd);
  return hash.digest('hex');
}

async function prepare(p: Paths): Promise<{ eventId: string; totalBytes: number; seconds: number }> {
  const started = performance.now();
  const hub = await buildHub(loadConfig({ ...process.env, ...envFor(p) }));
  await seedReference(hub.deps.db);
  const now = new Date().toISOString();
  const staffId = newId();
  await usersRepository.insert(hub.deps.db, {
    id: staffId, email: staff.email, display_name: 'Bench Staff', role: 'secretariat_staff', status: 'active', password_hash: await hashPassword(staff.password), locale: 'en',
    totp_secret: null, totp_pending_secret: null, totp_enabled: 0, totp_last_step: null, failed_logins: 0, locked_until: null, last_login_at: null, password_changed_at: now, created_at: now, updated_at: now,
  }, []);
  const eventId = newId();
  await hub.deps.db.insertInto('events').values({
    id: eventId, slug: 'bench-pack', title: 'Benchmark meeting', title_local: null, summary: null, type: 'senior_officials', format: 'in_person', place: 'Bangkok', online_url: null,
    time_zone: 'Asia/Bangkok', start_date: '2026-09-07', end_date: '2026-09-08', starts_at: '2026-09-06T17:00:00.000Z', ends_at: '2026-09-08T16:59:59.999Z', visibility: 'members',
    status: 'published', working_group_code: null, series: null, themes: '[]', capacity: null, created_by: staffId, created_at: now, updated_at: now,
  }).execute();
  const kinds = ['concept_note', 'agenda', 'presentation', 'presentation', 'annex', 'outcome_report'];
  const base = Math.floor((packMb * MB) / paperCount);
  let totalBytes = 0;
  const papers = [];
  const versions = [];
  for (let i = 0; i < paperCount; i++) {
    // Sizes vary around the mean (±40%) and add up to the pack's size.
    const size = i === paperCount - 1 ? packMb * MB - totalBytes : Math.round(base * (0.6 + 0.8 * ((i * 37) % 100) / 100));
    const id = newId();
    const key = `${id.slice(0, 2)}/${id}`;
    fs.mkdirSync(path.join(p.uploads, id.slice(0, 2)), { recursive: true });
    const sha = writePdfLike(path.join(p.uploads, key), size);
    totalBytes += size;
    papers.push({ id, event_id: eventId, kind: kinds[i % kinds.length] ?? 'other', title: `Paper ${i + 1}: bench document`, language: i % 4 === 3 ? 'id' : 'en', sensitivity: 'members', translation_of: null, created_by: staffId, created_at: now, updated_at: now });
    versions.push({ id: newId(), paper_id: id, number: 1, storage_key: key, file_type: 'pdf', content_type: 'application/pdf', size_bytes: size, sha256: sha, original_name: null, note: null, uploaded_by: staffId, uploaded_at: now });
  }
  await hub.deps.db.insertInto('papers').values(papers).execute();
  await hub.deps.db.insertInto('paper_versions').values(versions).execute();
  await hub.app.close();
  writePdfLike(p.bigFile, packMb * MB);
  return { eventId, totalBytes, seconds: (performance.now() - started) / 1000 };
}

function startServer(p: Paths): Promise<{ child: ChildProcess; hubUrl: string; bareUrl: string; cookie: string }> {
  const child = fork(import.meta.filename, [], {
    env: { ...process.env, BENCH_PAPERS_SERVE: JSON.stringify(p) },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { hubUrl: string; bareUrl: string; cookie: string }) => resolve({ child, ...m }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function ask<T>(child: ChildProcess, msg: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m: T) => resolve(m));
    child.send(msg);
  });
}

interface Measure {
  bytes: number;
  seconds: number;
  growthMb: number;
  hwmGrowthMb: number | null;
}

async function measure(child: ChildProcess, url: string, cookie: string): Promise<Measure> {
  await ask(child, 'reset');
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok || !res.body) throw new Error(`download failed: ${res.status} ${await res.text()}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).length;
  const seconds = (performance.now() - started) / 1000;
  const declared = Number(res.headers.get('content-length'));
  if (declared && declared !== bytes) throw new Error(`got ${bytes} bytes, Content-Length said ${declared}`);
  const peak = await ask<Peak>(child, 'peak');
  return { bytes, seconds, growthMb: (peak.peakRss - peak.baselineRss) / MB, hwmGrowthMb: peak.vmHwm !== null ? (peak.vmHwm - peak.baselineRss) / MB : null };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-papers-'));
  const p: Paths = { dir, sqlite: path.join(dir, 'hub.sqlite'), uploads: path.join(dir, 'uploads'), bigFile: path.join(dir, 'baseline.pdf') };
  let child: ChildProcess | undefined;
  try {
    const data = await prepare(p);
    console.log(`meeting pack benchmark: ${paperCount} papers, ${(data.totalBytes / MB).toFixed(0)} MB (files written in ${data.seconds.toFixed(1)} s)`);
    const server = await startServer(p);
    child = server.child;
    const packUrl = `${server.hubUrl}/api/events/${data.eventId}/meeting-pack.zip`;
    const bareUrl = `${server.bareUrl}/file`;
    // One warm-up of each, then the measured runs; the worst growth is reported.
    await measure(server.child, bareUrl, '');
    await measure(server.child, packUrl, server.cookie);
    const worst = (list: Measure[]) => list.reduce((a, b) => (b.growthMb > a.growthMb ? b : a));
    const pack: Measure[] = [];
    const bare: Measure[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(await measure(server.child, bareUrl, ''));
      pack.push(await measure(server.child, packUrl, server.cookie));
    }
    const rows = [['bare route, one 200 MB file (fs.createReadStream)', worst(bare)], ['hub meeting pack ZIP (80 papers, streamed)', worst(pack)]] as const;
    console.log('');
    console.log('download                                              MB     s      MB/s   peak RSS growth (sampled / VmHWM)');
    for (const [name, m] of rows) {
      console.log(`${name.padEnd(52)} ${(m.bytes / MB).toFixed(1).padStart(6)} ${m.seconds.toFixed(2).padStart(6)} ${(m.bytes / MB / m.seconds).toFixed(0).padStart(7)}   ${m.growthMb.toFixed(1)} MB / ${m.hwmGrowthMb === null ? 'n/a' : `${m.hwmGrowthMb.toFixed(1)} MB`}`);
    }
    const p0 = worst(pack);
    const b0 = worst(bare);
    console.log('');
    console.log(`ratio pack/bare: time ${(p0.seconds / b0.seconds).toFixed(2)}×, throughput ${((p0.bytes / p0.seconds) / (b0.bytes / b0.seconds)).toFixed(2)}×, peak RSS growth ${(p0.growthMb - b0.growthMb).toFixed(1)} MB more than the bare route`);
    const growth = Math.max(p0.growthMb, p0.hwmGrowthMb ?? 0);
    console.log(`target: peak RSS growth < ${targetMb} MB while streaming the pack: ${growth.toFixed(1)} MB ${growth < targetMb ? 'PASS' : 'FAIL'}`);
    if (growth >= targetMb) process.exitCode = 1;
  } finally {
    if (child) {
      const exited = new Promise((resolve) => {
        child?.once('exit', resolve);
        setTimeout(resolve, 5000).unref();
      });
      child.send('stop');
      await exited;
      child.kill();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_PAPERS_SERVE) {
  await serve(JSON.parse(process.env.BENCH_PAPERS_SERVE) as Paths);
} else {
  await main();
}
