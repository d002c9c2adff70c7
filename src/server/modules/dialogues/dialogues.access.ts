import type { Actor } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { canModerate, isMemberRole, type SpaceStanding } from './dialogues.policy';
import { dialoguesRepository as repo, type Db } from './dialogues.repository';
import type { DialoguePostsTable, DialogueThreadsTable } from './dialogues.tables';

/*
 * Who sees what in the dialogues, applied to one space, thread or post: the one place every service asks before it
 * reads or writes (the rules themselves are in dialogues.policy.ts). What a viewer may not see does not exist (404),
 * except that researchers are told an open space is for Members (403).
 */

export interface ThreadAccess {
  thread: DialogueThreadsTable;
  standing: SpaceStanding;
  moderator: boolean;
}

export interface PostAccess extends ThreadAccess {
  post: DialoguePostsTable;
}

/** Runs `check`, turning its 404 (or any failure but a 403) into "`what` was not found". */
export function orNotFound<T>(check: Promise<T>, what: string): Promise<T> {
  return check.catch((e: unknown) => {
    if (e instanceof AppError && e.status === 403) throw e;
    throw errors.notFound(what);
  });
}

/** The space and where the viewer stands in it; 404 when the viewer may not see it (researchers: 403 on open spaces). */
export async function standing(db: Db, actor: Actor, spaceId: string): Promise<SpaceStanding> {
  const space = await repo.visibleSpace(db, actor, spaceId);
  if (!space) {
    if (!isMemberRole(actor) && (await repo.isOpenSpace(db, spaceId))) throw errors.forbidden('This space is open to Members (officials, coordinators and the secretariat).');
    throw errors.notFound('The space');
  }
  const role = await repo.memberRole(db, spaceId, actor.id);
  return { space, role: role !== undefined ? (role as 'member' | 'moderator') : null };
}

/** A thread the viewer may see (hidden threads: its author and the moderators), with the space standing. */
export async function threadAccess(db: Db, actor: Actor, threadId: string): Promise<ThreadAccess> {
  const thread = await repo.thread(db, threadId);
  if (!thread) throw errors.notFound('The thread');
  const inSpace = await orNotFound(standing(db, actor, thread.space_id), 'The thread');
  const moderator = canModerate(actor, inSpace);
  if (thread.hidden && !moderator && thread.author_id !== actor.id) throw errors.notFound('The thread');
  return { thread, standing: inSpace, moderator };
}

/** A post the viewer may see (hidden posts: its author and the moderators), in a thread they may see. */
export async function postAccess(db: Db, actor: Actor, postId: string): Promise<PostAccess> {
  const post = await repo.post(db, postId);
  if (!post) throw errors.notFound('The post');
  const access = await orNotFound(threadAccess(db, actor, post.thread_id), 'The post');
  if (post.hidden && !access.moderator && post.author_id !== actor.id) throw errors.notFound('The post');
  return { post, ...access };
}

/** A user as the policy sees them, for someone who is not making the request (mentions, followers). */
async function actorOf(db: Db, userId: string): Promise<Actor | null> {
  const user = await repo.user(db, userId);
  if (!user || user.status !== 'active') return null;
  const scopes = await repo.memberScopes(db, userId);
  return { id: user.id, role: user.role as Actor['role'], memberScopes: scopes, sessionId: '', mustEnrollTotp: false };
}

/** Whether another (active) user sees a space: who may hear of what happens in it. */
export async function userSeesSpace(db: Db, userId: string, spaceId: string): Promise<boolean> {
  const who = await actorOf(db, userId);
  if (!who) return false;
  return repo.seesSpace(db, who, spaceId);
}
