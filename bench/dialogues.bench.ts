/**
 * `npm run bench:dialogues`: paging through a thread of 5,000 posts (GET /api/dialogues/threads/:id/posts, 50 posts
 * a page, keyset cursor on (created_at, id)) on SQLite and, when reachable, on PostgreSQL.
 *
 * The thread's posts are inserted straight into the tables (Markdown rendered by the module's renderer, one
 * attachment every 100 posts, a quote every 10), then the whole thread is walked once through the API to collect
 * the cursors. The first, the middle and the last page are then timed through app.inject (routing, session,
 * validation, access rule, keyset query, attachments and quotes, serialisation), signed in as an official of a
 * Member (the hidden-post rule applies), next to the raw keyset SQL run straight through the driver on the same
 * database. Target: p95 <= 30 ms a page.
 *
 * BENCH_REQUESTS (default 100) timed requests per page and target after 20 warm-up ones; BENCH_DATABASE_URL the
 * PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test), where a fresh schema is made and dropped.
 */
import { onEachDatabase, sqliteBaseline } from './databases';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildHub, type Hub } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { seedReference } from '../src/server/db/seed/seed';
import { renderMarkdown } from '../src/server/modules/dialogues/markdown';
import { usersRepository } from '../src/server/modules/users/users.repository';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { newId } from '../src/server/platform/crypto';

const requests = Number(process.env.BENCH_REQUESTS ?? 100);
const warmup = 20;
const POSTS = 5000;
const PAGE = 50;
const targetP95 = 30;
const official = { email: 'bench-official@bench.hub.example', password: 'bench-official-Long-Password-2024' };
const baseEnv = { NODE_ENV: 'production', LOG_LEVEL: 'silent', API_RATE_PER_MINUTE: '100000000', LOGIN_RATE_PER_MINUTE: '100000', RUN_JOBS: 'false', SEED_DEMO: 'false', WEB_DIST: path.join(os.tmpdir(), 'no-web-app'), APP_SECRET: 'bench-secret-bench-secret-bench-secret-01' };

const p95 = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? 0;
};
const p50 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? 0;

const bodies = [
  'Thank you, **agreed**. See the [guide](https://www.example.org/guide) and the annex.',
  'ในประเทศไทย เราใช้รายการคัดกรองสั้น ๆ ก่อนการสัมภาษณ์เต็มรูปแบบ',
  'Di Indonesia kami menambahkan pertanyaan tentang dokumen identitas.\n\n- satu\n- dua',
  'តើអ្នកអាចចាកចេញពីកប៉ាល់បានដោយសេរីឬទេ? > quoted line',
  'Ở Việt Nam, chúng tôi dùng danh sách kiểm tra tương tự cho thuyền viên trở về.',
];

async function seedThread(hub: Hub, authorId: string): Promise<string> {
  const db = hub.deps.db;
  const now = Date.parse('2026-01-01T00:00:00.000Z');
  const spaceId = newId();
  const threadId = newId();
  const at = (i: number) => new Date(now + i * 60_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('dialogue_spaces').values({ id: spaceId, name: 'Bench space', description: '', kind: 'theme', theme_code: 'victim-identification', working_group_code: null, event_id: null, access: 'members', created_by: authorId, created_at: at(0), updated_at: at(0) }).execute();
    await trx.insertInto('dialogue_threads').values({ id: threadId, space_id: spaceId, title: 'A thread of 5,000 posts', author_id: authorId, pinned: 0, locked: 0, hidden: 0, post_count: POSTS, last_post_at: at(POSTS - 1), created_at: at(0), updated_at: at(POSTS - 1) }).execute();
    const html = bodies.map((b) => renderMarkdown(b));
    const ids: string[] = [];
    for (let start = 0; start < POSTS; start += 200) {
      const rows = [];
      for (let i = start; i < Math.min(POSTS, start + 200); i++) {
        const id = newId();
        ids.push(id);
        const quoted = i % 10 === 5 ? ids[i - 3] : undefined;
        rows.push({ id, thread_id: threadId, author_id: authorId, body_source: bodies[i % bodies.length] ?? '', body_html: html[i % html.length] ?? '', quote_post_id: quoted ?? null, quote_text: quoted ? 'An earlier post' : null, hidden: i % 97 === 0 ? 1 : 0, created_at: at(i), edited_at: null });
      }
      await trx.insertInto('dialogue_posts').values(rows).execute();
    }
    for (let i = 0; i < POSTS; i += 100) {
      const id = newId();
      await trx.insertInto('dialogue_attachments').values({ id, post_id: ids[i] ?? '', storage_key: `${id.slice(0, 2)}/${id}`, file_type: 'pdf', content_type: 'application/pdf', size_bytes: 1234, sha256: '0'.repeat(64), original_name: 'notes.pdf', uploaded_by: authorId, created_at: at(i) }).execute();
    }
  });
  return threadId;
}

