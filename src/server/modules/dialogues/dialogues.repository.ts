import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { containsInsensitive } from '../../db/dialect';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { spaceVisibleTo } from './dialogues.policy';
import type { DialogueAttachmentsTable, DialoguePostsTable, DialogueReportsTable, DialogueSpacesTable, DialoguesTables, DialogueThreadsTable } from './dialogues.tables';

export type Db = Kysely<DB> | Transaction<DB>;
type TEb = ExpressionBuilder<DB & { t: DialogueThreadsTable }, 't'>;
type FollowTarget = 'space' | 'thread';

/** A thread row as lists show it: with its author's name and the viewer's unread count. */
export type ThreadRow = DialogueThreadsTable & { author_name: string | null; unread: string | number | null };
/** A post row as pages show it: with its author's name. */
export type PostRow = DialoguePostsTable & { author_name: string | null };

/** Threads the viewer sees in a space they see: not hidden, or their own, or any for a moderator. */
function visibleThreads(viewerId: string, moderator: boolean) {
  return (eb: TEb) => (moderator ? eb.lit(true) : eb.or([eb('t.hidden', '=', 0), eb('t.author_id', '=', viewerId)]));
}

/** Posts of thread `t` that the viewer has not read (their own posts never count; hidden ones neither, for others). */
function unreadPosts(eb: TEb, viewerId: string, moderator: boolean) {
  return eb.selectFrom('dialogue_posts as p')
    .leftJoin('dialogue_reads as r', (j) => j.onRef('r.thread_id', '=', 'p.thread_id').on('r.user_id', '=', viewerId))
    .whereRef('p.thread_id', '=', 't.id')
    .where((w) => w.or([w('p.author_id', 'is', null), w('p.author_id', '!=', viewerId)]))
    .where((w) => (moderator ? w.lit(true) : w('p.hidden', '=', 0)))
    .where((w) => w.or([
      w('r.last_post_at', 'is', null),
      w('p.created_at', '>', w.ref('r.last_post_at')),
      w.and([w('p.created_at', '=', w.ref('r.last_post_at')), w('p.id', '>', w.ref('r.last_post_id'))]),
    ]));
}

function threadQuery(db: Db, viewerId: string, moderator: boolean) {
  return db.selectFrom('dialogue_threads as t')
    .where(visibleThreads(viewerId, moderator))
    .selectAll('t')
    .select((eb) => [
      eb.selectFrom('users as a').select('a.display_name').whereRef('a.id', '=', 't.author_id').as('author_name'),
      unreadPosts(eb, viewerId, moderator).select((s) => s.fn.countAll<string | number>().as('n')).as('unread'),
    ]);
}

