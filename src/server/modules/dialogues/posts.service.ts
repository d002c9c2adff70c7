import type { z } from 'zod';
import type { Post, PostPage, postInputSchema } from '@/contracts/dialogues';
import type { Actor, RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { AppError, errors } from '../../platform/errors';
import { requireActor } from '../../platform/permissions';
import { postAccess, threadAccess } from './dialogues.access';
import { dialoguesRepository as repo } from './dialogues.repository';
import type { DialoguePostsTable } from './dialogues.tables';
import { decodeKey, encodeKey } from './keyset';
import { plainText, renderMarkdown } from './markdown';
import { threadLink, type DialogueNotices } from './notices';
import { markRead } from './reading';
import type { DialogueSearchService } from './search.service';

/** A post row ready to insert: its Markdown rendered (and sanitised) once, at write time. */
export function newPost(threadId: string, authorId: string, body: string, at: string, quote: { postId: string; text: string } | null): DialoguePostsTable {
  return { id: newId(), thread_id: threadId, author_id: authorId, body_source: body, body_html: renderMarkdown(body), quote_post_id: quote?.postId ?? null, quote_text: quote?.text ?? null, hidden: 0, created_at: at, edited_at: null };
}

/** Posts of a thread: paging, replying (with quotes, mentions and followers' notices), editing, previewing. */
export class PostsService {
  constructor(private readonly d: PlatformDeps, private readonly index: DialogueSearchService, private readonly notices: DialogueNotices) {}

  async posts(ctx: RequestContext, threadId: string, q: { limit: number; cursor?: string | undefined }): Promise<PostPage> {
    const actor = requireActor(ctx);
    const { moderator } = await threadAccess(this.d.db, actor, threadId);
    return this.postPage(actor, threadId, moderator, q);
  }

  /** One page of posts by keyset on (created_at, id), with their attachments and the authors of quoted posts. */
  async postPage(actor: Actor, threadId: string, moderator: boolean, q: { limit: number; cursor?: string | undefined }): Promise<PostPage> {
    const db = this.d.db;
    const after = q.cursor ? decodeKey<[string, string]>(q.cursor, ['string', 'string']) : null;
    const rows = await repo.postPage(db, actor.id, moderator, threadId, after, q.limit + 1);
    const page = rows.slice(0, q.limit);
    const attachments = await repo.attachmentsOf(db, page.map((p) => p.id));
    const quoted = await repo.quotedAuthors(db, [...new Set(page.map((p) => p.quote_post_id).filter((x): x is string => !!x))]);
    const last = page.at(-1);
    return {
      items: page.map((p): Post => ({
        id: p.id, threadId: p.thread_id, author: p.author_id ? { id: p.author_id, displayName: p.author_name ?? '' } : null,
        html: p.body_html, source: p.body_source,
        quote: p.quote_post_id && p.quote_text !== null ? { postId: p.quote_post_id, author: quoted.get(p.quote_post_id) ?? null, text: p.quote_text } : null,
        hidden: p.hidden === 1, mine: p.author_id === actor.id, createdAt: p.created_at, editedAt: p.edited_at,
        attachments: attachments.filter((a) => a.post_id === p.id).map((a) => ({ id: a.id, name: a.original_name ?? `attachment.${a.file_type}`, contentType: a.content_type, size: a.size_bytes, url: `/api/dialogues/attachments/${encodeURIComponent(a.id)}` })),
      })),
      nextCursor: rows.length > q.limit && last ? encodeKey([last.created_at, last.id]) : null,
    };
  }

  async reply(ctx: RequestContext, threadId: string, input: z.output<typeof postInputSchema>): Promise<Post> {
    const actor = requireActor(ctx);
    const { thread, standing } = await threadAccess(this.d.db, actor, threadId);
    if (thread.locked) throw new AppError(409, 'thread_locked', 'This thread is locked: it takes no new replies.');
    if (thread.hidden) throw new AppError(409, 'thread_hidden', 'This thread is hidden by a moderator: it takes no new replies.');
    let quote: { postId: string; text: string } | null = null;
    if (input.quotePostId) {
      const quoted = await postAccess(this.d.db, actor, input.quotePostId).catch(() => null);
      if (!quoted || quoted.thread.id !== threadId) throw errors.field('quotePostId', 'The quoted post was not found in this thread.');
      quote = { postId: quoted.post.id, text: plainText(quoted.post.body_source, 500) };
    }
    const mail = await this.d.db.transaction().execute(async (trx) => {
      const current = await repo.threadForReply(trx, threadId);
      if (current.locked) throw new AppError(409, 'thread_locked', 'This thread is locked: it takes no new replies.');
      // Posts of a thread are strictly ordered in time, even when two arrive within the same millisecond.
      const now = this.d.clock.now();
      const after = new Date(new Date(current.last_post_at).getTime() + 1);
      const at = (now > after ? now : after).toISOString();
      const post = newPost(threadId, actor.id, input.body, at, quote);
      await repo.insertPost(trx, post);
      await this.index.indexPost(trx, post);
      await repo.bumpThread(trx, threadId, at);
      await markRead(trx, this.d.clock, actor.id, threadId, post);
      await this.d.audit.record(trx, ctx, { action: 'dialogue.post_created', entity: 'dialogue_post', entityId: post.id, after: { threadId, body: post.body_source, quotePostId: post.quote_post_id } });
      const mentioned = await this.notices.mentions(trx, actor, standing.space, thread, post);
      const followers = await this.notices.followers(trx, 'thread', threadId, standing.space, [actor.id, ...mentioned.userIds]);
      const ids = await this.d.notifier.notify(trx, {
        kind: 'thread_activity', userIds: followers,
        subject: `New reply in "${thread.title}"`,
        text: `${await this.notices.nameOf(trx, actor.id)} replied in "${thread.title}" (${standing.space.name}):\n\n${plainText(post.body_source, 500)}`,
        link: threadLink(threadId),
      });
      return { ids: [...ids, ...mentioned.mail], postId: post.id };
    });
    await this.d.mailer.dispatch(mail.ids);
    return this.onePost(actor, mail.postId);
  }

  /** One post as its thread's page shows it to the viewer. */
  async onePost(actor: Actor, postId: string): Promise<Post> {
    const { post, moderator } = await postAccess(this.d.db, actor, postId);
    const page = await this.postPage(actor, post.thread_id, moderator, { limit: 10, cursor: encodeKey([new Date(new Date(post.created_at).getTime() - 1).toISOString(), '']) });
    const found = page.items.find((p) => p.id === postId);
    if (!found) throw errors.notFound('The post');
    return found;
  }

  async getPost(ctx: RequestContext, postId: string): Promise<Post> {
    return this.onePost(requireActor(ctx), postId);
  }

  async editPost(ctx: RequestContext, postId: string, body: string): Promise<Post> {
    const actor = requireActor(ctx);
    const { post, thread } = await postAccess(this.d.db, actor, postId);
    if (post.author_id !== actor.id) throw errors.forbidden('Only the author edits a post.');
    if (thread.locked) throw new AppError(409, 'thread_locked', 'This thread is locked: its posts cannot be edited.');
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      await repo.updatePost(trx, postId, { body_source: body, body_html: renderMarkdown(body), edited_at: now });
      if (!post.hidden) await this.index.indexPost(trx, { ...post, body_source: body });
      await this.d.audit.record(trx, ctx, { action: 'dialogue.post_edited', entity: 'dialogue_post', entityId: postId, before: { body: post.body_source }, after: { body } });
    });
    return this.onePost(actor, postId);
  }

  preview(ctx: RequestContext, body: string): { html: string } {
    requireActor(ctx);
    return { html: renderMarkdown(body) };
  }
}
