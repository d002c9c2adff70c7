/**
 * `npm run bench:events`: the event page's API (GET /api/events/:id) for an event of the size, on SQLite
 * and, when reachable, on PostgreSQL, in one run:
 *
 *   an event with 300 participants, 60 agenda sessions (two speakers each: a directory person and a guest),
 *   12 breakout groups holding all 300 participants, 13 Member invitations and 80 papers (one version each,
 *   inserted straight into the papers tables; the event's own response does not carry them, the papers module
 *   serves them on their own route).
 *
 * Each request goes through app.inject (routing, session, validation, visibility rule, service, serialisation;
 * no socket), signed in as secretariat staff (who see every breakout member). Next to it, in the same process
 * and the same run, a bare Fastify app answers (a) the very same JSON document from memory and (b) a tiny JSON
 * object; and the five SQL statements behind the page run straight through the driver. The ratios say what the
 * database and the hub's layers cost. Target: p95 <= 50 ms.
 *
 * BENCH_REQUESTS (default 100) timed requests per target and round (4 rounds, interleaved) after 50 warm-up ones; BENCH_DATABASE_URL the
 * PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test), where a fresh schema is made and dropped.
 */
import { onEachDatabase, sqliteBaseline } from './databases';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildHub, type Hub } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { seedReference } from '../src/server/db/seed/seed';
import { usersRepository } from '../src/server/modules/users/users.repository';
import { EventsService } from '../src/server/modules/events/events.service';
import { eventSpan, zonedToUtc } from '../src/server/modules/events/zoned-time';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { newId } from '../src/server/platform/crypto';

const requests = Number(process.env.BENCH_REQUESTS ?? 100);
const warmup = 50;
const targetP95 = 50;
const staff = { email: 'bench-staff@bench.hub.example', password: 'bench-staff-Long-Password-2024' };
const baseEnv = { NODE_ENV: 'production', LOG_LEVEL: 'silent', API_RATE_PER_MINUTE: '100000000', LOGIN_RATE_PER_MINUTE: '100000', RUN_JOBS: 'false', SEED_DEMO: 'false', WEB_DIST: path.join(os.tmpdir(), 'no-web-app'), APP_SECRET: 'bench-secret-bench-secret-bench-secret-01' };

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

async function time(app: FastifyInstance, url: string, headers: Record<string, string>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < warmup + requests; i++) {
    const t0 = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url, headers });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (i >= warmup) out.push(ms);
  }
  return out;
}

