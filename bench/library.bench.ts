/**
 * `npm run bench:library`: library search at the size of the issue (100,000 resources with about 1 GB of extracted
 * text across scripts) on SQLite and, when reachable, on PostgreSQL:
 *
 *  1. generation and bulk insert (resources, texts, full-text index: FTS5 / tsvector + GIN), timed;
 *  2. search latency p50/p95/p99 over a query mix (Latin words with and without diacritics, two-word queries, Thai,
 *     Khmer and Lao substrings), timed around `app.inject` of GET /api/library/search as a signed-out visitor
 *     (sensitivity filtering, ranking, facets, snippets, serialisation) next to the raw full-text query (the engine's
 *     MATCH / @@ alone, all matching keys) run directly on the same database through the driver, with the ratio.
 *
 * BENCH_SCALE (default 1) shrinks the data (0.1: 10,000 items, ~100 MB); BENCH_QUERIES (default 300) the number of
 * timed searches; BENCH_DATABASE_URL the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test), where
 * a fresh schema is made and dropped afterwards. The text is built from per-script vocabularies with a Zipf
 * distribution; its index tokens are the union of each word's platform/search tokens (the same as tokenising the
 * whole text, since words are separated by spaces), which keeps generation fast.
 *
 * For development only: BENCH_ONLY=sqlite or postgres runs one database; BENCH_SQLITE_FILE=<path> keeps the
 * generated SQLite database there and reuses it when it exists (same scale and schema, or the figures are
 * meaningless; delete it after a schema change); BENCH_PG_SCHEMA=<name> does the same with a PostgreSQL schema (kept
 * after the run; drop it with `DROP SCHEMA <name> CASCADE`). The default run generates everything afresh.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { buildHub } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { seedReference } from '../src/server/db/seed/seed';
import { ftsQuery, storedTokens, withPrefixes } from '../src/server/modules/library/library.fts';
import { queryTokens, tokenize } from '../src/server/platform/search';
import { sqliteBaseline } from './databases';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const queryCount = Number(process.env.BENCH_QUERIES ?? 300);
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const items = Math.round(100_000 * scale);
const textBytes = 10_000; // per item: 100,000 × 10 KB ≈ 1 GB
const target = { p95: 50, ratio: 2 };

class Prng {
  constructor(private s: number) {}
  next(): number {
    this.s = (this.s * 1664525 + 1013904223) >>> 0;
    return this.s / 2 ** 32;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabularies

const latinSyl = ['ka', 'ri', 'to', 'man', 'sel', 'vi', 'po', 'der', 'ga', 'lo', 'tra', 'fic', 'in', 'mi', 'gra', 'tion', 'bor', 'pro', 'tec', 'su', 'na', 'le', 'ste', 'vor', 'qui'];
const vietSyl = ['nạn', 'nhân', 'mua', 'bán', 'người', 'biên', 'giới', 'bảo', 'vệ', 'công', 'an', 'điều', 'tra', 'hướng', 'dẫn', 'phòng', 'chống', 'lao', 'động', 'trẻ', 'em', 'di', 'cư', 'pháp', 'luật'];
const thaiSyl = ['การ', 'ค้า', 'มนุษย์', 'ผู้', 'เสียหาย', 'ตำรวจ', 'ตรวจ', 'คน', 'เข้า', 'เมือง', 'แรงงาน', 'ประมง', 'คุ้มครอง', 'เด็ก', 'สตรี', 'ชายแดน', 'ทะเล', 'กฎหมาย', 'สอบสวน', 'ส่งต่อ'];
const khmerSyl = ['ការ', 'ជួញដូរ', 'មនុស្ស', 'ជនរងគ្រោះ', 'ក្រសួង', 'មហាផ្ទៃ', 'ប៉ូលីស', 'ព្រំដែន', 'កុមារ', 'ច្បាប់', 'ការពារ', 'សមុទ្រ'];
const laoSyl = ['ການ', 'ຄ້າ', 'ມະນຸດ', 'ຜູ້', 'ຖືກ', 'ເຄາະຮ້າຍ', 'ຕຳຫຼວດ', 'ກວດ', 'ຄົນ', 'ເຂົ້າເມືອງ', 'ແຮງງານ', 'ເດັກ'];

function vocabulary(syl: string[], size: number, seed: number, join = ''): string[] {
  const r = new Prng(seed);
  const words = new Set<string>();
  let guard = 0;
  while (words.size < size && guard++ < size * 50) {
    const n = 2 + r.int(3);
    words.add(Array.from({ length: n }, () => syl[r.int(syl.length)] ?? '').join(join));
  }
  return [...words];
}

interface Script {
  name: string;
  lang: string;
  share: number;
  words: string[];
  /** Stored index tokens of each word. */
  tokens: string[][];
}

