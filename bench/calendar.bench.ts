/**
 * `npm run bench:calendar`: the private iCal feed of a user invited to 1,000 events (five time zones, so five
 * VTIMEZONEs), on SQLite and, when reachable, PostgreSQL. Each database: the hub listening on a local port and a
 * bare Fastify route returning a calendar of the same size as a constant string, both in this process, requested
 * one at a time over HTTP (fetch); p50/p95/p99 of each and the ratio. Target: feed p95 <= 50 ms.
 *
 * BENCH_EVENTS (default 1000) events, BENCH_REQUESTS (default 200) timed requests each, BENCH_DATABASE_URL the
 * PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test), where a fresh schema is made and dropped.
 */
import { onEachDatabase } from './databases';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildHub } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { DB } from '../src/server/db/schema';
import { seedReference } from '../src/server/db/seed/seed';
import { usersRepository } from '../src/server/modules/users/users.repository';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { newId } from '../src/server/platform/crypto';

const eventCount = Number(process.env.BENCH_EVENTS ?? 1000);
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const target = { p95: 50 };
const zones = ['Asia/Bangkok', 'Australia/Sydney', 'Pacific/Fiji', 'Asia/Kathmandu', 'Asia/Jakarta'];
const env = { LOG_LEVEL: 'silent', API_RATE_PER_MINUTE: '100000000', LOGIN_RATE_PER_MINUTE: '100000', RUN_JOBS: 'false', SEED_DEMO: 'false', WEB_DIST: path.join(os.tmpdir(), 'no-web-app'), PUBLIC_URL: 'https://hub.example.org' };

interface Stats {
  p50: number;
  p95: number;
  p99: number;
}
const stats = (ms: number[]): Stats => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
};

async function time(url: string, n: number): Promise<{ stats: Stats; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < 10; i++) await (await fetch(url)).text(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url);
    const body = await res.text();
    ms.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    bytes = body.length;
  }
  return { stats: stats(ms), bytes };
}

interface Result {
  name: string;
  events: number;
  bytes: number;
  feed: Stats;
  bare: Stats;
  insertS: number;
}

async function run(name: string, extra: Record<string, string>): Promise<Result> {
  const hub = await buildHub(loadConfig({ ...process.env, ...env, ...extra }));
  try {
    await seedReference(hub.deps.db);
    const db = hub.deps.db;
    const now = new Date().toISOString();
    const userId = newId();
    await usersRepository.insert(db, {
      id: userId, email: `bench-${userId}@bench.hub.example`, display_name: 'Bench Official', role: 'official', status: 'active', password_hash: await hashPassword('bench-Long-Password-2024'), locale: 'en',
      totp_secret: null, totp_pending_secret: null, totp_enabled: 0, totp_last_step: null, failed_logins: 0, locked_until: null, last_login_at: null, password_changed_at: now, created_at: now, updated_at: now,
    }, ['THA']);
    // Other users' invited-only events too, so the query has something to leave out.
    const t0 = performance.now();
    const events: DB['events'][] = [];
    const invitations: DB['event_invitations'][] = [];
    for (let i = 0; i < eventCount * 2; i++) {
      const id = newId();
      const start = Date.UTC(2026, 0, 5) + i * 8 * 3_600_000;
      events.push({
        id, slug: `bench-${id}`, title: `Working group meeting ${i + 1}`, title_local: null, summary: 'Agenda, papers and participants on the event page.', type: 'working_group_meeting', format: 'hybrid',
        place: 'Bangkok', online_url: 'https://meet.example.org/wg', time_zone: zones[i % zones.length] ?? 'UTC', start_date: new Date(start).toISOString().slice(0, 10), end_date: new Date(start).toISOString().slice(0, 10),
        starts_at: new Date(start).toISOString(), ends_at: new Date(start + 3 * 3_600_000).toISOString(), visibility: 'invited', status: i % 50 === 0 ? 'cancelled' : 'published',
        working_group_code: null, series: null, themes: '[]', capacity: null, created_by: null, created_at: now, updated_at: now,
      });
      invitations.push({ id: newId(), event_id: id, member_code: i % 2 === 0 ? null : 'FJI', agency_id: null, user_id: i % 2 === 0 ? userId : null, quota: null, created_at: now });
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < events.length; i += 200) await trx.insertInto('events').values(events.slice(i, i + 200)).execute();
      for (let i = 0; i < invitations.length; i += 200) await trx.insertInto('event_invitations').values(invitations.slice(i, i + 200)).execute();
    });
    const insertS = (performance.now() - t0) / 1000;
    console.error(`${name}: ${events.length} events inserted in ${insertS.toFixed(1)} s`);

    const hubUrl = await hub.app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${hubUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'anonymous' }, body: JSON.stringify({ email: `bench-${userId}@bench.hub.example`, password: 'bench-Long-Password-2024' }) });
    const session = (await login.json()) as { session: { csrfToken: string } };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const created = await fetch(`${hubUrl}/api/account/calendar-feed`, { method: 'POST', headers: { cookie, 'x-csrf-token': session.session.csrfToken, 'content-type': 'application/json' }, body: '{}' });
    const feedUrl = new URL(((await created.json()) as { url: string }).url);
    const url = `${hubUrl}${feedUrl.pathname}`;
    const sample = await (await fetch(url)).text();
    const count = sample.split('BEGIN:VEVENT').length - 1;
    if (count !== eventCount) throw new Error(`feed has ${count} events, expected ${eventCount}`);

    const bare = Fastify({ logger: false });
    bare.get('/bare.ics', (_req, reply) => reply.header('content-type', 'text/calendar; charset=utf-8').send(sample));
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    try {
      const feed = await time(url, requests);
      const base = await time(`${bareUrl}/bare.ics`, requests);
      return { name, events: count, bytes: feed.bytes, feed: feed.stats, bare: base.stats, insertS };
    } finally {
      await bare.close();
    }
  } finally {
    await hub.app.close();
  }
}

async function main(): Promise<void> {
  const results: Result[] = await onEachDatabase('cal', run);
  const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
  const trio = (s: Stats) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;
  const line = (label: string, f: (r: Result) => string, note = '') => console.log(`${label.padEnd(44)}${results.map((r) => f(r).padStart(24)).join('')}   ${note}`);
  console.log(`\nCalendar benchmark: private feed of a user invited to ${eventCount} events (of ${eventCount * 2}), ${requests} sequential requests over HTTP, ${os.cpus().length} cores, Node ${process.version}; ms.`);
  line('', (r) => r.name);
  line('events in the feed / size (KB)', (r) => `${r.events} / ${(r.bytes / 1024).toFixed(0)}`);
  line('insert events and invitations (s)', (r) => r.insertS.toFixed(1));
  line('private feed p50 / p95 / p99', (r) => trio(r.feed), `target p95 <= ${target.p95} ms`);
  line('bare Fastify, same body, p50 / p95 / p99', (r) => trio(r.bare));
  line('feed / bare (p50, p95)', (r) => `${(r.feed.p50 / r.bare.p50).toFixed(1)}x, ${(r.feed.p95 / r.bare.p95).toFixed(1)}x`);
  line('  -> feed p95', (r) => (r.feed.p95 <= target.p95 ? 'met' : 'MISSED'));
}

await main();
