import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationKinds } from '@/contracts/notifications';
import { buildHub } from '@/server/app';
import { seedReference } from '@/server/db/seed/seed';
import type { Notice } from '@/server/platform/notify';
import { anonymous, createTestHub, dropSchema, login, makeUser, newSchemaName, testConfig, testDb, TestClock, type TestHub, type TestUser } from '../../../../test/helpers/hub';
import { startSmtpSink, type SmtpSink } from '../../../../test/helpers/smtp-sink';
import { DIGEST_JOB, type NotificationsService } from './notifications.service';

const DAY = 86_400_000;

/**
 * Milliseconds from the clock's now to 01:00 UTC tomorrow: yesterday's items are due, and the scheduled run
 * (06:00) is not, so only the runs the test makes happen.
 */
function untilNextMorning(clock: TestClock): number {
  const now = clock.now();
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 1, 0, 0);
  return next - now.getTime();
}

async function notify(hub: TestHub | { deps: TestHub['deps'] }, notice: Notice): Promise<void> {
  const ids = await hub.deps.db.transaction().execute((trx) => hub.deps.notifier.notify(trx, notice));
  await hub.deps.mailer.dispatch(ids);
}

async function setMode(hub: TestHub, user: TestUser, kind: string, mode: string): Promise<void> {
  const agent = await login(hub, user);
  const res = await agent.request('PUT', '/api/account/notifications', { preferences: [{ kind, mode }] });
  expect(res.status).toBe(200);
}

