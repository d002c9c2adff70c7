import { z } from 'zod';
import { isoDateTime } from './common';
import { markedTextSchema } from './library';

/**
 * Thematic dialogues: spaces, threads and posts (Markdown, rendered and sanitised on the server), follows, unread
 * markers, moderation with reasons, and reports. Shared by the server and the web app.
 */

export const spaceKinds = ['theme', 'working_group', 'event'] as const;
export const spaceKindSchema = z.enum(spaceKinds);
/** members: open to Members (officials, coordinators, secretariat); invited: the member list only. */
export const spaceAccesses = ['members', 'invited'] as const;
export const spaceAccessSchema = z.enum(spaceAccesses);
export const spaceRoles = ['member', 'moderator'] as const;
export const spaceRoleSchema = z.enum(spaceRoles);

const text = (max: number) => z.string().trim().min(1, 'Required.').max(max, `At most ${max} characters.`);
/** A reason for a moderation action: required, recorded in the audit trail. */
export const reasonSchema = z.string().trim().min(3, 'Give a reason (at least 3 characters).').max(1000, 'At most 1000 characters.');

export const spaceInputSchema = z.object({
  name: text(160),
  description: z.string().trim().max(2000).default(''),
  kind: spaceKindSchema,
  themeCode: z.string().max(64).nullish(),
  workingGroupCode: z.string().max(64).nullish(),
  eventId: z.string().max(64).nullish(),
  access: spaceAccessSchema,
});
export type SpaceInput = z.input<typeof spaceInputSchema>;

export const spacePatchSchema = z.object({
  name: text(160).optional(),
  description: z.string().trim().max(2000).optional(),
  access: spaceAccessSchema.optional(),
});

export const spaceMemberInputSchema = z.object({
  email: z.string().trim().email('Enter an email address.').max(254),
  role: spaceRoleSchema,
});

export const spaceMemberSchema = z.object({ userId: z.string(), displayName: z.string(), email: z.string(), role: spaceRoleSchema, addedAt: isoDateTime });
export const spaceMemberListSchema = z.object({ items: z.array(spaceMemberSchema) });
export type SpaceMember = z.infer<typeof spaceMemberSchema>;

/** People the secretariat may add to a space, found by name or email (the member picker). */
export const memberCandidatesQuery = z.object({ q: z.string().trim().min(1, 'Type part of a name or email.').max(200) });
export const memberCandidateSchema = z.object({ userId: z.string(), displayName: z.string(), email: z.string(), role: spaceRoleSchema.nullable() });
export const memberCandidateListSchema = z.object({ items: z.array(memberCandidateSchema) });
export type MemberCandidate = z.infer<typeof memberCandidateSchema>;

export const spaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  kind: spaceKindSchema,
  themeCode: z.string().nullable(),
  workingGroupCode: z.string().nullable(),
  event: z.object({ id: z.string(), title: z.string() }).nullable(),
  access: spaceAccessSchema,
  threadCount: z.number().int(),
  /** Threads with posts the viewer has not read. */
  unreadThreads: z.number().int(),
  following: z.boolean(),
  canModerate: z.boolean(),
  canManage: z.boolean(),
  canPost: z.boolean(),
});
export type Space = z.infer<typeof spaceSchema>;
export const spaceListSchema = z.object({ items: z.array(spaceSchema), canCreate: z.boolean() });
export type SpaceList = z.infer<typeof spaceListSchema>;

export const userRefSchema = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const threadSummarySchema = z.object({
  id: z.string(),
  spaceId: z.string(),
  title: z.string(),
  author: userRefSchema,
  pinned: z.boolean(),
  locked: z.boolean(),
  hidden: z.boolean(),
  postCount: z.number().int(),
  unreadCount: z.number().int(),
  lastPostAt: isoDateTime,
  createdAt: isoDateTime,
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;
export const threadListSchema = z.object({ items: z.array(threadSummarySchema), nextCursor: z.string().nullable() });
export type ThreadList = z.infer<typeof threadListSchema>;

export const threadSchema = threadSummarySchema.extend({
  space: z.object({ id: z.string(), name: z.string() }),
  following: z.boolean(),
  canModerate: z.boolean(),
  canReply: z.boolean(),
  maxUploadMb: z.number(),
});
export type Thread = z.infer<typeof threadSchema>;

export const attachmentSchema = z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number().int(), url: z.string() });
export type Attachment = z.infer<typeof attachmentSchema>;

