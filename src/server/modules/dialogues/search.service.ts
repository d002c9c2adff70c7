import type { MarkedText } from '@/contracts/library';
import type { Actor, RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { queryTokens, tokenize } from '../../platform/search';
import { highlighter, markAll, snippet } from '../library/library.snippet';
import { dialogueSearchRepository as repo, POST_WEIGHT, TITLE_WEIGHT } from './search.repository';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';

export interface DialogueHit {
  id: string;
  title: string;
  titleMarks: MarkedText['marks'];
  snippet: MarkedText | null;
}

/**
 * Search over the dialogues, in any script (platform/search tokens, as the library and the directory): threads of
 * the spaces the viewer may see (the dialogues policy's spaceVisibleTo; anonymous visitors see none), hidden threads
 * and hidden posts left out for everyone, title matches first. The index is kept by the dialogues service in the same
 * transaction as each write (the `index*` methods).
 */
export class DialogueSearchService {
  constructor(private readonly d: PlatformDeps) {}

  async search(ctx: RequestContext, q: string, limit: number, offset = 0): Promise<{ items: DialogueHit[]; total: number }> {
    const viewer: Actor | null = ctx.actor;
    const tokens = queryTokens(q);
    if (!viewer || viewer.mustEnrollTotp || tokens.length === 0) return { items: [], total: 0 };
    const rows = await repo.threads(this.d.db, viewer, tokens, limit, offset);
    const bodies = await repo.bestPosts(this.d.db, rows.map((r) => r.id), tokens);
    const re = highlighter(q);
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((r) => ({ id: r.id, title: r.title, titleMarks: markAll(r.title, re), snippet: snippet(bodies.get(r.id) ?? '', re, 200) })),
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
