import type { z } from 'zod';
import { searchResultSchema, type Freshness, type SearchHit, type SearchResult, type searchQuerySchema } from '@/contracts/directory';
import type { RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { PreparedJson } from '../../platform/http/compression';
import { queryTokens } from '../../platform/search';
import { referenceRepository } from '../reference/reference.repository';
import { agencyListRepository } from './agency-list.repository';
import { directoryCache, type DirectoryCache } from './directory-cache';
import { directoryRepository } from './directory.repository';
import { freshCutoff, freshnessOf } from './freshness';
import { searchRepository } from './search.repository';

type SearchQuery = z.output<typeof searchQuerySchema>;

/** How many matching documents are considered before filters; enough for any name a person would type. */
const CANDIDATES = 2000;
const kindOrder = { member: 0, agency: 1, position: 2, person: 3 } as const;
/** The order of `String.prototype.localeCompare` (default locale), built once: a collator per call costs more than the compare. */
const collator = new Intl.Collator();

/** Until when (clock ms) an answer stays right without a write: the earliest time a confirmed hit falls due. */
interface Expiry {
  until: number;
}

/**
 * Everything of the viewer a search answer depends on. Hits carry names and titles, never contact details, so the
 * only difference is that anonymous visitors find only the people who have a public channel (see `people`).
 * Anything else read from `ctx` in this service must be added here, or cached answers would cross viewers.
 */
function searchScope(ctx: RequestContext): string {
  return ctx.actor ? 'signed-in' : 'anonymous';
}

function cacheKey(ctx: RequestContext, q: SearchQuery): string {
  return [searchScope(ctx), q.q, q.kind, q.limit, q.member, q.subregion, q.mandate, q.workingGroup, q.agencyType, q.freshness].map((v) => v ?? '').join('\u0001');
}

interface Facts {
  member_code: string | null;
  subregion_code: string | null;
  agency_id: string | null;
  agency_type: string | null;
  working_group_code: string | null;
  last_confirmed_at: string | null;
  holder_id: string | null;
}

/**
 * One search box across Members, agencies, positions and people, in any script (see platform/search). Results
 * carry names and titles only, never contact details; anonymous visitors find people only when those people
 * have a public channel.
 */
export class DirectorySearchService {
  constructor(
    private readonly d: PlatformDeps,
    /** Shared with the coverage map and the import (one per database handle); null to compute every answer. */
    readonly cache: DirectoryCache | null = directoryCache(d),
  ) {
    this.reference = directoryCache(d);
  }

  /** The Members (reference data) are read through this, under the data version, whether answers are cached or not. */
  private readonly reference: DirectoryCache;

  private memberList() {
    return this.reference.memo('search.members', async () => {
      const list = await referenceRepository.members(this.d.db);
      return { list, byCode: new Map(list.map((m) => [m.code, m])) };
    });
  }

  /**
   * The answer as JSON text, from the cache when the same search was answered for the same scope of viewer
   * under the current data version. Keyed by the text as typed (trimmed): tokenising it for the key would cost
   * about as much as the rest of a cached answer. With a freshness filter the answer depends on the time of day
   * through the SQL cut-off of the agency list, so it is not cached.
   */
  async searchJson(ctx: RequestContext, q: SearchQuery): Promise<PreparedJson> {
    const compute = async () => {
      const expiry = { until: Infinity };
      const result = await this.run(ctx, q, expiry);
      // The response schema strips fields not listed; applied here because cached text bypasses the serializer.
      return { json: JSON.stringify(searchResultSchema.parse(result)), until: q.freshness ? -Infinity : expiry.until };
    };
    if (!this.cache) return new PreparedJson((await compute()).json);
    return this.cache.get(cacheKey(ctx, q), compute);
  }

  /** The cached answer, when there is one and the data version was read a moment ago (see DirectoryCache.peek). */
  cachedJson(ctx: RequestContext, q: SearchQuery): PreparedJson | undefined {
    return this.cache?.peek(cacheKey(ctx, q));
  }

  search(ctx: RequestContext, q: SearchQuery): Promise<SearchResult> {
    return this.run(ctx, q, { until: Infinity });
  }

  private async run(ctx: RequestContext, q: SearchQuery, expiry: Expiry): Promise<SearchResult> {
    if (!q.q) return this.browse(q);
    const tokens = queryTokens(q.q);
    if (tokens.length === 0) return { items: [], total: 0 };
    const docs = await searchRepository.matchAll(this.d.db, tokens, CANDIDATES);
    const ids = (type: string) => docs.filter((d) => d.doc_type === type).map((d) => d.doc_id);
    const wanted = (kind: keyof typeof kindOrder) => (!q.kind || q.kind === kind ? ids(kind) : []);
    if (!q.member && !q.subregion && !q.mandate && !q.workingGroup && !q.agencyType && !q.freshness) {
      return this.page(ctx, q, { member: wanted('member'), agency: wanted('agency'), position: wanted('position'), person: wanted('person') }, expiry);
    }
    const [members, agencies, positions, people] = await Promise.all([
      this.members(wanted('member'), q),
      this.agencies(wanted('agency'), q),
      this.positions(wanted('position'), q, expiry),
      this.people(ctx, wanted('person'), q, expiry),
    ]);
    const all = [...members, ...agencies, ...positions, ...people].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || collator.compare(a.title, b.title));
    return { items: all.slice(0, q.limit), total: all.length };
  }

  /**
   * Without filters every candidate is a hit (the index only holds existing records; anonymous visitors lose the
   * people without a public channel), so the total is the candidates' count and details are read only for the
   * page: the titles of the kinds that fill it (to sort them), then the facts of the `limit` hits shown. Same
   * order as the filtered path: by kind, then title (then id, the order the records were read in there).
   */
  private async page(ctx: RequestContext, q: SearchQuery, ids: Record<keyof typeof kindOrder, string[]>, expiry: Expiry): Promise<SearchResult> {
    if (!ctx.actor && ids.person.length) {
      const allowed = await directoryRepository.hasPublicChannel(this.d.db, ids.person);
      ids = { ...ids, person: ids.person.filter((id) => allowed.has(id)) };
    }
    const members = await this.members(ids.member, q);
    const total = members.length + ids.agency.length + ids.position.length + ids.person.length;
    const items: SearchHit[] = members.sort((a, b) => collator.compare(a.title, b.title)).slice(0, q.limit);
    for (const kind of ['agency', 'position', 'person'] as const) {
      const room = q.limit - items.length;
      if (room <= 0) break;
      if (!ids[kind].length) continue;
      const titled = await searchRepository.titles(this.d.db, kind, ids[kind]);
      const shown = firstInOrder(titled, room, (a, b) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((t) => t.id);
      const hits = kind === 'agency' ? await this.agencies(shown, q) : kind === 'position' ? await this.positions(shown, q, expiry) : await this.people(ctx, shown, q, expiry);
      const byId = new Map(hits.map((h) => [h.id, h]));
      for (const id of shown) {
        const hit = byId.get(id);
        if (hit) items.push(hit);
      }
    }
    return { items, total };
  }

  /** No words: the agencies the filters select. */
  private async browse(q: SearchQuery): Promise<SearchResult> {
    if (!q.member && !q.subregion && !q.mandate && !q.workingGroup && !q.agencyType && !q.freshness) return { items: [], total: 0 };
    const rows = await agencyListRepository.list(this.d.db, { ...q, freshCutoff: this.cutoff(), limit: q.limit });
    return { items: rows.map((a) => ({ kind: 'agency', id: a.id, title: a.name_en, subtitle: [a.acronym, a.member_name].filter(Boolean).join(' · ') || null, memberCode: a.member_code, agencyId: a.id, freshness: null })), total: rows.length };
  }

  private async members(codes: string[], q: SearchQuery): Promise<SearchHit[]> {
    if (!codes.length || q.mandate || q.workingGroup || q.agencyType || q.freshness) return [];
    const { list } = await this.memberList();
    return list
      .filter((m) => codes.includes(m.code) && (!q.member || m.code === q.member) && (!q.subregion || m.subregion_code === q.subregion))
      .map((m) => ({ kind: 'member', id: m.code, title: m.name, subtitle: [m.participation === 'observer' ? 'Observer' : 'Member', m.subregion_name].filter(Boolean).join(' · '), memberCode: m.code, agencyId: null, freshness: null }));
  }

  private async agencies(ids: string[], q: SearchQuery): Promise<SearchHit[]> {
    if (!ids.length) return [];
    const hit = (a: { id: string; name_en: string; name_local: string | null; acronym: string | null; member_code: string }, memberName: string): SearchHit => ({
      kind: 'agency', id: a.id, title: a.name_en, subtitle: [a.name_local, a.acronym, memberName].filter(Boolean).join(' · ') || null, memberCode: a.member_code, agencyId: a.id, freshness: null,
    });
    if (q.mandate || q.workingGroup || q.freshness) {
      // Filters on other tables (mandates, positions, holders): the agency list applies them.
      const rows = await agencyListRepository.list(this.d.db, { ...q, ids, freshCutoff: this.cutoff(), limit: CANDIDATES });
      return rows.map((a) => hit(a, a.member_name));
    }
    // Otherwise the filters are on the agency and its Member: a lean read, with the Members (a few dozen) from one query.
    const [rows, { byCode }] = await Promise.all([searchRepository.agencyFacts(this.d.db, ids), this.memberList()]);
    return rows.flatMap((a) => {
      const m = byCode.get(a.member_code);
      if (!m || (q.member && a.member_code !== q.member) || (q.subregion && m.subregion_code !== q.subregion) || (q.agencyType && a.type !== q.agencyType)) return [];
      return [hit(a, m.name)];
    });
  }

  private async positions(ids: string[], q: SearchQuery, expiry: Expiry): Promise<SearchHit[]> {
    if (!ids.length) return [];
    const rows = await searchRepository.positionFacts(this.d.db, ids, { subregions: !!q.subregion });
    const mandates = q.mandate ? await searchRepository.mandatesOf(this.d.db, rows.map((r) => r.agency_id)) : new Map<string, Set<string>>();
    return rows
      .map((r) => ({ r, freshness: this.freshness(r, expiry) }))
      .filter(({ r, freshness }) => this.passes(r, freshness, mandates, q))
      .map(({ r, freshness }) => ({ kind: 'position', id: r.id, title: r.title, subtitle: r.agency_name, memberCode: r.member_code, agencyId: r.agency_id, freshness }));
  }

  private async people(ctx: RequestContext, ids: string[], q: SearchQuery, expiry: Expiry): Promise<SearchHit[]> {
    if (!ids.length) return [];
    const allowed = ctx.actor ? null : await directoryRepository.hasPublicChannel(this.d.db, ids);
    const rows = (await searchRepository.personFacts(this.d.db, ids, { subregions: !!q.subregion })).filter((r) => !allowed || allowed.has(r.id));
    const mandates = q.mandate ? await searchRepository.mandatesOf(this.d.db, rows.flatMap((r) => (r.agency_id ? [r.agency_id] : []))) : new Map<string, Set<string>>();
    const hits = new Map<string, SearchHit>();
    for (const r of rows) {
      const facts = { ...r, holder_id: r.id };
      const freshness = r.position_id ? this.freshness(facts, expiry) : null;
      const filtered = q.member || q.subregion || q.mandate || q.workingGroup || q.agencyType || q.freshness;
      if (filtered && (!r.position_id || !freshness || !this.passes(facts, freshness, mandates, q))) continue;
      if (hits.has(r.id)) continue;
      hits.set(r.id, {
        kind: 'person', id: r.id, title: r.name_latin,
        subtitle: [r.name_local, r.position_title, r.agency_name].filter(Boolean).join(' · ') || null,
        memberCode: r.member_code, agencyId: r.agency_id, freshness,
      });
    }
    return [...hits.values()];
  }

  private passes(r: Facts, freshness: Freshness, mandates: Map<string, Set<string>>, q: SearchQuery): boolean {
    return (
      (!q.member || r.member_code === q.member) &&
      (!q.subregion || r.subregion_code === q.subregion) &&
      (!q.agencyType || r.agency_type === q.agencyType) &&
      (!q.workingGroup || r.working_group_code === q.workingGroup) &&
      (!q.mandate || (!!r.agency_id && !!mandates.get(r.agency_id)?.has(q.mandate))) &&
      (!q.freshness || freshness === q.freshness)
    );
  }

  /** A hit's freshness; a confirmed one turns stale when it falls due, so the answer is right only until then. */
  private freshness(r: Pick<Facts, 'holder_id' | 'last_confirmed_at'>, expiry: Expiry): Freshness {
    const { freshness, dueAt } = freshnessOf(r, this.d.clock.now(), this.d.config.CONFIRMATION_INTERVAL_DAYS);
    if (freshness === 'confirmed' && dueAt) expiry.until = Math.min(expiry.until, Date.parse(dueAt));
    return freshness;
  }

  private cutoff(): string {
    return freshCutoff(this.d.clock.now(), this.d.config.CONFIRMATION_INTERVAL_DAYS);
  }
}

/**
 * The first `k` items in `compare` order (a total order), sorted: what sorting all of them and taking `k` gives,
 * with about one comparison per item for a page of 25 among a couple of thousand candidates (a full sort makes
 * about eleven per item, each an ICU collation).
 */
export function firstInOrder<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  if (k <= 0) return top;
  for (const item of items) {
    const last = top[top.length - 1];
    if (top.length === k && last !== undefined && compare(item, last) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(top[mid] as T, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}
