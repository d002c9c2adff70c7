import type { Readable } from 'node:stream';
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  Post, PostPage, Report, ReportList, Space, SpaceList, SpaceMember, Thread, ThreadList, ThreadSummary,
  postInputSchema, postModerationSchema, resolveReportSchema, spaceInputSchema, spaceMemberInputSchema, spacePatchSchema,
  threadInputSchema, threadModerationSchema,
} from '@/contracts/dialogues';
import type { DB } from '../../db/schema';
import type { Actor, RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { AppError, errors } from '../../platform/errors';
import type { FileStore } from '../../platform/files/file-store';
import type { Upload } from '../../platform/files/multipart';
import { isSecretariat, requireActor } from '../../platform/permissions';
import { canManageSpaces, canModerate, isMemberRole, spaceVisibleTo, type SpaceStanding } from './dialogues.policy';
import type { DialoguePostsTable, DialogueSpacesTable, DialogueThreadsTable } from './dialogues.tables';
import { plainText, renderMarkdown } from './markdown';
import type { DialogueSearchService } from './search.service';

type Db = Kysely<DB> | Transaction<DB>;
type TEb = ExpressionBuilder<DB & { t: DialogueThreadsTable }, 't'>;
type Out<T extends z.ZodType> = z.output<T>;

const enc = encodeURIComponent;
/** Attachments per post, at most. */
const MAX_ATTACHMENTS = 5;

export interface Download {
  body: Readable;
  size: number;
  contentType: string;
  fileName: string;
}

/** Keyset cursors: a JSON array of the sort key, base64url. */
function encodeKey(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}
function decodeKey<T extends (string | number)[]>(cursor: string, shape: ('string' | 'number')[]): T {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === shape.length && parts.every((p, i) => typeof p === shape[i])) return parts as T;
  } catch {
    /* fall through */
  }
  throw errors.field('cursor', 'The cursor is not valid.');
}

/** A user as the policy sees them, for someone who is not making the request (mentions, followers). */
async function actorOf(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.selectFrom('users').select(['id', 'role', 'status']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.status !== 'active') return null;
  const scopes = await db.selectFrom('user_member_scopes').select('member_code').where('user_id', '=', userId).execute();
  return { id: user.id, role: user.role as Actor['role'], memberScopes: scopes.map((s) => s.member_code), sessionId: '', mustEnrollTotp: false };
}

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

/** Thematic dialogues: spaces, threads, posts, follows, unread markers, moderation and reports. */
export class DialoguesService {
  constructor(private readonly d: PlatformDeps, private readonly files: FileStore, private readonly index: DialogueSearchService) {}

  // --- access ---------------------------------------------------------------------------------------------

  /** The space and where the viewer stands in it; 404 when the viewer may not see it (researchers: 403 on open spaces). */
  private async standing(db: Db, actor: Actor, spaceId: string): Promise<SpaceStanding> {
    const space = await db.selectFrom('dialogue_spaces').selectAll().where('id', '=', spaceId).where(spaceVisibleTo(actor)).executeTakeFirst();
    if (!space) {
      if (!isMemberRole(actor)) {
        const open = await db.selectFrom('dialogue_spaces').select('id').where('id', '=', spaceId).where('access', '=', 'members').where('event_id', 'is', null).executeTakeFirst();
        if (open) throw errors.forbidden('This space is open to Members (officials, coordinators and the secretariat).');
      }
      throw errors.notFound('The space');
    }
    const row = await db.selectFrom('dialogue_space_members').select('role').where('space_id', '=', spaceId).where('user_id', '=', actor.id).executeTakeFirst();
    return { space, role: row ? (row.role as 'member' | 'moderator') : null };
  }

