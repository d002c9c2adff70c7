import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../../../../../test/helpers/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

/**
 * The dry run looks people up by email whatever its case (import.repository.ts); migration 018's index on
 * lower(value) of email channels serves that statement on both databases (on PostgreSQL with sequential scans off,
 * since a test's table is small enough for the planner to prefer reading it whole).
 */
it('looks up existing people by lower-cased email through the email index', async () => {
  const db = hub.deps.db;
  const query = db.selectFrom('contact_channels').select('person_id').where('kind', '=', 'email').where(sql<string>`lower(value)`, 'in', ['a@example.org', 'b@example.org']).compile();
  const explain = (prefix: string) => ({ ...query, sql: `${prefix} ${query.sql}` });
  const plan = hub.deps.dialect === 'sqlite'
    ? (await db.executeQuery<{ detail: string }>(explain('EXPLAIN QUERY PLAN'))).rows.map((r) => r.detail).join('\n')
    : await db.connection().execute(async (c) => {
      await sql`SET enable_seqscan = off`.execute(c);
      const rows = await c.executeQuery<{ 'QUERY PLAN': string }>(explain('EXPLAIN'));
      await sql`RESET enable_seqscan`.execute(c);
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  expect(plan).toContain('contact_channels_email_lower');
});
