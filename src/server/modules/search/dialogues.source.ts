import type { Kysely } from 'kysely';
import type { MarkedText } from '@/contracts/library';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../platform/context';
import { queryTokens, tokenize } from '../../platform/search';
import { spaceVisibleTo } from '../dialogues/dialogues.policy';
import { highlighter, snippet } from '../library/library.snippet';

/** Threads read for a search (the most recently active first). */
const SCAN = 2000;

export interface DialogueHit {
  id: string;
  title: string;
  snippet: MarkedText | null;
  score: number;
}

/**
 * Dialogues in the global search, until the dialogues module has a search of its own: the threads of the spaces the
 * viewer may see (the dialogues module's own rule, spaceVisibleTo; anonymous visitors see none), hidden threads and
 * hidden posts left out for everyone, matched in memory with platform/search tokens over the title and the posts'
 * text. Title matches rank first. Scans the most recently active threads only (SCAN).
 */
export async function searchDialogues(db: Kysely<DB>, ctx: RequestContext, q: string, limit: number): Promise<{ items: DialogueHit[]; total: number }> {
  const viewer = ctx.actor;
  const wanted = queryTokens(q);
  if (!viewer || viewer.mustEnrollTotp || wanted.length === 0) return { items: [], total: 0 };
  const threads = await db
    .selectFrom('dialogue_threads as t')
    .innerJoin('dialogue_spaces', 'dialogue_spaces.id', 't.space_id')
    .select(['t.id', 't.title', 't.last_post_at'])
    .where('t.hidden', '=', 0)
    .where(spaceVisibleTo(viewer))
    .orderBy('t.last_post_at', 'desc')
    .limit(SCAN)
    .execute();
  if (threads.length === 0) return { items: [], total: 0 };
  const posts = await db
    .selectFrom('dialogue_posts')
    .select(['thread_id', 'body_source'])
    .where('hidden', '=', 0)
    .where('thread_id', 'in', threads.map((t) => t.id))
    .orderBy('created_at')
    .execute();
  const bodies = new Map<string, string[]>();
  for (const p of posts) bodies.set(p.thread_id, [...(bodies.get(p.thread_id) ?? []), p.body_source]);
  const re = highlighter(q);
  const hits: DialogueHit[] = [];
  for (const t of threads) {
    const title = new Set(tokenize(t.title));
    const text = (bodies.get(t.id) ?? []).join('\n');
    const all = new Set([...title, ...tokenize(text)]);
    if (!wanted.every((w) => all.has(w))) continue;
    const inTitle = wanted.filter((w) => title.has(w)).length;
    hits.push({ id: t.id, title: t.title, snippet: snippet(text, re, 200), score: inTitle * 2 + (wanted.length - inTitle) });
  }
  hits.sort((a, b) => b.score - a.score);
  return { items: hits.slice(0, limit), total: hits.length };
}
