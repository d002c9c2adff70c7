import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub } from '@/server/app';
import { seedReference } from '@/server/db/seed/seed';
import { dropSchema, newSchemaName, testConfig, testDb } from './helpers/hub';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink';

/** Mail written while no worker runs is delivered after a restart: jobs live in the database, not in memory. */
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

describe('background jobs', () => {
  it('survive a restart and run once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-jobs-'));
    const schema = newSchemaName();
    const base = { SMTP_URL: sink.url, ...(testDb === 'sqlite' ? { SQLITE_PATH: path.join(dir, 'hub.sqlite') } : {}) };

    // First life: the job is queued, but this instance runs no workers and then stops.
    const first = await buildHub(testConfig({ ...base, RUN_JOBS: 'false' }, schema));
    await seedReference(first.deps.db);
    if (testDb === 'postgres') await first.startJobs(); // pg-boss must be started to accept jobs; it runs no workers here
    const id = await first.deps.db.transaction().execute((trx) => first.deps.mailer.enqueue(trx, { to: 'restart@test.hub.example', subject: 'Survives', text: `marker-${schema}`, kind: 'test' }));
    await first.deps.mailer.dispatch([id]);
    await first.app.close();
    expect(sink.received.some((m) => m.includes(`marker-${schema}`))).toBe(false);

    // Second life: workers start and deliver it.
    const second = await buildHub(testConfig({ ...base, RUN_JOBS: 'true' }, schema));
    await second.startJobs();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !sink.received.some((m) => m.includes(`marker-${schema}`))) await new Promise((r) => setTimeout(r, 100));
    const row = await second.deps.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await second.app.close();
    expect(sink.received.filter((m) => m.includes(`marker-${schema}`))).toHaveLength(1);
    expect(row.status).toBe('sent');
    if (testDb === 'postgres') await dropSchema(process.env.TEST_DATABASE_URL ?? '', schema);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
