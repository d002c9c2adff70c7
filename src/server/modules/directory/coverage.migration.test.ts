import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestHub, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { handOver, makeAgency, makePosition } from '../../../../test/helpers/directory';
import { undoPositionsHeld } from '../../../../test/helpers/migrations';
import { migrateToLatest } from '../../db/migrate';
import { directoryCache } from './directory-cache';

let hub: TestHub;
let staff: Agent;
beforeAll(async () => {
  hub = await createTestHub();
  staff = await signedIn(hub, { role: 'secretariat_staff' });
});
afterAll(() => hub.close());

const kiribati = async () => (await staff.request('GET', '/api/directory/coverage')).body.rows.find((r: { memberCode: string }) => r.memberCode === 'KIR').cells['victim-protection'];

/**
 * Migration 021 on a database that already has holdings: the positions held then are marked held, so the map
 * counts them as before, and holdings written afterwards keep the mark right.
 */
it('upgrading a database with holdings marks the held positions, and later writes keep the marks right', async () => {
  const agency = await makeAgency(staff, { memberCode: 'KIR', mandates: ['victim-protection'] });
  const held = await makePosition(staff, agency.id);
  const vacant = await makePosition(staff, agency.id);
  await handOver(staff, held.id);
  expect(await kiribati()).toEqual({ confirmed: 1, stale: 0, missing: 1 });

  // Back to the schema before migration 021.
  const db = hub.deps.db;
  const dialect = hub.deps.dialect;
  await undoPositionsHeld(db as unknown as Kysely<unknown>, dialect);

  expect(await migrateToLatest({ db, dialect, ...(hub.schema ? { schema: hub.schema } : {}), close: () => Promise.resolve() })).toEqual(['021-positions-held']);
  // Not from the map cached before: computed from the marks the migration set.
  directoryCache(hub.deps).forget();
  expect(await kiribati()).toEqual({ confirmed: 1, stale: 0, missing: 1 });
  await handOver(staff, vacant.id);
  expect(await kiribati()).toEqual({ confirmed: 2, stale: 0, missing: 0 });
  expect((await staff.request('POST', `/api/directory/positions/${held.id}/vacate`, { endDate: '2026-02-01' })).status).toBe(200);
  expect(await kiribati()).toEqual({ confirmed: 1, stale: 0, missing: 1 });
});
