import { PostgresAdapter, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';

/** A position as search hits and filters need it. */
export interface PositionFact {
  id: string;
  title: string;
  working_group_code: string | null;
  last_confirmed_at: string | null;
  agency_id: string;
  agency_name: string;
  agency_type: string;
  member_code: string;
  subregion_code: string | null;
  holder_id: string | null;
}

/** A person with one position they hold now (all position fields null when they hold none). */
export interface PersonFact {
  id: string;
  name_latin: string;
  name_local: string | null;
  title: string | null;
  position_id: string | null;
  position_title: string | null;
  working_group_code: string | null;
  last_confirmed_at: string | null;
  agency_id: string | null;
  agency_name: string | null;
  agency_type: string | null;
  member_code: string | null;
  subregion_code: string | null;
}

/**
 * Per token, how many index rows are counted at most to find the rarest one (see matchAll). Tokens above it tie and
 * keep their order. Was 5000: six common words then read 30,000 index entries before the search began (PostgreSQL,
 * full scale, psql \timing under load 5-7: 5-12 ms for the probe alone; 2.6-5.5 ms at 500).
 */
const RARITY_PROBE = 1000;
/** When every token reaches RARITY_PROBE, they are counted again up to this (see byRarity). */
const RARITY_TIE_PROBE = 4000;
/**
 * PostgreSQL, several tokens: what probing the index for one (token, document) key costs, in entries of an index
 * range read in order (full scale, EXPLAIN ANALYZE: about 3.5 µs a probe, 0.16 µs an entry). The driving documents
 * are probed one by one (nested loop) when that costs less than reading the other tokens' ranges alongside the
 * driving one (merge join): for a rare word next to common ones ("chief of mission": 629 driving documents, ranges
 * of 2,400 and 119,000 entries) probing took 4.6-5.4 ms against 19-24 ms; for words of similar size that go
 * together ("working group on traff": 31,000 driving documents) merging took 3.5-7 ms against 26 ms.
 */
const PROBE_COST = 20;
/** The driving token's documents are counted at most this far to choose (beyond it, the ranges are merged). */
const MAX_DRIVING_COUNT = 8000;
/** How long PostgreSQL's statistics of the commonest tokens are kept before they are read again (see tokenEstimates). */
const ESTIMATES_MS = 10 * 60_000;
/** A LIMIT that never binds; it keeps the driving subquery a subquery (see matchAll). */
const NO_LIMIT = 1_000_000_000;

/**
 * The search's reads. They look records up by id with plain index lookups, one table at a time, and join in
 * memory: with a couple of thousand ids, PostgreSQL's planner otherwise prefers hashing whole tables (agencies,
 * position holders) over a few thousand index lookups, which costs tens of milliseconds per search.
 */
export const searchRepository = {
  /**
   * Documents carrying every token (AND), the first `cap` in (doc_type, doc_id) order.
   *
   * The rarest token drives: its index range (the primary key is token, doc_type, doc_id, so the range is in that
   * order already) is walked, and a document is kept when the other tokens' (token, doc_type, doc_id) keys exist,
   * until `cap` are found. Grouping the rows of all tokens and counting them gives the same documents but reads
   * every row of every token first: tens of thousands for a common prefix such as "office". The driving query
   * is a subquery with a LIMIT so that neither database folds it into the outer query and picks another order.
   */
  async matchAll(db: Kysely<DB>, tokens: readonly string[], cap: number): Promise<{ doc_type: string; doc_id: string }[]> {
    const distinct = [...new Set(tokens)];
    if (distinct.length === 0) return [];
    if (distinct.length === 1) return matchIn(db, distinct, cap);
    const ranked = await byRarity(db, distinct);
    const ordered = ranked.map((t) => t.token);
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return matchIn(db, ordered, cap);
    // PostgreSQL, several tokens: each EXISTS becomes a semi-join, and the planner (a) searches every order of
    // them, about 10 ms of planning for six words, and (b) estimates few matches (it takes the words as independent)
    // and probes the index once per driving row and word, tens of thousands of buffer reads when the words go
    // together ("international organization for migration"). In this transaction the joins keep the written order
    // (rarest first) and are merge joins over the tokens' index ranges, read in order. EXPLAIN ANALYZE at full scale,
    // six words: planning 9-12 ms -> 1.1 ms, execution 78-94 ms -> 8-11 ms (load average 10). A rare driving word
    // next to common ones is the exception: its documents are probed one by one (see PROBE_COST). The other words'
    // sizes come from the rarity counts, or from PostgreSQL's statistics where those know more (the counts stop at a
    // cap; the statistics know the commonest words).
    const others = ranked.slice(1);
    const estimates = await tokenEstimates(db);
    const mergeCost = others.reduce((sum, t) => sum + Math.max(t.n, estimates.get(t.token) ?? 0), 0);
    const driving = await drivingCount(db, ranked[0], Math.min(MAX_DRIVING_COUNT, Math.ceil(mergeCost / (others.length * PROBE_COST)) + 1));
    const probe = driving * others.length * PROBE_COST < mergeCost;
    return db.transaction().execute(async (trx) => {
      await (probe
        ? sql`select set_config('enable_mergejoin', 'off', true), set_config('enable_hashjoin', 'off', true), set_config('join_collapse_limit', '1', true), set_config('from_collapse_limit', '1', true)`
        : sql`select set_config('enable_nestloop', 'off', true), set_config('join_collapse_limit', '1', true), set_config('from_collapse_limit', '1', true)`
      ).execute(trx);
      return matchIn(trx, ordered, cap);
    });
  },

  /** The titles a hit of this kind shows (agency name, position title, person's Latin name), to sort candidates by. */
  titles(db: Kysely<DB>, kind: 'agency' | 'position' | 'person', ids: readonly string[]): Promise<{ id: string; title: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    if (kind === 'agency') return db.selectFrom('agencies').select(['id', 'name_en as title']).where(idIn(db, 'id', ids)).execute();
    if (kind === 'position') return db.selectFrom('positions').select(['id', 'title']).where(idIn(db, 'id', ids)).execute();
    return db.selectFrom('people').select(['id', 'name_latin as title']).where(idIn(db, 'id', ids)).execute();
  },

  /** Agencies by id, in id order, with what a search hit shows and the filters need (their Members come from the caller). */
  agencyFacts(db: Kysely<DB>, ids: readonly string[]) {
    return db
      .selectFrom('agencies as a')
      .select(['a.id', 'a.name_en', 'a.name_local', 'a.acronym', 'a.member_code', 'a.type'])
      .where(idIn(db, 'a.id', ids.length ? ids : ['']))
      .orderBy('a.id')
      .execute();
  },

  /**
   * Positions with agency, Member and current holder, for search hits and filters: positions ⋈ agencies ⋈ members,
   * left-joined with current holdings (a position with two current holders gives two rows, as the SQL join did).
   */
  async positionFacts(db: Kysely<DB>, ids: readonly string[], opts: { subregions: boolean }): Promise<PositionFact[]> {
    if (ids.length === 0) return [];
    const [positions, holders, subregions] = await Promise.all([
      // In id order (as SQLite returned the former join), so that hits with equal titles keep one order on both databases.
      db.selectFrom('positions').select(['id', 'title', 'working_group_code', 'last_confirmed_at', 'agency_id']).where(idIn(db, 'id', ids)).orderBy('id').execute(),
      currentHolders(db, 'position_id', ids),
      memberSubregions(db, opts.subregions),
    ]);
    const agencies = await agenciesById(db, positions.map((p) => p.agency_id));
    return positions.flatMap((p): PositionFact[] => {
      const a = agencies.get(p.agency_id);
      if (!a || (subregions && !subregions.has(a.member_code))) return [];
      const base = {
        id: p.id, title: p.title, working_group_code: p.working_group_code, last_confirmed_at: p.last_confirmed_at,
        agency_id: a.id, agency_name: a.name_en, agency_type: a.type, member_code: a.member_code, subregion_code: subregions?.get(a.member_code) ?? null,
      };
      const mine = holders.get(p.id) ?? [];
      return mine.length ? mine.map((h) => ({ ...base, holder_id: h.person_id })) : [{ ...base, holder_id: null }];
    });
  },

  /** People with the positions they hold now, one row per current position (a person with none still appears, with nulls). */
  async personFacts(db: Kysely<DB>, ids: readonly string[], opts: { subregions: boolean }): Promise<PersonFact[]> {
    if (ids.length === 0) return [];
    const [people, holders, subregions] = await Promise.all([
      db.selectFrom('people').select(['id', 'name_latin', 'name_local', 'title']).where(idIn(db, 'id', ids)).orderBy('id').execute(),
      currentHolders(db, 'person_id', ids),
      memberSubregions(db, opts.subregions),
    ]);
    const positionIds = [...new Set([...holders.values()].flat().map((h) => h.position_id))];
    const positions = new Map(
      positionIds.length
        ? (await db.selectFrom('positions').select(['id', 'title', 'working_group_code', 'last_confirmed_at', 'agency_id']).where(idIn(db, 'id', positionIds)).execute()).map((p) => [p.id, p])
        : [],
    );
    const agencies = await agenciesById(db, [...positions.values()].map((p) => p.agency_id));
    return people.flatMap((pe): PersonFact[] => {
      const person = { id: pe.id, name_latin: pe.name_latin, name_local: pe.name_local, title: pe.title };
      const held = (holders.get(pe.id) ?? []).map((h): PersonFact => {
        const p = positions.get(h.position_id);
        const a = p ? agencies.get(p.agency_id) : undefined;
        return {
          ...person,
          position_id: p?.id ?? null, position_title: p?.title ?? null, working_group_code: p?.working_group_code ?? null, last_confirmed_at: p?.last_confirmed_at ?? null,
          agency_id: a?.id ?? null, agency_name: a?.name_en ?? null, agency_type: a?.type ?? null, member_code: a?.member_code ?? null,
          subregion_code: (a ? subregions?.get(a.member_code) : undefined) ?? null,
        };
      });
      return held.length
        ? held
        : [{ ...person, position_id: null, position_title: null, working_group_code: null, last_confirmed_at: null, agency_id: null, agency_name: null, agency_type: null, member_code: null, subregion_code: null }];
    });
  },

  async mandatesOf(db: Kysely<DB>, agencyIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const map = new Map<string, Set<string>>();
    if (agencyIds.length === 0) return map;
    const rows = await db.selectFrom('agency_mandates').selectAll().where('agency_id', 'in', [...new Set(agencyIds)]).execute();
    for (const r of rows) (map.get(r.agency_id) ?? map.set(r.agency_id, new Set()).get(r.agency_id))?.add(r.mandate_code);
    return map;
  },
};

/**
 * `column in (ids)` with one bound parameter whatever the number of ids: `= any($1)` with an array on PostgreSQL,
 * `in (select value from json_each(?))` on SQLite. The statement text is then the same for every search, so the
 * database can reuse its plan (and better-sqlite3 its prepared statement), and a couple of thousand ids do not
 * cost a couple of thousand parameters to bind. Both use the column's index for each value.
 */
function idIn(db: Kysely<DB>, column: string, ids: readonly string[]): Expression<SqlBool> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<SqlBool>`${sql.ref(column)} = any(${[...ids]}::text[])`
    : sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/** Current holdings (no end date) of the given positions or people, grouped by that key. */
async function currentHolders(db: Kysely<DB>, key: 'position_id' | 'person_id', ids: readonly string[]): Promise<Map<string, { position_id: string; person_id: string }[]>> {
  const rows = await db.selectFrom('position_holders').select(['position_id', 'person_id']).where(idIn(db, key, ids)).where('end_date', 'is', null).execute();
  const map = new Map<string, { position_id: string; person_id: string }[]>();
  for (const r of rows) (map.get(r[key]) ?? map.set(r[key], []).get(r[key]))?.push(r);
  return map;
}

async function agenciesById(db: Kysely<DB>, ids: readonly string[]) {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return new Map<string, { id: string; name_en: string; type: string; member_code: string }>();
  const rows = await db.selectFrom('agencies').select(['id', 'name_en', 'type', 'member_code']).where(idIn(db, 'id', distinct)).execute();
  return new Map(rows.map((a) => [a.id, a]));
}

/**
 * Member code → sub-region code, for every Member (a few dozen rows; an inner join with members keeps only known
 * codes); null, without a query, when the caller filters by no sub-region (agencies reference their Member, so no
 * row is dropped then, and the sub-region is not shown).
 */
async function memberSubregions(db: Kysely<DB>, wanted: boolean): Promise<Map<string, string | null> | null> {
  if (!wanted) return null;
  const rows = await db.selectFrom('members').select(['code', 'subregion_code']).execute();
  return new Map(rows.map((m) => [m.code, m.subregion_code]));
}

/** See matchAll: distinct tokens, the first (the rarest) driving. */
async function matchIn(db: Kysely<DB>, ordered: readonly string[], cap: number): Promise<{ doc_type: string; doc_id: string }[]> {
  const [first = '', ...rest] = ordered;
  const driving = db.selectFrom('search_tokens').select(['doc_type', 'doc_id']).where('token', '=', first).orderBy('doc_type').orderBy('doc_id').limit(NO_LIMIT);
  return db
    .selectFrom(driving.as('d'))
    .select(['d.doc_type', 'd.doc_id'])
    .$if(rest.length > 0, (qb) =>
      qb.where((eb) =>
        eb.and(
          rest.map((token) =>
            eb.exists(
              eb
                .selectFrom('search_tokens as t')
                .select('t.token')
                .where('t.token', '=', token)
                .whereRef('t.doc_type', '=', 'd.doc_type')
                .whereRef('t.doc_id', '=', 'd.doc_id'),
            ),
          ),
        ),
      ),
    )
    .orderBy('d.doc_type')
    .orderBy('d.doc_id')
    .limit(cap)
    .execute();
}

/**
 * The tokens, rarest first, with how many documents carry each, counted up to {@link RARITY_PROBE}; when even the
 * rarest reaches it (all are common), counted again up to {@link RARITY_TIE_PROBE}, so that a word common only by
 * the first count still drives ("regional office 12": ^12 has 2,683 documents, ^regional and ^office 80,000 and
 * more; driving by the first word as typed cost 66-70 ms in EXPLAIN ANALYZE at full scale). `cap` is the count's
 * limit: a token counted at it may have more. Ties keep their order.
 */
async function byRarity(db: Kysely<DB>, tokens: readonly string[]): Promise<[Ranked, ...Ranked[]]> {
  let ranked = await countUpTo(db, tokens, RARITY_PROBE);
  if ((ranked[0]?.n ?? 0) >= RARITY_PROBE) ranked = await countUpTo(db, tokens, RARITY_TIE_PROBE);
  const [rarest, ...rest] = ranked;
  if (!rarest) throw new Error('byRarity needs at least one token');
  return [rarest, ...rest];
}

interface Ranked {
  token: string;
  n: number;
  cap: number;
}

async function countUpTo(db: Kysely<DB>, tokens: readonly string[], cap: number): Promise<Ranked[]> {
  const probes = tokens.map(
    (token, i) => sql`select ${sql.lit(i)} as i, (select count(*) from (select 1 as one from search_tokens where token = ${token} limit ${sql.lit(cap)}) s) as n`,
  );
  const { rows } = await sql<{ i: number; n: number }>`${sql.join(probes, sql` union all `)}`.execute(db);
  const counts = new Map(rows.map((r) => [Number(r.i), Number(r.n)]));
  return tokens.map((token, i) => ({ token, n: counts.get(i) ?? 0, cap })).sort((a, b) => a.n - b.n);
}

/**
 * How many documents carry the driving token, counted up to `upTo` (enough to tell probing from merging), or its
 * rarity count when that is exact.
 */
async function drivingCount(db: Kysely<DB>, driving: Ranked, upTo: number): Promise<number> {
  if (driving.n < driving.cap || upTo <= driving.cap) return driving.n;
  const { rows } = await sql<{ n: number }>`select count(*) as n from (select 1 as one from search_tokens where token = ${driving.token} limit ${sql.lit(upTo)}) s`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

const estimateCache = new WeakMap<Kysely<DB>, { at: number; value: Promise<Map<string, number>> }>();

/**
 * PostgreSQL's estimate of how many rows carry each of the commonest tokens (the most common values of
 * search_tokens.token, from ANALYZE, times the table's estimated rows), read at most every {@link ESTIMATES_MS};
 * empty when the table has not been analysed yet. A failed read is not kept.
 */
function tokenEstimates(db: Kysely<DB>): Promise<Map<string, number>> {
  const now = performance.now();
  const cached = estimateCache.get(db);
  if (cached && now - cached.at < ESTIMATES_MS) return cached.value;
  const value = sql<{ token: string; n: number }>`
    select u.token, u.freq * greatest(c.reltuples, 0) as n
    from pg_stats s
    join pg_namespace ns on ns.nspname = s.schemaname
    join pg_class c on c.relnamespace = ns.oid and c.relname = s.tablename
    cross join lateral unnest(s.most_common_vals::text::text[], s.most_common_freqs) as u(token, freq)
    where s.schemaname = current_schema() and s.tablename = 'search_tokens' and s.attname = 'token'`
    .execute(db)
    .then(({ rows }) => new Map(rows.map((r) => [r.token, Number(r.n)])));
  estimateCache.set(db, { at: now, value });
  value.catch(() => {
    if (estimateCache.get(db)?.value === value) estimateCache.delete(db);
  });
  return value;
}
