import { sql, type Kysely } from 'kysely';
import type { DialectName } from '@/server/db/database';

/**
 * Takes a test database back to where it was before migration 021 (positions.has_holder and its triggers), so that
 * an upgrade test can run 021, or an earlier migration and everything after it, again.
 */
export async function undoPositionsHeld(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  for (const event of ['insert', 'delete', 'update']) await sql`DROP TRIGGER ${sql.id(`position_holders_has_holder_${event}`)}${dialect === 'postgres' ? sql` ON position_holders` : sql``}`.execute(db);
  if (dialect === 'postgres') await sql`DROP FUNCTION positions_has_holder_added(), positions_has_holder_changed(), positions_has_holder_moved()`.execute(db);
  await sql`DROP INDEX positions_coverage_held`.execute(db);
  await sql`ALTER TABLE positions DROP COLUMN has_holder`.execute(db);
  await sql`CREATE INDEX positions_coverage ON positions (agency_id, last_confirmed_at, working_group_code, id)`.execute(db);
  await sql`DELETE FROM kysely_migration WHERE name = '021-positions-held'`.execute(db);
}
