import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { dialogueSearchQuery, DialogueSearchResult } from '@/contracts/dialogues';
import type { DB } from '../../db/schema';
import type { Actor, RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { requireActor } from '../../platform/permissions';
import { queryTokens, tokenize } from '../../platform/search';
import { highlighter, markAll, snippet } from '../library/library.snippet';
import { dialogueSearchRepository as repo, POST_WEIGHT, TITLE_WEIGHT } from './search.repository';

/**
 * Search over the dialogues, in any script (platform/search tokens, as the library and the directory): threads of
 * the spaces the viewer may see (the dialogues policy's spaceVisibleTo; anonymous visitors see none), hidden threads
 * and hidden posts left out for everyone, title matches first. The index is kept by the dialogues' services in the
 * same transaction as each write (the `index*` methods).
 */
export class DialogueSearchService {
  constructor(private readonly d: PlatformDeps) {}

  /** The dialogues' own search box: signed-in people only (anonymous visitors see no space). */
  find(ctx: RequestContext, query: z.output<typeof dialogueSearchQuery>): Promise<DialogueSearchResult> {
    requireActor(ctx);
    return this.search(ctx, query.q, query);
  }

  /** Also the global search's source for dialogues, where anonymous visitors simply find none. */
  async search(ctx: RequestContext, q: string, page: { limit: number; offset?: number; spaceId?: string | undefined }): Promise<DialogueSearchResult> {
    const viewer: Actor | null = ctx.actor;
    const tokens = queryTokens(q);
    const offset = page.offset ?? 0;
    if (!viewer || viewer.mustEnrollTotp || tokens.length === 0) return { items: [], total: 0, nextOffset: null };
    const rows = await repo.threads(this.d.db, viewer, tokens, { limit: page.limit, offset, spaceId: page.spaceId });
    const bodies = await repo.bestPosts(this.d.db, rows.map((r) => r.id), tokens);
    const re = highlighter(q);
    // Past the last page the window count is gone with the rows: count again (rare: a stale "more" link).
    const total = rows.length > 0 ? Number(rows[0]?.total ?? 0) : offset > 0 ? (await repo.threads(this.d.db, viewer, tokens, { limit: 1, offset: 0, spaceId: page.spaceId }))[0]?.total ?? 0 : 0;
    return {
      total: Number(total),
      nextOffset: offset + rows.length < Number(total) ? offset + rows.length : null,
      items: rows.map((r) => ({
        id: r.id, title: r.title, titleMarks: markAll(r.title, re), snippet: snippet(bodies.get(r.id) ?? '', re, 200),
        space: { id: r.space_id, name: r.space_name }, postCount: Number(r.post_count), lastPostAt: new Date(r.last_post_at).toISOString(),
      })),
    };
  }

  indexTitle(trx: Transaction<DB>, threadId: string, title: string): Promise<void> {
    return repo.write(trx, threadId, threadId, tokenize(title), TITLE_WEIGHT);
  }

  indexPost(trx: Transaction<DB>, post: { id: string; thread_id: string; body_source: string }): Promise<void> {
    return repo.write(trx, post.thread_id, post.id, tokenize(post.body_source), POST_WEIGHT);
  }

  /** A hidden post is no longer found (its thread still is, by its other posts). */
  unindexPost(trx: Transaction<DB>, postId: string): Promise<void> {
    return repo.remove(trx, postId);
  }
}
