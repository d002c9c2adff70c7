import { sql, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from '../../db/database';
import type { DB } from '../../db/schema';
import { deleteFts, matchingSeqs, writeFts } from './library.fts';
import type { LibraryResourcesTable } from './library.tables';

type Db = Kysely<DB> | Transaction<DB>;

/** What search needs of every candidate: its key, facets and sort keys (no long text). */
export interface Candidate {
  seq: number;
  id: string;
  type: string;
  year: number | null;
  title: string;
  themes: string;
  countries: string;
  languages: string;
}

/** The library's reads and writes. The full-text index's dialect differences live in library.fts.ts. */
export const libraryRepository = {
  resource(db: Db, id: string): Promise<LibraryResourcesTable | undefined> {
    return db.selectFrom('library_resources').selectAll().where('id', '=', id).executeTakeFirst();
  },

  resources(db: Db, ids: readonly string[]): Promise<LibraryResourcesTable[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('library_resources').selectAll().where('id', 'in', ids).execute();
  },

  /** The original and its translations. */
  group(db: Db, rootId: string): Promise<LibraryResourcesTable[]> {
    return db.selectFrom('library_resources').selectAll().where((eb) => eb.or([eb('id', '=', rootId), eb('translation_of', '=', rootId)])).orderBy('created_at').execute();
  },

  async nextSeq(db: Db): Promise<number> {
    const row = await db.selectFrom('library_resources').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
    return Number(row?.m ?? 0) + 1;
  },

  async insert(db: Db, row: LibraryResourcesTable): Promise<void> {
    await db.insertInto('library_resources').values(row).execute();
  },

  async update(db: Db, id: string, patch: Partial<LibraryResourcesTable>): Promise<void> {
    await db.updateTable('library_resources').set(patch).where('id', '=', id).execute();
  },

  async remove(db: Db, dialect: DialectName, row: LibraryResourcesTable): Promise<void> {
    await deleteFts(db, dialect, row.seq);
    await db.updateTable('library_resources').set({ translation_of: null }).where('translation_of', '=', row.id).execute();
    await db.deleteFrom('library_resources').where('id', '=', row.id).execute();
  },

  writeIndex: writeFts,

  async text(db: Db, id: string, chars?: number): Promise<string | null> {
    const row = await db
      .selectFrom('library_texts')
      .select(chars ? sql<string>`substr(text, 1, ${chars})`.as('text') : 'text')
      .where('resource_id', '=', id)
      .executeTakeFirst();
    return row?.text ?? null;
  },

  /** The first `chars` characters of the text of each resource, for snippets. */
  async texts(db: Db, ids: readonly string[], chars: number): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('library_texts').select(['resource_id', sql<string>`substr(text, 1, ${chars})`.as('text')]).where('resource_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.resource_id, r.text]));
  },

  async saveText(db: Db, id: string, text: string, at: string): Promise<void> {
    await db.deleteFrom('library_texts').where('resource_id', '=', id).execute();
    await db.insertInto('library_texts').values({ resource_id: id, text, extracted_at: at }).execute();
  },

  /** Candidates the reader may see (sensitivity inside the query), matching the full-text query when there is one. */
  candidates(db: Db, dialect: DialectName, sensitivities: readonly string[], ftsQuery: string | null): Promise<Candidate[]> {
    return db
      .selectFrom('library_resources')
      .select(['seq', 'id', 'type', 'year', 'title', 'themes', 'countries', 'languages'])
      .where('sensitivity', 'in', sensitivities)
      .$if(ftsQuery !== null, (qb) => qb.where(sql<boolean>`seq IN (${matchingSeqs(dialect, ftsQuery ?? '', 'any')})`))
      .execute();
  },

  /** The resources whose title (or description and publisher) match the query (any sensitivity: callers intersect). */
  async fieldMatches(db: Db, dialect: DialectName, ftsQuery: string, field: 'title' | 'head'): Promise<Set<number>> {
    const rows = await matchingSeqs(dialect, ftsQuery, field).execute(db);
    return new Set(rows.rows.map((r) => Number(r.seq)));
  },

  themeCodes(db: Db): Promise<{ code: string }[]> {
    return db.selectFrom('themes').select('code').execute();
  },

  memberCodes(db: Db): Promise<{ code: string }[]> {
    return db.selectFrom('members').select('code').execute();
  },
};
