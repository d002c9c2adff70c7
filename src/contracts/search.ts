import { z } from 'zod';
import { markedTextSchema } from './library';

/**
 * The global search (GET /api/search): one box over the library, good practices and, from the directory, agencies
 * and people. Each module answers with its own visibility rules (its own service is called), so a result the
 * viewer may not see is never returned, counted or quoted.
 *
 * Merging: each kind is ranked by its own module (library: title/description weight, practices: title/section
 * weight, directory: its own order) and cut to `perKind` results; the lists are then interleaved by rank (every
 * kind's best result first, in the order library, practice, dialogue, agency, person; then every kind's second...).
 * Dialogues: threads of the spaces the viewer may see (the dialogues policy's spaceVisibleTo), hidden threads and
 * posts left out, found through the dialogues' own index (modules/dialogues/search.service.ts).
 */
export const searchKinds = ['library', 'practice', 'dialogue', 'agency', 'person'] as const;
export const searchKindSchema = z.enum(searchKinds);
export type SearchKind = z.infer<typeof searchKindSchema>;

export const globalSearchQuerySchema = z.object({
  q: z.string().trim().max(200).default(''),
  /** Comma-separated kinds to search (all when absent). */
  kinds: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v, ctx) => {
      if (!v) return [...searchKinds];
      const list = v.split(',').map((k) => k.trim()).filter(Boolean);
      const bad = list.filter((k) => !(searchKinds as readonly string[]).includes(k));
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `Unknown kinds: ${bad.join(', ')}. Use ${searchKinds.join(', ')}.` });
        return z.NEVER;
      }
      return [...new Set(list)] as SearchKind[];
    }),
  perKind: z.coerce.number().int().min(1).max(20).default(5),
});
export type GlobalSearchQuery = z.input<typeof globalSearchQuerySchema>;

export const globalSearchHitSchema = z.object({
  kind: searchKindSchema,
  id: z.string(),
  title: z.string(),
  /** A short passage (or a description), with the words found marked; null when there is nothing to show. */
  snippet: markedTextSchema.nullable(),
  /** The page of the result in the web app. */
  path: z.string(),
  /** 1 for each kind's best result, 2 for the next... */
  rank: z.number().int(),
});
export type GlobalSearchHit = z.infer<typeof globalSearchHitSchema>;

export const globalSearchResultSchema = z.object({
  items: z.array(globalSearchHitSchema),
  /** How many results each searched kind has in all (what the viewer may see). */
  totals: z.array(z.object({ kind: searchKindSchema, total: z.number().int() })),
});
export type GlobalSearchResult = z.infer<typeof globalSearchResultSchema>;