function script(name: string, lang: string, share: number, words: string[]): Script {
  return { name, lang, share, words, tokens: words.map((w) => storedTokens(tokenize(w))) };
}

/** A Zipf-like pick: rank r with probability ∝ 1/(r+1), by inverse transform of the continuous approximation. */
function zipf(r: Prng, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(r.next() * Math.log(n + 1)) - 1));
}

// ---------------------------------------------------------------------------------------------------------------
// Generation and bulk insert

interface Row {
  id: string; seq: number; type: string; title: string; description: string; themes: string; countries: string; languages: string; year: number;
  publisher: string; sensitivity: string; text: string; titleTokens: string[]; headTokens: string[]; bodyTokens: string[];
}

const types = ['practitioner_guide', 'policy_guide', 'report', 'toolkit', 'legislation', 'case_study', 'training_material'];
const themes = ['border-management', 'trafficking-patterns', 'migration-flows', 'technology', 'transnational-crime', 'victim-identification', 'safety-at-sea', 'emerging-trends', 'corruption', 'justice-sector'];
const countries = ['THA', 'IDN', 'VNM', 'KHM', 'LAO', 'MYS', 'PHL', 'AUS', 'FJI', 'LKA', 'BGD', 'MMR'];

function* generate(scripts: Script[], count: number): Generator<Row> {
  const r = new Prng(42);
  const total = scripts.reduce((a, s) => a + s.share, 0);
  for (let i = 0; i < count; i++) {
    let pick = r.next() * total;
    const s = scripts.find((x) => (pick -= x.share) < 0) ?? scripts[0];
    if (!s) throw new Error('no script');
    const body = new Set<number>();
    const parts: string[] = [];
    let bytes = 0;
    while (bytes < textBytes) {
      const w = zipf(r, s.words.length);
      const word = s.words[w] ?? '';
      parts.push(word);
      body.add(w);
      bytes += Buffer.byteLength(word) + 1;
    }
    const titleWords = Array.from({ length: 4 + r.int(5) }, () => zipf(r, s.words.length));
    const descWords = Array.from({ length: 15 + r.int(15) }, () => zipf(r, s.words.length));
    const toks = (ws: Iterable<number>) => [...new Set([...ws].flatMap((w) => s.tokens[w] ?? []))];
    const title = titleWords.map((w) => s.words[w]).join(' ');
    const description = descWords.map((w) => s.words[w]).join(' ');
    yield {
      id: crypto.randomUUID(), seq: i + 1, type: types[r.int(types.length)] ?? 'report', title, description,
      themes: JSON.stringify([themes[r.int(10)], themes[r.int(10)]].filter((v, k, a) => a.indexOf(v) === k)),
      countries: JSON.stringify([countries[r.int(countries.length)]]), languages: JSON.stringify([s.lang]), year: 2000 + r.int(26), publisher: 'Bench publisher',
      sensitivity: r.next() < 0.8 ? 'public' : r.next() < 0.5 ? 'members' : 'secretariat', text: parts.join(' '),
      titleTokens: toks(titleWords), headTokens: toks(descWords), bodyTokens: toks(body),
    };
  }
}

const now = new Date().toISOString();
const resourceValues = (x: Row) => [x.id, x.seq, x.type, x.title, x.description, x.themes, x.countries, x.languages, x.year, x.publisher, x.sensitivity, 'done', now, now];
const resourceColumns = 'id, seq, type, title, description, themes, countries, languages, year, publisher, sensitivity, extraction_status, created_at, updated_at';

/** What a bulk insert wrote: characters of text, and their size as UTF-8. */
interface Written { chars: number; bytes: number }

