import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { PracticeCommentsTable, PracticesTable } from './practices.tables';

type Db = Kysely<DB> | Transaction<DB>;

/** Which practices a viewer may see, as a filter the repository applies inside its queries. */
export interface VisibilityFilter {
  /** Published audiences the viewer reads (public; members too for officials, coordinators, the secretariat). */
  audiences: readonly string[];
  /** Every state: the secretariat. */
  all: boolean;
  /** Any state of their own practices. */
  userId: string | null;
  /** Any state of the practices of these Members (coordinators). */
  memberCodes: readonly string[];
}

/** The practices' reads and writes. */
export const practicesRepository = {
  practice(db: Db, id: string): Promise<PracticesTable | undefined> {
    return db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: Db, row: PracticesTable): Promise<void> {
    await db.insertInto('practices').values(row).execute();
  },

  async update(db: Db, id: string, patch: Partial<PracticesTable>): Promise<void> {
    await db.updateTable('practices').set(patch).where('id', '=', id).execute();
  },

  async writeTokens(db: Db, id: string, tokens: Map<string, number>): Promise<void> {
    await db.deleteFrom('practice_tokens').where('practice_id', '=', id).execute();
    const rows = [...tokens].map(([token, weight]) => ({ practice_id: id, token, weight }));
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('practice_tokens').values(rows.slice(i, i + 500)).execute();
  },

  /**
   * Practices the viewer may see: published ones (to their audiences) or, with `states`, those states among what
   * the viewer may see in any state. Matching every query token when there are some, with a score (sum of weights).
   */
  async list(db: Db, v: VisibilityFilter, opts: { published: boolean; states?: readonly string[]; tokens: readonly string[]; theme?: string; member?: string; onlyMine?: boolean }): Promise<(PracticesTable & { score: number })[]> {
    let q = db.selectFrom('practices').selectAll('practices');
    if (opts.published) {
      q = q.where('status', '=', 'published').where('audience', 'in', v.audiences.length ? [...v.audiences] : ['-']);
    } else {
      q = q.where('status', 'in', opts.states?.length ? [...opts.states] : ['-']);
      if (opts.onlyMine) {
        q = q.where((eb) => eb.or([
          eb('submitter_id', '=', v.userId ?? '-'),
          ...(v.memberCodes.length ? [eb('member_code', 'in', [...v.memberCodes])] : []),
        ]));
      } else if (!v.all) {
        q = q.where('id', '=', '-');
      }
    }
    if (opts.member) q = q.where('member_code', '=', opts.member);
    for (const token of opts.tokens) {
      q = q.where('id', 'in', (eb) => eb.selectFrom('practice_tokens').select('practice_id').where('token', '=', token));
    }
    const rows = await q.execute();
    const score = new Map<string, number>();
    if (opts.tokens.length && rows.length) {
      const weights = await db
        .selectFrom('practice_tokens')
        .select(['practice_id', 'weight'])
        .where('token', 'in', [...opts.tokens])
        .where('practice_id', 'in', rows.map((r) => r.id))
        .execute();
      for (const w of weights) score.set(w.practice_id, (score.get(w.practice_id) ?? 0) + Number(w.weight));
    }
    return rows
      .filter((r) => !opts.theme || (JSON.parse(r.themes) as string[]).includes(opts.theme))
      .map((r) => ({ ...r, score: score.get(r.id) ?? 0 }));
  },

  comments(db: Db, practiceId: string): Promise<(PracticeCommentsTable & { author_name: string | null })[]> {
    return db
      .selectFrom('practice_comments as c')
      .leftJoin('users as u', 'u.id', 'c.author_id')
      .selectAll('c')
      .select('u.display_name as author_name')
      .where('c.practice_id', '=', practiceId)
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute();
  },

  async addComment(db: Db, row: PracticeCommentsTable): Promise<void> {
    await db.insertInto('practice_comments').values(row).execute();
  },

  async memberNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await db.selectFrom('members').select(['code', 'name']).where('code', 'in', [...new Set(codes)]).execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  },

  async userName(db: Db, id: string | null): Promise<string> {
    if (!id) return '';
    const row = await db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst();
    return row?.display_name ?? '';
  },

  person(db: Db, id: string): Promise<{ id: string; name_latin: string } | undefined> {
    return db.selectFrom('people').select(['id', 'name_latin']).where('id', '=', id).executeTakeFirst();
  },

  async themeCodes(db: Db): Promise<Set<string>> {
    return new Set((await db.selectFrom('themes').select('code').execute()).map((t) => t.code));
  },

  async memberExists(db: Db, code: string): Promise<boolean> {
    return !!(await db.selectFrom('members').select('code').where('code', '=', code).executeTakeFirst());
  },

  async secretariatIds(db: Db): Promise<string[]> {
    const rows = await db.selectFrom('users').select('id').where('role', 'in', ['secretariat_admin', 'secretariat_staff']).where('status', '=', 'active').execute();
    return rows.map((r) => r.id);
  },
};