export const postSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  author: userRefSchema,
  /** The server's sanitised HTML of the Markdown (render as is). */
  html: z.string(),
  /** The Markdown source: for the author (editing) and for quoting. */
  source: z.string(),
  quote: z.object({ postId: z.string(), author: z.string().nullable(), text: z.string() }).nullable(),
  hidden: z.boolean(),
  mine: z.boolean(),
  createdAt: isoDateTime,
  editedAt: isoDateTime.nullable(),
  attachments: z.array(attachmentSchema),
});
export type Post = z.infer<typeof postSchema>;
export const postPageSchema = z.object({ items: z.array(postSchema), nextCursor: z.string().nullable() });
export type PostPage = z.infer<typeof postPageSchema>;

export const postsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(300).optional(),
});
export const threadsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(300).optional(),
});

export const bodySchema = z.string().trim().min(1, 'Write something.').max(20000, 'At most 20,000 characters.');
export const postInputSchema = z.object({ body: bodySchema, quotePostId: z.string().max(64).nullish() });
export type PostInput = z.input<typeof postInputSchema>;
export const postPatchSchema = z.object({ body: bodySchema });
export const threadInputSchema = z.object({ title: text(200), body: bodySchema });
export type ThreadInput = z.input<typeof threadInputSchema>;
export const previewInputSchema = z.object({ body: z.string().max(20000) });
export const previewSchema = z.object({ html: z.string() });

export const readInputSchema = z.object({ postId: z.string().min(1).max(64) });

export const threadModerationActions = ['pin', 'unpin', 'lock', 'unlock', 'hide', 'unhide', 'move'] as const;
export const threadModerationSchema = z.object({
  action: z.enum(threadModerationActions),
  reason: reasonSchema,
  /** For `move`: the space to move the thread to. */
  spaceId: z.string().max(64).optional(),
});
export type ThreadModeration = z.input<typeof threadModerationSchema>;
export const postModerationSchema = z.object({ action: z.enum(['hide', 'unhide']), reason: reasonSchema });
export type PostModeration = z.input<typeof postModerationSchema>;

export const reportInputSchema = z.object({ reason: reasonSchema });
export const reportStatusSchema = z.enum(['open', 'resolved']);
export const reportsQuery = z.object({ status: reportStatusSchema.default('open') });
export const reportSchema = z.object({
  id: z.string(),
  post: z.object({ id: z.string(), excerpt: z.string(), hidden: z.boolean(), author: userRefSchema }),
  thread: z.object({ id: z.string(), title: z.string() }),
  space: z.object({ id: z.string(), name: z.string() }),
  reporter: userRefSchema,
  reason: z.string(),
  status: reportStatusSchema,
  resolution: z.string().nullable(),
  createdAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
});
export type Report = z.infer<typeof reportSchema>;
export const reportListSchema = z.object({ items: z.array(reportSchema) });
export type ReportList = z.infer<typeof reportListSchema>;
export const resolveReportSchema = z.object({ reason: reasonSchema, hidePost: z.boolean().default(false) });

export const followSchema = z.object({ following: z.boolean() });

/** Search over the threads I may see: words in the title or any visible post, in any script. */
export const dialogueSearchQuery = z.object({
  q: z.string().trim().min(1, 'Type a word to search for.').max(200, 'At most 200 characters.'),
  /** Only this space's threads. */
  spaceId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type DialogueSearchQuery = z.input<typeof dialogueSearchQuery>;

export const dialogueSearchHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleMarks: markedTextSchema.shape.marks,
  /** From the visible post holding the most of the words (the earliest of those). */
  snippet: markedTextSchema.nullable(),
  space: z.object({ id: z.string(), name: z.string() }),
  postCount: z.number().int(),
  lastPostAt: isoDateTime,
});
export type DialogueSearchHit = z.infer<typeof dialogueSearchHitSchema>;
export const dialogueSearchResultSchema = z.object({
  items: z.array(dialogueSearchHitSchema),
  total: z.number().int(),
  nextOffset: z.number().int().nullable(),
});
export type DialogueSearchResult = z.infer<typeof dialogueSearchResultSchema>;