/** All SQL of the dialogues (spaces, threads, posts, follows, reads, attachments, reports); the search index has its own. */
export const dialoguesRepository = {
  // --- users -------------------------------------------------------------------------------------------------

  user(db: Db, userId: string) {
    return db.selectFrom('users').select(['id', 'role', 'status']).where('id', '=', userId).executeTakeFirst();
  },

  async memberScopes(db: Db, userId: string): Promise<string[]> {
    return (await db.selectFrom('user_member_scopes').select('member_code').where('user_id', '=', userId).execute()).map((s) => s.member_code);
  },

  async userName(db: Db, userId: string): Promise<string | undefined> {
    return (await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst())?.display_name;
  },

  userByEmail(db: Db, email: string) {
    return db.selectFrom('users').select(['id', 'status']).where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  },

  activeUsers(db: Db) {
    return db.selectFrom('users').select(['id', 'display_name', 'email']).where('status', '=', 'active').execute();
  },

  // --- spaces ------------------------------------------------------------------------------------------------

  visibleSpace(db: Db, viewer: Actor, spaceId: string): Promise<DialogueSpacesTable | undefined> {
    return db.selectFrom('dialogue_spaces').selectAll().where('id', '=', spaceId).where(spaceVisibleTo(viewer)).executeTakeFirst();
  },

  async seesSpace(db: Db, viewer: Actor, spaceId: string): Promise<boolean> {
    return !!(await db.selectFrom('dialogue_spaces').select('id').where('id', '=', spaceId).where(spaceVisibleTo(viewer)).executeTakeFirst());
  },

  /** A space open to Members that is not an event's (researchers are told why they may not enter). */
  async isOpenSpace(db: Db, spaceId: string): Promise<boolean> {
    return !!(await db.selectFrom('dialogue_spaces').select('id').where('id', '=', spaceId).where('access', '=', 'members').where('event_id', 'is', null).executeTakeFirst());
  },

  visibleSpaces(db: Db, viewer: Actor): Promise<DialogueSpacesTable[]> {
    return db.selectFrom('dialogue_spaces').selectAll().where(spaceVisibleTo(viewer)).orderBy('name').orderBy('id').execute();
  },

  async insertSpace(db: Db, row: DialogueSpacesTable): Promise<void> {
    await db.insertInto('dialogue_spaces').values(row).execute();
  },

  async updateSpace(db: Db, spaceId: string, patch: Partial<DialogueSpacesTable>): Promise<void> {
    await db.updateTable('dialogue_spaces').set(patch).where('id', '=', spaceId).execute();
  },

  /** Thread count and the viewer's unread threads in one space. */
  threadCounts(db: Db, viewerId: string, spaceId: string, moderator: boolean) {
    return db.selectFrom('dialogue_threads as t').where('t.space_id', '=', spaceId).where(visibleThreads(viewerId, moderator))
      .select((eb) => [
        eb.fn.countAll<string | number>().as('threads'),
        eb.fn.sum<string | number | null>(eb.case().when(eb.exists(unreadPosts(eb, viewerId, moderator).select('p.id'))).then(1).else(0).end()).as('unread'),
      ])
      .executeTakeFirstOrThrow();
  },

  async themeExists(db: Db, code: string): Promise<boolean> {
    return !!(await db.selectFrom('themes').select('code').where('code', '=', code).executeTakeFirst());
  },

  async workingGroupExists(db: Db, code: string): Promise<boolean> {
    return !!(await db.selectFrom('working_groups').select('code').where('code', '=', code).executeTakeFirst());
  },

  async eventExists(db: Db, id: string): Promise<boolean> {
    return !!(await db.selectFrom('events').select('id').where('id', '=', id).executeTakeFirst());
  },

  async eventTitles(db: Db, eventIds: string[]): Promise<Map<string, string>> {
    if (eventIds.length === 0) return new Map();
    return new Map((await db.selectFrom('events').select(['id', 'title']).where('id', 'in', eventIds).execute()).map((e) => [e.id, e.title]));
  },

  // --- space members -----------------------------------------------------------------------------------------

  async memberRole(db: Db, spaceId: string, userId: string): Promise<string | undefined> {
    return (await db.selectFrom('dialogue_space_members').select('role').where('space_id', '=', spaceId).where('user_id', '=', userId).executeTakeFirst())?.role;
  },

  async memberRoles(db: Db, userId: string, spaceIds: string[]): Promise<Map<string, string>> {
    return new Map((await db.selectFrom('dialogue_space_members').select(['space_id', 'role']).where('user_id', '=', userId).where('space_id', 'in', spaceIds).execute()).map((r) => [r.space_id, r.role]));
  },

  async moderatesAnySpace(db: Db, userId: string): Promise<boolean> {
    return !!(await db.selectFrom('dialogue_space_members').select('space_id').where('user_id', '=', userId).where('role', '=', 'moderator').executeTakeFirst());
  },

  members(db: Db, spaceId: string) {
    return db.selectFrom('dialogue_space_members as m').innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'm.role', 'm.added_at', 'u.display_name', 'u.email']).where('m.space_id', '=', spaceId).orderBy('u.display_name').execute();
  },

  /** Active accounts whose name or email contains `q` (case-insensitive), with their role in the space if listed. */
  candidates(db: Db, spaceId: string, q: string, limit: number) {
    return db.selectFrom('users as u')
      .leftJoin('dialogue_space_members as m', (j) => j.onRef('m.user_id', '=', 'u.id').on('m.space_id', '=', spaceId))
      .select(['u.id', 'u.display_name', 'u.email', 'm.role'])
      .where('u.status', '=', 'active')
      .where((eb) => eb.or([containsInsensitive('u.display_name', q), containsInsensitive('u.email', q)]))
      .orderBy('u.display_name').orderBy('u.id').limit(limit).execute();
  },

  /** Adds a member, or changes the role of one already listed. */
  async saveMember(db: Db, row: DialoguesTables['dialogue_space_members']): Promise<void> {
    await db.insertInto('dialogue_space_members').values(row).onConflict((oc) => oc.columns(['space_id', 'user_id']).doUpdateSet({ role: row.role })).execute();
  },

  async removeMember(db: Db, spaceId: string, userId: string): Promise<void> {
    await db.deleteFrom('dialogue_space_members').where('space_id', '=', spaceId).where('user_id', '=', userId).execute();
  },

  // --- follows and read markers ------------------------------------------------------------------------------

  async follow(db: Db, userId: string, type: FollowTarget, targetId: string, now: string): Promise<void> {
    await db.insertInto('dialogue_follows').values({ user_id: userId, target_type: type, target_id: targetId, created_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'target_type', 'target_id']).doNothing()).execute();
  },

  async unfollow(db: Db, userId: string, type: FollowTarget, targetId: string): Promise<void> {
    await db.deleteFrom('dialogue_follows').where('user_id', '=', userId).where('target_type', '=', type).where('target_id', '=', targetId).execute();
  },

  async isFollowing(db: Db, userId: string, type: FollowTarget, targetId: string): Promise<boolean> {
    return !!(await db.selectFrom('dialogue_follows').select('user_id').where('user_id', '=', userId).where('target_type', '=', type).where('target_id', '=', targetId).executeTakeFirst());
  },

  async followedOf(db: Db, userId: string, type: FollowTarget, targetIds: string[]): Promise<Set<string>> {
    return new Set((await db.selectFrom('dialogue_follows').select('target_id').where('user_id', '=', userId).where('target_type', '=', type).where('target_id', 'in', targetIds).execute()).map((r) => r.target_id));
  },

  async followers(db: Db, type: FollowTarget, targetId: string): Promise<string[]> {
    return (await db.selectFrom('dialogue_follows').select('user_id').where('target_type', '=', type).where('target_id', '=', targetId).execute()).map((r) => r.user_id);
  },

  readMarker(db: Db, userId: string, threadId: string) {
    return db.selectFrom('dialogue_reads').select(['last_post_at', 'last_post_id']).where('user_id', '=', userId).where('thread_id', '=', threadId).executeTakeFirst();
  },

  async saveReadMarker(db: Db, userId: string, threadId: string, post: Pick<DialoguePostsTable, 'id' | 'created_at'>, now: string): Promise<void> {
    await db.insertInto('dialogue_reads').values({ user_id: userId, thread_id: threadId, last_post_at: post.created_at, last_post_id: post.id, updated_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'thread_id']).doUpdateSet({ last_post_at: post.created_at, last_post_id: post.id, updated_at: now })).execute();
  },

  // --- threads -----------------------------------------------------------------------------------------------

  thread(db: Db, threadId: string): Promise<DialogueThreadsTable | undefined> {
    return db.selectFrom('dialogue_threads').selectAll().where('id', '=', threadId).executeTakeFirst();
  },

  /** One thread as the viewer sees it in lists (the caller has checked that they may see it). */
  threadRow(db: Db, viewerId: string, moderator: boolean, threadId: string): Promise<ThreadRow> {
    return threadQuery(db, viewerId, moderator).where('t.id', '=', threadId).executeTakeFirstOrThrow();
  },

  /** Threads of a space, pinned first, then the latest activity; `after` is the keyset (pinned, last_post_at, id). */
  threadPage(db: Db, viewerId: string, moderator: boolean, spaceId: string, after: [number, string, string] | null, limit: number): Promise<ThreadRow[]> {
    let query = threadQuery(db, viewerId, moderator).where('t.space_id', '=', spaceId);
    if (after) {
      const [pinned, at, id] = after;
      query = query.where((eb) => eb.or([
        eb('t.pinned', '<', pinned),
        eb.and([eb('t.pinned', '=', pinned), eb.or([eb('t.last_post_at', '<', at), eb.and([eb('t.last_post_at', '=', at), eb('t.id', '<', id)])])]),
      ]));
    }
    return query.orderBy('t.pinned', 'desc').orderBy('t.last_post_at', 'desc').orderBy('t.id', 'desc').limit(limit).execute();
  },

  async insertThread(db: Db, row: DialogueThreadsTable): Promise<void> {
    await db.insertInto('dialogue_threads').values(row).execute();
  },

  async updateThread(db: Db, threadId: string, patch: Partial<DialogueThreadsTable>): Promise<void> {
    await db.updateTable('dialogue_threads').set(patch).where('id', '=', threadId).execute();
  },

  /** A new post counted on its thread, which is now active at `at`. */
  async bumpThread(db: Db, threadId: string, at: string): Promise<void> {
    await db.updateTable('dialogue_threads').set((eb) => ({ post_count: eb('post_count', '+', 1), last_post_at: at, updated_at: at })).where('id', '=', threadId).execute();
  },

  // --- posts -------------------------------------------------------------------------------------------------

  post(db: Db, postId: string): Promise<DialoguePostsTable | undefined> {
    return db.selectFrom('dialogue_posts').selectAll().where('id', '=', postId).executeTakeFirst();
  },

  postKey(db: Db, postId: string) {
    return db.selectFrom('dialogue_posts').select(['id', 'created_at', 'thread_id']).where('id', '=', postId).executeTakeFirst();
  },

  /**
   * Posts of a thread by keyset on (created_at, id), oldest first: the index `dialogue_posts_keyset` answers it
   * directly. Hidden posts only for moderators and their authors.
   */
  postPage(db: Db, viewerId: string, moderator: boolean, threadId: string, after: [string, string] | null, limit: number): Promise<PostRow[]> {
    let query = db.selectFrom('dialogue_posts as p').leftJoin('users as a', 'a.id', 'p.author_id')
      .selectAll('p').select('a.display_name as author_name')
      .where('p.thread_id', '=', threadId);
    if (!moderator) query = query.where((eb) => eb.or([eb('p.hidden', '=', 0), eb('p.author_id', '=', viewerId)]));
    if (after) {
      const [at, id] = after;
      // (created_at, id) > (at, id), written so that both databases use the index range on created_at.
      query = query.where((eb) => eb.and([eb('p.created_at', '>=', at), eb.or([eb('p.created_at', '>', at), eb('p.id', '>', id)])]));
    }
    return query.orderBy('p.created_at').orderBy('p.id').limit(limit).execute();
  },

  /** Authors' names of quoted posts, by post id. */
  async quotedAuthors(db: Db, postIds: string[]): Promise<Map<string, string | null>> {
    if (postIds.length === 0) return new Map();
    return new Map((await db.selectFrom('dialogue_posts as q').leftJoin('users as u', 'u.id', 'q.author_id').select(['q.id', 'u.display_name']).where('q.id', 'in', postIds).execute()).map((r) => [r.id, r.display_name]));
  },

  /** A thread's state as a reply sees it inside its transaction. */
  threadForReply(db: Db, threadId: string) {
    return db.selectFrom('dialogue_threads').select(['last_post_at', 'locked']).where('id', '=', threadId).executeTakeFirstOrThrow();
  },

  async insertPost(db: Db, row: DialoguePostsTable): Promise<void> {
    await db.insertInto('dialogue_posts').values(row).execute();
  },

  async updatePost(db: Db, postId: string, patch: Partial<DialoguePostsTable>): Promise<void> {
    await db.updateTable('dialogue_posts').set(patch).where('id', '=', postId).execute();
  },

  // --- attachments -------------------------------------------------------------------------------------------

  async attachmentsOf(db: Db, postIds: string[]) {
    if (postIds.length === 0) return [];
    return db.selectFrom('dialogue_attachments').select(['id', 'post_id', 'original_name', 'file_type', 'content_type', 'size_bytes']).where('post_id', 'in', postIds).orderBy('created_at').execute();
  },

  async attachmentCount(db: Db, postId: string): Promise<number> {
    return Number((await db.selectFrom('dialogue_attachments').select((eb) => eb.fn.countAll<string | number>().as('n')).where('post_id', '=', postId).executeTakeFirstOrThrow()).n);
  },

  attachment(db: Db, attachmentId: string): Promise<DialogueAttachmentsTable | undefined> {
    return db.selectFrom('dialogue_attachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
  },

  async insertAttachment(db: Db, row: DialogueAttachmentsTable): Promise<void> {
    await db.insertInto('dialogue_attachments').values(row).execute();
  },

  // --- reports -----------------------------------------------------------------------------------------------

  report(db: Db, reportId: string): Promise<DialogueReportsTable | undefined> {
    return db.selectFrom('dialogue_reports').selectAll().where('id', '=', reportId).executeTakeFirst();
  },

  async insertReport(db: Db, row: DialogueReportsTable): Promise<void> {
    await db.insertInto('dialogue_reports').values(row).execute();
  },

  async updateReport(db: Db, reportId: string, patch: Partial<DialogueReportsTable>): Promise<void> {
    await db.updateTable('dialogue_reports').set(patch).where('id', '=', reportId).execute();
  },

  /** Reports with their post, thread and space (at most 200); with `moderatorId`, only in the spaces they moderate. */
  reports(db: Db, status: 'open' | 'resolved', moderatorId: string | null) {
    return db.selectFrom('dialogue_reports as r')
      .innerJoin('dialogue_posts as p', 'p.id', 'r.post_id')
      .innerJoin('dialogue_threads as t', 't.id', 'p.thread_id')
      .innerJoin('dialogue_spaces as s', 's.id', 't.space_id')
      .leftJoin('users as ru', 'ru.id', 'r.reporter_id')
      .leftJoin('users as pu', 'pu.id', 'p.author_id')
      .select(['r.id', 'r.reason', 'r.status', 'r.resolution', 'r.created_at', 'r.resolved_at', 'r.reporter_id', 'ru.display_name as reporter_name',
        'p.id as post_id', 'p.body_source', 'p.hidden', 'p.author_id', 'pu.display_name as author_name', 't.id as thread_id', 't.title', 's.id as space_id', 's.name as space_name'])
      .where('r.status', '=', status)
      .$if(moderatorId !== null, (q) => q.where((eb) => eb.exists(eb.selectFrom('dialogue_space_members as m').select('m.user_id').whereRef('m.space_id', '=', 's.id').where('m.user_id', '=', moderatorId ?? '').where('m.role', '=', 'moderator'))))
      .orderBy('r.created_at', status === 'open' ? 'asc' : 'desc').orderBy('r.id').limit(200).execute();
  },
};
