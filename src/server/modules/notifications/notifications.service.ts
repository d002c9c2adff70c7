import type { Kysely, Transaction } from 'kysely';
import {
  notificationKinds, type DeliveryMode, type NotificationKind, type NotificationPreferences,
  type UpdateNotificationPreferences,
} from '@/contracts/notifications';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import type { Notice, Notifier } from '../../platform/notify';
import { requireActor } from '../../platform/permissions';
import { digestPeriod, digestText, type DigestMode } from './digest';

type Db = Transaction<DB> | Kysely<DB>;

/** The job that sends digests; it runs once a day at DIGEST_HOUR_UTC (see contracts/notifications.ts). */
export const DIGEST_JOB = 'notifications.digest';


export interface DigestRunResult {
  /** Digest mails written to the outbox in this run. */
  sent: number;
  /** Users whose digest for the period had already been written (by an earlier run or another instance). */
  alreadySent: number;
}

/**
 * Delivers notices by each user's preference: at once through the outbox, later in a daily or weekly digest, or
 * not at all. Preferences are read and written here too (the account page's notification settings).
 */
export class NotificationsService implements Notifier {
  /** Users handled per transaction by the digest job. */
  digestBatchSize = 500;

  constructor(private readonly d: Pick<PlatformDeps, 'db' | 'mailer' | 'config' | 'clock' | 'audit' | 'log'>) {}

  // --- preferences -------------------------------------------------------------------------------------------

  async preferences(ctx: RequestContext): Promise<NotificationPreferences> {
    const actor = requireActor(ctx);
    return { preferences: await this.preferencesOf(this.d.db, actor.id) };
  }

