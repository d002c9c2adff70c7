import { sql, type Kysely } from 'kysely';
import { createLibraryMatch } from '../../modules/library/library.fts';
import type { DialectName } from '../database';

/**
 * PostgreSQL: library_match answers one row of three comma-separated key lists instead of a row per matching key
 * and part (see createLibraryMatch). SQLite has no such function (its index is FTS5).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`DROP FUNCTION IF EXISTS library_match(tsquery)`.execute(db);
  await createLibraryMatch(db);
}
