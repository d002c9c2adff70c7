import { sql, type Kysely, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import type { DialectName } from '../../db/database';
import { NGRAM_MARK, PREFIX_MARK, tokenize } from '../../platform/search';

/**
 * The one place where the library's full-text index differs between the databases. Both index the same
 * pre-tokenised text: platform/search tokens (whole words of spaced scripts, `~` grapheme bigrams of Thai, Lao,
 * Khmer, Burmese and CJK), so a Thai word is found the same way on both. A query's prefix token `^immig` (every
 * spaced-script query word is one) is looked up as a stored prefix when it is short (2..6 characters: the frequent
 * ones, each matching tens of thousands of resources at 100,000), else as the engine's own prefix query over the
 * stored words (`"immigrat"*` in FTS5, `'immigrat':*` in a tsquery), which has few words to merge at that length.
 *
 * - SQLite (migration 017): a contentless FTS5 table library_fts (rowid = library_resources.seq) with three
 *   columns, title, head (description, publisher) and body (the file's text), split on spaces only (unicode61 with
 *   marks kept as letters and `~` as a letter; the text is already normalised, so no further folding),
 *   detail=none (rowids only: the search never asks where a token is) and FTS5 prefix indexes of 2..6 characters.
 *   Beside it library_head_fts(title, head), detail=column, the same prefix indexes: the same title and head tokens
 *   in a small index, for ranking.
 * - PostgreSQL: library_search(seq, title, head and doc = title || head || body tsvectors), built with
 *   array_to_tsvector from the token arrays (no parser, no stemming) plus (migration 017) the `^` prefix lexemes of
 *   2..6 characters of every word, each with a GIN index (fastupdate off since migration 014).
 *
 * Every write here also bumps library_version (same transaction): the in-memory catalogue's staleness signal.
 */

/**
 * A tsvector holds at most 1 MB; the body's tokens (with their stored prefixes) are cut well below that, on both
 * databases, for equal results.
 */
export const MAX_BODY_TOKEN_CHARS = 600_000;

/** Query prefixes of these lengths (code points) are stored: FTS5 prefix indexes, `^` lexemes on PostgreSQL. */
export const STORED_PREFIX_MIN = 2;
export const STORED_PREFIX_MAX = 6;
const FTS5_PREFIXES = Array.from({ length: STORED_PREFIX_MAX - STORED_PREFIX_MIN + 1 }, (_, i) => STORED_PREFIX_MIN + i).join(' ');

export async function createLibraryFts(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE library_fts USING fts5(title, head, body, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '~'")`.execute(db);
    return;
  }
  await sql`CREATE TABLE library_search (seq integer PRIMARY KEY, title tsvector NOT NULL, head tsvector NOT NULL, doc tsvector NOT NULL)`.execute(db);
  await sql`CREATE INDEX library_search_title ON library_search USING gin (title)`.execute(db);
  await sql`CREATE INDEX library_search_head ON library_search USING gin (head)`.execute(db);
  await sql`CREATE INDEX library_search_doc ON library_search USING gin (doc)`.execute(db);
}

const FTS5_TOKENIZE = `tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '~'"`;

/**
 * SQLite since migration 017: both FTS5 tables again, rowids only (main) or columns without positions (head), with
 * prefix indexes. A prefix query of a stored length reads one list instead of merging every word's.
 */
export async function createLibraryFtsV2(db: QueryExecutorProvider): Promise<void> {
  await sql.raw(`CREATE VIRTUAL TABLE library_fts USING fts5(title, head, body, content='', contentless_delete=1, detail=none, prefix='${FTS5_PREFIXES}', ${FTS5_TOKENIZE})`).execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE library_head_fts USING fts5(title, head, content='', contentless_delete=1, detail=column, prefix='${FTS5_PREFIXES}', ${FTS5_TOKENIZE})`).execute(db);
}

/** SQLite: the small title/head index used for ranking (migration 014). */
export async function createLibraryHeadFts(db: QueryExecutorProvider): Promise<void> {
  await sql.raw(`CREATE VIRTUAL TABLE library_head_fts USING fts5(title, head, content='', contentless_delete=1, ${FTS5_TOKENIZE})`).execute(db);
}

export async function writeHeadFts(db: QueryExecutorProvider, seq: number, title: readonly string[], head: readonly string[]): Promise<void> {
  await sql`DELETE FROM library_head_fts WHERE rowid = ${seq}`.execute(db);
  await sql`INSERT INTO library_head_fts (rowid, title, head) VALUES (${seq}, ${title.join(' ')}, ${head.join(' ')})`.execute(db);
}

/**
 * PostgreSQL: library_match(tsquery), the search's one full-text statement, as a function with sequential scans off
 * while it runs (since migration 017: the planner picks a sequential scan for a frequent prefix without counting the
 * detoasting of every row's doc tsvector: measured 82 ms against 5 ms for the GIN bitmap scan at 10,000 items, 2.3 s
 * at 100,000). A function with a SET clause is never inlined, so its queries are planned with the setting; one
 * round trip per search.
 *
 * It finds the resources matching anywhere, in the title and in the description/publisher, each through its own GIN
 * index: testing `title @@ q` and `head @@ q` on every matching row instead read each row's title and head
 * tsvectors, out of line (TOAST) for a long description (EXPLAIN at 100,000 items, a Thai query with 14,853
 * matches: 391 ms, 68,000 buffers, against 23 ms for the matching alone).
 *
 * It answers one row, each list of keys as one comma-separated text (migration 020): a broad prefix matches tens of
 * thousands of resources, and a row per key cost the driver more than the index work (search p95 at 100,000 items,
 * same data: 89.0 ms with a row per key, 42.0 ms with the lists).
 */
export async function createLibraryMatch(db: QueryExecutorProvider): Promise<void> {
  await sql`CREATE FUNCTION library_match(q tsquery) RETURNS TABLE (doc text, title text, head text)
    LANGUAGE sql STABLE SET enable_seqscan = off
    AS $$ SELECT (SELECT string_agg(s.seq::text, ',') FROM library_search s WHERE s.doc @@ q),
      (SELECT string_agg(s.seq::text, ',') FROM library_search s WHERE s.title @@ q),
      (SELECT string_agg(s.seq::text, ',') FROM library_search s WHERE s.head @@ q) $$`.execute(db);
}

/** The keys in a comma-separated list of non-negative integers (library_match's columns); none for null. */
export function seqList(text: string | null): number[] {
  const out: number[] = [];
  if (!text) return out;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      out.push(n);
      n = 0;
    } else n = n * 10 + (c - 48);
  }
  out.push(n);
  return out;
}

/** Tells every server instance's catalogue that the library changed (call inside the write's transaction). */
export async function bumpLibraryVersion(db: QueryExecutorProvider): Promise<void> {
  await sql`UPDATE library_version SET version = version + 1 WHERE id = 1`.execute(db);
}

/**
 * Stored tokens: everything but the `^` prefix tokens (stored prefixes are derived from the words, see
 * prefixLexemes). Up to maxChars, counting each word and the stored prefixes it adds.
 */
export function storedTokens(tokens: Iterable<string>, maxChars = Infinity): string[] {
  const out: string[] = [];
  const prefixes = new Set<string>();
  let chars = 0;
  for (const t of tokens) {
    if (t.startsWith(PREFIX_MARK) || t === '') continue;
    chars += t.length + 1;
    if (maxChars !== Infinity) {
      for (const p of wordPrefixes(t)) {
        if (prefixes.has(p)) continue;
        prefixes.add(p);
        chars += p.length + 1;
      }
    }
    if (chars > maxChars) break;
    out.push(t);
  }
  return out;
}

/** `^` + the first 2..6 code points of a stored word (none for a `~` bigram). */
function* wordPrefixes(token: string): Generator<string> {
  if (token.startsWith(NGRAM_MARK)) return;
  let prefix = PREFIX_MARK;
  let length = 0;
  for (const ch of token) {
    if (length === STORED_PREFIX_MAX) return;
    prefix += ch;
    length += 1;
    if (length >= STORED_PREFIX_MIN) yield prefix;
  }
}

/** PostgreSQL: the words and their stored prefixes, as one lexeme list. */
export function withPrefixes(tokens: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const t of tokens) {
    out.add(t);
    for (const p of wordPrefixes(t)) out.add(p);
  }
  return [...out];
}

/** Writes (or rewrites) one resource's index entry. */
export async function writeFts(db: QueryExecutorProvider, dialect: DialectName, seq: number, t: IndexTokens): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`DELETE FROM library_fts WHERE rowid = ${seq}`.execute(db);
    await sql`INSERT INTO library_fts (rowid, title, head, body) VALUES (${seq}, ${t.title.join(' ')}, ${t.head.join(' ')}, ${t.body.join(' ')})`.execute(db);
    await writeHeadFts(db, seq, t.title, t.head);
    await bumpLibraryVersion(db);
    return;
  }
  await bumpLibraryVersion(db);
  await sql`INSERT INTO library_search (seq, title, head, doc)
    VALUES (${seq}, array_to_tsvector(${withPrefixes(t.title)}::text[]), array_to_tsvector(${withPrefixes(t.head)}::text[]), array_to_tsvector(${withPrefixes([...t.title, ...t.head, ...t.body])}::text[]))
    ON CONFLICT (seq) DO UPDATE SET title = excluded.title, head = excluded.head, doc = excluded.doc`.execute(db);
}

/** A resource's stored tokens: title; description and publisher; the file's text. */
export interface IndexTokens {
  title: string[];
  head: string[];
  body: string[];
}

/** The index tokens of a resource: title, description and publisher, and the file's text. */
export function indexTokens(r: { title: string; description: string; publisher: string }, text: string | null): IndexTokens {
  return {
    title: storedTokens(tokenize(r.title)),
    head: storedTokens(tokenize(`${r.description}\n${r.publisher}`)),
    body: text ? storedTokens(tokenize(text), MAX_BODY_TOKEN_CHARS) : [],
  };
}

export async function deleteFts(db: QueryExecutorProvider, dialect: DialectName, seq: number): Promise<void> {
  await bumpLibraryVersion(db);
  if (dialect === 'sqlite') {
    await sql`DELETE FROM library_fts WHERE rowid = ${seq}`.execute(db);
    await sql`DELETE FROM library_head_fts WHERE rowid = ${seq}`.execute(db);
  } else await sql`DELETE FROM library_search WHERE seq = ${seq}`.execute(db);
}

/** The engine's query for "every token" (AND); query tokens come from platform/search queryTokens. */
export function ftsQuery(dialect: DialectName, tokens: readonly string[]): string {
  return tokens.map((t) => term(dialect, t)).join(dialect === 'sqlite' ? ' AND ' : ' & ');
}

function term(dialect: DialectName, token: string): string {
  const prefix = token.startsWith(PREFIX_MARK);
  const text = prefix ? token.slice(PREFIX_MARK.length) : token;
  if (dialect === 'sqlite') return `"${text.replace(/"/g, '""')}"${prefix ? '*' : ''}`;
  // A stored prefix is a lexeme of its own (`^immig`); a longer one is the tsquery prefix match.
  const stored = prefix && Array.from(text).length <= STORED_PREFIX_MAX;
  const lexeme = stored ? token : text;
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix && !stored ? ':*' : ''}`;
}

/** The resources matching a query anywhere, and which of them match it in the title, or in the description/publisher. */
export interface FtsMatches {
  seqs: number[];
  inTitle: number[];
  inHead: number[];
}

/**
 * One search's index work. PostgreSQL: one statement (library_match: sequential scans off, the three GIN indexes).
 * SQLite: the main MATCH, then (only when there is something to order) the two column queries on the small
 * library_head_fts.
 */
export async function ftsMatches(db: QueryExecutorProvider, dialect: DialectName, query: string): Promise<FtsMatches> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ doc: string | null; title: string | null; head: string | null }>`SELECT doc, title, head FROM library_match(${query}::tsquery)`.execute(db);
    const row = rows[0];
    return { seqs: seqList(row?.doc ?? null), inTitle: seqList(row?.title ?? null), inHead: seqList(row?.head ?? null) };
  }
  // Keys as one comma-separated text, as on PostgreSQL: a row object per key costs more than the index work.
  const list = async (statement: RawBuilder<{ seqs: string | null }>) => seqList((await statement.execute(db)).rows[0]?.seqs ?? null);
  const seqs = await list(sql`SELECT group_concat(rowid) AS seqs FROM library_fts WHERE library_fts MATCH ${query}`);
  let inTitle: number[] = [];
  let inHead: number[] = [];
  if (seqs.length > 1) {
    [inTitle, inHead] = await Promise.all([
      list(sql`SELECT group_concat(rowid) AS seqs FROM library_head_fts WHERE library_head_fts MATCH ${`{title} : (${query})`}`),
      list(sql`SELECT group_concat(rowid) AS seqs FROM library_head_fts WHERE library_head_fts MATCH ${`{head} : (${query})`}`),
    ]);
  }
  return { seqs, inTitle, inHead };
}
