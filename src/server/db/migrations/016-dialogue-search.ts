import type { Kysely } from 'kysely';
import { tokenize } from '../../platform/search';
import type { DialectName } from '../database';

/**
 * The dialogues' search index: the platform/search tokens of each thread's title (weight 2) and of each visible
 * post (weight 1), one row per (source, token), so a new or edited post rewrites only its own rows and a thread of
 * thousands of posts is never tokenised again as a whole. A hidden post's rows are removed and come back when it is
 * shown again; a hidden thread keeps its rows and is left out by the query. Existing threads and posts are indexed here.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('dialogue_tokens')
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('dialogue_threads.id').onDelete('cascade'))
    /** The thread's id for its title, a post's id for the post. */
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dialogue_tokens_pk', ['token', 'thread_id', 'source_id'])
    .execute();
  await db.schema.createIndex('dialogue_tokens_source').on('dialogue_tokens').columns(['source_id']).execute();

  const raw = db as unknown as Kysely<{
    dialogue_threads: { id: string; title: string };
    dialogue_posts: { id: string; thread_id: string; body_source: string; hidden: number };
    dialogue_tokens: { token: string; thread_id: string; source_id: string; weight: number };
  }>;
  const rows: { token: string; thread_id: string; source_id: string; weight: number }[] = [];
  const flush = async () => {
    for (let i = 0; i < rows.length; i += 500) await raw.insertInto('dialogue_tokens').values(rows.slice(i, i + 500)).execute();
    rows.length = 0;
  };
  for (const t of await raw.selectFrom('dialogue_threads').select(['id', 'title']).execute()) {
    for (const token of new Set(tokenize(t.title))) rows.push({ token, thread_id: t.id, source_id: t.id, weight: 2 });
  }
  await flush();
  const posts = await raw.selectFrom('dialogue_posts').select(['id', 'thread_id', 'body_source']).where('hidden', '=', 0).execute();
  for (const p of posts) {
    for (const token of new Set(tokenize(p.body_source))) rows.push({ token, thread_id: p.thread_id, source_id: p.id, weight: 1 });
    if (rows.length > 5000) await flush();
  }
  await flush();
}
