import type { FacetName, LibrarySearchResult, LibrarySensitivity } from '@/contracts/library';
import { facetNames } from '@/contracts/library';
import type { CatalogueRow } from './library.repository';

/** One resource as search needs it: facets, sensitivity and its place in the default order. */
export interface Entry {
  seq: number;
  id: string;
  type: string;
  year: number | null;
  themes: readonly string[];
  countries: readonly string[];
  languages: readonly string[];
  sensitivity: LibrarySensitivity;
  /** 1 << its sensitivity's index in SENSITIVITIES: tested against a reader's mask, one AND per hit. */
  sensitivityBit: number;
  /** Its facet values (each once): Catalogue.facetPool[facetStart..facetEnd) index the catalogue's facet value list. */
  facetStart: number;
  facetEnd: number;
  /** Position in the default order (newest year first, then title, then id): sorting hits compares integers. */
  order: number;
}

export interface Filters {
  theme?: string | undefined;
  country?: string | undefined;
  type?: string | undefined;
  year?: number | undefined;
  language?: string | undefined;
}

const SENSITIVITIES: readonly LibrarySensitivity[] = ['public', 'members', 'secretariat'];
/** An unknown sensitivity has no bit: no reader sees it. */
const sensitivityBit = (s: string) => {
  const i = SENSITIVITIES.indexOf(s as LibrarySensitivity);
  return i < 0 ? 0 : 1 << i;
};
const visibleMask = (visible: readonly LibrarySensitivity[]) => visible.reduce((m, s) => m | sensitivityBit(s), 0);

/** One collator for the default order (String#localeCompare builds one per call: far too slow for 100,000 titles). */
const byTitle = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * The library's metadata in memory, for search: the full-text index gives the matching keys (seq), and filters,
 * sensitivity, facet counts and the order are worked out here instead of loading every matching row from the
 * database for each search. Built from library_resources at one library_version; a search first reads the version
 * (one indexed row) and rebuilds when another write, on this or any other server instance, has changed it.
 */
export class Catalogue {
  /** Entries by seq (seqs are small integers; the array is filled first so V8 keeps it a fast array, not a dictionary). */
  private readonly bySeq: (Entry | undefined)[];
  /** Every entry's facet value ids, one after another (one typed array rather than 100,000 small ones). */
  private readonly facetPool: Uint32Array;
  /** Every entry in the default order. */
  readonly ordered: Entry[];
  /** Every (facet, value) pair some entry has; Entry.facetIds index it. */
  private readonly facetValues: { facet: FacetName; value: string }[] = [];

  constructor(readonly version: number, rows: readonly CatalogueRow[]) {
    // Equal JSON lists (most resources share a few combinations) become one shared array.
    const lists = new Map<string, readonly string[]>();
    const list = (json: string) => {
      let l = lists.get(json);
      if (!l) lists.set(json, (l = Object.freeze(JSON.parse(json) as string[])));
      return l;
    };
    const sorted = [...rows].sort((a, b) => (b.year ?? -1) - (a.year ?? -1) || byTitle.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const facetIndex = new Map<string, number>();
    const facetId = (facet: FacetName, value: string) => {
      const key = `${facet}\u0000${value}`;
      let id = facetIndex.get(key);
      if (id === undefined) {
        id = this.facetValues.push({ facet, value }) - 1;
        facetIndex.set(key, id);
      }
      return id;
    };
    this.bySeq = new Array<Entry | undefined>(rows.reduce((m, r) => Math.max(m, Number(r.seq)), 0) + 1).fill(undefined);
    const pool: number[] = [];
    this.ordered = sorted.map((r, order): Entry => {
      const themes = list(r.themes);
      const countries = list(r.countries);
      const languages = list(r.languages);
      const ids = new Set([
        ...themes.map((v) => facetId('theme', v)), ...countries.map((v) => facetId('country', v)), ...languages.map((v) => facetId('language', v)),
        facetId('type', r.type), ...(r.year !== null ? [facetId('year', String(r.year))] : []),
      ]);
      const e: Entry = {
        seq: Number(r.seq), id: r.id, type: r.type, year: r.year, themes, countries, languages, sensitivity: r.sensitivity as LibrarySensitivity,
        sensitivityBit: sensitivityBit(r.sensitivity), facetStart: pool.length, facetEnd: pool.length + ids.size, order,
      };
      pool.push(...ids);
      this.bySeq[e.seq] = e;
      return e;
    });
    this.facetPool = Uint32Array.from(pool);
  }

  get(seq: number): Entry | undefined {
    return this.bySeq[seq];
  }

  /** One above the largest seq (arrays indexed by seq are this long). */
  get seqLimit(): number {
    return this.bySeq.length;
  }

  /** The entries with these seqs that the reader may see and that pass the filters (unordered). */
  pick(seqs: readonly number[], visible: readonly LibrarySensitivity[], f: Filters): Entry[] {
    // The common case, no filter, is a mask test per hit (tens of thousands of hits for a frequent prefix).
    const mask = visibleMask(visible);
    const keep = f.theme || f.country || f.type || f.year || f.language ? accept(visible, f) : null;
    const bySeq = this.bySeq;
    const out: Entry[] = [];
    for (let i = 0; i < seqs.length; i++) {
      const e = bySeq[seqs[i] as number];
      if (e !== undefined && (e.sensitivityBit & mask) !== 0 && (keep === null || keep(e))) out.push(e);
    }
    return out;
  }

  /** Facet counts over the hits (which are only what the reader may see, after the filters). */
  countFacets(hits: readonly Entry[]): LibrarySearchResult['facets'] {
    const counts = new Uint32Array(this.facetValues.length);
    const pool = this.facetPool;
    for (const h of hits) {
      for (let i = h.facetStart; i < h.facetEnd; i++) {
        const id = pool[i] ?? 0;
        counts[id] = (counts[id] ?? 0) + 1;
      }
    }
    const lists = Object.fromEntries(facetNames.map((f) => [f, [] as { value: string; count: number }[]])) as Record<FacetName, { value: string; count: number }[]>;
    counts.forEach((count, id) => {
      const fv = this.facetValues[id];
      if (count > 0 && fv) lists[fv.facet].push({ value: fv.value, count });
    });
    for (const f of facetNames) lists[f].sort((a, b) => (f === 'year' ? Number(b.value) - Number(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
    return { theme: lists.theme, country: lists.country, type: lists.type, year: lists.year, language: lists.language };
  }

  /** Every entry the reader may see that passes the filters, in the default order. */
  all(visible: readonly LibrarySensitivity[], f: Filters): Entry[] {
    return this.ordered.filter(accept(visible, f));
  }
}

function accept(visible: readonly LibrarySensitivity[], f: Filters): (e: Entry) => boolean {
  const v = new Set(visible);
  return (e) =>
    v.has(e.sensitivity) && (!f.theme || e.themes.includes(f.theme)) && (!f.country || e.countries.includes(f.country)) && (!f.type || e.type === f.type) &&
    (!f.year || e.year === f.year) && (!f.language || e.languages.includes(f.language));
}