describe('notification preferences', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('are "immediately" for every kind until changed, then keep the change (audited)', async () => {
    const user = await makeUser(hub, { role: 'researcher' });
    const agent = await login(hub, user);
    const before = await agent.request('GET', '/api/account/notifications');
    expect(before.status).toBe(200);
    expect(before.body.preferences).toEqual(notificationKinds.map((kind) => ({ kind, mode: 'immediately' })));
    for (const kind of ['event_invitation', 'nomination_decision', 'registration_confirmed', 'paper_published', 'action_due']) expect(before.body.preferences).toContainEqual({ kind, mode: 'immediately' });
    const put = await agent.request('PUT', '/api/account/notifications', { preferences: [{ kind: 'paper_published', mode: 'daily' }, { kind: 'action_due', mode: 'never' }] });
    expect(put.status).toBe(200);
    const after = await agent.request('GET', '/api/account/notifications');
    expect(after.body.preferences).toContainEqual({ kind: 'paper_published', mode: 'daily' });
    expect(after.body.preferences).toContainEqual({ kind: 'action_due', mode: 'never' });
    expect(after.body.preferences).toContainEqual({ kind: 'event_invitation', mode: 'immediately' });
    const audit = await hub.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'notifications.preferences_updated').where('entity_id', '=', user.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toEqual({ paper_published: 'daily', action_due: 'never' });
    expect(JSON.parse(audit[0]?.before_json ?? '{}')).toEqual({ paper_published: 'immediately', action_due: 'immediately' });
  });

  it('refuses an unknown mode or kind, or a kind given twice, with the field named, and changes nothing', async () => {
    const agent = await login(hub, await makeUser(hub));
    const bad = await agent.request('PUT', '/api/account/notifications', { preferences: [{ kind: 'paper_published', mode: 'hourly' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toContain('preferences');
    const unknown = await agent.request('PUT', '/api/account/notifications', { preferences: [{ kind: 'gossip', mode: 'daily' }] });
    expect(unknown.status).toBe(400);
    const twice = await agent.request('PUT', '/api/account/notifications', { preferences: [{ kind: 'action_due', mode: 'daily' }, { kind: 'action_due', mode: 'never' }] });
    expect(twice.status).toBe(400);
    const now = await agent.request('GET', '/api/account/notifications');
    expect(now.body.preferences.every((p: { mode: string }) => p.mode === 'immediately')).toBe(true);
  });

  it('are for signed-in users only', async () => {
    expect((await anonymous(hub).request('GET', '/api/account/notifications')).status).toBe(401);
    expect((await anonymous(hub).request('PUT', '/api/account/notifications', { preferences: [{ kind: 'action_due', mode: 'daily' }] })).status).toBe(401);
  });

  it('decide what notify() does: mail now, a pending digest item, or nothing; disabled accounts get nothing', async () => {
    const now = await makeUser(hub);
    const daily = await makeUser(hub);
    const weekly = await makeUser(hub);
    const never = await makeUser(hub);
    const disabled = await makeUser(hub, { status: 'disabled' });
    await setMode(hub, daily, 'event_invitation', 'daily');
    await setMode(hub, weekly, 'event_invitation', 'weekly');
    await setMode(hub, never, 'event_invitation', 'never');
    // Another kind keeps its own setting.
    await setMode(hub, never, 'action_due', 'daily');
    const ids = await hub.deps.db.transaction().execute((trx) =>
      hub.deps.notifier.notify(trx, { kind: 'event_invitation', userIds: [now.id, daily.id, weekly.id, never.id, disabled.id, now.id], subject: 'You are invited', text: 'The regional dialogue', link: '/events/abc' }),
    );
    expect(ids).toHaveLength(1);
    const mail = await hub.deps.db.selectFrom('outbox').selectAll().where('id', '=', ids[0] ?? '').executeTakeFirstOrThrow();
    expect(mail.to_address).toBe(now.email);
    expect(mail.body_text).toContain('http://localhost:3000/events/abc');
    const items = await hub.deps.db.selectFrom('notification_items').select(['user_id', 'mode', 'status']).where('user_id', 'in', [now.id, daily.id, weekly.id, never.id, disabled.id]).orderBy('mode').execute();
    expect(items).toEqual([
      { user_id: daily.id, mode: 'daily', status: 'pending' },
      { user_id: weekly.id, mode: 'weekly', status: 'pending' },
    ]);
  });
});

describe('digests', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('send one mail per user per day with every pending item, once, and weekly ones when the week has ended', async () => {
    const daily = await makeUser(hub);
    const weekly = await makeUser(hub);
    await setMode(hub, daily, 'paper_published', 'daily');
    await setMode(hub, daily, 'action_due', 'daily');
    await setMode(hub, weekly, 'paper_published', 'weekly');
    await notify(hub, { kind: 'paper_published', userIds: [daily.id, weekly.id], subject: 'Concept note published', text: 'Version 2 of the concept note.', link: '/events/e1' });
    await notify(hub, { kind: 'action_due', userIds: [daily.id, weekly.id], subject: 'Action overdue', text: 'Share the referral guide.', link: '/outcomes/a1' });
    const service = hub.deps.notifier as NotificationsService;
    // The same day: nothing is due yet.
    expect((await service.sendDigests()).sent).toBe(0);
    hub.clock.advance(untilNextMorning(hub.clock));
    await hub.deps.jobs.runNow(DIGEST_JOB);
    const toDaily = await hub.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', daily.email).execute();
    expect(toDaily).toHaveLength(1);
    expect(toDaily[0]?.subject).toContain('daily digest');
    expect(toDaily[0]?.body_text).toContain('Concept note published');
    expect(toDaily[0]?.body_text).toContain('Action overdue');
    expect(toDaily[0]?.body_text).toContain('http://localhost:3000/events/e1');
    // The weekly user got the action at once (their default) and nothing else yet.
    const toWeekly = await hub.deps.db.selectFrom('outbox').select('subject').where('to_address', '=', weekly.email).execute();
    expect(toWeekly.map((m) => m.subject)).toEqual(['Action overdue']);
    // A rerun the same day sends nothing again.
    await hub.deps.jobs.runNow(DIGEST_JOB);
    expect(await hub.deps.db.selectFrom('outbox').select('id').where('to_address', '=', daily.email).execute()).toHaveLength(1);
    // Eight days on, the week has ended: the weekly digest goes out, once.
    hub.clock.advance(8 * DAY);
    await hub.deps.jobs.runNow(DIGEST_JOB);
    await hub.deps.jobs.runNow(DIGEST_JOB);
    const weeklyMails = await hub.deps.db.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', weekly.email).where('kind', '=', 'digest_weekly').execute();
    expect(weeklyMails).toHaveLength(1);
    expect(weeklyMails[0]?.body_text).toContain('Concept note published');
    const left = await hub.deps.db.selectFrom('notification_items').select('id').where('user_id', 'in', [daily.id, weekly.id]).where('status', '=', 'pending').execute();
    expect(left).toEqual([]);
  });

  it('writes the digest around the notices in the reader’s language, with a heading for every kind', async () => {
    const reader = await makeUser(hub);
    await hub.deps.db.updateTable('users').set({ locale: 'id' }).where('id', '=', reader.id).execute();
    await setMode(hub, reader, 'mention', 'daily');
    await setMode(hub, reader, 'thread_activity', 'daily');
    await notify(hub, { kind: 'mention', userIds: [reader.id], subject: 'Dewi mentioned you', text: 'In "Screening lists".', link: '/dialogues/threads/t1' });
    await notify(hub, { kind: 'thread_activity', userIds: [reader.id], subject: 'New reply in "Screening lists"', text: 'A reply.', link: '/dialogues/threads/t1' });
    hub.clock.advance(untilNextMorning(hub.clock));
    await hub.deps.jobs.runNow(DIGEST_JOB);
    const [mail] = await hub.deps.db.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', reader.email).execute();
    expect(mail?.subject).toBe('Ringkasan harian Anda dari Bali Process Hub: 2 pemberitahuan');
    expect(mail?.body_text).toContain('== Sebutan (1) ==');
    expect(mail?.body_text).toContain('== Dialog yang Anda ikuti (1) ==');
    expect(mail?.body_text).toContain('Dewi mentioned you');
    expect(mail?.body_text).toContain('Ubah seberapa sering Anda menerima ini di halaman akun Anda.');
  });
});

/** The recipient and subject of a raw message received by the sink. */
function header(raw: string, name: string): string {
  const unfolded = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim() ?? '';
}

async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('digests by SMTP across a restart (same database)', () => {
  let sink: SmtpSink;
  let dir: string;
  const schema = newSchemaName();
  beforeAll(async () => {
    sink = await startSmtpSink();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-digest-'));
  });
  afterAll(async () => {
    await sink.close();
    fs.rmSync(dir, { recursive: true, force: true });
    const cfg = testConfig({}, schema);
    if (cfg.DATABASE_URL) await dropSchema(cfg.DATABASE_URL, schema);
  });

  /** A hub on the one database of this test (a SQLite file, or a fixed PostgreSQL schema), delivering to the sink. */
  async function openHub(clock: TestClock) {
    const config = testConfig({ SMTP_URL: sink.url, RUN_JOBS: 'true', ...(testDb === 'sqlite' ? { SQLITE_PATH: path.join(dir, 'hub.sqlite') } : {}) }, schema);
    const hub = await buildHub(config, { clock });
    await seedReference(hub.deps.db);
    await hub.app.ready();
    return hub;
  }

  it('mails each daily user exactly one digest and each immediate user each notice, none lost and none twice', async () => {
    const clock = new TestClock();
    const first = await openHub(clock);
    const asTestHub = { ...first, clock, config: first.deps.config, close: () => first.app.close() } as TestHub;
    const dailyUsers: TestUser[] = [];
    for (let i = 0; i < 7; i++) dailyUsers.push(await makeUser(first));
    const immediateUsers = [await makeUser(first)];
    const neverUser = await makeUser(first);
    for (const u of dailyUsers) await setMode(asTestHub, u, 'registration_confirmed', 'daily');
    await setMode(asTestHub, neverUser, 'registration_confirmed', 'never');
    await first.startJobs();
    const everyone = [...dailyUsers, ...immediateUsers, neverUser].map((u) => u.id);
    await notify(first, { kind: 'registration_confirmed', userIds: everyone, subject: 'Registration confirmed', text: 'Workshop A', link: '/events/a' });
    await notify(first, { kind: 'registration_confirmed', userIds: everyone, subject: 'Registration confirmed', text: 'Workshop B', link: '/events/b' });
    clock.advance(untilNextMorning(clock));

    // The first run stops part-way: a failure in the third batch (of 3 users) rolls that batch back.
    const service = first.deps.notifier as NotificationsService;
    service.digestBatchSize = 3;
    const enqueue = first.deps.mailer.enqueue.bind(first.deps.mailer);
    let calls = 0;
    first.deps.mailer.enqueue = (trx, msg) => {
      if (++calls === 7) throw new Error('the hub stopped');
      return enqueue(trx, msg);
    };
    await expect(first.deps.jobs.runNow(DIGEST_JOB)).rejects.toThrow('the hub stopped');
    expect(await first.deps.db.selectFrom('notification_digests').select('id').execute()).toHaveLength(6);
    expect(await first.deps.db.selectFrom('notification_items').select('id').where('status', '=', 'pending').execute()).toHaveLength(2);
    await first.app.close();

    // A new hub on the same database: the run is made again (twice, as by two instances), the rest goes out once.
    const second = await openHub(clock);
    await second.startJobs();
    await second.deps.jobs.runNow(DIGEST_JOB);
    await second.deps.jobs.runNow(DIGEST_JOB);
    const expected = dailyUsers.length + immediateUsers.length * 2;
    // pg-boss hands this instance one job per polling interval (2 s), so delivery on PostgreSQL takes a while.
    await waitFor(() => sink.received.length >= expected, 100_000);
    await new Promise((r) => setTimeout(r, 1500)); // room for a duplicate to show up
    await second.app.close();

    const byUser = new Map<string, string[]>();
    for (const raw of sink.received) byUser.set(header(raw, 'to'), [...(byUser.get(header(raw, 'to')) ?? []), header(raw, 'subject')]);
    for (const u of dailyUsers) {
      expect(byUser.get(u.email), u.email).toHaveLength(1);
      expect(byUser.get(u.email)?.[0]).toContain('daily digest');
      expect(byUser.get(u.email)?.[0]).toContain('2 notifications');
    }
    for (const u of immediateUsers) expect(byUser.get(u.email)).toEqual(['Registration confirmed', 'Registration confirmed']);
    expect(byUser.get(neverUser.email)).toBeUndefined();
    expect(sink.received).toHaveLength(expected);
  }, 150_000);
});
