import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { TestProject } from 'vitest/node';
import { SecretBox } from '../../src/server/platform/crypto';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminTotpSecret: string;
    dbPath: string;
  }
}

const APP_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e-0001';
/** The demo administrator gets this TOTP secret before the tests, so journeys can sign in as them. */
const ADMIN_TOTP = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';

let server: ChildProcess | undefined;

/**
 * A port for the e2e server: below Linux's ephemeral range (32768-60999), where outgoing connections (to PostgreSQL,
 * Redis, the browser) take their local ports, and checked free by binding it once. A random port inside that range
 * once collided with a connection's local port (EADDRINUSE).
 */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 6_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port for the e2e server');
}
let dir = '';

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy in 60 s');
}

/** Starts the real server (built web app, fresh SQLite file with demo data) for the browser tests. */
export async function setup(project: TestProject): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  // HUB_E2E_WEB_DIST lets several people on one machine build and test their own copy of the web app.
  const webDist = process.env.HUB_E2E_WEB_DIST ? path.resolve(process.env.HUB_E2E_WEB_DIST) : path.join(root, 'dist/web');
  if (!fs.existsSync(path.join(webDist, 'index.html'))) throw new Error(`${webDist} is missing: run \`npx vite build\` (npm test does it)`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-'));
  const dbPath = path.join(dir, 'hub.sqlite');
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    SQLITE_PATH: dbPath,
    APP_SECRET,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_PER_MINUTE: '10000',
    API_RATE_PER_MINUTE: '100000',
    WEB_DIST: webDist,
    UPLOAD_DIR: path.join(dir, 'uploads'),
  };
  server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForHealth(baseUrl, server);

  // Give the demo administrator a known second factor (as if they had set it up already).
  const db = new SQLite(dbPath);
  db.prepare('update users set totp_secret = ?, totp_enabled = 1 where email = ?').run(new SecretBox(APP_SECRET).encrypt(ADMIN_TOTP), 'admin@demo.hub.example');
  db.close();

  project.provide('baseUrl', baseUrl);
  project.provide('adminTotpSecret', ADMIN_TOTP);
  project.provide('dbPath', dbPath);
}

export async function teardown(): Promise<void> {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
