import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymous, createTestHub, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { migrateToLatest } from '../../db/migrate';
import { createLibraryFts, createLibraryHeadFts, storedTokens } from './library.fts';
import { tokenize } from '../../platform/search';
import { createResource } from './library.test-support';
import { undoPositionsHeld } from '../../../../test/helpers/migrations';

let hub: TestHub;
let admin: Agent;

beforeAll(async () => {
  hub = await createTestHub();
  admin = await signedIn(hub, { role: 'secretariat_admin' });
});
afterAll(() => hub.close());

const ids = async (q: string) => {
  const res = await anonymous(hub).request('GET', `/api/library/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((i) => i.id);
};

/**
 * Migration 017 on a database that already has a library: the index as migrations 011 and 014 left it (SQLite: FTS5
 * tables without prefix indexes; PostgreSQL: tsvectors without prefix lexemes) is filled again, so short prefixes
 * (stored) and long ones (the engine's prefix match) both find the existing resources, and writes go on working.
 */
it('upgrading a database with library resources rebuilds the index: short and long prefixes find them', async () => {
  const guide = await createResource(admin, { title: 'Wombatgrazing handbook', description: 'Procedures at the quokkaborder crossing.' });
  const other = await createResource(admin, { title: 'Annual report', description: 'Nothing about it.' });
  const db = hub.deps.db;
  const dialect = hub.deps.dialect;
  const old = (text: string) => storedTokens(tokenize(text));
  // The guide's file text, as the extraction job saved it.
  const text = 'Chapter one. The platypusferry landing and its registers.';
  await db.insertInto('library_texts').values({ resource_id: guide.id, text, extracted_at: new Date().toISOString() }).execute();
  // Back to the index before migration 017.
  if (dialect === 'sqlite') {
    await sql`DROP TABLE library_fts`.execute(db);
    await sql`DROP TABLE library_head_fts`.execute(db);
    await createLibraryFts(db as unknown as Kysely<unknown>, 'sqlite');
    await createLibraryHeadFts(db);
  } else {
    await sql`DELETE FROM library_search`.execute(db);
    await sql`DROP FUNCTION library_match(tsquery)`.execute(db);
  }
  for (const r of [guide, other]) {
    const seq = (await db.selectFrom('library_resources').select('seq').where('id', '=', r.id).executeTakeFirstOrThrow()).seq;
    const title = old(r.title);
    const head = old(`${r.description}\n${r.publisher}`);
    const body = r.id === guide.id ? old(text) : [];
    if (dialect === 'sqlite') {
      await sql`INSERT INTO library_fts (rowid, title, head, body) VALUES (${seq}, ${title.join(' ')}, ${head.join(' ')}, ${body.join(' ')})`.execute(db);
      await sql`INSERT INTO library_head_fts (rowid, title, head) VALUES (${seq}, ${title.join(' ')}, ${head.join(' ')})`.execute(db);
    } else {
      await sql`INSERT INTO library_search (seq, title, head, doc) VALUES (${seq}, array_to_tsvector(${title}::text[]), array_to_tsvector(${head}::text[]), array_to_tsvector(${[...new Set([...title, ...head, ...body])]}::text[]))`.execute(db);
    }
  }
  // And the later migrations undone too, as on a database last migrated at 016.
  await undoPositionsHeld(db as unknown as Kysely<unknown>, dialect);
  await sql`DROP INDEX contact_channels_email_lower`.execute(db);
  await sql`DELETE FROM kysely_migration WHERE name IN ('017-library-prefix', '018-contact-email-lookup', '019-library-search-heap', '020-library-match-lists')`.execute(db);

  expect(await migrateToLatest({ db, dialect, ...(hub.schema ? { schema: hub.schema } : {}), close: () => Promise.resolve() })).toEqual(['017-library-prefix', '018-contact-email-lookup', '019-library-search-heap', '020-library-match-lists', '021-positions-held']);

  // Title, description and file text; prefixes of 2..6 characters (stored) and longer ones.
  for (const q of ['wo', 'wombat', 'wombatgrazin', 'quokka', 'quokkaborder crossing', 'platyp', 'platypusferry landing']) expect(await ids(q)).toEqual([guide.id]);
  expect(await ids('annu')).toEqual([other.id]);
  // A write after the upgrade is indexed the same way.
  const later = await createResource(admin, { title: 'Wombatgrazing, second edition' });
  expect((await ids('womb')).sort()).toEqual([later.id, guide.id].sort());
});
