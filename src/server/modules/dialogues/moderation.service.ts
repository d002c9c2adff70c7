import type { z } from 'zod';
import type { Post, Report, ReportList, Thread, postModerationSchema, resolveReportSchema, threadModerationSchema } from '@/contracts/dialogues';
import type { RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { isSecretariat, requireActor } from '../../platform/permissions';
import { orNotFound, postAccess, standing, threadAccess } from './dialogues.access';
import { canModerate } from './dialogues.policy';
import { dialoguesRepository as repo } from './dialogues.repository';
import type { DialogueThreadsTable } from './dialogues.tables';
import { plainText } from './markdown';
import type { PostsService } from './posts.service';
import type { DialogueSearchService } from './search.service';
import type { ThreadsService } from './threads.service';

type Out<T extends z.ZodType> = z.output<T>;

const threadFlags: Record<string, Partial<DialogueThreadsTable>> = {
  pin: { pinned: 1 }, unpin: { pinned: 0 }, lock: { locked: 1 }, unlock: { locked: 0 }, hide: { hidden: 1 }, unhide: { hidden: 0 },
};

/** Moderation (space moderators and the secretariat; every action audited with its reason) and reports of posts. */
export class ModerationService {
  constructor(
    private readonly d: PlatformDeps,
    private readonly index: DialogueSearchService,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
  ) {}

  /** Pin, lock, hide (and undo) or move a thread to another space the moderator also moderates. */
  async moderateThread(ctx: RequestContext, threadId: string, input: Out<typeof threadModerationSchema>): Promise<Thread> {
    const actor = requireActor(ctx);
    const { thread, moderator } = await threadAccess(this.d.db, actor, threadId);
    if (!moderator) throw errors.forbidden('Only the space\'s moderators and the secretariat moderate threads.');
    let change: Partial<DialogueThreadsTable>;
    if (input.action === 'move') {
      if (!input.spaceId) throw errors.field('spaceId', 'Choose the space to move the thread to.');
      if (input.spaceId === thread.space_id) throw errors.field('spaceId', 'The thread is already in this space.');
      const target = await standing(this.d.db, actor, input.spaceId).catch(() => {
        throw errors.field('spaceId', 'The space was not found.');
      });
      if (!canModerate(actor, target)) throw errors.forbidden('You moderate only one of the two spaces.');
      change = { space_id: input.spaceId };
    } else {
      change = threadFlags[input.action] ?? {};
    }
    await this.d.db.transaction().execute(async (trx) => {
      await repo.updateThread(trx, threadId, { ...change, updated_at: this.d.clock.now().toISOString() });
      const before = Object.fromEntries(Object.keys(change).map((k) => [k, thread[k as keyof DialogueThreadsTable]]));
      await this.d.audit.record(trx, ctx, { action: `dialogue.thread_${input.action}`, entity: 'dialogue_thread', entityId: threadId, before, after: { ...change, reason: input.reason } });
    });
    return this.threads.getThread(ctx, threadId);
  }

  /** Hide or unhide a post: a hidden post is no longer found by search. */
  async moderatePost(ctx: RequestContext, postId: string, input: Out<typeof postModerationSchema>): Promise<Post> {
    const actor = requireActor(ctx);
    const { post, moderator } = await postAccess(this.d.db, actor, postId);
    if (!moderator) throw errors.forbidden('Only the space\'s moderators and the secretariat moderate posts.');
    const hidden = input.action === 'hide' ? 1 : 0;
    await this.d.db.transaction().execute(async (trx) => {
      await repo.updatePost(trx, postId, { hidden });
      if (hidden) await this.index.unindexPost(trx, postId);
      else await this.index.indexPost(trx, post);
      await this.d.audit.record(trx, ctx, { action: `dialogue.post_${input.action}`, entity: 'dialogue_post', entityId: postId, before: { hidden: post.hidden }, after: { hidden, reason: input.reason } });
    });
    return this.posts.onePost(actor, postId);
  }

  /** Anyone who sees a post may report it to the moderators. */
  async report(ctx: RequestContext, postId: string, reason: string): Promise<{ id: string }> {
    const actor = requireActor(ctx);
    await postAccess(this.d.db, actor, postId);
    const id = newId();
    await this.d.db.transaction().execute(async (trx) => {
      await repo.insertReport(trx, { id, post_id: postId, reporter_id: actor.id, reason, status: 'open', resolution: null, resolved_by: null, resolved_at: null, created_at: this.d.clock.now().toISOString() });
      await this.d.audit.record(trx, ctx, { action: 'dialogue.post_reported', entity: 'dialogue_post', entityId: postId, after: { reportId: id, reason } });
    });
    return { id };
  }

  /** Reports in the spaces the viewer moderates (all of them for the secretariat). */
  async reports(ctx: RequestContext, status: 'open' | 'resolved'): Promise<ReportList> {
    const actor = requireActor(ctx);
    const secretariat = isSecretariat(actor);
    if (!secretariat && !(await repo.moderatesAnySpace(this.d.db, actor.id))) throw errors.forbidden('Reports are for the moderators of spaces and the secretariat.');
    const rows = await repo.reports(this.d.db, status, secretariat ? null : actor.id);
    return {
      items: rows.map((r): Report => ({
        id: r.id, reason: r.reason, status: r.status as Report['status'], resolution: r.resolution, createdAt: r.created_at, resolvedAt: r.resolved_at,
        reporter: r.reporter_id ? { id: r.reporter_id, displayName: r.reporter_name ?? '' } : null,
        post: { id: r.post_id, excerpt: plainText(r.body_source, 200), hidden: r.hidden === 1, author: r.author_id ? { id: r.author_id, displayName: r.author_name ?? '' } : null },
        thread: { id: r.thread_id, title: r.title }, space: { id: r.space_id, name: r.space_name },
      })),
    };
  }

  /** Resolve an open report with a reason, optionally hiding the post in the same transaction. */
  async resolveReport(ctx: RequestContext, reportId: string, input: Out<typeof resolveReportSchema>): Promise<{ ok: true }> {
    const actor = requireActor(ctx);
    const report = await repo.report(this.d.db, reportId);
    if (!report) throw errors.notFound('The report');
    const { post, moderator } = await orNotFound(postAccess(this.d.db, actor, report.post_id), 'The report');
    if (!moderator) throw errors.forbidden('Only the space\'s moderators and the secretariat act on reports.');
    if (report.status !== 'open') throw errors.conflict('This report has already been resolved.');
    await this.d.db.transaction().execute(async (trx) => {
      const now = this.d.clock.now().toISOString();
      await repo.updateReport(trx, reportId, { status: 'resolved', resolution: input.reason, resolved_by: actor.id, resolved_at: now });
      await this.d.audit.record(trx, ctx, { action: 'dialogue.report_resolved', entity: 'dialogue_report', entityId: reportId, before: { status: 'open' }, after: { status: 'resolved', reason: input.reason, hidePost: input.hidePost } });
      if (input.hidePost && !post.hidden) {
        await repo.updatePost(trx, post.id, { hidden: 1 });
        await this.index.unindexPost(trx, post.id);
        await this.d.audit.record(trx, ctx, { action: 'dialogue.post_hide', entity: 'dialogue_post', entityId: post.id, before: { hidden: 0 }, after: { hidden: 1, reason: input.reason, reportId } });
      }
    });
    return { ok: true };
  }
}
