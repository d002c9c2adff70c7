import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub } from '@/server/app';
import { seedReference } from '@/server/db/seed/seed';
import { dropSchema, newSchemaName, testConfig, testDb } from './helpers/hub';

/** Mail written while no worker runs is delivered after a restart: jobs live in the database, not in memory. */
const received: string[] = [];
let smtp: SMTPServer;
let port = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _s, done) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString()));
      stream.on('end', () => {
        received.push(data);
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  port = (smtp.server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('background jobs', () => {
  it('survive a restart and run once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-jobs-'));
    const schema = newSchemaName();
    const base = { SMTP_URL: `smtp://127.0.0.1:${port}`, ...(testDb === 'sqlite' ? { SQLITE_PATH: path.join(dir, 'hub.sqlite') } : {}) };

    // First life: the job is queued, but this instance runs no workers and then stops.
    const first = await buildHub(testConfig({ ...base, RUN_JOBS: 'false' }, schema));
    await seedReference(first.deps.db);
    if (testDb === 'postgres') await first.startJobs(); // pg-boss must be started to accept jobs; it runs no workers here
    const id = await first.deps.db.transaction().execute((trx) => first.deps.mailer.enqueue(trx, { to: 'restart@test.hub.example', subject: 'Survives', text: `marker-${schema}`, kind: 'test' }));
    await first.deps.mailer.dispatch([id]);
    await first.app.close();
    expect(received.some((m) => m.includes(`marker-${schema}`))).toBe(false);

    // Second life: workers start and deliver it.
    const second = await buildHub(testConfig({ ...base, RUN_JOBS: 'true' }, schema));
    await second.startJobs();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !received.some((m) => m.includes(`marker-${schema}`))) await new Promise((r) => setTimeout(r, 100));
    const row = await second.deps.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await second.app.close();
    expect(received.filter((m) => m.includes(`marker-${schema}`))).toHaveLength(1);
    expect(row.status).toBe('sent');
    if (testDb === 'postgres') await dropSchema(process.env.TEST_DATABASE_URL ?? '', schema);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
