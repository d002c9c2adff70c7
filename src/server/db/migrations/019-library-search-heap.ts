import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * PostgreSQL: library_search's rows keep only their key and TOAST pointers in the table itself
 * (toast_tuple_target = 128, the least PostgreSQL allows), so a search's bitmap heap scan, which visits the table
 * page of every matching row to check it is visible, reads a few thousand small pages instead of the title and
 * description tsvectors stored inline beside each key. Existing rows are written again to take the new layout.
 * SQLite has no such table (its index is FTS5).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`ALTER TABLE library_search SET (toast_tuple_target = 128)`.execute(db);
  await sql`UPDATE library_search SET title = title`.execute(db);
}
