import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * Indexes for the directory at the size of the issue (20,000 agencies, 100,000 positions and people).
 *
 * - Current holdings (no end date) as partial indexes, on both databases: the search and the coverage map ask
 *   only for them, and find (position, person) pairs in the index alone.
 * - `positions_coverage`: the coverage map reads positions by agency with their confirmation time and working
 *   group from the index alone, in agency order (no sort for the grouping, no table rows).
 * - `*_title`: a search sorts its candidates by title; (id, title) lets it read a couple of thousand titles from
 *   the index alone instead of from as many table rows.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.createIndex('position_holders_current').on('position_holders').columns(['position_id', 'person_id']).where(sql.ref('end_date'), 'is', null).execute();
  await db.schema.createIndex('position_holders_current_person').on('position_holders').columns(['person_id', 'position_id']).where(sql.ref('end_date'), 'is', null).execute();
  await db.schema.createIndex('positions_coverage').on('positions').columns(['agency_id', 'last_confirmed_at', 'working_group_code', 'id']).execute();
  await db.schema.createIndex('agencies_title').on('agencies').columns(['id', 'name_en']).execute();
  await db.schema.createIndex('positions_title').on('positions').columns(['id', 'title']).execute();
  await db.schema.createIndex('people_title').on('people').columns(['id', 'name_latin']).execute();
}
