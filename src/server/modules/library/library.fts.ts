import { sql, type Kysely, type QueryExecutorProvider } from 'kysely';
import type { DialectName } from '../../db/database';
import { PREFIX_MARK } from '../../platform/search';

/**
 * The one place where the library's full-text index differs between the databases. Both index the same
 * pre-tokenised text: platform/search tokens (whole words of spaced scripts, `~` grapheme bigrams of Thai, Lao,
 * Khmer, Burmese and CJK), so a Thai word is found the same way on both. The `^` prefix tokens are not stored: a
 * query's prefix token `^immig` becomes the engine's own prefix query (`"immig"*` in FTS5, `'immig':*` in a
 * tsquery) over the stored words.
 *
 * - SQLite: a contentless FTS5 table (rowid = library_resources.seq) with three columns, title, head (description,
 *   publisher) and body (the file's text), split on spaces only (unicode61 with marks kept as letters and `~` as a
 *   letter; the text is already normalised, so no further folding).
 *   Beside it (migration 014) library_head_fts(title, head): the same title and head tokens in a small index, for
 *   ranking (a column filter on library_fts reads the whole posting lists, body positions included).
 * - PostgreSQL: library_search(seq, title, head and doc = title || head || body tsvectors), built with array_to_tsvector from
 *   the token arrays (no parser, no stemming), each with a GIN index (fastupdate off since migration 014).
 *
 * Every write here also bumps library_version (same transaction): the in-memory catalogue's staleness signal.
 */

/** A tsvector holds at most 1 MB; the body's tokens are cut well below that (on both databases, for equal results). */
export const MAX_BODY_TOKEN_CHARS = 600_000;

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

/** SQLite: the small title/head index used for ranking (migration 014). */
export async function createLibraryHeadFts(db: QueryExecutorProvider): Promise<void> {
  await sql.raw(`CREATE VIRTUAL TABLE library_head_fts USING fts5(title, head, content='', contentless_delete=1, ${FTS5_TOKENIZE})`).execute(db);
}

export async function writeHeadFts(db: QueryExecutorProvider, seq: number, title: readonly string[], head: readonly string[]): Promise<void> {
  await sql`DELETE FROM library_head_fts WHERE rowid = ${seq}`.execute(db);
  await sql`INSERT INTO library_head_fts (rowid, title, head) VALUES (${seq}, ${title.join(' ')}, ${head.join(' ')})`.execute(db);
}

/** Tells every server instance's catalogue that the library changed (call inside the write's transaction). */
export async function bumpLibraryVersion(db: QueryExecutorProvider): Promise<void> {
  await sql`UPDATE library_version SET version = version + 1 WHERE id = 1`.execute(db);
}

/** Stored tokens: everything but the `^` prefix tokens (the engines do prefixes themselves). */
export function storedTokens(tokens: Iterable<string>, maxChars = Infinity): string[] {
  const out: string[] = [];
  let chars = 0;
  for (const t of tokens) {
    if (t.startsWith(PREFIX_MARK) || t === '') continue;
    chars += t.length + 1;
    if (chars > maxChars) break;
    out.push(t);
  }
  return out;
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
    VALUES (${seq}, array_to_tsvector(${t.title}::text[]), array_to_tsvector(${t.head}::text[]), array_to_tsvector(${[...new Set([...t.title, ...t.head, ...t.body])]}::text[]))
    ON CONFLICT (seq) DO UPDATE SET title = excluded.title, head = excluded.head, doc = excluded.doc`.execute(db);
}

/** A resource's stored tokens: title; description and publisher; the file's text. */
export interface IndexTokens {
  title: string[];
  head: string[];
  body: string[];
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
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

/** The resources matching a query anywhere, and which of them match it in the title, or in the description/publisher. */
export interface FtsMatches {
  seqs: number[];
  inTitle: Set<number>;
  inHead: Set<number>;
}

/**
 * One search's index work. PostgreSQL: one query; the title/head tests read the small tsvectors of rows the bitmap
 * heap scan visits anyway. SQLite: the main MATCH, then (only when there is something to order) the two column
 * queries on the small library_head_fts.
 */
export async function ftsMatches(db: QueryExecutorProvider, dialect: DialectName, query: string): Promise<FtsMatches> {
  const inTitle = new Set<number>();
  const inHead = new Set<number>();
  if (dialect === 'postgres') {
    const rows = await sql<{ seq: number; t: boolean; h: boolean }>`SELECT seq, title @@ ${query}::tsquery AS t, head @@ ${query}::tsquery AS h FROM library_search WHERE doc @@ ${query}::tsquery`.execute(db);
    const seqs = rows.rows.map((r) => {
      if (r.t) inTitle.add(r.seq);
      if (r.h) inHead.add(r.seq);
      return r.seq;
    });
    return { seqs, inTitle, inHead };
  }
  const rows = await sql<{ seq: number }>`SELECT rowid AS seq FROM library_fts WHERE library_fts MATCH ${query}`.execute(db);
  const seqs = rows.rows.map((r) => r.seq);
  if (seqs.length > 1) {
    const [t, h] = await Promise.all([
      sql<{ seq: number }>`SELECT rowid AS seq FROM library_head_fts WHERE library_head_fts MATCH ${`{title} : (${query})`}`.execute(db),
      sql<{ seq: number }>`SELECT rowid AS seq FROM library_head_fts WHERE library_head_fts MATCH ${`{head} : (${query})`}`.execute(db),
    ]);
    for (const r of t.rows) inTitle.add(r.seq);
    for (const r of h.rows) inHead.add(r.seq);
  }
  return { seqs, inTitle, inHead };
}
