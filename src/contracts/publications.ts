import { z } from 'zod';
import { isoDateTime } from './common';

/**
 * Published reports: the public outcome reports of meetings that were not by invitation, listed across events
 * (newest first) so a visitor finds them without knowing the meeting. Each original is listed once, with its other
 * language versions; files download through the papers routes (papers.policy isPublishedReport).
 */
export const publicationListQuery = z.object({
  /** Only events that started in this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type PublicationListQuery = z.input<typeof publicationListQuery>;

const fileSchema = z.object({
  /** Path of the latest version's file (GET). */
  url: z.string(),
  fileType: z.string(),
  sizeBytes: z.number().int(),
  version: z.number().int(),
  updatedAt: isoDateTime,
});

export const publicationSchema = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  event: z.object({
    id: z.string(), title: z.string(), type: z.string(), startDate: z.string(), endDate: z.string(), place: z.string().nullable(),
    /** Whether the reader may open the meeting's page (a Members-only meeting's report may be public). */
    open: z.boolean(),
  }),
  file: fileSchema,
  /** The same report in other languages. */
  translations: z.array(z.object({ id: z.string(), title: z.string(), language: z.string(), file: fileSchema })),
});
export type Publication = z.infer<typeof publicationSchema>;

export const publicationListSchema = z.object({
  items: z.array(publicationSchema),
  total: z.number().int(),
  /** Years that have published reports, newest first (for the filter). */
  years: z.array(z.number().int()),
  nextOffset: z.number().int().nullable(),
});
export type PublicationList = z.infer<typeof publicationListSchema>;
