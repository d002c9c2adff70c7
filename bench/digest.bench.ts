/**
 * `npm run bench:digest`: the daily digest for 10,000 users (each with a daily preference and two pending items),
 * on SQLite (a file), sent by the job runner through the outbox and the 'mail.deliver' job to a local SMTP sink
 * (smtp-server) with SMTP_URL set: the time from queueing the digest job until the sink has received every
 * digest. Baseline in the same run: the same number of messages of the same size handed straight to a nodemailer
 * pool of the same size (no database, no jobs) and the same sink; the ratio. Target: within a minute.
 *
 * Then the same on PostgreSQL (a fresh schema, dropped afterwards), where the job runner is pg-boss.
 *
 * BENCH_USERS (default 10000); BENCH_DATABASE_URL the PostgreSQL server (default
 * postgres://postgres@127.0.0.1:5432/test).
 */
import { onEachDatabase } from './databases';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { buildHub } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { DB } from '../src/server/db/schema';
import { seedReference } from '../src/server/db/seed/seed';
import { DIGEST_JOB } from '../src/server/modules/notifications/notifications.service';
import { hashPassword } from '../src/server/platform/auth/passwords';
import type { Clock } from '../src/server/platform/clock';
import { newId } from '../src/server/platform/crypto';
import { smtpPoolOptions } from '../src/server/platform/mail/smtp-options';

const userCount = Number(process.env.BENCH_USERS ?? 10_000);
const targetS = 60;

/** A clock set to a given instant, moved by the benchmark (the digest covers the days before "today"). */
class BenchClock implements Clock {
  constructor(private offsetMs = 0) {}
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  set(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }
}

interface Sink {
  url: string;
  count: () => number;
  reset: () => void;
  close: () => Promise<void>;
}

async function startSink(): Promise<Sink> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // No reverse DNS of the client (smtp-server's default): this machine has no resolver to ask.
    disableReverseLookup: true,
    onData(stream, _session, done) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, count: () => received, reset: () => (received = 0), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

interface Result {
  name: string;
  setupS: number;
  notifyS: number;
  pending: number;
  writtenS: number;
  hubS: number;
  delivered: boolean;
  received: number;
}

/** One database: users, two notices each, then the digest job through the job runner to the sink. */
async function run(name: string, env: Record<string, string>, sink: Sink): Promise<Result & { sample: { subject: string; body_text: string } }> {
  sink.reset();
  const clock = new BenchClock(-86_400_000); // yesterday: the notices are written then
  const hub = await buildHub(loadConfig({ ...process.env, ...env, SMTP_URL: sink.url, LOG_LEVEL: 'silent', RUN_JOBS: 'true', SEED_DEMO: 'false', WEB_DIST: path.join(os.tmpdir(), 'no-web-app') }), { clock });
  try {
    await seedReference(hub.deps.db);
    const db = hub.deps.db;
    const t0 = performance.now();
    const hash = await hashPassword('bench-Long-Password-2024');
    const now = clock.now().toISOString();
    const ids: string[] = [];
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < userCount; i += 500) {
        const users: DB['users'][] = [];
        for (let j = i; j < Math.min(userCount, i + 500); j++) {
          const id = newId();
          ids.push(id);
          users.push({
            id, email: `digest-${j}@bench.hub.example`, display_name: `Digest reader ${j}`, role: 'researcher', status: 'active', password_hash: hash, locale: 'en', totp_secret: null, totp_pending_secret: null,
            totp_enabled: 0, totp_last_step: null, failed_logins: 0, locked_until: null, last_login_at: null, password_changed_at: now, created_at: now, updated_at: now,
          });
        }
        await trx.insertInto('users').values(users).execute();
        await trx.insertInto('notification_preferences').values(users.map((u) => ({ user_id: u.id, kind: 'paper_published', mode: 'daily', updated_at: now }))).execute();
      }
    });
    const setupS = (performance.now() - t0) / 1000;
    // Two notices to everyone, through the notifier as the modules send them: each becomes a pending item.
    const t1 = performance.now();
    for (const title of ['Concept note, version 2', 'Outcome report published']) {
      const outbox = await db.transaction().execute((trx) => hub.deps.notifier.notify(trx, { kind: 'paper_published', userIds: ids, subject: title, text: `${title} for the regional dialogue.`, link: '/events/00000000-0000-4000-8000-202209070001' }));
      if (outbox.length !== 0) throw new Error('expected digest items, got immediate mail');
    }
    const notifyS = (performance.now() - t1) / 1000;
    const pending = await db.selectFrom('notification_items').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();

    // Today, 05:00 UTC: the job runner runs the digest job (queued now rather than waiting for 06:00).
    const today = new Date();
    clock.set(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 5) - Date.now());
    await hub.startJobs();
    const t2 = performance.now();
    await hub.deps.jobs.send(DIGEST_JOB, {});
    let written = 0;
    const allWritten = waitFor(() => written >= userCount, 600_000);
    const poll = setInterval(() => {
      void db.selectFrom('notification_digests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => {
        written = Number(r.n);
      });
    }, 100);
    await allWritten;
    clearInterval(poll);
    const writtenS = (performance.now() - t2) / 1000;
    const delivered = await waitFor(() => sink.count() >= userCount, 900_000);
    const hubS = (performance.now() - t2) / 1000;
    await new Promise((r) => setTimeout(r, 1000));
    const sample = await db.selectFrom('outbox').select(['subject', 'body_text']).where('kind', '=', 'digest_daily').limit(1).executeTakeFirstOrThrow();
    return { name, setupS, notifyS, pending: Number(pending.n), writtenS, hubS, delivered, received: sink.count(), sample };
  } finally {
    await hub.app.close();
  }
}

