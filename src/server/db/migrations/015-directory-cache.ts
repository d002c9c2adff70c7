import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * The directory's data version: one counter that every write to the tables a directory search or the coverage map
 * reads moves forward, in the writing transaction itself. Instances cache answers under the version they read
 * before computing them (modules/directory/directory-cache.ts); a committed write changes the version every
 * instance reads next, so no instance keeps serving an answer from before it.
 *
 * Triggers rather than a call in each service: the reference module (Members, sub-regions), the import, the demo
 * seed and any script all write these tables, and a forgotten call would serve stale results without any test
 * noticing. PostgreSQL bumps once per statement (a bulk insert is one bump); SQLite has only row triggers, one
 * single-row update per written row (about a microsecond each).
 *
 * search_tokens has no trigger: its rows are only written together with the record they index, whose table has
 * one, and a row trigger there would cost a bulk load of the directory about a million updates.
 */
export const VERSIONED_TABLES = [
  'subregions', 'members', 'mandates', 'working_groups',
  'agencies', 'agency_mandates', 'positions', 'position_holders', 'people', 'contact_channels',
] as const;

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('directory_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into directory_version (id, version) values (1, 1)`.execute(db);

  if (dialect === 'postgres') {
    await sql`create function directory_version_bump() returns trigger language plpgsql as $$
      begin
        update directory_version set version = version + 1 where id = 1;
        return null;
      end $$`.execute(db);
    for (const table of VERSIONED_TABLES) {
      await sql`create trigger ${sql.id(`${table}_directory_version`)} after insert or update or delete or truncate on ${sql.table(table)}
        for each statement execute function directory_version_bump()`.execute(db);
    }
    return;
  }
  for (const table of VERSIONED_TABLES) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      await sql`create trigger ${sql.id(`${table}_directory_version_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
        begin update directory_version set version = version + 1 where id = 1; end`.execute(db);
    }
  }
}
