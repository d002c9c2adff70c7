import { z } from 'zod';
import { isoDateTime } from './common';

/** Kinds of meeting paper, in the order a meeting pack lists them. */
export const paperKinds = ['concept_note', 'agenda', 'participant_list', 'presentation', 'outcome_report', 'annex', 'other'] as const;
export const paperKindSchema = z.enum(paperKinds);
export type PaperKind = z.infer<typeof paperKindSchema>;

/**
 * Who may read a paper (always among those who see its event):
 * public: anyone who sees the event; members: officials, coordinators and the secretariat (and the event's
 * participants); participants: the event's approved or registered participants and the secretariat;
 * secretariat: the secretariat only.
 */
export const sensitivities = ['public', 'members', 'participants', 'secretariat'] as const;
export const sensitivitySchema = z.enum(sensitivities);
export type Sensitivity = z.infer<typeof sensitivitySchema>;

/** File types an upload may be, decided from its content (never from its name). */
export const fileTypes = ['pdf', 'docx', 'xlsx', 'pptx', 'png', 'jpeg', 'txt', 'csv'] as const;
export const fileTypeSchema = z.enum(fileTypes);
export type FileType = z.infer<typeof fileTypeSchema>;

/** A language tag (BCP 47, e.g. en, id, th, zh-Hant). */
export const languageSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language code such as en, id or th.');

const userRef = z.object({ id: z.string(), displayName: z.string() });

export const paperVersionSchema = z.object({
  id: z.string(),
  /** 1 for the first upload, then 2, 3 ... */
  number: z.number().int(),
  fileType: fileTypeSchema,
  contentType: z.string(),
  /** Bytes. */
  size: z.number().int(),
  sha256: z.string(),
  note: z.string().nullable(),
  uploadedBy: userRef.nullable(),
  uploadedAt: isoDateTime,
  /** The file, streamed with Content-Disposition: attachment. */
  downloadUrl: z.string(),
});
export type PaperVersion = z.infer<typeof paperVersionSchema>;

export const paperSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  kind: paperKindSchema,
  title: z.string(),
  language: z.string(),
  sensitivity: sensitivitySchema,
  /** The paper this one translates (null for an original). */
  translationOf: z.string().nullable(),
  /** The other language versions of the same paper that the viewer may see (the original and its translations). */
  languageVersions: z.array(z.object({ id: z.string(), language: z.string(), title: z.string() })),
  latest: paperVersionSchema,
  versionCount: z.number().int(),
  canEdit: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Paper = z.infer<typeof paperSchema>;

export const eventPapersSchema = z.object({
  items: z.array(paperSchema),
  /** The viewer may upload papers and new versions (the secretariat). */
  canUpload: z.boolean(),
  /** The viewer may download the participant list (the secretariat and the event's registered participants). */
  canDownloadParticipantList: z.boolean(),
  /** The meeting pack the viewer would get: the latest version of every paper listed. */
  meetingPack: z.object({ papers: z.number().int(), size: z.number().int(), url: z.string() }),
  participantList: z.object({ pdfUrl: z.string(), xlsxUrl: z.string() }),
  /** The largest upload the hub accepts, in megabytes. */
  maxUploadMb: z.number().int(),
});
export type EventPapers = z.infer<typeof eventPapersSchema>;

export const paperVersionListSchema = z.object({ items: z.array(paperVersionSchema) });
export type PaperVersionList = z.infer<typeof paperVersionListSchema>;

/**
 * The form fields sent with a new paper (multipart/form-data, next to the `file` field). Empty strings count as
 * absent, as a form sends them.
 */
export const paperUploadFieldsSchema = z.object({
  kind: paperKindSchema,
  title: z.string().trim().min(1, 'Give the paper a title.').max(300),
  language: languageSchema.default('en'),
  sensitivity: sensitivitySchema,
  translationOf: z.uuid('Choose the paper this one translates.').optional(),
  note: z.string().trim().max(1000).optional(),
});
export type PaperUploadFields = z.input<typeof paperUploadFieldsSchema>;

/** The form fields sent with a new version of a paper. */
export const versionUploadFieldsSchema = z.object({
  note: z.string().trim().max(1000).optional(),
});

export const paperPatchSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the paper a title.').max(300).optional(),
    sensitivity: sensitivitySchema.optional(),
    kind: paperKindSchema.optional(),
    language: languageSchema.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Nothing to change.' });
export type PaperPatch = z.input<typeof paperPatchSchema>;

export const paperVersionParams = z.object({ id: z.string().min(1).max(64), number: z.coerce.number().int().min(1).max(100_000) });

/**
 * Withdrawing a paper, or one version of it, uploaded by mistake (a wrong or sensitive file): the file is deleted
 * and the reason kept in the audit trail.
 */
export const paperWithdrawSchema = z.object({
  reason: z.string().trim().min(3, 'Say why it is withdrawn (at least 3 characters).').max(1000, 'At most 1000 characters.'),
});
export type PaperWithdraw = z.input<typeof paperWithdrawSchema>;
