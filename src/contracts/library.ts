import { z } from 'zod';
import { isoDateTime } from './common';

/** Kinds of library resource. */
export const resourceTypes = ['practitioner_guide', 'policy_guide', 'report', 'toolkit', 'legislation', 'case_study', 'training_material'] as const;
export const resourceTypeSchema = z.enum(resourceTypes);
export type ResourceType = z.infer<typeof resourceTypeSchema>;

/**
 * Who may read a resource. public: anyone; members: signed-in officials, Member coordinators and the secretariat
 * (the `members` tier of platform/permissions.ts canSeeChannel: researchers are not Members' officials, so they read
 * public resources only); secretariat: the secretariat only. A resource the reader may not read does not exist for
 * them: not listed, not counted, not in snippets, 404.
 */
export const librarySensitivities = ['public', 'members', 'secretariat'] as const;
export const librarySensitivitySchema = z.enum(librarySensitivities);
export type LibrarySensitivity = z.infer<typeof librarySensitivitySchema>;

export const extractionStatuses = ['none', 'pending', 'done', 'failed'] as const;
export type ExtractionStatus = (typeof extractionStatuses)[number];

const languageCode = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language code such as en, id or th.');
const code = z.string().trim().min(2).max(40);

/** http or https only: a link is never javascript:, data: or anything a browser would run. */
export const externalUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
    } catch {
      return false;
    }
  }, 'Give a web address starting with http:// or https://.');

const currentYear = new Date().getUTCFullYear();

/** What the secretariat enters for a resource (the file, when there is one, is uploaded afterwards). */
export const resourceInputSchema = z.object({
  type: resourceTypeSchema,
  title: z.string().trim().min(1, 'Give the title.').max(300),
  description: z.string().trim().max(5000).default(''),
  themes: z.array(code).max(10).default([]),
  countries: z.array(z.string().trim().regex(/^[A-Z]{3}$/, 'Use a three-letter Member code such as THA.')).max(60).default([]),
  languages: z.array(languageCode).min(1, 'Give at least one language.').max(10),
  year: z.number().int().min(1950).max(currentYear + 1).nullable().default(null),
  publisher: z.string().trim().max(300).default(''),
  sensitivity: librarySensitivitySchema,
  /** The resource this one is a language version of (its original). */
  translationOf: z.string().max(64).nullable().default(null),
  /** An external link instead of (or besides) an uploaded file. */
  linkUrl: externalUrlSchema.nullable().default(null),
});
export type ResourceInput = z.input<typeof resourceInputSchema>;

export const resourcePatchSchema = resourceInputSchema.partial();

export const resourceSummarySchema = z.object({
  id: z.string(),
  type: resourceTypeSchema,
  title: z.string(),
  description: z.string(),
  themes: z.array(z.string()),
  countries: z.array(z.string()),
  languages: z.array(z.string()),
  year: z.number().int().nullable(),
  publisher: z.string(),
  sensitivity: librarySensitivitySchema,
  hasFile: z.boolean(),
  fileType: z.string().nullable(),
  linkUrl: z.string().nullable(),
});
export type ResourceSummary = z.infer<typeof resourceSummarySchema>;

export const resourceSchema = resourceSummarySchema.extend({
  translationOf: z.string().nullable(),
  /** The other language versions the reader may see (the original and its translations). */
  languageVersions: z.array(z.object({ id: z.string(), title: z.string(), languages: z.array(z.string()) })),
  file: z.object({ type: z.string(), contentType: z.string(), size: z.number().int(), downloadUrl: z.string() }).nullable(),
  /** The text extraction of the file: shown to the secretariat only (null for others). */
  extraction: z.object({ status: z.enum(extractionStatuses), error: z.string().nullable(), characters: z.number().int() }).nullable(),
  canEdit: z.boolean(),
  maxUploadMb: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Resource = z.infer<typeof resourceSchema>;

/** A stretch of text with the ranges (UTF-16 offsets, end exclusive) that matched the query, to highlight. */
export const markedTextSchema = z.object({
  text: z.string(),
  marks: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type MarkedText = z.infer<typeof markedTextSchema>;

export const librarySearchQuerySchema = z.object({
  q: z.string().max(200).optional(),
  theme: z.string().max(40).optional(),
  country: z.string().max(3).optional(),
  type: resourceTypeSchema.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  language: z.string().max(20).optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type LibrarySearchQuery = z.input<typeof librarySearchQuerySchema>;

export const facetNames = ['theme', 'country', 'type', 'year', 'language'] as const;
export type FacetName = (typeof facetNames)[number];

const facetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const librarySearchResultSchema = z.object({
  /** How many resources the reader may see match (with the filters). */
  total: z.number().int(),
  items: z.array(resourceSummarySchema.extend({
    titleMarks: z.array(z.tuple([z.number().int(), z.number().int()])),
    /** Where the words were found in the description or the file's text (null without a query or a match there). */
    snippet: markedTextSchema.extend({ source: z.enum(['description', 'text']) }).nullable(),
  })),
  facets: z.object({ theme: facetSchema, country: facetSchema, type: facetSchema, year: facetSchema, language: facetSchema }),
  nextCursor: z.string().nullable(),
  canCreate: z.boolean(),
});
export type LibrarySearchResult = z.infer<typeof librarySearchResultSchema>;
export type LibraryHit = LibrarySearchResult['items'][number];
