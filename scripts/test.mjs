// `npm test`: unit and API tests on SQLite always; API tests on PostgreSQL (with Redis) and browser tests in
// Chromium when those are on the machine. A plain laptop without them runs what it can and says what it skipped;
// CI (HUB_TEST_REQUIRE_ALL=1) fails instead of skipping.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const requireAll = process.env.HUB_TEST_REQUIRE_ALL === '1';
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function canReachPostgres() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function canReach(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port), timeout: 2000 }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const projects = ['unit', 'api-sqlite'];
const skipped = [];
if ((await canReachPostgres()) && (await canReach(redisUrl.hostname, redisUrl.port || 6379))) projects.push('api-postgres');
else skipped.push(`API tests on PostgreSQL: no PostgreSQL at ${pgUrl.replace(/\/\/[^@]*@/, '//')} or no Redis at ${redisUrl.host} (set TEST_DATABASE_URL / TEST_REDIS_URL)`);
if (fs.existsSync(chromium)) projects.push('e2e');
else skipped.push(`browser tests: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);

for (const s of skipped) console.log(`SKIPPING ${s}`);
if (skipped.length && requireAll) {
  console.error('HUB_TEST_REQUIRE_ALL=1: every suite must run. Failing.');
  process.exit(1);
}

if (projects.includes('e2e')) {
  console.log('Building the web app for the browser tests...');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...process.argv.slice(2)];
const run = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
if (skipped.length) console.log(`(skipped: ${skipped.join('; ')})`);
process.exit(run.status ?? 1);
