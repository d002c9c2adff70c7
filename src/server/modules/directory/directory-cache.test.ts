import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { handOver, makeAgency, makePosition } from '../../../../test/helpers/directory';
import { DAY } from '../../platform/clock';
import { VERSION_CHECK_MS } from './directory-cache';

let hub: TestHub;
let staff: Agent;
beforeAll(async () => {
  hub = await createTestHub();
  staff = await signedIn(hub, { role: 'secretariat_staff' });
});
afterAll(async () => {
  await hub.close();
});

const titles = async (who: Agent, q: string) => ((await who.request('GET', `/api/directory/search?q=${encodeURIComponent(q)}`)).body.items as { title: string }[]).map((i) => i.title);

/** Search and coverage answers are cached; these tests check that a cached answer is never a wrong one. */
describe('cached directory answers', () => {
  it('shows a write through the API at the next search, and a renamed agency under its new name only', async () => {
    const agency = await makeAgency(staff, { memberCode: 'FJI', nameEn: 'Pangolin Bureau' });
    expect(await titles(staff, 'pangolin')).toEqual(['Pangolin Bureau']);
    expect(await titles(staff, 'pangolin')).toEqual(['Pangolin Bureau']);
    expect((await staff.request('PATCH', `/api/directory/agencies/${agency.id}`, { nameEn: 'Pangolin Office' })).status).toBe(200);
    expect(await titles(staff, 'pangolin')).toEqual(['Pangolin Office']);
  });

  it('shows a write made by another instance (straight to the database) within the version check interval', async () => {
    const agency = await makeAgency(staff, { memberCode: 'FJI', nameEn: 'Numbat Bureau' });
    expect(await titles(staff, 'numbat')).toEqual(['Numbat Bureau']);
    // Another instance's transaction: the table's trigger moves the data version; this instance has no hook for it.
    await hub.deps.db.updateTable('agencies').set({ name_en: 'Numbat Unit' }).where('id', '=', agency.id).execute();
    await new Promise((r) => setTimeout(r, VERSION_CHECK_MS + 50));
    expect(await titles(staff, 'numbat')).toEqual(['Numbat Unit']);
  });

  it('keeps anonymous and signed-in answers apart', async () => {
    const agency = await makeAgency(staff, { memberCode: 'FJI' });
    const position = await makePosition(staff, agency.id);
    await handOver(staff, position.id, { nameLatin: 'Wombat Private', channels: [{ kind: 'email', value: 'wombat@test.hub.example', visibility: 'members' }] });
    // Signed in first, so that a shared entry would reach the anonymous visitor.
    expect(await titles(staff, 'wombat private')).toEqual(['Wombat Private']);
    expect(await titles(anonymous(hub), 'wombat private')).toEqual([]);
    expect(await titles(staff, 'wombat private')).toEqual(['Wombat Private']);
  });

  it('turns a cached confirmed hit stale when its confirmation falls due, without any write', async () => {
    const agency = await makeAgency(staff, { memberCode: 'FJI' });
    const position = await makePosition(staff, agency.id, { title: 'Echidna liaison' });
    await handOver(staff, position.id, { nameLatin: 'Echidna Holder' });
    const freshness = async () => ((await staff.request('GET', '/api/directory/search?q=echidna&kind=position')).body.items as { freshness: string }[]).map((i) => i.freshness);
    expect(await freshness()).toEqual(['confirmed']);
    const coverage = async () => (await staff.request('GET', '/api/directory/coverage')).body.rows.find((r: { memberCode: string }) => r.memberCode === 'FJI');
    const before = await coverage();
    hub.clock.advance((hub.config.CONFIRMATION_INTERVAL_DAYS + 1) * DAY);
    // Half a year on, the session has ended: sign in again (the cached answers are per scope of viewer, not session).
    staff = await signedIn(hub, { role: 'secretariat_staff' });
    expect(await freshness()).toEqual(['stale']);
    const after = await coverage();
    const sum = (row: { cells: Record<string, { confirmed: number; stale: number }> }, k: 'confirmed' | 'stale') => Object.values(row.cells).reduce((n, c) => n + c[k], 0);
    expect(sum(after, 'confirmed')).toBeLessThan(sum(before, 'confirmed'));
    expect(sum(after, 'stale')).toBeGreaterThan(sum(before, 'stale'));
  });

  it('moves the data version in the writing transaction, and not when it rolls back', async () => {
    const version = async () => String((await sql<{ version: string | number }>`select version from directory_version where id = 1`.execute(hub.deps.db)).rows[0]?.version);
    const v0 = await version();
    await hub.deps.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('members').set({ name: 'Fiji (renamed)' }).where('code', '=', 'FJI').execute();
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await version()).toBe(v0);
    await makeAgency(staff, { memberCode: 'FJI' });
    expect(await version()).not.toBe(v0);
  });
});