async function main(): Promise<void> {
  const sink = await startSink();
  try {
    const results = await onEachDatabase('digest', (name, env) => run(name, env, sink));

    // Baseline: the same messages handed straight to a nodemailer pool of the same size (no database, no job
    // runner, no outbox), to the same sink: the floor the hub's delivery can approach.
    const sample = results[0]?.sample ?? { subject: 'Digest', body_text: 'Digest' };
    sink.reset();
    const transport = nodemailer.createTransport(smtpPoolOptions(sink.url, 8));
    const t3 = performance.now();
    await Promise.all(Array.from({ length: userCount }, (_, i) => transport.sendMail({ from: 'Bali Process Hub <no-reply@hub.invalid>', to: `digest-${i}@bench.hub.example`, subject: sample.subject, text: sample.body_text })));
    const baseS = (performance.now() - t3) / 1000;
    transport.close();

    console.log(`\nDigest benchmark: ${userCount} users with a daily preference, SMTP sink in this process, ${os.cpus().length} cores, Node ${process.version}.`);
    for (const r of results) {
      console.log(`\n${r.name}:`);
      console.log(`  set-up: users and preferences ${r.setupS.toFixed(1)} s; two notices through notify() ${r.notifyS.toFixed(1)} s (${r.pending} pending items)`);
      console.log(`  digest job (job runner): ${userCount} digests written to the outbox in ${r.writtenS.toFixed(1)} s`);
      console.log(`  hub: digest job queued -> all ${userCount} delivered to the sink: ${r.hubS.toFixed(1)} s (${(userCount / r.hubS).toFixed(0)} mails/s)${r.delivered ? '' : ' (TIMED OUT)'}; sink received ${r.received} (duplicates would show here)`);
      console.log(`  hub / baseline: ${(r.hubS / baseS).toFixed(2)}x; target: all delivered within ${targetS} s -> ${r.delivered && r.hubS <= targetS ? 'met' : 'MISSED'}`);
    }
    console.log(`\nbaseline: nodemailer pool of 8 connections, ${userCount} messages of the same size handed over at once: ${baseS.toFixed(1)} s (${(userCount / baseS).toFixed(0)} mails/s)`);
  } finally {
    await sink.close();
  }
}

await main();
