import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * `positions.has_holder` (0 or 1): whether someone holds the position now (a holding without an end date). The
 * coverage map counts every position as confirmed, stale or missing by it; with it on the position, the map is one
 * read of an index of positions instead of a join of 100,000 positions with their holdings (measured at the size
 * of the issue: SQLite 85 → 57 ms, PostgreSQL about 100 → 75 ms, warm).
 *
 * Triggers keep it right, for the same reason as the directory version (migration 015): the directory services,
 * the import, the demo seed and any script write holdings, and a forgotten update would show a wrong map without
 * any test noticing. PostgreSQL recomputes once per statement for the positions it touched (transition tables);
 * SQLite, which has only row triggers, once per written holding.
 *
 * `positions_coverage` gives way to an index with the flag in it, so the map reads the index alone.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('positions').addColumn('has_holder', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.dropIndex('positions_coverage').execute();
  // The index before the backfill: built after it in the same transaction, PostgreSQL may mark the index unusable
  // by older snapshots (indcheckxmin), and a plan of the map was seen skipping it on an upgraded copy.
  await db.schema.createIndex('positions_coverage_held').on('positions').columns(['agency_id', 'has_holder', 'last_confirmed_at', 'working_group_code']).execute();
  await sql`update positions set has_holder = 1 where exists (select 1 from position_holders h where h.position_id = positions.id and h.end_date is null)`.execute(db);

  /** 1 when the position (an SQL expression) has a current holder, else 0. */
  const current = (position: string) => `(case when exists (select 1 from position_holders h where h.position_id = ${position} and h.end_date is null) then 1 else 0 end)`;
  if (dialect === 'postgres') {
    // A function per kind of change; the transition tables are `changed` (and, for updates, `previous`).
    const body = (positions: string) => sql.raw(`
      begin
        update positions p set has_holder = ${current('p.id')}
          where p.id in (${positions}) and p.has_holder <> ${current('p.id')};
        return null;
      end`);
    // New holdings can only make a position held: no need to look at its other holdings (the import writes 10,000).
    await sql`create function positions_has_holder_added() returns trigger language plpgsql as $$
      begin
        update positions set has_holder = 1 where has_holder = 0 and id in (select position_id from changed where end_date is null);
        return null;
      end $$`.execute(db);
    await sql`create function positions_has_holder_changed() returns trigger language plpgsql as $$${body('select position_id from changed')}$$`.execute(db);
    await sql`create function positions_has_holder_moved() returns trigger language plpgsql as $$${body('select position_id from changed union select position_id from previous')}$$`.execute(db);
    await sql`create trigger position_holders_has_holder_insert after insert on position_holders referencing new table as changed
      for each statement execute function positions_has_holder_added()`.execute(db);
    await sql`create trigger position_holders_has_holder_delete after delete on position_holders referencing old table as changed
      for each statement execute function positions_has_holder_changed()`.execute(db);
    await sql`create trigger position_holders_has_holder_update after update on position_holders referencing old table as previous new table as changed
      for each statement execute function positions_has_holder_moved()`.execute(db);
    return;
  }
  const set = (ref: 'new' | 'old') => sql.raw(`update positions set has_holder = ${current(`${ref}.position_id`)} where id = ${ref}.position_id;`);
  await sql`create trigger position_holders_has_holder_insert after insert on position_holders begin ${set('new')} end`.execute(db);
  await sql`create trigger position_holders_has_holder_delete after delete on position_holders begin ${set('old')} end`.execute(db);
  await sql`create trigger position_holders_has_holder_update after update of position_id, end_date on position_holders begin ${set('old')} ${set('new')} end`.execute(db);
}
