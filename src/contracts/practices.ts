import { z } from 'zod';
import { isoDateTime } from './common';
import { externalUrlSchema } from './library';

/**
 * Good practices: a Member official (or a Member coordinator) writes a practice in a structured form and submits it;
 * the secretariat reviews it (comments, changes requested), publishes it to Members or to the public, and archives it.
 *
 * draft -> submitted -> changes_requested -> submitted ... -> published -> archived
 *
 * Who sees a practice:
 * - published, audience public: everyone, also anonymous visitors;
 * - published, audience members: officials, Member coordinators and the secretariat (the `members` tier of
 *   platform/permissions canSeeChannel, the library's rule: researchers read public practices only);
 * - any other state (draft, submitted, changes_requested, archived): its submitter, the coordinators of its Member
 *   (read only) and the secretariat. For everyone else it does not exist (404, not listed, not found by search).
 */
export const practiceStatuses = ['draft', 'submitted', 'changes_requested', 'published', 'archived'] as const;
export const practiceStatusSchema = z.enum(practiceStatuses);
export type PracticeStatus = z.infer<typeof practiceStatusSchema>;

export const practiceAudiences = ['members', 'public'] as const;
export const practiceAudienceSchema = z.enum(practiceAudiences);
export type PracticeAudience = z.infer<typeof practiceAudienceSchema>;

const text = (max: number) => z.string().trim().max(max);
const languageCode = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language code such as en, id or th.');

const practiceFields = {
  title: z.string().trim().min(1, 'Give the title.').max(300),
  memberCode: z.string().trim().regex(/^[A-Z]{3}$/, 'Choose a Member.'),
  themes: z.array(z.string().trim().min(2).max(40)).max(10),
  problem: text(10_000),
  action: text(10_000),
  results: text(10_000),
  evidence: text(10_000),
  evidenceLinks: z.array(externalUrlSchema).max(20),
  lessons: text(10_000),
  contact: text(1000),
  contactPersonId: z.string().trim().min(1).max(64).nullable(),
  languages: z.array(languageCode).min(1, 'Give at least one language.').max(10),
};

/** The structured form. A draft may be incomplete; submitting checks that the sections are filled (see submit). */
export const practiceInputSchema = z.object({
  ...practiceFields,
  themes: practiceFields.themes.default([]),
  problem: practiceFields.problem.default(''),
  action: practiceFields.action.default(''),
  results: practiceFields.results.default(''),
  evidence: practiceFields.evidence.default(''),
  evidenceLinks: practiceFields.evidenceLinks.default([]),
  lessons: practiceFields.lessons.default(''),
  contact: practiceFields.contact.default(''),
  contactPersonId: practiceFields.contactPersonId.default(null),
});
export type PracticeInput = z.input<typeof practiceInputSchema>;

/** Only the fields given change (no defaults: an absent field keeps its value). */
export const practicePatchSchema = z.object(practiceFields).partial();
export type PracticePatch = z.input<typeof practicePatchSchema>;

export const practiceCommentInputSchema = z.object({ body: z.string().trim().min(1, 'Write the comment.').max(5000) });
export const requestChangesSchema = z.object({ comment: z.string().trim().min(1, 'Say what should change.').max(5000) });
export const publishSchema = z.object({ audience: practiceAudienceSchema, comment: z.string().trim().max(5000).optional() });
export const archiveSchema = z.object({ comment: z.string().trim().max(5000).optional() });

export const practiceCommentSchema = z.object({
  id: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  /** The step the comment came with (null: a plain comment). */
  step: z.enum(['submitted', 'changes_requested', 'published', 'archived']).nullable(),
  body: z.string(),
  createdAt: isoDateTime,
});
export type PracticeComment = z.infer<typeof practiceCommentSchema>;

export const practiceSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  memberCode: z.string(),
  memberName: z.string(),
  themes: z.array(z.string()),
  languages: z.array(z.string()),
  status: practiceStatusSchema,
  audience: practiceAudienceSchema.nullable(),
  /** The start of the problem (or, in a search, the passage around the words found). */
  snippet: z.string(),
  submittedAt: isoDateTime.nullable(),
  publishedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
});
export type PracticeSummary = z.infer<typeof practiceSummarySchema>;

export const practiceSchema = practiceSummarySchema.extend({
  problem: z.string(),
  action: z.string(),
  results: z.string(),
  evidence: z.string(),
  evidenceLinks: z.array(z.string()),
  lessons: z.string(),
  contact: z.string(),
  contactPerson: z.object({ id: z.string(), name: z.string() }).nullable(),
  submitterId: z.string().nullable(),
  submitterName: z.string(),
  /** Review comments: for the submitter, the Member's coordinators and the secretariat; [] for other readers. */
  comments: z.array(practiceCommentSchema),
  /** What the viewer may do now. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), comment: z.boolean(), review: z.boolean(), publish: z.boolean(), archive: z.boolean() }),
  createdAt: isoDateTime,
});
export type Practice = z.infer<typeof practiceSchema>;

export const practiceListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  theme: z.string().trim().max(40).optional(),
  member: z.string().trim().toUpperCase().max(12).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** Paging: how many matches to skip (the order is by relevance, then newest, so pages are counted, not keyed). */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PracticeListQuery = z.input<typeof practiceListQuerySchema>;

export const practiceReviewQuerySchema = z.object({ status: practiceStatusSchema.default('submitted') });

export const practiceListSchema = z.object({ items: z.array(practiceSummarySchema), total: z.number().int(), canSubmit: z.boolean() });
export type PracticeList = z.infer<typeof practiceListSchema>;