/** The big event, inserted in one transaction. */
export async function seedEvent(hub: Hub, staffId: string): Promise<string> {
  const db = hub.deps.db;
  const now = new Date().toISOString();
  const eventId = newId();
  const zone = 'Asia/Bangkok';
  const span = eventSpan('2027-05-10', '2027-05-12', zone);
  const members = (await db.selectFrom('members').select('code').orderBy('code').execute()).map((m) => m.code);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('events').values({
      id: eventId, slug: `bench-event-${eventId.slice(0, 8)}`, title: 'Benchmark Regional Dialogue', title_local: null, summary: 'An event of the size of the issue.', type: 'thematic_dialogue',
      format: 'hybrid', place: 'Bangkok', online_url: 'https://meet.example.org/bench', time_zone: zone, start_date: '2027-05-10', end_date: '2027-05-12', starts_at: span.startsAt, ends_at: span.endsAt,
      visibility: 'members', status: 'published', working_group_code: 'WG-TIP', series: 'bench', themes: JSON.stringify(['border-management', 'victim-identification']), capacity: 300, created_by: staffId, created_at: now, updated_at: now,
    }).execute();
    await trx.insertInto('event_invitations').values(members.slice(0, 13).map((code) => ({ id: newId(), event_id: eventId, member_code: code, agency_id: null, user_id: null, quota: 25, created_at: now }))).execute();
    // Directory people as speakers (plain rows; the event page names them and their current agency if any).
    const people = Array.from({ length: 30 }, (_, i) => ({ id: newId(), name_latin: `Bench Speaker ${i}`, name_local: null, title: 'Director', languages: '["en"]', user_id: null, last_confirmed_at: null, last_confirmed_by: null, created_at: now, updated_at: now }));
    await trx.insertInto('people').values(people).execute();
    const guests = Array.from({ length: 30 }, (_, i) => ({ id: newId(), name: `Guest Expert ${i}`, title: 'Research Fellow', organisation: 'An Institute', bio: 'A short biography of the guest speaker, a sentence or two long.', created_by: staffId, created_at: now, updated_at: now }));
    await trx.insertInto('guest_speakers').values(guests).execute();
    const sessions = Array.from({ length: 60 }, (_, i) => {
      const day = ['2027-05-10', '2027-05-11', '2027-05-12'][i % 3] ?? '2027-05-10';
      const hour = 8 + Math.floor(i / 3) % 12;
      const hh = String(hour).padStart(2, '0');
      return {
        id: newId(), event_id: eventId, title: `Session ${i + 1}: a theme of the dialogue`, description: 'What the session covers, in a few words.', starts_at: zonedToUtc(day, `${hh}:00`, zone).toISOString(),
        ends_at: zonedToUtc(day, `${hh}:45`, zone).toISOString(), room: `Room ${(i % 5) + 1}`, online_url: 'https://meet.example.org/bench', created_at: now, updated_at: now,
      };
    });
    await trx.insertInto('event_sessions').values(sessions).execute();
    await trx.insertInto('event_session_speakers').values(sessions.flatMap((s, i) => [
      { id: newId(), session_id: s.id, event_id: eventId, person_id: people[i % people.length]?.id ?? null, guest_speaker_id: null, role: 'chair', sort_order: 0 },
      { id: newId(), session_id: s.id, event_id: eventId, person_id: null, guest_speaker_id: guests[i % guests.length]?.id ?? null, role: 'speaker', sort_order: 1 },
    ])).execute();
    const participants = Array.from({ length: 300 }, (_, i) => ({
      id: newId(), event_id: eventId, user_id: null, person_id: null, name: `Participant ${String(i).padStart(3, '0')}`, email: `p${i}@bench.hub.example`, organisation: 'A Member agency', member_code: members[i % 13] ?? null,
      status: 'registered', nominated_by: null, decided_by: staffId, decided_at: now, registered_at: now, consent_listed: i % 7 === 0 ? 0 : 1, checked_in_at: null, created_at: now, updated_at: now,
    }));
    for (let i = 0; i < participants.length; i += 100) await trx.insertInto('event_participants').values(participants.slice(i, i + 100)).execute();
    const breakouts = Array.from({ length: 12 }, (_, i) => ({ id: newId(), event_id: eventId, name: `Group ${i + 1}`, description: 'Small group by sub-region.', session_id: sessions[i * 5]?.id ?? null, sort_order: i, created_at: now, updated_at: now }));
    await trx.insertInto('event_breakouts').values(breakouts).execute();
    const links = participants.map((p, i) => ({ breakout_id: breakouts[i % 12]?.id ?? '', participant_id: p.id, event_id: eventId }));
    for (let i = 0; i < links.length; i += 100) await trx.insertInto('event_breakout_members').values(links.slice(i, i + 100)).execute();
    const kinds = ['concept_note', 'agenda', 'participant_list', 'presentation', 'outcome_report', 'annex'];
    const papers = Array.from({ length: 80 }, (_, i) => ({ id: newId(), event_id: eventId, kind: kinds[i % kinds.length] ?? 'other', title: `Paper ${i + 1}`, language: 'en', sensitivity: 'members', translation_of: null, created_by: staffId, created_at: now, updated_at: now }));
    await trx.insertInto('papers').values(papers).execute();
    await trx.insertInto('paper_versions').values(papers.map((p) => ({
      id: newId(), paper_id: p.id, number: 1, storage_key: `bench/${p.id}`, file_type: 'pdf', content_type: 'application/pdf', size_bytes: 2_500_000, sha256: '0'.repeat(64), original_name: `${p.title}.pdf`, note: null, uploaded_by: staffId, uploaded_at: now,
    }))).execute();
  });
  return eventId;
}