function insertSqlite(file: string, rows: Generator<Row>): Written {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const res = db.prepare(`INSERT INTO library_resources (${resourceColumns}) VALUES (${Array(14).fill('?').join(', ')})`);
  const txt = db.prepare('INSERT INTO library_texts (resource_id, text, extracted_at) VALUES (?, ?, ?)');
  const fts = db.prepare('INSERT INTO library_fts (rowid, title, head, body) VALUES (?, ?, ?, ?)');
  const headFts = db.prepare('INSERT INTO library_head_fts (rowid, title, head) VALUES (?, ?, ?)');
  let chars = 0;
  let bytes = 0;
  const batch = db.transaction((list: Row[]) => {
    for (const x of list) {
      res.run(...resourceValues(x));
      txt.run(x.id, x.text, now);
      fts.run(x.seq, x.titleTokens.join(' '), x.headTokens.join(' '), x.bodyTokens.join(' '));
      headFts.run(x.seq, x.titleTokens.join(' '), x.headTokens.join(' '));
    }
    db.prepare('UPDATE library_version SET version = version + 1 WHERE id = 1').run();
  });
  let list: Row[] = [];
  for (const x of rows) {
    list.push(x);
    chars += x.text.length;
    bytes += Buffer.byteLength(x.text);
    if (list.length === 1000) {
      batch(list);
      list = [];
    }
  }
  batch(list);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { chars, bytes };
}

/** The GIN indexes of migrations 011 and 014 (fastupdate off), dropped for the bulk load and built again after it. */
const ginIndexes = { library_search_title: 'title', library_search_head: 'head', library_search_doc: 'doc' } as const;

async function insertPostgres(pool: pg.Pool, rows: Generator<Row>): Promise<Written> {
  // As a bulk import would: without fastupdate every row updates the GIN indexes in place (far slower than
  // building them once from the loaded table).
  for (const index of Object.keys(ginIndexes)) await pool.query(`DROP INDEX ${index}`);
  let chars = 0;
  let bytes = 0;
  let list: Row[] = [];
  const flush = async () => {
    if (!list.length) return;
    const c = (k: keyof Row) => list.map((x) => x[k]);
    await pool.query(`INSERT INTO library_resources (${resourceColumns})
      SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])`,
    [c('id'), c('seq'), c('type'), c('title'), c('description'), c('themes'), c('countries'), c('languages'), c('year'), c('publisher'), c('sensitivity'), list.map(() => 'done'), list.map(() => now), list.map(() => now)]);
    await pool.query('INSERT INTO library_texts (resource_id, text, extracted_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', [c('id'), c('text'), list.map(() => now)]);
    // Token lists are joined by spaces and split again inside (arrays of arrays must be rectangular in unnest).
    await pool.query(`INSERT INTO library_search (seq, title, head, doc)
      SELECT s, array_to_tsvector(string_to_array(t, ' ')), array_to_tsvector(string_to_array(h, ' ')), array_to_tsvector(string_to_array(d, ' '))
      FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS u(s, t, h, d)`,
    [c('seq'), list.map((x) => withPrefixes(x.titleTokens).join(' ')), list.map((x) => withPrefixes(x.headTokens).join(' ')), list.map((x) => withPrefixes([...x.titleTokens, ...x.headTokens, ...x.bodyTokens]).join(' '))]);
    list = [];
  };
  for (const x of rows) {
    list.push(x);
    chars += x.text.length;
    bytes += Buffer.byteLength(x.text);
    if (list.length === 500) await flush();
  }
  await flush();
  const client = await pool.connect();
  try {
    await client.query("SET maintenance_work_mem = '256MB'");
    for (const [index, column] of Object.entries(ginIndexes)) await client.query(`CREATE INDEX ${index} ON library_search USING gin (${column}) WITH (fastupdate = off)`);
  } finally {
    client.release();
  }
  await pool.query('UPDATE library_version SET version = version + 1 WHERE id = 1');
  // What a deployment does after a bulk load: visibility map and statistics up to date (the GIN indexes have no
  // pending list to merge: fastupdate is off, migration 014).
  await pool.query('VACUUM ANALYZE');
  return { chars, bytes };
}

// ---------------------------------------------------------------------------------------------------------------
// Queries and timing

function queries(scripts: Script[], count: number): string[] {
  const r = new Prng(7);
  const out: string[] = [];
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  while (out.length < count) {
    const s = scripts[r.int(scripts.length)];
    if (!s) continue;
    // Topical words: not among the commonest hundreds (those are in most documents), not hapaxes.
    const word = () => s.words[200 + r.int(Math.min(s.words.length - 200, 5000))] ?? '';
    const kind = r.int(4);
    if (s.name === 'thai' || s.name === 'khmer' || s.name === 'lao') {
      const w = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(word()), (g) => g.segment);
      out.push(w.slice(1, Math.max(3, w.length - 1)).join('')); // a substring inside the word
    } else if (kind === 0) out.push(`${word()} ${word()}`);
    else if (kind === 1 && s.name === 'vietnamese') out.push(fold(word()));
    else if (kind === 2) out.push(word().slice(0, 5));
    else out.push(word());
  }
  return out;
}

