import { sql, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from '../../db/database';
import type { DB } from '../../db/schema';
import { deleteFts, ftsMatches, writeFts } from './library.fts';
import type { LibraryResourcesTable } from './library.tables';

type Db = Kysely<DB> | Transaction<DB>;

/** What the search catalogue holds of every resource: its keys, facets, sort keys and sensitivity (no long text). */
export interface CatalogueRow {
  seq: number;
  id: string;
  type: string;
  year: number | null;
  title: string;
  themes: string;
  countries: string;
  languages: string;
  sensitivity: string;
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

  /** The counter every library write bumps (library.fts.ts bumpLibraryVersion). */
  async version(db: Db): Promise<number> {
    const row = await db.selectFrom('library_version').select('version').where('id', '=', 1).executeTakeFirst();
    return Number(row?.version ?? 0);
  },

  /** Every resource's catalogue entry (all sensitivities: the catalogue filters per reader). */
  catalogue(db: Db): Promise<CatalogueRow[]> {
    return db.selectFrom('library_resources').select(['seq', 'id', 'type', 'year', 'title', 'themes', 'countries', 'languages', 'sensitivity']).execute();
  },

  /** The resources matching the full-text query, and which match in the title or description (any sensitivity: callers filter). */
  matches(db: Kysely<DB>, dialect: DialectName, ftsQuery: string) {
    return ftsMatches(db, dialect, ftsQuery);
  },

  themeCodes(db: Db): Promise<{ code: string }[]> {
    return db.selectFrom('themes').select('code').execute();
  },

  memberCodes(db: Db): Promise<{ code: string }[]> {
    return db.selectFrom('members').select('code').execute();
  },
};