const rawSql = 'select * from dialogue_posts where thread_id = $1 and (hidden = 0 or author_id = $2) and created_at >= $3 and (created_at > $3 or id > $4) order by created_at, id limit 51';
const rawFirst = 'select * from dialogue_posts where thread_id = $1 and (hidden = 0 or author_id = $2) order by created_at, id limit 51';

interface Position { name: string; cursor: string | null; key: [string, string] | null }

async function run(name: string, env: Record<string, string>): Promise<{ name: string; rows: { position: string; hub: number[]; raw: number[] }[]; plan: string }> {
  const hub = await buildHub(loadConfig({ ...process.env, ...baseEnv, ...env }));
  try {
    await seedReference(hub.deps.db);
    const t = new Date().toISOString();
    const userId = newId();
    await usersRepository.insert(hub.deps.db, {
      id: userId, email: official.email, display_name: 'Bench Official', role: 'official', status: 'active', password_hash: await hashPassword(official.password), locale: 'en', totp_secret: null,
      totp_pending_secret: null, totp_enabled: 0, totp_last_step: null, failed_logins: 0, locked_until: null, last_login_at: null, password_changed_at: t, created_at: t, updated_at: t,
    }, ['THA']);
    const authorId = newId();
    await usersRepository.insert(hub.deps.db, {
      id: authorId, email: 'bench-author@bench.hub.example', display_name: 'Bench Author', role: 'official', status: 'active', password_hash: 'x', locale: 'en', totp_secret: null,
      totp_pending_secret: null, totp_enabled: 0, totp_last_step: null, failed_logins: 0, locked_until: null, last_login_at: null, password_changed_at: t, created_at: t, updated_at: t,
    }, ['IDN']);
    await hub.app.ready();
    const login = await hub.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'x-csrf-token': 'anonymous' }, payload: JSON.stringify(official) });
    const setCookie = login.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0] ?? '';
    if (login.statusCode !== 200 || !cookie) throw new Error(`bench login failed: ${login.statusCode} ${login.body}`);
    const t0 = Date.now();
    const threadId = await seedThread(hub, authorId);
    console.log(`  ${name}: ${POSTS} posts inserted in ${Date.now() - t0} ms`);

    // Walk the whole thread once to collect every page's cursor.
    const cursors: (string | null)[] = [null];
    const keys: ([string, string] | null)[] = [null];
    let seen = 0;
    for (let cursor: string | null = null; ;) {
      const res = await hub.app.inject({ method: 'GET', url: `/api/dialogues/threads/${threadId}/posts?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
      const page = JSON.parse(res.body) as { items: { id: string; createdAt: string }[]; nextCursor: string | null };
      seen += page.items.length;
      if (!page.nextCursor) break;
      const last = page.items.at(-1);
      cursor = page.nextCursor;
      cursors.push(cursor);
      keys.push(last ? [last.createdAt, last.id] : null);
    }
    const visible = POSTS - Math.ceil(POSTS / 97);
    if (seen !== visible) throw new Error(`walked ${seen} posts, expected ${visible}`);
    const mid = Math.floor(cursors.length / 2);
    const positions: Position[] = [
      { name: `first page`, cursor: null, key: null },
      { name: `middle page (${mid + 1} of ${cursors.length})`, cursor: cursors[mid] ?? null, key: keys[mid] ?? null },
      { name: `last page (${cursors.length} of ${cursors.length})`, cursor: cursors.at(-1) ?? null, key: keys.at(-1) ?? null },
    ];

    // The raw keyset query on the same database.
    let query: (text: string, params: unknown[]) => Promise<unknown>;
    let explain: () => Promise<string>;
    let closeRaw: () => Promise<void>;
    if (env.SQLITE_PATH) {
      const db = sqliteBaseline(env.SQLITE_PATH);
      // better-sqlite3 binds plain "?" in order: $3 appears twice.
      const toQ = (s: string) => s.replace(/\$\d/g, '?');
      const expand = (params: unknown[]) => (params.length === 4 ? [params[0], params[1], params[2], params[2], params[3]] : params);
      const first = db.prepare(toQ(rawFirst));
      const next = db.prepare(toQ(rawSql));
      query = (text, params) => Promise.resolve((text === rawFirst ? first : next).all(...expand(params)));
      explain = () => Promise.resolve((db.prepare(`explain query plan ${toQ(rawSql)}`).all(...expand([threadId, userId, 'x', 'y'])) as { detail: string }[]).map((r) => r.detail).join('; '));
      closeRaw = () => {
        db.close();
        return Promise.resolve();
      };
    } else {
      const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2, options: `-c search_path="${env.DATABASE_SCHEMA}"` });
      await pool.query('analyze dialogue_posts');
      query = (text, params) => pool.query(text, params);
      explain = async () => (await pool.query<{ 'QUERY PLAN': string }>(`explain ${rawSql}`, [threadId, userId, 'x', 'y'])).rows.map((r) => r['QUERY PLAN'].trim()).join('; ');
      closeRaw = () => pool.end();
    }
    const rows: { position: string; hub: number[]; raw: number[] }[] = [];
    try {
      for (const p of positions) {
        const url = `/api/dialogues/threads/${threadId}/posts?limit=${PAGE}${p.cursor ? `&cursor=${p.cursor}` : ''}`;
        const hubMs: number[] = [];
        const rawMs: number[] = [];
        for (let i = 0; i < warmup + requests; i++) {
          let t1 = process.hrtime.bigint();
          const res = await hub.app.inject({ method: 'GET', url, headers: { cookie } });
          const ms = Number(process.hrtime.bigint() - t1) / 1e6;
          if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
          t1 = process.hrtime.bigint();
          await (p.key ? query(rawSql, [threadId, userId, p.key[0], p.key[1]]) : query(rawFirst, [threadId, userId]));
          const rawT = Number(process.hrtime.bigint() - t1) / 1e6;
          if (i >= warmup) {
            hubMs.push(ms);
            rawMs.push(rawT);
          }
        }
        rows.push({ position: p.name, hub: hubMs, raw: rawMs });
      }
      return { name, rows, plan: await explain() };
    } finally {
      await closeRaw();
    }
  } finally {
    await hub.app.close();
  }
}

const fmt = (n: number) => n.toFixed(2).padStart(8);
function print(r: Awaited<ReturnType<typeof run>>): boolean {
  let ok = true;
  console.log(`\n${r.name}: GET /api/dialogues/threads/:id/posts, ${PAGE} posts a page of ${POSTS}, ${requests} requests a page`);
  console.log('                                     hub p50   hub p95   raw p50   raw p95   p95 ratio (ms)');
  for (const row of r.rows) {
    const h = p95(row.hub);
    ok = ok && h <= targetP95;
    console.log(`  ${row.position.padEnd(32)} ${fmt(p50(row.hub))}  ${fmt(h)}  ${fmt(p50(row.raw))}  ${fmt(p95(row.raw))}  ${(h / p95(row.raw)).toFixed(1)}x`);
  }
  console.log(`  raw keyset SQL: ${rawSql}`);
  console.log(`  its plan: ${r.plan}`);
  console.log(`  target p95 <= ${targetP95} ms a page: ${ok ? 'met' : 'NOT MET'}`);
  return ok;
}

async function main(): Promise<void> {
  console.log('Dialogues benchmark: paging a thread of 5,000 posts by keyset cursor');
  const results = await onEachDatabase('dl', run);
  const allOk = results.map(print).every(Boolean);
  process.exitCode = allOk ? 0 : 1;
}

await main();
