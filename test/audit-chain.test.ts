import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/server/platform/audit/audit';
import { createTestHub, login, makeUser, testDb, type TestHub } from './helpers/hub';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

/** Makes a handful of audited writes through the API. */
async function someHistory(h: TestHub): Promise<void> {
  const admin = await login(h, await makeUser(h, { role: 'secretariat_admin' }));
  for (let i = 0; i < 3; i++) {
    const res = await admin.request('POST', '/api/invitations', { email: `chain${i}@test.hub.example`, role: 'researcher' });
    expect(res.status).toBe(201);
  }
  await admin.request('PATCH', '/api/account/profile', { locale: 'id' });
}

async function seqs(h: TestHub): Promise<number[]> {
  return (await h.deps.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq);
}

describe('audit chain', () => {
  it('verifies an untouched trail', async () => {
    hub = await createTestHub();
    await someHistory(hub);
    const result = await verifyAuditChain(hub.deps.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(5);
  });

  it('detects an entry altered in the database', async () => {
    hub = await createTestHub();
    await someHistory(hub);
    const [, second] = await seqs(hub);
    await hub.deps.db.updateTable('audit_log').set({ after_json: '{"email":"someone-else@test.hub.example"}' }).where('seq', '=', second ?? 0).execute();
    const result = await verifyAuditChain(hub.deps.db);
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toBe(second);
  });

  it('detects an entry removed from the middle, and from the end', async () => {
    hub = await createTestHub();
    await someHistory(hub);
    const all = await seqs(hub);
    await hub.deps.db.deleteFrom('audit_log').where('seq', '=', all[2] ?? 0).execute();
    expect((await verifyAuditChain(hub.deps.db)).brokenAt).toBe(all[3]);
    await hub.close();

    hub = await createTestHub();
    await someHistory(hub);
    const again = await seqs(hub);
    await hub.deps.db.deleteFrom('audit_log').where('seq', '=', again.at(-1) ?? 0).execute();
    expect((await verifyAuditChain(hub.deps.db)).ok).toBe(false);
  });

  it('keeps one chain when many writes race', async () => {
    hub = await createTestHub();
    const admin = await login(hub, await makeUser(hub, { role: 'secretariat_admin' }));
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => admin.request('POST', '/api/invitations', { email: `race${i}@test.hub.example`, role: 'researcher' })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect((await verifyAuditChain(hub.deps.db)).ok).toBe(true);
  });

  it('`npm run audit:verify` exits 0 on an intact trail and 1 after tampering', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-audit-'));
    const file = path.join(dir, 'hub.sqlite');
    hub = await createTestHub(testDb === 'sqlite' ? { SQLITE_PATH: file } : {});
    await someHistory(hub);
    const env = { ...process.env, LOG_LEVEL: 'silent', ...(testDb === 'sqlite' ? { SQLITE_PATH: file } : { DATABASE_URL: hub.config.DATABASE_URL ?? '', DATABASE_SCHEMA: hub.schema ?? '' }) };
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { env, encoding: 'utf8' });
    const good = run();
    expect(good.stdout).toMatch(/Audit trail intact: \d+ entries verified/);
    expect(good.status).toBe(0);
    await sql`update audit_log set action = 'tampered' where seq = (select min(seq) from audit_log)`.execute(hub.deps.db);
    const bad = run();
    expect(bad.stderr).toMatch(/Audit trail BROKEN at entry/);
    expect(bad.status).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
