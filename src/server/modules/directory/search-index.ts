import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { tokenize } from '../../platform/search';

type Db = Kysely<DB> | Transaction<DB>;
export type DocType = 'member' | 'agency' | 'position' | 'person';

/**
 * Keeps the search index in step with the records, in the writer's transaction. Only names and titles are
 * indexed, never contact details, so a search can never reveal a channel the viewer may not see.
 */
export const searchIndex = {
  async put(db: Db, docType: DocType, docId: string, texts: readonly (string | null | undefined)[]): Promise<void> {
    const tokens = new Set<string>();
    for (const t of texts) if (t) for (const token of tokenize(t)) tokens.add(token);
    await db.deleteFrom('search_tokens').where('doc_type', '=', docType).where('doc_id', '=', docId).execute();
    const rows = [...tokens].map((token) => ({ doc_type: docType, doc_id: docId, token }));
    // Chunked: SQLite allows a limited number of bound parameters per statement.
    for (let i = 0; i < rows.length; i += 300) await db.insertInto('search_tokens').values(rows.slice(i, i + 300)).execute();
  },

  async remove(db: Db, docType: DocType, docId: string): Promise<void> {
    await db.deleteFrom('search_tokens').where('doc_type', '=', docType).where('doc_id', '=', docId).execute();
  },

  /** Texts indexed for each kind of record. */
  agencyTexts: (a: { name_en: string; name_local: string | null; acronym: string | null }, memberName: string) => [a.name_en, a.name_local, a.acronym, memberName],
  positionTexts: (p: { title: string }, agency: { name_en: string; acronym: string | null }) => [p.title, agency.name_en, agency.acronym],
  personTexts: (p: { name_latin: string; name_local: string | null; title: string | null }) => [p.name_latin, p.name_local, p.title],
  memberTexts: (m: { code: string; name: string; iso3: string | null }) => [m.name, m.code, m.iso3],
};