interface Stats { p50: number; p95: number; p99: number }
function stats(ms: number[]): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
const trio = (s: Stats) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.p99.toFixed(1)} ms`;

interface Raw {
  query(q: string): Promise<number>;
  /** The same query with the plan the search forces (PostgreSQL: sequential scans off), when it differs. */
  indexed?(q: string): Promise<number>;
  /** The engine's plan of the raw query and of the search's own full-text query, for the slowest searches. */
  explain?(q: string): Promise<string>;
  close(): Promise<void>;
}

async function run(name: string, env: Record<string, string>, scripts: Script[], rawFor: () => Raw, bulk: () => Promise<Written>, reuse = false): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', RUN_JOBS: 'false', SEED_DEMO: 'false', API_RATE_PER_MINUTE: '100000000', APP_SECRET: 'bench-secret-bench-secret-bench-secret-01', UPLOAD_DIR: path.join(os.tmpdir(), 'hub-lib-bench-up'), WEB_DIST: path.join(os.tmpdir(), 'no-web-app'), ...env });
  if (reuse) console.log(`${name}: reusing the database generated earlier at ${env.SQLITE_PATH ?? env.DATABASE_SCHEMA ?? ''} (BENCH_SQLITE_FILE, BENCH_PG_SCHEMA)`);
  else {
    const first = await buildHub(config);
    await seedReference(first.deps.db);
    await first.app.close();
    const t0 = Date.now();
    const text = await bulk();
    console.log(`${name}: ${items} items, ${(text.chars / 1e6).toFixed(0)} M characters of text (${(text.bytes / 1e9).toFixed(2)} GB as UTF-8), inserted and indexed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const hub = await buildHub(config);
  await hub.app.ready();
  const raw = rawFor();
  const qs = queries(scripts, queryCount);
  const dialect = hub.deps.dialect;
  // Warm up both paths.
  for (const q of qs.slice(0, 20)) {
    await hub.app.inject({ method: 'GET', url: `/api/library/search?q=${encodeURIComponent(q)}` });
    await raw.query(ftsQuery(dialect, queryTokens(q)));
  }
  const api: number[] = [];
  const rawMs: number[] = [];
  const indexedMs: number[] = [];
  let matched = 0;
  const slowest: { q: string; ms: number; raw: number; total: number }[] = [];
  for (const q of qs) {
    const fts = ftsQuery(dialect, queryTokens(q));
    let t = performance.now();
    const res = await hub.app.inject({ method: 'GET', url: `/api/library/search?q=${encodeURIComponent(q)}` });
    api.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode} ${res.body}`);
    const total = (JSON.parse(res.body) as { total: number }).total;
    matched += total;
    t = performance.now();
    await raw.query(fts);
    rawMs.push(performance.now() - t);
    if (raw.indexed) {
      t = performance.now();
      await raw.indexed(fts);
      indexedMs.push(performance.now() - t);
    }
    slowest.push({ q, ms: api.at(-1) ?? 0, raw: rawMs.at(-1) ?? 0, total });
  }
  slowest.sort((x, y) => y.ms - x.ms);
  const a = stats(api);
  const b = stats(rawMs);
  console.log(`${name}: ${qs.length} searches (mean ${(matched / qs.length).toFixed(0)} visible matches each)`);
  console.log(`  search API (app.inject, visitor)  p50 / p95 / p99: ${trio(a)}   target p95 <= ${target.p95} ms: ${a.p95 <= target.p95 ? 'MET' : 'NOT MET'}`);
  console.log(`  raw full-text query (driver)      p50 / p95 / p99: ${trio(b)}`);
  console.log(`  ratio API / raw (p50, p95): ${(a.p50 / b.p50).toFixed(2)}x, ${(a.p95 / b.p95).toFixed(2)}x   target <= ${target.ratio}x: ${a.p95 / b.p95 <= target.ratio ? 'MET' : 'NOT MET'}`);
  if (indexedMs.length) {
    const c = stats(indexedMs);
    console.log(`  raw query, index plan forced      p50 / p95 / p99: ${trio(c)}   (the plan the search uses: enable_seqscan = off)`);
    console.log(`  ratio API / raw with index plan (p50, p95): ${(a.p50 / c.p50).toFixed(2)}x, ${(a.p95 / c.p95).toFixed(2)}x   target <= ${target.ratio}x: ${a.p95 / c.p95 <= target.ratio ? 'MET' : 'NOT MET'}`);
  }
  console.log(`  slowest searches: ${slowest.slice(0, 5).map((x) => `"${x.q}" ${x.ms.toFixed(0)} ms (raw ${x.raw.toFixed(0)} ms, ${x.total} visible matches)`).join('; ')}`);
  if (raw.explain && process.env.BENCH_EXPLAIN) for (const x of slowest.slice(0, 2)) console.log(await raw.explain(ftsQuery(dialect, queryTokens(x.q))));
  await raw.close();
  await hub.app.close();
}

async function main(): Promise<void> {
  const scripts = [
    script('latin', 'en', 55, vocabulary(latinSyl, 30_000, 1)),
    script('indonesian', 'id', 10, vocabulary(latinSyl.slice(5), 10_000, 2)),
    script('vietnamese', 'vi', 10, vocabulary(vietSyl, 8_000, 3, ' ').map((w) => w.replace(/ /g, ''))),
    script('thai', 'th', 15, vocabulary(thaiSyl, 6_000, 4)),
    script('khmer', 'km', 5, vocabulary(khmerSyl, 3_000, 5)),
    script('lao', 'lo', 5, vocabulary(laoSyl, 3_000, 6)),
  ];
  console.log(`library bench: BENCH_SCALE=${scale} (${items} items, ~${((items * textBytes) / 1e9).toFixed(2)} GB of text), ${queryCount} queries`);

  const only = process.env.BENCH_ONLY;
  const kept = process.env.BENCH_SQLITE_FILE;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-lib-bench-'));
  const file = kept ?? path.join(dir, 'hub.sqlite');
  const reuse = !!kept && fs.existsSync(kept);
  try {
    if (only !== 'postgres') {
      await run('SQLite', { SQLITE_PATH: file }, scripts, () => {
        const db = sqliteBaseline(file);
        const stmt = db.prepare('SELECT rowid FROM library_fts WHERE library_fts MATCH ?');
        return { query: (q) => Promise.resolve(stmt.all(q).length), close: () => { db.close(); return Promise.resolve(); } };
      }, () => Promise.resolve(insertSqlite(file, generate(scripts, items))), reuse);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (only === 'sqlite') return;

  const keptSchema = process.env.BENCH_PG_SCHEMA;
  const schema = keptSchema ?? `bench_lib_${crypto.randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: pgUrl, max: 2, options: `-c search_path="${schema}"` });
  let reusePg = false;
  try {
    await pool.query('select 1');
    if (keptSchema) {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2', [schema, 'library_resources']);
      reusePg = (rows[0]?.n ?? 0) > 0 && ((await pool.query('SELECT 1 FROM library_resources LIMIT 1')).rowCount ?? 0) > 0;
    }
  } catch {
    console.log('PostgreSQL: not reachable, skipped');
    await pool.end();
    return;
  }
  let forced: Promise<pg.PoolClient> | undefined;
  try {
    await run('PostgreSQL', { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema }, scripts, () => ({
      query: async (q) => (await pool.query('SELECT seq FROM library_search WHERE doc @@ $1::tsquery', [q])).rowCount ?? 0,
      indexed: async (q) => {
        // One statement on a session with sequential scans off: no more round trips than the search's library_match().
        forced ??= pool.connect().then(async (c) => {
          await c.query('SET enable_seqscan = off');
          return c;
        });
        return ((await forced).query('SELECT seq FROM library_search WHERE doc @@ $1::tsquery', [q])).then((r) => r.rowCount ?? 0);
      },
      explain: async (q) => {
        const plan = async (text: string) => (await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, [q])).rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n');
        return `  ${q}\n  raw:\n${await plan('SELECT seq FROM library_search WHERE doc @@ $1::tsquery')}\n  search:\n${await plan("SELECT (SELECT string_agg(seq::text, ',') FROM library_search WHERE doc @@ $1::tsquery), (SELECT string_agg(seq::text, ',') FROM library_search WHERE title @@ $1::tsquery), (SELECT string_agg(seq::text, ',') FROM library_search WHERE head @@ $1::tsquery)")}`;
      },
      close: async () => {
        if (forced) (await forced).release();
      },
    }), () => insertPostgres(pool, generate(scripts, items)), reusePg);
  } finally {
    if (!keptSchema) {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}_jobs" CASCADE`);
    }
    await pool.end();
  }
}

await main();
