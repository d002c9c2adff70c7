import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';
import { bumpLibraryVersion, createLibraryFtsV2, indexTokens, writeFts } from '../../modules/library/library.fts';

/**
 * Short prefixes stored (see modules/library/library.fts.ts): every spaced-script query word is a prefix query, and
 * a 2..6 character prefix ("trafi") matches hundreds of words and tens of thousands of resources at 100,000 items,
 * so the engines merged hundreds of lists per search.
 *
 * - SQLite: library_fts and library_head_fts made again with FTS5 prefix indexes of 2..6 characters; library_fts
 *   with detail=none (rowids only; the search never asks for positions or columns there), library_head_fts with
 *   detail=column (the ranking asks for the column).
 * - PostgreSQL: the tsvectors gain the `^` prefix lexemes of every word (same GIN indexes), and the search's
 *   full-text statement becomes a function, library_match(tsquery), that runs it with sequential scans off (its own
 *   SET clause): one round trip instead of BEGIN, SET LOCAL, the query and COMMIT.
 *
 * Both are filled again from the resources and their extracted text (the SQLite tables are contentless: they cannot
 * be read back), exactly as a write does it.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`DROP TABLE library_fts`.execute(db);
    await sql`DROP TABLE library_head_fts`.execute(db);
    await createLibraryFtsV2(db);
  } else {
    // As it was then (migration 020 makes it answer one row).
    await sql`CREATE FUNCTION library_match(q tsquery) RETURNS TABLE (seq integer, part smallint)
      LANGUAGE sql STABLE SET enable_seqscan = off
      AS $$ SELECT s.seq, 0::smallint FROM library_search s WHERE s.doc @@ q
        UNION ALL SELECT s.seq, 1::smallint FROM library_search s WHERE s.title @@ q
        UNION ALL SELECT s.seq, 2::smallint FROM library_search s WHERE s.head @@ q $$`.execute(db);
  }
  const raw = db as unknown as Kysely<{
    library_resources: { id: string; seq: number; title: string; description: string; publisher: string };
    library_texts: { resource_id: string; text: string };
  }>;
  let after = -1;
  for (;;) {
    const rows = await raw
      .selectFrom('library_resources as r')
      .leftJoin('library_texts as t', 't.resource_id', 'r.id')
      .select(['r.seq', 'r.title', 'r.description', 'r.publisher', 't.text'])
      .where('r.seq', '>', after)
      .orderBy('r.seq')
      .limit(200)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) await writeFts(db, dialect, r.seq, indexTokens(r, r.text));
    after = Number(rows.at(-1)?.seq);
  }
  await bumpLibraryVersion(db);
}
