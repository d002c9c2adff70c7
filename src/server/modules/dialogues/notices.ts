import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { userSeesSpace } from './dialogues.access';
import { dialoguesRepository as repo, type Db } from './dialogues.repository';
import type { DialoguePostsTable, DialogueSpacesTable, DialogueThreadsTable } from './dialogues.tables';
import { plainText } from './markdown';

/** Mentions: "@Display Name" or "@local-part" (of the email), matched at a word boundary, case-insensitive. */
export function findMentions(body: string, users: readonly { id: string; display_name: string; email: string }[]): string[] {
  const lower = body.normalize('NFC').toLocaleLowerCase();
  const found = new Set<string>();
  const boundary = (s: string, at: number) => at >= s.length || !/[\p{L}\p{N}\p{M}_.-]/u.test(s.charAt(at)) || (s.charAt(at) === '.' && !/[\p{L}\p{N}]/u.test(s.charAt(at + 1)));
  let i = lower.indexOf('@');
  while (i >= 0) {
    if (i === 0 || !/[\p{L}\p{N}._-]/u.test(lower.charAt(i - 1))) {
      const rest = lower.slice(i + 1, i + 1 + 120);
      for (const u of users) {
        for (const name of [u.display_name.normalize('NFC').toLocaleLowerCase(), (u.email.split('@')[0] ?? '').toLocaleLowerCase()]) {
          if (name.length >= 2 && rest.startsWith(name) && boundary(rest, name.length)) found.add(u.id);
        }
      }
    }
    i = lower.indexOf('@', i + 1);
  }
  return [...found];
}

export const threadLink = (threadId: string): string => `/dialogues/threads/${encodeURIComponent(threadId)}`;

/** Who hears of a new thread or post (mentioned people, followers), always among those who see the space. */
export class DialogueNotices {
  constructor(private readonly d: PlatformDeps) {}

  async nameOf(db: Db, userId: string): Promise<string> {
    return (await repo.userName(db, userId)) ?? 'Someone';
  }

  /** Mentioned users who may see the space get a 'mention' notice; returns their ids and the mail to send. */
  async mentions(trx: Transaction<DB>, actor: Actor, space: DialogueSpacesTable, thread: DialogueThreadsTable, post: DialoguePostsTable): Promise<{ userIds: string[]; mail: string[] }> {
    if (!post.body_source.includes('@') || thread.hidden) return { userIds: [], mail: [] };
    const users = await repo.activeUsers(trx);
    const ids: string[] = [];
    for (const id of findMentions(post.body_source, users)) {
      if (id === actor.id) continue;
      if (await userSeesSpace(trx, id, space.id)) ids.push(id);
    }
    if (ids.length === 0) return { userIds: [], mail: [] };
    const mail = await this.d.notifier.notify(trx, {
      kind: 'mention', userIds: ids,
      subject: `${await this.nameOf(trx, actor.id)} mentioned you in "${thread.title}"`,
      text: `${await this.nameOf(trx, actor.id)} mentioned you in "${thread.title}" (${space.name}):\n\n${plainText(post.body_source, 500)}`,
      link: threadLink(thread.id),
    });
    return { userIds: ids, mail };
  }

  /** Followers of a space or thread who still see the space, less those to leave out. */
  async followers(db: Db, type: 'space' | 'thread', targetId: string, space: DialogueSpacesTable, except: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const userId of await repo.followers(db, type, targetId)) {
      if (except.includes(userId)) continue;
      if (await userSeesSpace(db, userId, space.id)) out.push(userId);
    }
    return out;
  }
}
