/**
 * Started by bench/api.bench.ts in a child process, so the load generator does not share an event loop with
 * the servers it measures. Runs the hub (SQLite file, a signed-in staff user) and a bare Fastify JSON route,
 * then prints their addresses and the session cookie as one JSON line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildHub } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { seedDemo, seedReference } from '../src/server/db/seed/seed';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
const hub = await buildHub(loadConfig({ ...process.env, SQLITE_PATH: path.join(dir, 'hub.sqlite'), LOG_LEVEL: 'silent', API_RATE_PER_MINUTE: '100000000', LOGIN_RATE_PER_MINUTE: '1000', RUN_JOBS: 'false' }));
await seedReference(hub.deps.db);
await seedDemo(hub.deps);
const hubUrl = await hub.app.listen({ port: 0, host: '127.0.0.1' });

const res = await fetch(`${hubUrl}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-csrf-token': 'anonymous' },
  body: JSON.stringify({ email: 'staff@demo.hub.example', password: 'demo-staff-Bangkok-2012' }),
});
const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];

const bare = Fastify({ logger: false });
bare.get('/bare', () => ({ items: [{ id: 'x', name: 'bare route' }], nextCursor: null }));
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

console.log(JSON.stringify({ hubUrl, bareUrl, cookie }));
process.on('SIGTERM', () => {
  void Promise.all([hub.app.close(), bare.close()]).then(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