async function timeService(svc: EventsService, staffId: string, eventId: string): Promise<number[]> {
  const ctx = { actor: { id: staffId, role: 'secretariat_staff' as const, memberScopes: [], sessionId: 'bench', mustEnrollTotp: false }, requestId: 'bench', ip: '127.0.0.1', userAgent: 'bench' };
  const out: number[] = [];
  for (let i = 0; i < warmup + requests; i++) {
    const t0 = process.hrtime.bigint();
    await svc.get(ctx, eventId);
    if (i >= warmup) out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

/** The five statements behind the page, straight through the driver: the floor under any implementation. */
const rawStatements = [
  'select * from events left join working_groups on working_groups.code = events.working_group_code where events.id = $1',
  'select * from event_sessions where event_id = $1 order by starts_at, ends_at, id',
  'select s.*, p.name_latin, p.title, g.name, g.title, g.organisation, g.bio from event_session_speakers s left join people p on p.id = s.person_id left join guest_speakers g on g.id = s.guest_speaker_id where s.event_id = $1 order by s.session_id, s.sort_order',
  'select * from event_breakouts where event_id = $1 order by sort_order, id',
  'select m.breakout_id, m.participant_id, p.name, p.organisation, p.member_code, p.consent_listed from event_breakout_members m inner join event_participants p on p.id = m.participant_id where m.event_id = $1 order by m.breakout_id, p.name',
];

async function timeRaw(env: Record<string, string>, eventId: string): Promise<number[]> {
  let query: (text: string) => Promise<unknown>;
  let close: () => Promise<void>;
  if (env.SQLITE_PATH) {
    const db = sqliteBaseline(env.SQLITE_PATH);
    const statements = rawStatements.map((q) => db.prepare(q.replace('$1', '?')));
    query = (text) => Promise.resolve(statements[rawStatements.indexOf(text)]?.all(eventId));
    close = () => {
      db.close();
      return Promise.resolve();
    };
  } else {
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4, options: `-c search_path="${env.DATABASE_SCHEMA}"` });
    query = (text) => pool.query(text, [eventId]);
    close = () => pool.end();
  }
  const out: number[] = [];
  try {
    for (let i = 0; i < warmup + requests; i++) {
      const t0 = process.hrtime.bigint();
      await Promise.all(rawStatements.map((q) => query(q)));
      if (i >= warmup) out.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  } finally {
    await close();
  }
  return out;
}

async function run(name: string, env: Record<string, string>): Promise<{ name: string; hub: Stats; service: Stats; raw: Stats; same: Stats; tiny: Stats; bytes: number }> {
  const hub = await buildHub(loadConfig({ ...process.env, ...baseEnv, ...env }));
  try {
    await seedReference(hub.deps.db);
    const t = new Date().toISOString();
    const staffId = newId();
    await usersRepository.insert(hub.deps.db, {
      id: staffId, email: staff.email, display_name: 'Bench Staff', role: 'secretariat_staff', status: 'active', password_hash: await hashPassword(staff.password), locale: 'en', totp_secret: null,
      totp_pending_secret: null, totp_enabled: 0, totp_last_step: null, failed_logins: 0, locked_until: null, last_login_at: null, password_changed_at: t, created_at: t, updated_at: t,
    }, []);
    await hub.app.ready();
    const login = await hub.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'x-csrf-token': 'anonymous' }, payload: JSON.stringify(staff) });
    const setCookie = login.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0] ?? '';
    if (login.statusCode !== 200 || !cookie) throw new Error(`bench login failed: ${login.statusCode} ${login.body}`);
    const t0 = Date.now();
    const eventId = await seedEvent(hub, staffId);
    console.log(`  ${name}: event inserted in ${Date.now() - t0} ms`);
    const url = `/api/events/${eventId}`;
    const first = await hub.app.inject({ method: 'GET', url, headers: { cookie } });
    const doc = JSON.parse(first.body) as { sessions: unknown[]; breakouts: { members: unknown[] }[] };
    if (doc.sessions.length !== 60 || doc.breakouts.reduce((n, b) => n + b.members.length, 0) !== 300) throw new Error('the event does not have the expected size');

    const bare = Fastify({ logger: false });
    bare.get('/same', () => doc);
    bare.get('/tiny', () => ({ id: 'x', title: 'bare route' }));
    await bare.ready();
    // Interleave the three so that machine noise (other agents share the CPU) hits them alike.
    const hubMs: number[] = [];
    const sameMs: number[] = [];
    const tinyMs: number[] = [];
    const serviceMs: number[] = [];
    const rawMs: number[] = [];
    const service = new EventsService(hub.deps);
    for (let round = 0; round < 4; round++) {
      hubMs.push(...(await time(hub.app, url, { cookie })));
      serviceMs.push(...(await timeService(service, staffId, eventId)));
      rawMs.push(...(await timeRaw(env, eventId)));
      sameMs.push(...(await time(bare, '/same', {})));
      tinyMs.push(...(await time(bare, '/tiny', {})));
    }
    await bare.close();
    return { name, hub: stats(hubMs), service: stats(serviceMs), raw: stats(rawMs), same: stats(sameMs), tiny: stats(tinyMs), bytes: first.body.length };
  } finally {
    await hub.app.close();
  }
}

