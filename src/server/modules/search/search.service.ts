import type { z } from 'zod';
import { librarySearchQuerySchema } from '@/contracts/library';
import type { GlobalSearchHit, GlobalSearchResult, globalSearchQuerySchema, SearchKind } from '@/contracts/search';
import type { RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { searchQuerySchema } from '@/contracts/directory';
import type { DialogueSearchService } from '../dialogues/search.service';
import type { DirectorySearchService } from '../directory/search.service';
import type { LibraryService } from '../library/library.service';
import { highlighter, markAll, snippet } from '../library/library.snippet';
import type { PracticesService } from '../practices/practices.service';

type Query = z.output<typeof globalSearchQuerySchema>;
type Ranked = Omit<GlobalSearchHit, 'rank'>;
const enc = encodeURIComponent;

export interface SearchSources {
  library: LibraryService;
  practices: PracticesService;
  directory: DirectorySearchService;
  dialogues: DialogueSearchService;
}

/**
 * One box over the modules: each kind is searched by its own module's service (its visibility rules apply), cut
 * to `perKind`, and the lists are interleaved by rank (see src/contracts/search.ts).
 */
export class GlobalSearchService {
  constructor(private readonly d: PlatformDeps, private readonly s: SearchSources) {}

  async search(ctx: RequestContext, query: Query): Promise<GlobalSearchResult> {
    const q = query.q;
    const kinds = query.kinds;
    if (!q) return { items: [], totals: kinds.map((kind) => ({ kind, total: 0 })) };
    const lists = await Promise.all(kinds.map(async (kind) => ({ kind, ...(await this.one(ctx, kind, q, query.perKind)) })));
    const items: GlobalSearchHit[] = [];
    for (let rank = 0; rank < query.perKind; rank++) {
      for (const list of lists) {
        const hit = list.items[rank];
        if (hit) items.push({ ...hit, rank: rank + 1 });
      }
    }
    return { items, totals: lists.map((l) => ({ kind: l.kind, total: l.total })) };
  }

  private async one(ctx: RequestContext, kind: SearchKind, q: string, limit: number): Promise<{ items: Ranked[]; total: number }> {
    switch (kind) {
      case 'library': {
        const r = await this.s.library.search(ctx, librarySearchQuerySchema.parse({ q, limit }));
        return {
          total: r.total,
          items: r.items.map((h) => ({
            kind, id: h.id, title: h.title, path: `/library/${enc(h.id)}`,
            snippet: h.snippet ? { text: h.snippet.text, marks: h.snippet.marks } : h.description ? { text: h.description.slice(0, 200), marks: [] } : null,
          })),
        };
      }
      case 'practice': {
        const hits = await this.s.practices.searchHits(ctx, q, 10_000);
        const re = highlighter(q);
        return {
          total: hits.length,
          items: hits.slice(0, limit).map(({ hit }) => ({
            kind, id: hit.id, title: hit.title, path: `/practices/${enc(hit.id)}`,
            snippet: hit.snippet ? { text: hit.snippet, marks: markAll(hit.snippet, re) } : null,
          })),
        };
      }
      case 'dialogue': {
        const r = await this.s.dialogues.search(ctx, q, { limit });
        return { total: r.total, items: r.items.map((h) => ({ kind, id: h.id, title: h.title, path: `/dialogues/threads/${enc(h.id)}`, snippet: h.snippet })) };
      }
      case 'agency':
      case 'person': {
        const r = await this.s.directory.search(ctx, searchQuerySchema.parse({ q, kind, limit }));
        const re = highlighter(q);
        return {
          total: r.total,
          items: r.items.map((h) => ({
            kind, id: h.id, title: h.title, path: `/directory/${kind === 'agency' ? 'agencies' : 'people'}/${enc(h.id)}`,
            snippet: h.subtitle ? snippet(h.subtitle, re) ?? { text: h.subtitle, marks: [] } : null,
          })),
        };
      }
    }
  }
}