  async updatePreferences(ctx: RequestContext, input: UpdateNotificationPreferences): Promise<NotificationPreferences> {
    const actor = requireActor(ctx);
    return this.d.db.transaction().execute(async (trx) => {
      const before = await this.preferencesOf(trx, actor.id);
      const now = this.d.clock.now().toISOString();
      for (const p of input.preferences) {
        await trx
          .insertInto('notification_preferences')
          .values({ user_id: actor.id, kind: p.kind, mode: p.mode, updated_at: now })
          .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ mode: p.mode, updated_at: now }))
          .execute();
      }
      const after = await this.preferencesOf(trx, actor.id);
      const changed = (list: NotificationPreferences['preferences']) =>
        Object.fromEntries(list.filter((p) => input.preferences.some((i) => i.kind === p.kind)).map((p) => [p.kind, p.mode]));
      await this.d.audit.record(trx, ctx, { action: 'notifications.preferences_updated', entity: 'user', entityId: actor.id, before: changed(before), after: changed(after) });
      return { preferences: after };
    });
  }

  private async preferencesOf(db: Db, userId: string): Promise<NotificationPreferences['preferences']> {
    const rows = await db.selectFrom('notification_preferences').select(['kind', 'mode']).where('user_id', '=', userId).execute();
    const byKind = new Map(rows.map((r) => [r.kind, r.mode as DeliveryMode]));
    return notificationKinds.map((kind) => ({ kind, mode: byKind.get(kind) ?? 'immediately' }));
  }

  // --- notify ------------------------------------------------------------------------------------------------

  /**
   * In the caller's transaction: mail now for 'immediately' (the outbox ids are returned, to dispatch after
   * commit), a pending item for 'daily' and 'weekly', nothing for 'never'. Disabled accounts get nothing.
   */
  async notify(trx: Db, notice: Notice): Promise<string[]> {
    const userIds = [...new Set(notice.userIds)];
    if (userIds.length === 0) return [];
    const ids: string[] = [];
    const link = new URL(notice.link, this.d.config.PUBLIC_URL).toString();
    const now = this.d.clock.now().toISOString();
    for (let i = 0; i < userIds.length; i += 500) {
      const chunk = userIds.slice(i, i + 500);
      const users = await trx
        .selectFrom('users')
        .leftJoin('notification_preferences as p', (j) => j.onRef('p.user_id', '=', 'users.id').on('p.kind', '=', notice.kind))
        .select(['users.id', 'users.email', 'p.mode'])
        .where('users.id', 'in', chunk)
        .where('users.status', '=', 'active')
        .orderBy('users.id')
        .execute();
      const pending: DB['notification_items'][] = [];
      for (const u of users) {
        const mode = (u.mode ?? 'immediately') as DeliveryMode;
        if (mode === 'immediately') {
          ids.push(await this.d.mailer.enqueue(trx, { to: u.email, subject: notice.subject, text: `${notice.text}\n\n${link}`, kind: notice.kind }));
        } else if (mode === 'daily' || mode === 'weekly') {
          pending.push({ id: newId(), user_id: u.id, kind: notice.kind, mode, subject: notice.subject, body_text: notice.text, link, status: 'pending', period: null, created_at: now });
        }
      }
      if (pending.length > 0) await trx.insertInto('notification_items').values(pending).execute();
    }
    return ids;
  }

  // --- digests -----------------------------------------------------------------------------------------------

  /**
   * Sends the digests that are due now: daily digests every run, weekly digests for the weeks that have ended.
   * Each batch of users is one transaction: the digest row (unique per user and period), the outbox mail and
   * the items marked sent are written together, so a crash loses nothing (the items stay pending) and a rerun
   * or a second instance never sends a period twice. Mail is handed to the delivery job after each commit.
   */
  async sendDigests(): Promise<DigestRunResult> {
    const total: DigestRunResult = { sent: 0, alreadySent: 0 };
    for (const mode of ['daily', 'weekly'] as const) {
      const r = await this.sendDigestsOf(mode);
      total.sent += r.sent;
      total.alreadySent += r.alreadySent;
    }
    return total;
  }

  private async sendDigestsOf(mode: DigestMode): Promise<DigestRunResult> {
    const { key, cutoff } = digestPeriod(mode, this.d.clock.now());
    const result: DigestRunResult = { sent: 0, alreadySent: 0 };
    let after = '';
    for (;;) {
      const batch = await this.d.db
        .selectFrom('notification_items')
        .select('user_id')
        .distinct()
        .where('status', '=', 'pending')
        .where('mode', '=', mode)
        .where('created_at', '<', cutoff)
        .where('user_id', '>', after)
        .orderBy('user_id')
        .limit(this.digestBatchSize)
        .execute();
      if (batch.length === 0) break;
      const userIds = batch.map((b) => b.user_id);
      after = userIds[userIds.length - 1] ?? after;
      const outboxIds = await this.d.db.transaction().execute((trx) => this.writeDigests(trx, mode, key, cutoff, userIds, result));
      await this.d.mailer.dispatch(outboxIds);
    }
    if (result.sent > 0 || result.alreadySent > 0) this.d.log.info({ mode, period: key, ...result }, 'notification digests written');
    return result;
  }

  private async writeDigests(trx: Transaction<DB>, mode: DigestMode, period: string, cutoff: string, userIds: string[], result: DigestRunResult): Promise<string[]> {
    const items = await trx
      .selectFrom('notification_items')
      .select(['id', 'user_id', 'kind', 'subject', 'body_text', 'link', 'created_at'])
      .where('status', '=', 'pending')
      .where('mode', '=', mode)
      .where('created_at', '<', cutoff)
      .where('user_id', 'in', userIds)
      .orderBy('user_id')
      .orderBy('created_at')
      .execute();
    const users = await trx.selectFrom('users').select(['id', 'email', 'status', 'locale']).where('id', 'in', userIds).execute();
    const byId = new Map(users.map((u) => [u.id, u]));
    const grouped = new Map<string, typeof items>();
    for (const item of items) {
      const list = grouped.get(item.user_id) ?? [];
      list.push(item);
      grouped.set(item.user_id, list);
    }
    const now = this.d.clock.now().toISOString();
    const active = [...grouped.keys()].filter((id) => byId.get(id)?.status === 'active');
    const inactive = [...grouped.keys()].filter((id) => byId.get(id)?.status !== 'active');
    // Claim the period for every active user at once; a row that already exists means that digest went out.
    const claims = active.map((userId) => ({ id: newId(), user_id: userId, period, outbox_id: '', item_count: grouped.get(userId)?.length ?? 0, created_at: now }));
    const claimed = new Set<string>();
    for (let i = 0; i < claims.length; i += 200) {
      const rows = await trx.insertInto('notification_digests').values(claims.slice(i, i + 200)).onConflict((oc) => oc.columns(['user_id', 'period']).doNothing()).returning('user_id').execute();
      for (const r of rows) claimed.add(r.user_id);
    }
    const outboxIds: string[] = [];
    for (const userId of active) {
      const user = byId.get(userId);
      const list = grouped.get(userId);
      if (!user || !list) continue;
      if (!claimed.has(userId)) {
        result.alreadySent++;
        continue;
      }
      const mail = digestText(mode, list.map((i) => ({ kind: i.kind as NotificationKind, subject: i.subject, text: i.body_text, link: i.link, at: i.created_at })), user.locale);
      const outboxId = await this.d.mailer.enqueue(trx, { to: user.email, subject: mail.subject, text: mail.text, kind: `digest_${mode}` });
      await trx.updateTable('notification_digests').set({ outbox_id: outboxId }).where('user_id', '=', userId).where('period', '=', period).execute();
      outboxIds.push(outboxId);
      result.sent++;
    }
    const sentIds = items.filter((i) => claimed.has(i.user_id)).map((i) => i.id);
    for (let i = 0; i < sentIds.length; i += 500) {
      await trx.updateTable('notification_items').set({ status: 'sent', period }).where('id', 'in', sentIds.slice(i, i + 500)).where('status', '=', 'pending').execute();
    }
    if (inactive.length > 0) {
      await trx.updateTable('notification_items').set({ status: 'skipped' }).where('user_id', 'in', inactive).where('status', '=', 'pending').where('mode', '=', mode).where('created_at', '<', cutoff).execute();
    }
    return outboxIds;
  }
}

