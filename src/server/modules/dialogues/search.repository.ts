import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { spaceVisibleTo } from './dialogues.policy';

type Db = Kysely<DB> | Transaction<DB>;

export const TITLE_WEIGHT = 2;
export const POST_WEIGHT = 1;

export interface ThreadMatch {
  id: string;
  title: string;
  space_id: string;
  space_name: string;
  post_count: number;
  last_post_at: string;
  score: number;
  total: number;
}

/** The dialogues' search index (see migrations/016-dialogue-search.ts) and the search over it. */
export const dialogueSearchRepository = {
  /** Replaces one source's tokens: a thread's title (source = thread) or one post. */
  async write(db: Db, threadId: string, sourceId: string, tokens: Iterable<string>, weight: number): Promise<void> {
    await db.deleteFrom('dialogue_tokens').where('source_id', '=', sourceId).execute();
    const rows = [...new Set(tokens)].map((token) => ({ token, thread_id: threadId, source_id: sourceId, weight }));
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('dialogue_tokens').values(rows.slice(i, i + 500)).execute();
  },

  async remove(db: Db, sourceId: string): Promise<void> {
    await db.deleteFrom('dialogue_tokens').where('source_id', '=', sourceId).execute();
  },

  /**
   * Visible threads holding every token (in the title or any visible post), best first: the sum over tokens of
   * the best weight (title 2, post 1), then the most recently active. `total` is the number of matching threads.
   */
  threads(db: Db, viewer: Actor, tokens: readonly string[], page: { limit: number; offset: number; spaceId?: string | undefined }): Promise<ThreadMatch[]> {
    const best = db
      .selectFrom('dialogue_tokens')
      .select(['thread_id', 'token', (eb) => eb.fn.max('weight').as('w')])
      .where('token', 'in', [...tokens])
      .groupBy(['thread_id', 'token'])
      .as('m');
    return db
      .selectFrom(best)
      .innerJoin('dialogue_threads as t', 't.id', 'm.thread_id')
      .innerJoin('dialogue_spaces', 'dialogue_spaces.id', 't.space_id')
      .select(['t.id', 't.title', 't.space_id', 'dialogue_spaces.name as space_name', 't.post_count', 't.last_post_at', sql<number>`sum(m.w)`.as('score'), sql<number>`count(*) over ()`.as('total')])
      .where('t.hidden', '=', 0)
      .where(spaceVisibleTo(viewer))
      .$if(page.spaceId !== undefined, (qb) => qb.where('t.space_id', '=', page.spaceId ?? ''))
      .groupBy(['t.id', 't.title', 't.space_id', 'dialogue_spaces.name', 't.post_count', 't.last_post_at'])
      .having(sql<number>`count(*)`, '=', tokens.length)
      .orderBy('score', 'desc')
      .orderBy('t.last_post_at', 'desc')
      .orderBy('t.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  },

  /** For each thread, its earliest visible post holding the most of the tokens (for a snippet). */
  async bestPosts(db: Db, threadIds: readonly string[], tokens: readonly string[]): Promise<Map<string, string>> {
    if (threadIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('dialogue_tokens as k')
      .innerJoin('dialogue_posts as p', 'p.id', 'k.source_id')
      .select(['k.thread_id', 'p.body_source', 'p.created_at', (eb) => eb.fn.countAll<number>().as('n')])
      .where('k.thread_id', 'in', [...threadIds])
      .where('k.token', 'in', [...tokens])
      .where('k.weight', '=', POST_WEIGHT)
      .where('p.hidden', '=', 0)
      .groupBy(['k.thread_id', 'p.id', 'p.body_source', 'p.created_at'])
      .execute();
    const best = new Map<string, { body: string; n: number; at: string }>();
    for (const r of rows) {
      const n = Number(r.n);
      const seen = best.get(r.thread_id);
      if (!seen || n > seen.n || (n === seen.n && r.created_at < seen.at)) best.set(r.thread_id, { body: r.body_source, n, at: r.created_at });
    }
    return new Map([...best].map(([id, b]) => [id, b.body]));
  },
};
