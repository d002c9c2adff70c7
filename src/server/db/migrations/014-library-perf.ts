import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';
import { createLibraryHeadFts, storedTokens, writeHeadFts } from '../../modules/library/library.fts';
import { tokenize } from '../../platform/search';

/**
 * Library search at the size of the issue (see modules/library/library.catalogue.ts and library.fts.ts):
 *
 * - `library_version`: one row whose counter every library write bumps in its own transaction, so each server
 *   instance knows when its in-memory catalogue (seq -> type, year, themes, countries, languages, sensitivity)
 *   is stale.
 * - SQLite: `library_head_fts`, a second, small contentless FTS5 index of the title and the description/publisher
 *   alone. A column filter on the main index still reads the whole posting lists (every column's positions), so
 *   ranking by title/description cost as much as the search itself; this one is ~1/100th of the size.
 * - PostgreSQL: the GIN indexes without a pending list (fastupdate off). Library writes are rare and single, and a
 *   pending list that autovacuum has not merged yet is scanned in full by every search (up to 4 MB per index).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.createTable('library_version').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('version', 'integer', (c) => c.notNull()).execute();
  await sql`INSERT INTO library_version (id, version) VALUES (1, 1)`.execute(db);
  if (dialect === 'postgres') {
    for (const index of ['library_search_title', 'library_search_head', 'library_search_doc']) {
      await sql`ALTER INDEX ${sql.ref(index)} SET (fastupdate = off)`.execute(db);
      // What is already pending stays until merged: merge it now (a function, so allowed in the migration's transaction).
      await sql`SELECT gin_clean_pending_list(${index}::regclass)`.execute(db);
    }
    return;
  }
  await createLibraryHeadFts(db);
  const rows = await sql<{ seq: number; title: string; description: string; publisher: string }>`SELECT seq, title, description, publisher FROM library_resources`.execute(db);
  for (const r of rows.rows) {
    await writeHeadFts(db, r.seq, storedTokens(tokenize(r.title)), storedTokens(tokenize(`${r.description}\n${r.publisher}`)));
  }
}
