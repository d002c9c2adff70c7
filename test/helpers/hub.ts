import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Role } from '@/contracts/roles';
import { buildHub, type Hub } from '@/server/app';
import { loadConfig, type Config } from '@/server/config';
import { seedReference } from '@/server/db/seed/seed';
import { usersRepository } from '@/server/modules/users/users.repository';
import { hashPassword } from '@/server/platform/auth/passwords';
import { totpCode } from '@/server/platform/auth/totp';
import type { Clock } from '@/server/platform/clock';
import { newId } from '@/server/platform/crypto';

/** Which database this test run uses: the vitest project sets HUB_TEST_DB. */
export const testDb = (process.env.HUB_TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  private t = Date.now();
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestHub extends Hub {
  clock: TestClock;
  config: Config;
  schema?: string;
  close(): Promise<void>;
}

/** Config for a test database: a fresh in-memory SQLite, or a fresh schema on the test PostgreSQL. */
export function testConfig(overrides: Record<string, string> = {}, schema?: string): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RUN_JOBS: 'false',
    LOGIN_RATE_PER_MINUTE: '100000',
    PUBLIC_URL: 'http://localhost:3000',
    APP_SECRET: 'test-secret-test-secret-test-secret-0123',
    // Each test hub keeps its uploads in a folder of its own.
    UPLOAD_DIR: path.join(os.tmpdir(), `hub-test-uploads-${crypto.randomBytes(6).toString('hex')}`),
    ...(testDb === 'postgres' ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema ?? newSchemaName() } : { SQLITE_PATH: ':memory:' }),
    ...overrides,
  });
}

export function newSchemaName(): string {
  return `t_${crypto.randomBytes(6).toString('hex')}`;
}

/** Builds the real app on a fresh database with reference data loaded. */
export async function createTestHub(overrides: Record<string, string> = {}): Promise<TestHub> {
  const clock = new TestClock();
  const config = testConfig(overrides);
  const hub = await buildHub(config, { clock });
  await seedReference(hub.deps.db);
  await hub.app.ready();
  return {
    ...hub,
    clock,
    config,
    schema: config.DATABASE_SCHEMA,
    close: async () => {
      await hub.app.close();
      if (config.DATABASE_SCHEMA && config.DATABASE_URL) await dropSchema(config.DATABASE_URL, config.DATABASE_SCHEMA);
    },
  };
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.query(`DROP SCHEMA IF EXISTS "${schema}_jobs" CASCADE`);
  await client.end();
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  memberScopes: string[];
  totpSecret?: string;
}

let counter = 0;
/** Inserts an account straight into the database (a factory, not a mock). */
export async function makeUser(hub: Hub, o: Partial<Pick<TestUser, 'role' | 'memberScopes' | 'email' | 'password'>> & { totp?: boolean; status?: 'active' | 'disabled' } = {}): Promise<TestUser> {
  const role = o.role ?? 'official';
  const memberScopes = o.memberScopes ?? (role === 'member_coordinator' || role === 'official' ? ['THA'] : []);
  const email = o.email ?? `user${++counter}-${crypto.randomBytes(3).toString('hex')}@test.hub.example`;
  const password = o.password ?? `Long-test-pass-${crypto.randomBytes(4).toString('hex')}`;
  const now = hub.deps.clock.now().toISOString();
  const id = newId();
  const totpSecret = o.totp || role === 'secretariat_admin' ? 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' : undefined;
  await usersRepository.insert(hub.deps.db, {
    id, email, display_name: `Test ${role} ${counter}`, role, status: o.status ?? 'active', password_hash: await hashPassword(password), locale: 'en',
    totp_secret: totpSecret ? hub.deps.secrets.encrypt(totpSecret) : null, totp_pending_secret: null, totp_enabled: totpSecret ? 1 : 0, totp_last_step: null,
    failed_logins: 0, locked_until: null, last_login_at: null, password_changed_at: now, created_at: now, updated_at: now,
  }, memberScopes);
  return { id, email, password, role, memberScopes, totpSecret };
}

export interface Agent {
  user?: TestUser;
  cookie?: string;
  csrf: string;
  request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, body?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
}

function cookieFrom(setCookie: unknown): string | undefined {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const c = list.map(String).find((s) => s.includes('hub_session=') && !s.includes('Max-Age=0') && !/hub_session=;/.test(s));
  return c?.split(';')[0];
}

/** An anonymous client of the API. */
export function anonymous(hub: Hub): Agent {
  return agentFor(hub, undefined, 'anonymous');
}

function agentFor(hub: Hub, cookie: string | undefined, csrf: string, user?: TestUser): Agent {
  const agent: Agent = {
    user,
    cookie,
    csrf,
    async request(method, url, body) {
      const res = await hub.app.inject({
        method,
        url,
        headers: {
          ...(agent.cookie ? { cookie: agent.cookie } : {}),
          ...(method !== 'GET' ? { 'x-csrf-token': agent.csrf, 'content-type': 'application/json' } : {}),
          'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 test',
        },
        ...(method !== 'GET' ? { payload: JSON.stringify(body ?? {}) } : {}),
      });
      const newCookie = cookieFrom(res.headers['set-cookie']);
      if (newCookie) agent.cookie = newCookie;
      const text = res.body;
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.statusCode, body: parsed, headers: res.headers };
    },
  };
  return agent;
}

/** Signs a user in through the real API (with their second factor when they have one). */
export async function login(hub: TestHub, user: TestUser): Promise<Agent> {
  const agent = anonymous(hub);
  const res = await agent.request('POST', '/api/auth/login', { email: user.email, password: user.password });
  let session = res.body?.session;
  if (res.body?.status === 'second_factor_required') {
    if (!user.totpSecret) throw new Error('second factor required but the user has no secret');
    hub.clock.advance(30_000); // a fresh time step, as codes work once
    const second = await agent.request('POST', '/api/auth/login/second-factor', { challenge: res.body.challenge, code: totpCode(user.totpSecret, hub.clock.now().getTime()) });
    if (second.status !== 200) throw new Error(`second factor failed: ${JSON.stringify(second.body)}`);
    session = second.body.session;
  } else if (res.status !== 200) {
    throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  agent.csrf = session.csrfToken;
  agent.user = user;
  return agent;
}

export async function signedIn(hub: TestHub, o: Parameters<typeof makeUser>[1] = {}): Promise<Agent> {
  return login(hub, await makeUser(hub, o));
}
