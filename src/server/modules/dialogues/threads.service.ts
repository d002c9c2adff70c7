import type { z } from 'zod';
import type { Thread, ThreadList, ThreadSummary, threadInputSchema } from '@/contracts/dialogues';
import type { RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { requireActor } from '../../platform/permissions';
import { standing, threadAccess } from './dialogues.access';
import { canModerate } from './dialogues.policy';
import { dialoguesRepository as repo, type ThreadRow } from './dialogues.repository';
import type { DialogueThreadsTable } from './dialogues.tables';
import { decodeKey, encodeKey } from './keyset';
import { plainText } from './markdown';
import { threadLink, type DialogueNotices } from './notices';
import { newPost } from './posts.service';
import { markRead, saveFollow } from './reading';
import type { DialogueSearchService } from './search.service';

/** Threads of a space: listing, reading one, starting one, following one and marking it read. */
export class ThreadsService {
  constructor(private readonly d: PlatformDeps, private readonly index: DialogueSearchService, private readonly notices: DialogueNotices) {}

  async listThreads(ctx: RequestContext, spaceId: string, q: { limit: number; cursor?: string | undefined }): Promise<ThreadList> {
    const actor = requireActor(ctx);
    const moderator = canModerate(actor, await standing(this.d.db, actor, spaceId));
    const after = q.cursor ? decodeKey<[number, string, string]>(q.cursor, ['number', 'string', 'string']) : null;
    const rows = await repo.threadPage(this.d.db, actor.id, moderator, spaceId, after, q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return { items: page.map(presentThread), nextCursor: rows.length > q.limit && last ? encodeKey([last.pinned, last.last_post_at, last.id]) : null };
  }

  async getThread(ctx: RequestContext, threadId: string): Promise<Thread> {
    const actor = requireActor(ctx);
    const { thread, standing: inSpace, moderator } = await threadAccess(this.d.db, actor, threadId);
    const row = await repo.threadRow(this.d.db, actor.id, moderator, thread.id);
    const following = await repo.isFollowing(this.d.db, actor.id, 'thread', threadId);
    return {
      ...presentThread(row), space: { id: inSpace.space.id, name: inSpace.space.name }, following, canModerate: moderator,
      canReply: !thread.locked && !thread.hidden, maxUploadMb: this.d.config.UPLOAD_MAX_MB,
    };
  }

  /** A new thread with its first post; its author follows it, mentioned people and the space's followers hear of it. */
  async createThread(ctx: RequestContext, spaceId: string, input: z.output<typeof threadInputSchema>): Promise<Thread> {
    const actor = requireActor(ctx);
    const { space } = await standing(this.d.db, actor, spaceId);
    const now = this.d.clock.now().toISOString();
    const thread: DialogueThreadsTable = { id: newId(), space_id: spaceId, title: input.title, author_id: actor.id, pinned: 0, locked: 0, hidden: 0, post_count: 1, last_post_at: now, created_at: now, updated_at: now };
    const post = newPost(thread.id, actor.id, input.body, now, null);
    const mail = await this.d.db.transaction().execute(async (trx) => {
      await repo.insertThread(trx, thread);
      await repo.insertPost(trx, post);
      await this.index.indexTitle(trx, thread.id, thread.title);
      await this.index.indexPost(trx, post);
      await repo.follow(trx, actor.id, 'thread', thread.id, now);
      await markRead(trx, this.d.clock, actor.id, thread.id, post);
      await this.d.audit.record(trx, ctx, { action: 'dialogue.thread_created', entity: 'dialogue_thread', entityId: thread.id, after: { spaceId, title: thread.title, postId: post.id, body: post.body_source } });
      const mentioned = await this.notices.mentions(trx, actor, space, thread, post);
      const followers = await this.notices.followers(trx, 'space', spaceId, space, [actor.id, ...mentioned.userIds]);
      const ids = await this.d.notifier.notify(trx, {
        kind: 'thread_activity', userIds: followers,
        subject: `New thread in ${space.name}: ${thread.title}`,
        text: `${await this.notices.nameOf(trx, actor.id)} started "${thread.title}" in ${space.name}:\n\n${plainText(post.body_source, 500)}`,
        link: threadLink(thread.id),
      });
      return [...ids, ...mentioned.mail];
    });
    await this.d.mailer.dispatch(mail);
    return this.getThread(ctx, thread.id);
  }

  /** Follow a thread: its replies are notified. */
  async setFollow(ctx: RequestContext, threadId: string, on: boolean): Promise<{ following: boolean }> {
    await threadAccess(this.d.db, requireActor(ctx), threadId);
    return saveFollow(this.d, ctx, 'thread', threadId, on);
  }

  /** Marks the thread read up to one of its posts; answers what is still unread. */
  async read(ctx: RequestContext, threadId: string, postId: string): Promise<{ unreadCount: number }> {
    const actor = requireActor(ctx);
    const { moderator } = await threadAccess(this.d.db, actor, threadId);
    const post = await repo.postKey(this.d.db, postId);
    if (!post || post.thread_id !== threadId) throw errors.field('postId', 'The post was not found in this thread.');
    await markRead(this.d.db, this.d.clock, actor.id, threadId, post);
    const row = await repo.threadRow(this.d.db, actor.id, moderator, threadId);
    return { unreadCount: Number(row.unread ?? 0) };
  }
}

function presentThread(t: ThreadRow): ThreadSummary {
  return {
    id: t.id, spaceId: t.space_id, title: t.title, author: t.author_id ? { id: t.author_id, displayName: t.author_name ?? '' } : null,
    pinned: t.pinned === 1, locked: t.locked === 1, hidden: t.hidden === 1, postCount: t.post_count, unreadCount: Number(t.unread ?? 0),
    lastPostAt: t.last_post_at, createdAt: t.created_at,
  };
}
