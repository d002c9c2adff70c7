import { sql, type Kysely, type QueryExecutorProvider, type RawBuilder } from 'kysely';
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
 * - PostgreSQL: library_search(seq, title, head and doc = title || head || body tsvectors), built with array_to_tsvector from
 *   the token arrays (no parser, no stemming), each with a GIN index.
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
    return;
  }
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
  if (dialect === 'sqlite') await sql`DELETE FROM library_fts WHERE rowid = ${seq}`.execute(db);
  else await sql`DELETE FROM library_search WHERE seq = ${seq}`.execute(db);
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

/**
 * `SELECT seq` of the resources whose index matches the query: in the head only (title, description, publisher) or
 * anywhere. A subquery for `seq IN (...)`.
 */
export function matchingSeqs(dialect: DialectName, query: string, where: 'title' | 'head' | 'any'): RawBuilder<{ seq: number }> {
  if (dialect === 'sqlite') {
    const q = where === 'any' ? query : `{${where}} : (${query})`;
    return sql<{ seq: number }>`SELECT rowid AS seq FROM library_fts WHERE library_fts MATCH ${q}`;
  }
  if (where === 'title') return sql<{ seq: number }>`SELECT seq FROM library_search WHERE title @@ ${query}::tsquery`;
  if (where === 'head') return sql<{ seq: number }>`SELECT seq FROM library_search WHERE head @@ ${query}::tsquery`;
  return sql<{ seq: number }>`SELECT seq FROM library_search WHERE doc @@ ${query}::tsquery`;
}

