import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { PlatformDeps } from '../../platform/deps';
import type { Notice, Notifier } from '../../platform/notify';

/**
 * Delivers notices by each user's preference. (First cut: every notice is mailed at once; preferences and
 * digests come with the notifications module.)
 */
export class NotificationsService implements Notifier {
  constructor(private readonly d: Pick<PlatformDeps, 'db' | 'mailer' | 'config' | 'clock'>) {}

  async notify(trx: Transaction<DB> | Kysely<DB>, notice: Notice): Promise<string[]> {
    if (notice.userIds.length === 0) return [];
    const users = await trx.selectFrom('users').select(['id', 'email']).where('id', 'in', [...notice.userIds]).where('status', '=', 'active').execute();
    const link = new URL(notice.link, this.d.config.PUBLIC_URL).toString();
    const ids: string[] = [];
    for (const u of users) {
      ids.push(await this.d.mailer.enqueue(trx, { to: u.email, subject: notice.subject, text: `${notice.text}\n\n${link}`, kind: notice.kind }));
    }
    return ids;
  }
}