const fmt = (n: number) => n.toFixed(2).padStart(8);
function print(r: Awaited<ReturnType<typeof run>>): boolean {
  const ok = r.hub.p95 <= targetP95;
  console.log(`\n${r.name}: GET /api/events/:id (60 sessions, 120 speakers, 12 groups of 300 participants, 80 papers in the database; response ${(r.bytes / 1024).toFixed(0)} KiB), ${requests * 4} requests`);
  console.log('                                      p50       p95       p99      mean   (ms)');
  console.log(`  hub GET /api/events/:id       ${fmt(r.hub.p50)}  ${fmt(r.hub.p95)}  ${fmt(r.hub.p99)}  ${fmt(r.hub.mean)}`);
  console.log(`  service alone (SQL + presenter)${fmt(r.service.p50)}  ${fmt(r.service.p95)}  ${fmt(r.service.p99)}  ${fmt(r.service.mean)}`);
  console.log(`  raw SQL, the 5 statements    ${fmt(r.raw.p50)}  ${fmt(r.raw.p95)}  ${fmt(r.raw.p99)}  ${fmt(r.raw.mean)}`);
  console.log(`  bare Fastify, same JSON       ${fmt(r.same.p50)}  ${fmt(r.same.p95)}  ${fmt(r.same.p99)}  ${fmt(r.same.mean)}`);
  console.log(`  bare Fastify, tiny JSON       ${fmt(r.tiny.p50)}  ${fmt(r.tiny.p95)}  ${fmt(r.tiny.p99)}  ${fmt(r.tiny.mean)}`);
  console.log(`  ratio p95 hub / bare same JSON: ${(r.hub.p95 / r.same.p95).toFixed(1)}x; hub / bare tiny JSON: ${(r.hub.p95 / r.tiny.p95).toFixed(1)}x; hub / raw SQL: ${(r.hub.p95 / r.raw.p95).toFixed(1)}x`);
  console.log(`  ratio p50 hub / bare same JSON: ${(r.hub.p50 / r.same.p50).toFixed(1)}x; hub / raw SQL: ${(r.hub.p50 / r.raw.p50).toFixed(1)}x`);
  console.log(`  target p95 <= ${targetP95} ms: ${ok ? 'met' : 'NOT MET'} (${r.hub.p95.toFixed(2)} ms)`);
  return ok;
}

async function main(): Promise<void> {
  console.log('Events benchmark: the event page API next to a bare Fastify route, in one process');
  const results = await onEachDatabase('ev', run);
  const allOk = results.map(print).every(Boolean);
  process.exitCode = allOk ? 0 : 1;
}

// BENCH_EVENTS_LIB=1: imported for its data only (profiling).
if (process.env.BENCH_EVENTS_LIB !== '1') await main();
