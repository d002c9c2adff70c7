import type { Kysely, Transaction } from 'kysely';
import type { NotificationKind } from '@/contracts/notifications';
import type { DB } from '../db/schema';

/** Something a set of users should hear about; each user's preference decides whether, and when, they get mail. */
export interface Notice {
  kind: NotificationKind;
  userIds: readonly string[];
  subject: string;
  /** Plain text; the link is added below it. */
  text: string;
  /** Path inside the hub (e.g. /events/abc), made absolute with PUBLIC_URL. */
  link: string;
}

/**
 * Notifications are written in the caller's transaction. Mail to send at once is returned as outbox ids:
 * call `deps.mailer.dispatch(ids)` after the transaction commits. Digests are sent by a job.
 */
export interface Notifier {
  notify(trx: Transaction<DB> | Kysely<DB>, notice: Notice): Promise<string[]>;
}
