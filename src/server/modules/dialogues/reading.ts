import type { Clock } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { requireActor } from '../../platform/permissions';
import { dialoguesRepository as repo, type Db } from './dialogues.repository';
import type { DialoguePostsTable } from './dialogues.tables';

/*
 * A person's own state in the dialogues: what they follow and how far they have read. Callers check first that
 * the person may see the space or thread.
 */

/** Follows or stops following a space or thread (audited). */
export async function saveFollow(d: PlatformDeps, ctx: RequestContext, type: 'space' | 'thread', targetId: string, on: boolean): Promise<{ following: boolean }> {
  const actor = requireActor(ctx);
  await d.db.transaction().execute(async (trx) => {
    if (on) await repo.follow(trx, actor.id, type, targetId, d.clock.now().toISOString());
    else await repo.unfollow(trx, actor.id, type, targetId);
    await d.audit.record(trx, ctx, { action: on ? 'dialogue.followed' : 'dialogue.unfollowed', entity: type === 'space' ? 'dialogue_space' : 'dialogue_thread', entityId: targetId });
  });
  return { following: on };
}

/** Moves the viewer's read marker forward to a post (never back). Read markers are personal and not audited. */
export async function markRead(db: Db, clock: Clock, userId: string, threadId: string, post: Pick<DialoguePostsTable, 'id' | 'created_at'>): Promise<void> {
  const now = clock.now().toISOString();
  const current = await repo.readMarker(db, userId, threadId);
  if (current && (current.last_post_at > post.created_at || (current.last_post_at === post.created_at && current.last_post_id >= post.id))) return;
  await repo.saveReadMarker(db, userId, threadId, post, now);
}