  /** A thread the viewer may see (hidden threads: its author and the moderators), with the space standing. */
  private async threadAccess(db: Db, actor: Actor, threadId: string): Promise<{ thread: DialogueThreadsTable; standing: SpaceStanding; moderator: boolean }> {
    const thread = await db.selectFrom('dialogue_threads').selectAll().where('id', '=', threadId).executeTakeFirst();
    if (!thread) throw errors.notFound('The thread');
    const standing = await this.standing(db, actor, thread.space_id).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 403) throw e;
      throw errors.notFound('The thread');
    });
    const moderator = canModerate(actor, standing);
    if (thread.hidden && !moderator && thread.author_id !== actor.id) throw errors.notFound('The thread');
    return { thread, standing, moderator };
  }

  private async postAccess(db: Db, actor: Actor, postId: string): Promise<{ post: DialoguePostsTable; thread: DialogueThreadsTable; standing: SpaceStanding; moderator: boolean }> {
    const post = await db.selectFrom('dialogue_posts').selectAll().where('id', '=', postId).executeTakeFirst();
    if (!post) throw errors.notFound('The post');
    const access = await this.threadAccess(db, actor, post.thread_id).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 403) throw e;
      throw errors.notFound('The post');
    });
    if (post.hidden && !access.moderator && post.author_id !== actor.id) throw errors.notFound('The post');
    return { post, ...access };
  }

  // --- spaces ---------------------------------------------------------------------------------------------

  async listSpaces(ctx: RequestContext): Promise<SpaceList> {
    const actor = requireActor(ctx);
    const spaces = await this.d.db.selectFrom('dialogue_spaces').selectAll().where(spaceVisibleTo(actor)).orderBy('name').orderBy('id').execute();
    return { items: await this.presentSpaces(actor, spaces), canCreate: canManageSpaces(actor) };
  }

  async getSpace(ctx: RequestContext, spaceId: string): Promise<Space> {
    const actor = requireActor(ctx);
    const { space } = await this.standing(this.d.db, actor, spaceId);
    const [out] = await this.presentSpaces(actor, [space]);
    if (!out) throw errors.notFound('The space');
    return out;
  }

  private async presentSpaces(actor: Actor, spaces: DialogueSpacesTable[]): Promise<Space[]> {
    if (spaces.length === 0) return [];
    const db = this.d.db;
    const ids = spaces.map((s) => s.id);
    const roles = new Map((await db.selectFrom('dialogue_space_members').select(['space_id', 'role']).where('user_id', '=', actor.id).where('space_id', 'in', ids).execute()).map((r) => [r.space_id, r.role]));
    const follows = new Set((await db.selectFrom('dialogue_follows').select('target_id').where('user_id', '=', actor.id).where('target_type', '=', 'space').where('target_id', 'in', ids).execute()).map((r) => r.target_id));
    const eventIds = spaces.map((s) => s.event_id).filter((e): e is string => !!e);
    const events = new Map(eventIds.length ? (await db.selectFrom('events').select(['id', 'title']).where('id', 'in', eventIds).execute()).map((e) => [e.id, e.title]) : []);
    const out: Space[] = [];
    for (const s of spaces) {
      const standing: SpaceStanding = { space: s, role: (roles.get(s.id) as SpaceStanding['role']) ?? null };
      const moderator = canModerate(actor, standing);
      const visible = this.visibleThreads(actor, moderator);
      const counts = await db.selectFrom('dialogue_threads as t').where('t.space_id', '=', s.id).where(visible)
        .select((eb) => [
          eb.fn.countAll<string | number>().as('threads'),
          eb.fn.sum<string | number | null>(eb.case().when(this.hasUnread(eb, actor, moderator)).then(1).else(0).end()).as('unread'),
        ])
        .executeTakeFirstOrThrow();
      out.push({
        id: s.id, name: s.name, description: s.description, kind: s.kind as Space['kind'], themeCode: s.theme_code, workingGroupCode: s.working_group_code,
        event: s.event_id ? { id: s.event_id, title: events.get(s.event_id) ?? '' } : null,
        access: s.access as Space['access'], threadCount: Number(counts.threads), unreadThreads: Number(counts.unread ?? 0),
        following: follows.has(s.id), canModerate: moderator, canManage: canManageSpaces(actor), canPost: true,
      });
    }
    return out;
  }

  /** Threads the viewer sees in a space they see: not hidden, or their own, or any for a moderator. */
  private visibleThreads(actor: Actor, moderator: boolean) {
    return (eb: TEb) =>
      moderator ? eb.lit(true) : eb.or([eb('t.hidden', '=', 0), eb('t.author_id', '=', actor.id)]);
  }

  /** Posts of thread `t` that the viewer has not read (their own posts never count; hidden ones neither, for others). */
  private unreadPosts(eb: TEb, actor: Actor, moderator: boolean) {
    return eb.selectFrom('dialogue_posts as p')
      .leftJoin('dialogue_reads as r', (j) => j.onRef('r.thread_id', '=', 'p.thread_id').on('r.user_id', '=', actor.id))
      .whereRef('p.thread_id', '=', 't.id')
      .where((w) => w.or([w('p.author_id', 'is', null), w('p.author_id', '!=', actor.id)]))
      .where((w) => (moderator ? w.lit(true) : w('p.hidden', '=', 0)))
      .where((w) => w.or([
        w('r.last_post_at', 'is', null),
        w('p.created_at', '>', w.ref('r.last_post_at')),
        w.and([w('p.created_at', '=', w.ref('r.last_post_at')), w('p.id', '>', w.ref('r.last_post_id'))]),
      ]));
  }

  private hasUnread(eb: TEb, actor: Actor, moderator: boolean) {
    return eb.exists(this.unreadPosts(eb, actor, moderator).select('p.id'));
  }

  async createSpace(ctx: RequestContext, input: Out<typeof spaceInputSchema>): Promise<Space> {
    const actor = requireActor(ctx);
    if (!canManageSpaces(actor)) throw errors.forbidden('Only the secretariat creates spaces.');
    const values = await this.checkSpaceLinks(input);
    const now = this.d.clock.now().toISOString();
    const space: DialogueSpacesTable = { id: newId(), name: input.name, description: input.description, access: input.access, ...values, created_by: actor.id, created_at: now, updated_at: now };
    await this.d.db.transaction().execute(async (trx) => {
      await trx.insertInto('dialogue_spaces').values(space).execute();
      await this.d.audit.record(trx, ctx, { action: 'dialogue.space_created', entity: 'dialogue_space', entityId: space.id, after: { ...space } });
    });
    return this.getSpace(ctx, space.id);
  }

  private async checkSpaceLinks(input: Out<typeof spaceInputSchema>): Promise<Pick<DialogueSpacesTable, 'kind' | 'theme_code' | 'working_group_code' | 'event_id'>> {
    const db = this.d.db;
    if (input.kind === 'theme') {
      if (!input.themeCode || !(await db.selectFrom('themes').select('code').where('code', '=', input.themeCode).executeTakeFirst())) throw errors.field('themeCode', 'Choose one of the shared concerns.');
      return { kind: 'theme', theme_code: input.themeCode, working_group_code: null, event_id: null };
    }
    if (input.kind === 'working_group') {
      if (!input.workingGroupCode || !(await db.selectFrom('working_groups').select('code').where('code', '=', input.workingGroupCode).executeTakeFirst())) throw errors.field('workingGroupCode', 'Choose a working group.');
      return { kind: 'working_group', theme_code: null, working_group_code: input.workingGroupCode, event_id: null };
    }
    if (!input.eventId || !(await db.selectFrom('events').select('id').where('id', '=', input.eventId).executeTakeFirst())) throw errors.field('eventId', 'Choose an event.');
    return { kind: 'event', theme_code: null, working_group_code: null, event_id: input.eventId };
  }

  async updateSpace(ctx: RequestContext, spaceId: string, patch: Out<typeof spacePatchSchema>): Promise<Space> {
    const actor = requireActor(ctx);
    if (!canManageSpaces(actor)) throw errors.forbidden('Only the secretariat changes spaces.');
    const { space } = await this.standing(this.d.db, actor, spaceId);
    const changes = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.access !== undefined ? { access: patch.access } : {}),
    };
    await this.d.db.transaction().execute(async (trx) => {
      await trx.updateTable('dialogue_spaces').set({ ...changes, updated_at: this.d.clock.now().toISOString() }).where('id', '=', spaceId).execute();
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, space[k as keyof DialogueSpacesTable]]));
      await this.d.audit.record(trx, ctx, { action: 'dialogue.space_updated', entity: 'dialogue_space', entityId: spaceId, before, after: changes });
    });
    return this.getSpace(ctx, spaceId);
  }

  async members(ctx: RequestContext, spaceId: string): Promise<{ items: SpaceMember[] }> {
    const actor = requireActor(ctx);
    const standing = await this.standing(this.d.db, actor, spaceId);
    if (!canModerate(actor, standing)) throw errors.forbidden('The member list is for the space\'s moderators and the secretariat.');
    const rows = await this.d.db.selectFrom('dialogue_space_members as m').innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'm.role', 'm.added_at', 'u.display_name', 'u.email']).where('m.space_id', '=', spaceId).orderBy('u.display_name').execute();
    return { items: rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, email: r.email, role: r.role as SpaceMember['role'], addedAt: r.added_at })) };
  }

  async addMember(ctx: RequestContext, spaceId: string, input: Out<typeof spaceMemberInputSchema>): Promise<{ items: SpaceMember[] }> {
    const actor = requireActor(ctx);
    if (!canManageSpaces(actor)) throw errors.forbidden('Only the secretariat adds members and appoints moderators.');
    await this.standing(this.d.db, actor, spaceId);
    const user = await this.d.db.selectFrom('users').select(['id', 'status']).where(sql<string>`lower(email)`, '=', input.email.toLowerCase()).executeTakeFirst();
    if (!user || user.status !== 'active') throw errors.field('email', 'No active account has this email address.');
    await this.d.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('dialogue_space_members').select('role').where('space_id', '=', spaceId).where('user_id', '=', user.id).executeTakeFirst();
      const now = this.d.clock.now().toISOString();
      await trx.insertInto('dialogue_space_members').values({ space_id: spaceId, user_id: user.id, role: input.role, added_by: actor.id, added_at: now })
        .onConflict((oc) => oc.columns(['space_id', 'user_id']).doUpdateSet({ role: input.role })).execute();
      await this.d.audit.record(trx, ctx, { action: input.role === 'moderator' ? 'dialogue.moderator_appointed' : 'dialogue.member_added', entity: 'dialogue_space', entityId: spaceId, before: before ? { userId: user.id, role: before.role } : null, after: { userId: user.id, role: input.role } });
    });
    return this.members(ctx, spaceId);
  }

  async removeMember(ctx: RequestContext, spaceId: string, userId: string): Promise<{ items: SpaceMember[] }> {
    const actor = requireActor(ctx);
    if (!canManageSpaces(actor)) throw errors.forbidden('Only the secretariat removes members.');
    await this.standing(this.d.db, actor, spaceId);
    await this.d.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('dialogue_space_members').select('role').where('space_id', '=', spaceId).where('user_id', '=', userId).executeTakeFirst();
      if (!before) throw errors.notFound('The member');
      await trx.deleteFrom('dialogue_space_members').where('space_id', '=', spaceId).where('user_id', '=', userId).execute();
      await this.d.audit.record(trx, ctx, { action: 'dialogue.member_removed', entity: 'dialogue_space', entityId: spaceId, before: { userId, role: before.role } });
    });
    return this.members(ctx, spaceId);
  }

  // --- threads --------------------------------------------------------------------------------------------

  async listThreads(ctx: RequestContext, spaceId: string, q: { limit: number; cursor?: string | undefined }): Promise<ThreadList> {
    const actor = requireActor(ctx);
    const standing = await this.standing(this.d.db, actor, spaceId);
    const moderator = canModerate(actor, standing);
    let query = this.threadQuery(actor, moderator).where('t.space_id', '=', spaceId);
    if (q.cursor) {
      const [pinned, at, id] = decodeKey<[number, string, string]>(q.cursor, ['number', 'string', 'string']);
      query = query.where((eb) => eb.or([
        eb('t.pinned', '<', pinned),
        eb.and([eb('t.pinned', '=', pinned), eb.or([eb('t.last_post_at', '<', at), eb.and([eb('t.last_post_at', '=', at), eb('t.id', '<', id)])])]),
      ]));
    }
    const rows = await query.orderBy('t.pinned', 'desc').orderBy('t.last_post_at', 'desc').orderBy('t.id', 'desc').limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return { items: page.map(presentThread), nextCursor: rows.length > q.limit && last ? encodeKey([last.pinned, last.last_post_at, last.id]) : null };
  }

  private threadQuery(actor: Actor, moderator: boolean) {
    return this.d.db.selectFrom('dialogue_threads as t')
      .where(this.visibleThreads(actor, moderator))
      .selectAll('t')
      .select((eb) => [
        eb.selectFrom('users as a').select('a.display_name').whereRef('a.id', '=', 't.author_id').as('author_name'),
        this.unreadPosts(eb, actor, moderator).select((s) => s.fn.countAll<string | number>().as('n')).as('unread'),
      ]);
  }

  async getThread(ctx: RequestContext, threadId: string): Promise<Thread> {
    const actor = requireActor(ctx);
    const { thread, standing, moderator } = await this.threadAccess(this.d.db, actor, threadId);
    const row = await this.threadQuery(actor, moderator).where('t.id', '=', thread.id).executeTakeFirstOrThrow();
    const following = !!(await this.d.db.selectFrom('dialogue_follows').select('user_id').where('user_id', '=', actor.id).where('target_type', '=', 'thread').where('target_id', '=', threadId).executeTakeFirst());
    return {
      ...presentThread(row), space: { id: standing.space.id, name: standing.space.name }, following, canModerate: moderator,
      canReply: !thread.locked && !thread.hidden, maxUploadMb: this.d.config.UPLOAD_MAX_MB,
    };
  }

  async createThread(ctx: RequestContext, spaceId: string, input: Out<typeof threadInputSchema>): Promise<Thread> {
    const actor = requireActor(ctx);
    const { space } = await this.standing(this.d.db, actor, spaceId);
    const now = this.d.clock.now().toISOString();
    const thread: DialogueThreadsTable = { id: newId(), space_id: spaceId, title: input.title, author_id: actor.id, pinned: 0, locked: 0, hidden: 0, post_count: 1, last_post_at: now, created_at: now, updated_at: now };
    const post = this.newPost(thread.id, actor.id, input.body, now, null);
    const mail = await this.d.db.transaction().execute(async (trx) => {
      await trx.insertInto('dialogue_threads').values(thread).execute();
      await trx.insertInto('dialogue_posts').values(post).execute();
      await this.index.indexTitle(trx, thread.id, thread.title);
      await this.index.indexPost(trx, post);
      await this.follow(trx, actor.id, 'thread', thread.id, now);
      await this.markRead(trx, actor.id, thread.id, post);
      await this.d.audit.record(trx, ctx, { action: 'dialogue.thread_created', entity: 'dialogue_thread', entityId: thread.id, after: { spaceId, title: thread.title, postId: post.id, body: post.body_source } });
      const mentioned = await this.notifyMentions(trx, actor, space, thread, post);
      const followers = await this.followersOf(trx, 'space', spaceId, space, [actor.id, ...mentioned.userIds]);
      const ids = await this.d.notifier.notify(trx, {
        kind: 'thread_activity', userIds: followers,
        subject: `New thread in ${space.name}: ${thread.title}`,
        text: `${await this.nameOf(trx, actor.id)} started "${thread.title}" in ${space.name}:\n\n${plainText(post.body_source, 500)}`,
        link: `/dialogues/threads/${enc(thread.id)}`,
      });
      return [...ids, ...mentioned.mail];
    });
    await this.d.mailer.dispatch(mail);
    return this.getThread(ctx, thread.id);
  }

  private newPost(threadId: string, authorId: string, body: string, at: string, quote: { postId: string; text: string } | null): DialoguePostsTable {
    return { id: newId(), thread_id: threadId, author_id: authorId, body_source: body, body_html: renderMarkdown(body), quote_post_id: quote?.postId ?? null, quote_text: quote?.text ?? null, hidden: 0, created_at: at, edited_at: null };
  }

  private async nameOf(db: Db, userId: string): Promise<string> {
    return (await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst())?.display_name ?? 'Someone';
  }

  /** Mentioned users who may see the space get a 'mention' notice; returns their ids. */
  private async notifyMentions(trx: Transaction<DB>, actor: Actor, space: DialogueSpacesTable, thread: DialogueThreadsTable, post: DialoguePostsTable): Promise<{ userIds: string[]; mail: string[] }> {
    if (!post.body_source.includes('@') || thread.hidden) return { userIds: [], mail: [] };
    const users = await trx.selectFrom('users').select(['id', 'display_name', 'email']).where('status', '=', 'active').execute();
    const ids: string[] = [];
    for (const id of findMentions(post.body_source, users)) {
      if (id === actor.id) continue;
      if (await this.userSeesSpace(trx, id, space.id)) ids.push(id);
    }
    if (ids.length === 0) return { userIds: [], mail: [] };
    const mail = await this.d.notifier.notify(trx, {
      kind: 'mention', userIds: ids,
      subject: `${await this.nameOf(trx, actor.id)} mentioned you in "${thread.title}"`,
      text: `${await this.nameOf(trx, actor.id)} mentioned you in "${thread.title}" (${space.name}):\n\n${plainText(post.body_source, 500)}`,
      link: `/dialogues/threads/${enc(thread.id)}`,
    });
    return { userIds: ids, mail };
  }

  private async userSeesSpace(db: Db, userId: string, spaceId: string): Promise<boolean> {
    const who = await actorOf(db, userId);
    if (!who) return false;
    return !!(await db.selectFrom('dialogue_spaces').select('id').where('id', '=', spaceId).where(spaceVisibleTo(who)).executeTakeFirst());
  }

  /** Followers of a space or thread who still see the space, less those to leave out. */
  private async followersOf(db: Db, type: 'space' | 'thread', targetId: string, space: DialogueSpacesTable, except: string[]): Promise<string[]> {
    const rows = await db.selectFrom('dialogue_follows').select('user_id').where('target_type', '=', type).where('target_id', '=', targetId).execute();
    const out: string[] = [];
    for (const { user_id } of rows) {
      if (except.includes(user_id)) continue;
      if (await this.userSeesSpace(db, user_id, space.id)) out.push(user_id);
    }
    return out;
  }

  // --- posts ----------------------------------------------------------------------------------------------

  async posts(ctx: RequestContext, threadId: string, q: { limit: number; cursor?: string | undefined }): Promise<PostPage> {
    const actor = requireActor(ctx);
    const { moderator } = await this.threadAccess(this.d.db, actor, threadId);
    return this.postPage(actor, threadId, moderator, q);
  }

  /** One page of posts by keyset on (created_at, id): the index `dialogue_posts_keyset` answers it directly. */
  async postPage(actor: Actor, threadId: string, moderator: boolean, q: { limit: number; cursor?: string | undefined }): Promise<PostPage> {
    const db = this.d.db;
    let query = db.selectFrom('dialogue_posts as p').leftJoin('users as a', 'a.id', 'p.author_id')
      .selectAll('p').select('a.display_name as author_name')
      .where('p.thread_id', '=', threadId);
    if (!moderator) query = query.where((eb) => eb.or([eb('p.hidden', '=', 0), eb('p.author_id', '=', actor.id)]));
    if (q.cursor) {
      const [at, id] = decodeKey<[string, string]>(q.cursor, ['string', 'string']);
      // (created_at, id) > (at, id), written so that both databases use the index range on created_at.
      query = query.where((eb) => eb.and([eb('p.created_at', '>=', at), eb.or([eb('p.created_at', '>', at), eb('p.id', '>', id)])]));
    }
    const rows = await query.orderBy('p.created_at').orderBy('p.id').limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    const ids = page.map((p) => p.id);
    const attachments = ids.length ? await db.selectFrom('dialogue_attachments').select(['id', 'post_id', 'original_name', 'file_type', 'content_type', 'size_bytes']).where('post_id', 'in', ids).orderBy('created_at').execute() : [];
    const quoteIds = [...new Set(page.map((p) => p.quote_post_id).filter((x): x is string => !!x))];
    const quoted = new Map(quoteIds.length ? (await db.selectFrom('dialogue_posts as q').leftJoin('users as u', 'u.id', 'q.author_id').select(['q.id', 'u.display_name']).where('q.id', 'in', quoteIds).execute()).map((r) => [r.id, r.display_name]) : []);
    const last = page.at(-1);
    return {
      items: page.map((p): Post => ({
        id: p.id, threadId: p.thread_id, author: p.author_id ? { id: p.author_id, displayName: p.author_name ?? '' } : null,
        html: p.body_html, source: p.body_source,
        quote: p.quote_post_id && p.quote_text !== null ? { postId: p.quote_post_id, author: quoted.get(p.quote_post_id) ?? null, text: p.quote_text } : null,
        hidden: p.hidden === 1, mine: p.author_id === actor.id, createdAt: p.created_at, editedAt: p.edited_at,
        attachments: attachments.filter((a) => a.post_id === p.id).map((a) => ({ id: a.id, name: a.original_name ?? `attachment.${a.file_type}`, contentType: a.content_type, size: a.size_bytes, url: `/api/dialogues/attachments/${enc(a.id)}` })),
      })),
      nextCursor: rows.length > q.limit && last ? encodeKey([last.created_at, last.id]) : null,
    };
  }

  async reply(ctx: RequestContext, threadId: string, input: Out<typeof postInputSchema>): Promise<Post> {
    const actor = requireActor(ctx);
    const { thread, standing } = await this.threadAccess(this.d.db, actor, threadId);
    if (thread.locked) throw new AppError(409, 'thread_locked', 'This thread is locked: it takes no new replies.');
    if (thread.hidden) throw new AppError(409, 'thread_hidden', 'This thread is hidden by a moderator: it takes no new replies.');
    let quote: { postId: string; text: string } | null = null;
    if (input.quotePostId) {
      const quoted = await this.postAccess(this.d.db, actor, input.quotePostId).catch(() => null);
      if (!quoted || quoted.thread.id !== threadId) throw errors.field('quotePostId', 'The quoted post was not found in this thread.');
      quote = { postId: quoted.post.id, text: plainText(quoted.post.body_source, 500) };
    }
    const mail = await this.d.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('dialogue_threads').select(['last_post_at', 'locked']).where('id', '=', threadId).executeTakeFirstOrThrow();
      if (current.locked) throw new AppError(409, 'thread_locked', 'This thread is locked: it takes no new replies.');
      // Posts of a thread are strictly ordered in time, even when two arrive within the same millisecond.
      const now = this.d.clock.now();
      const after = new Date(new Date(current.last_post_at).getTime() + 1);
      const at = (now > after ? now : after).toISOString();
      const post = this.newPost(threadId, actor.id, input.body, at, quote);
      await trx.insertInto('dialogue_posts').values(post).execute();
      await this.index.indexPost(trx, post);
      await trx.updateTable('dialogue_threads').set((eb) => ({ post_count: eb('post_count', '+', 1), last_post_at: at, updated_at: at })).where('id', '=', threadId).execute();
      await this.markRead(trx, actor.id, threadId, post);
      await this.d.audit.record(trx, ctx, { action: 'dialogue.post_created', entity: 'dialogue_post', entityId: post.id, after: { threadId, body: post.body_source, quotePostId: post.quote_post_id } });
      const mentioned = await this.notifyMentions(trx, actor, standing.space, thread, post);
      const followers = await this.followersOf(trx, 'thread', threadId, standing.space, [actor.id, ...mentioned.userIds]);
      const ids = await this.d.notifier.notify(trx, {
        kind: 'thread_activity', userIds: followers,
        subject: `New reply in "${thread.title}"`,
        text: `${await this.nameOf(trx, actor.id)} replied in "${thread.title}" (${standing.space.name}):\n\n${plainText(post.body_source, 500)}`,
        link: `/dialogues/threads/${enc(threadId)}`,
      });
      return { ids: [...ids, ...mentioned.mail], postId: post.id };
    });
    await this.d.mailer.dispatch(mail.ids);
    return this.onePost(actor, mail.postId);
  }

  private async onePost(actor: Actor, postId: string): Promise<Post> {
    const { post, moderator } = await this.postAccess(this.d.db, actor, postId);
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
    const { post, thread } = await this.postAccess(this.d.db, actor, postId);
    if (post.author_id !== actor.id) throw errors.forbidden('Only the author edits a post.');
    if (thread.locked) throw new AppError(409, 'thread_locked', 'This thread is locked: its posts cannot be edited.');
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      await trx.updateTable('dialogue_posts').set({ body_source: body, body_html: renderMarkdown(body), edited_at: now }).where('id', '=', postId).execute();
      if (!post.hidden) await this.index.indexPost(trx, { ...post, body_source: body });
      await this.d.audit.record(trx, ctx, { action: 'dialogue.post_edited', entity: 'dialogue_post', entityId: postId, before: { body: post.body_source }, after: { body } });
    });
    return this.onePost(actor, postId);
  }

  preview(ctx: RequestContext, body: string): { html: string } {
    requireActor(ctx);
    return { html: renderMarkdown(body) };
  }

  // --- attachments ----------------------------------------------------------------------------------------

  /** 401/403/404/409 before the upload is read: only the post's author adds files, while the thread is open. */
  async checkAttach(ctx: RequestContext, postId: string): Promise<void> {
    const actor = requireActor(ctx);
    const { post, thread } = await this.postAccess(this.d.db, actor, postId);
    if (post.author_id !== actor.id) throw errors.forbidden('Only the author adds files to a post.');
    if (thread.locked) throw new AppError(409, 'thread_locked', 'This thread is locked.');
    const n = await this.d.db.selectFrom('dialogue_attachments').select((eb) => eb.fn.countAll<string | number>().as('n')).where('post_id', '=', postId).executeTakeFirstOrThrow();
    if (Number(n.n) >= MAX_ATTACHMENTS) throw errors.field('file', `A post has at most ${MAX_ATTACHMENTS} files.`);
  }

  async attach(ctx: RequestContext, postId: string, upload: Upload): Promise<Post> {
    const actor = requireActor(ctx);
    try {
      await this.checkAttach(ctx, postId);
      const stored = await this.files.keep(upload.file);
      try {
        await this.d.db.transaction().execute(async (trx) => {
          const row = { id: newId(), post_id: postId, storage_key: stored.key, file_type: upload.file.type, content_type: upload.file.contentType, size_bytes: upload.file.size, sha256: upload.file.sha256, original_name: upload.file.originalName.slice(0, 255) || null, uploaded_by: actor.id, created_at: this.d.clock.now().toISOString() };
          await trx.insertInto('dialogue_attachments').values(row).execute();
          await this.d.audit.record(trx, ctx, { action: 'dialogue.attachment_added', entity: 'dialogue_post', entityId: postId, after: { attachmentId: row.id, fileType: row.file_type, size: row.size_bytes, sha256: row.sha256, originalName: row.original_name } });
        });
      } catch (err) {
        await this.files.remove(stored.key);
        throw err;
      }
    } finally {
      await this.files.discard(upload.file);
    }
    return this.onePost(actor, postId);
  }

  async download(ctx: RequestContext, attachmentId: string): Promise<Download> {
    const actor = requireActor(ctx);
    const a = await this.d.db.selectFrom('dialogue_attachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
    if (!a) throw errors.notFound('The file');
    await this.postAccess(this.d.db, actor, a.post_id).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 403) throw e;
      throw errors.notFound('The file');
    });
    const { stream, size } = await this.files.open(a.storage_key);
    return { body: stream, size, contentType: a.content_type, fileName: a.original_name ?? `attachment.${a.file_type}` };
  }

  // --- follows and reading --------------------------------------------------------------------------------

  private async follow(db: Db, userId: string, type: 'space' | 'thread', targetId: string, now: string): Promise<void> {
    await db.insertInto('dialogue_follows').values({ user_id: userId, target_type: type, target_id: targetId, created_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'target_type', 'target_id']).doNothing()).execute();
  }

  async setFollow(ctx: RequestContext, type: 'space' | 'thread', targetId: string, on: boolean): Promise<{ following: boolean }> {
    const actor = requireActor(ctx);
    if (type === 'space') await this.standing(this.d.db, actor, targetId);
    else await this.threadAccess(this.d.db, actor, targetId);
    await this.d.db.transaction().execute(async (trx) => {
      if (on) await this.follow(trx, actor.id, type, targetId, this.d.clock.now().toISOString());
      else await trx.deleteFrom('dialogue_follows').where('user_id', '=', actor.id).where('target_type', '=', type).where('target_id', '=', targetId).execute();
      await this.d.audit.record(trx, ctx, { action: on ? 'dialogue.followed' : 'dialogue.unfollowed', entity: type === 'space' ? 'dialogue_space' : 'dialogue_thread', entityId: targetId });
    });
    return { following: on };
  }

  /** Moves the viewer's read marker forward to a post (never back). Read markers are personal and not audited. */
  private async markRead(db: Db, userId: string, threadId: string, post: Pick<DialoguePostsTable, 'id' | 'created_at'>): Promise<void> {
    const now = this.d.clock.now().toISOString();
    const current = await db.selectFrom('dialogue_reads').select(['last_post_at', 'last_post_id']).where('user_id', '=', userId).where('thread_id', '=', threadId).executeTakeFirst();
    if (current && (current.last_post_at > post.created_at || (current.last_post_at === post.created_at && current.last_post_id >= post.id))) return;
    await db.insertInto('dialogue_reads').values({ user_id: userId, thread_id: threadId, last_post_at: post.created_at, last_post_id: post.id, updated_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'thread_id']).doUpdateSet({ last_post_at: post.created_at, last_post_id: post.id, updated_at: now })).execute();
  }

  async read(ctx: RequestContext, threadId: string, postId: string): Promise<{ unreadCount: number }> {
    const actor = requireActor(ctx);
    const { moderator } = await this.threadAccess(this.d.db, actor, threadId);
    const post = await this.d.db.selectFrom('dialogue_posts').select(['id', 'created_at', 'thread_id']).where('id', '=', postId).executeTakeFirst();
    if (!post || post.thread_id !== threadId) throw errors.field('postId', 'The post was not found in this thread.');
    await this.markRead(this.d.db, actor.id, threadId, post);
    const row = await this.threadQuery(actor, moderator).where('t.id', '=', threadId).executeTakeFirstOrThrow();
    return { unreadCount: Number(row.unread ?? 0) };
  }

  // --- moderation -----------------------------------------------------------------------------------------

  async moderateThread(ctx: RequestContext, threadId: string, input: Out<typeof threadModerationSchema>): Promise<Thread> {
    const actor = requireActor(ctx);
    const { thread, moderator } = await this.threadAccess(this.d.db, actor, threadId);
    if (!moderator) throw errors.forbidden('Only the space\'s moderators and the secretariat moderate threads.');
    const flags: Record<string, Partial<DialogueThreadsTable>> = {
      pin: { pinned: 1 }, unpin: { pinned: 0 }, lock: { locked: 1 }, unlock: { locked: 0 }, hide: { hidden: 1 }, unhide: { hidden: 0 },
    };
    let change: Partial<DialogueThreadsTable>;
    if (input.action === 'move') {
      if (!input.spaceId) throw errors.field('spaceId', 'Choose the space to move the thread to.');
      if (input.spaceId === thread.space_id) throw errors.field('spaceId', 'The thread is already in this space.');
      const target = await this.standing(this.d.db, actor, input.spaceId).catch(() => {
        throw errors.field('spaceId', 'The space was not found.');
      });
      if (!canModerate(actor, target)) throw errors.forbidden('You moderate only one of the two spaces.');
      change = { space_id: input.spaceId };
    } else {
      change = flags[input.action] ?? {};
    }
    await this.d.db.transaction().execute(async (trx) => {
      await trx.updateTable('dialogue_threads').set({ ...change, updated_at: this.d.clock.now().toISOString() }).where('id', '=', threadId).execute();
      const before = Object.fromEntries(Object.keys(change).map((k) => [k, thread[k as keyof DialogueThreadsTable]]));
      await this.d.audit.record(trx, ctx, { action: `dialogue.thread_${input.action}`, entity: 'dialogue_thread', entityId: threadId, before, after: { ...change, reason: input.reason } });
    });
    return this.getThread(ctx, threadId);
  }

  async moderatePost(ctx: RequestContext, postId: string, input: Out<typeof postModerationSchema>): Promise<Post> {
    const actor = requireActor(ctx);
    const { post, moderator } = await this.postAccess(this.d.db, actor, postId);
    if (!moderator) throw errors.forbidden('Only the space\'s moderators and the secretariat moderate posts.');
    const hidden = input.action === 'hide' ? 1 : 0;
    await this.d.db.transaction().execute(async (trx) => {
      await trx.updateTable('dialogue_posts').set({ hidden }).where('id', '=', postId).execute();
      if (hidden) await this.index.unindexPost(trx, postId);
      else await this.index.indexPost(trx, post);
      await this.d.audit.record(trx, ctx, { action: `dialogue.post_${input.action}`, entity: 'dialogue_post', entityId: postId, before: { hidden: post.hidden }, after: { hidden, reason: input.reason } });
    });
    return this.onePost(actor, postId);
  }

  async report(ctx: RequestContext, postId: string, reason: string): Promise<{ id: string }> {
    const actor = requireActor(ctx);
    await this.postAccess(this.d.db, actor, postId);
    const id = newId();
    await this.d.db.transaction().execute(async (trx) => {
      await trx.insertInto('dialogue_reports').values({ id, post_id: postId, reporter_id: actor.id, reason, status: 'open', resolution: null, resolved_by: null, resolved_at: null, created_at: this.d.clock.now().toISOString() }).execute();
      await this.d.audit.record(trx, ctx, { action: 'dialogue.post_reported', entity: 'dialogue_post', entityId: postId, after: { reportId: id, reason } });
    });
    return { id };
  }

  async reports(ctx: RequestContext, status: 'open' | 'resolved'): Promise<ReportList> {
    const actor = requireActor(ctx);
    let q = this.d.db.selectFrom('dialogue_reports as r')
      .innerJoin('dialogue_posts as p', 'p.id', 'r.post_id')
      .innerJoin('dialogue_threads as t', 't.id', 'p.thread_id')
      .innerJoin('dialogue_spaces as s', 's.id', 't.space_id')
      .leftJoin('users as ru', 'ru.id', 'r.reporter_id')
      .leftJoin('users as pu', 'pu.id', 'p.author_id')
      .select(['r.id', 'r.reason', 'r.status', 'r.resolution', 'r.created_at', 'r.resolved_at', 'r.reporter_id', 'ru.display_name as reporter_name',
        'p.id as post_id', 'p.body_source', 'p.hidden', 'p.author_id', 'pu.display_name as author_name', 't.id as thread_id', 't.title', 's.id as space_id', 's.name as space_name'])
      .where('r.status', '=', status);
    if (!isSecretariat(actor)) {
      const moderates = await this.d.db.selectFrom('dialogue_space_members').select('space_id').where('user_id', '=', actor.id).where('role', '=', 'moderator').executeTakeFirst();
      if (!moderates) throw errors.forbidden('Reports are for the moderators of spaces and the secretariat.');
      q = q.where((eb) => eb.exists(eb.selectFrom('dialogue_space_members as m').select('m.user_id').whereRef('m.space_id', '=', 's.id').where('m.user_id', '=', actor.id).where('m.role', '=', 'moderator')));
    }
    const rows = await q.orderBy('r.created_at', status === 'open' ? 'asc' : 'desc').orderBy('r.id').limit(200).execute();
    return {
      items: rows.map((r): Report => ({
        id: r.id, reason: r.reason, status: r.status as Report['status'], resolution: r.resolution, createdAt: r.created_at, resolvedAt: r.resolved_at,
        reporter: r.reporter_id ? { id: r.reporter_id, displayName: r.reporter_name ?? '' } : null,
        post: { id: r.post_id, excerpt: plainText(r.body_source, 200), hidden: r.hidden === 1, author: r.author_id ? { id: r.author_id, displayName: r.author_name ?? '' } : null },
        thread: { id: r.thread_id, title: r.title }, space: { id: r.space_id, name: r.space_name },
      })),
    };
  }

  async resolveReport(ctx: RequestContext, reportId: string, input: Out<typeof resolveReportSchema>): Promise<{ ok: true }> {
    const actor = requireActor(ctx);
    const report = await this.d.db.selectFrom('dialogue_reports').selectAll().where('id', '=', reportId).executeTakeFirst();
    if (!report) throw errors.notFound('The report');
    const { post, moderator } = await this.postAccess(this.d.db, actor, report.post_id).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 403) throw e;
      throw errors.notFound('The report');
    });
    if (!moderator) throw errors.forbidden('Only the space\'s moderators and the secretariat act on reports.');
    if (report.status !== 'open') throw errors.conflict('This report has already been resolved.');
    await this.d.db.transaction().execute(async (trx) => {
      const now = this.d.clock.now().toISOString();
      await trx.updateTable('dialogue_reports').set({ status: 'resolved', resolution: input.reason, resolved_by: actor.id, resolved_at: now }).where('id', '=', reportId).execute();
      await this.d.audit.record(trx, ctx, { action: 'dialogue.report_resolved', entity: 'dialogue_report', entityId: reportId, before: { status: 'open' }, after: { status: 'resolved', reason: input.reason, hidePost: input.hidePost } });
      if (input.hidePost && !post.hidden) {
        await trx.updateTable('dialogue_posts').set({ hidden: 1 }).where('id', '=', post.id).execute();
        await this.d.audit.record(trx, ctx, { action: 'dialogue.post_hide', entity: 'dialogue_post', entityId: post.id, before: { hidden: 0 }, after: { hidden: 1, reason: input.reason, reportId } });
      }
    });
    return { ok: true };
  }
}

function presentThread(t: DialogueThreadsTable & { author_name: string | null; unread: string | number | null }): ThreadSummary {
  return {
    id: t.id, spaceId: t.space_id, title: t.title, author: t.author_id ? { id: t.author_id, displayName: t.author_name ?? '' } : null,
    pinned: t.pinned === 1, locked: t.locked === 1, hidden: t.hidden === 1, postCount: t.post_count, unreadCount: Number(t.unread ?? 0),
    lastPostAt: t.last_post_at, createdAt: t.created_at,
  };
}
