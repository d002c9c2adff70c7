/**
 * `npm run bench`: in one run, on this machine,
 *  1. throughput and p50/p99 latency of an authenticated API read (GET /api/users?limit=20 as secretariat staff:
 *     session lookup, user, scopes, a page of users) next to a bare Fastify JSON route, 50 connections, with the ratio;
 *  2. server start-up time of the hub (spawn to first healthy answer) next to a bare Fastify server started the same way.
 * BENCH_SECONDS sets the duration of each load run (default 10).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const root = path.resolve(import.meta.dirname, '..');

function startServers(): Promise<{ child: ChildProcess; hubUrl: string; bareUrl: string; cookie: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/servers.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      try {
        resolve({ child, ...(JSON.parse(line) as { hubUrl: string; bareUrl: string; cookie: string }) });
      } catch {
        /* other output */
      }
    });
    child.on('exit', (code) => reject(new Error(`bench servers exited with ${code}`)));
  });
}

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections, duration: seconds, headers });
  if (r.non2xx > 0) throw new Error(`${url}: ${r.non2xx} non-2xx answers`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, mean: r.latency.average, total: r.requests.total };
}

async function timeToHealthy(args: string[], env: Record<string, string>, healthPath: string): Promise<number> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}${healthPath}`);
        if (res.ok) return performance.now() - started;
      } catch {
        /* not up yet */
      }
      if (performance.now() - started > 60_000) throw new Error('server did not start within 60 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
  }
}

const fmt = (n: number, d = 0) => n.toFixed(d).padStart(10);

const { child, hubUrl, bareUrl, cookie } = await startServers();
try {
  console.log(`Load: ${connections} connections, ${seconds} s per route, autocannon, one machine (${os.cpus().length} cores).`);
  await load(`${bareUrl}/bare`); // warm-up both
  await load(`${hubUrl}/api/users?limit=20`, { cookie });
  const bare = await load(`${bareUrl}/bare`);
  const hub = await load(`${hubUrl}/api/users?limit=20`, { cookie });
  // autocannon reports p50/p99 in whole milliseconds, so a sub-millisecond baseline reads 0: ratios use the mean.
  console.log('\nroute                                   req/s     p50 ms     p99 ms    mean ms');
  console.log(`bare Fastify JSON (baseline)     ${fmt(bare.rps)} ${fmt(bare.p50, 1)} ${fmt(bare.p99, 1)} ${fmt(bare.mean, 2)}`);
  console.log(`GET /api/users?limit=20 (auth)   ${fmt(hub.rps)} ${fmt(hub.p50, 1)} ${fmt(hub.p99, 1)} ${fmt(hub.mean, 2)}`);
  console.log(`hub / baseline                   ${fmt(hub.rps / bare.rps, 3)}x${' '.repeat(22)}${fmt(hub.p99 / Math.max(bare.p99, 1), 1)}x${fmt(hub.mean / bare.mean, 1)}x`);
} finally {
  child.kill('SIGTERM');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-start-'));
const bareServer = path.join(dir, 'bare.mjs');
fs.writeFileSync(bareServer, `import Fastify from '${path.join(root, 'node_modules/fastify/fastify.js')}'; const app = Fastify(); app.get('/health', () => ({ ok: true })); await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`);
const bareStart = await timeToHealthy([bareServer], {}, '/health');
const env = { SQLITE_PATH: path.join(dir, 'hub.sqlite'), LOG_LEVEL: 'silent', WEB_DIST: path.join(dir, 'none') };
const firstStart = await timeToHealthy(['--import', 'tsx', 'src/server/main.ts'], env, '/api/health');
const warmStart = await timeToHealthy(['--import', 'tsx', 'src/server/main.ts'], env, '/api/health');
fs.rmSync(dir, { recursive: true, force: true });
console.log('\nstart-up (spawn to first healthy answer)       ms');
console.log(`bare Fastify server (baseline)        ${fmt(bareStart)}`);
console.log(`hub, first start (migrate + seed)     ${fmt(firstStart)}   ${(firstStart / bareStart).toFixed(1)}x`);
console.log(`hub, later start                      ${fmt(warmStart)}   ${(warmStart / bareStart).toFixed(1)}x`);
