import { z } from 'zod';
import { directoryFilterSchema } from './directory';

/**
 * Spreadsheet export and import of the directory, and vCards. Export and vCard routes answer with files
 * (CSV, XLSX, text/vcard), so only their query strings are schemas here; the import routes are JSON.
 */

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The search words of the directory search, applied to an export the same way (every word, in one record). */
const exportWords = { q: z.string().trim().max(200).optional() };
/** GET /api/directory/export: the search words and filters plus the file format. */
export const exportQuerySchema = directoryFilterSchema.extend({ ...exportWords, format: z.enum(exportFormats).default('csv') });
/** GET /api/directory/export.vcf: the search words and filters. */
export const vcardExportQuerySchema = directoryFilterSchema.extend(exportWords);

/** What a column of an imported file can be mapped to. Ids come from an earlier export and pin a row to a record. */
export const importFields = [
  'memberCode', 'agencyId', 'agencyNameEn', 'agencyNameLocal', 'acronym', 'agencyType', 'mandates',
  'positionId', 'positionTitle', 'workingGroup',
  'personId', 'personNameLatin', 'personNameLocal', 'personTitle', 'email', 'phone', 'mobile',
  'channelVisibility', 'emailVisibility', 'phoneVisibility',
] as const;
export const importFieldSchema = z.enum(importFields);
export type ImportField = (typeof importFields)[number];

/** Field → index (0-based) of the column that holds it. Unmapped fields are left out. */
export const importMappingSchema = z
  .partialRecord(importFieldSchema, z.number().int().min(0).max(255))
  .refine((m) => new Set(Object.values(m)).size === Object.values(m).length, { message: 'Map each column to one field at most.' });
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importStatuses = ['uploaded', 'validated', 'applying', 'applied', 'failed', 'cancelled'] as const;
export const importStatusSchema = z.enum(importStatuses);
export type ImportStatus = (typeof importStatuses)[number];

export const importUploadQuerySchema = z.object({
  /** The file's name, shown in the list of imports. The type is always detected from the content. */
  filename: z.string().trim().max(255).optional(),
});

export const importColumnSchema = z.object({
  index: z.number().int(),
  /** The header cell as written in the file (may be empty). */
  header: z.string(),
  /** Spreadsheet column letter: A, B, … AA. */
  letter: z.string(),
  /** The first few non-empty values under the header. */
  samples: z.array(z.string()),
});
export type ImportColumn = z.infer<typeof importColumnSchema>;

export const importProblemSchema = z.object({
  /** Row number as the spreadsheet shows it (1-based, header included); null for a problem with the whole file. */
  row: z.number().int().nullable(),
  /** The column's header, or its letter when the header is empty; null when no single column is at fault. */
  column: z.string().nullable(),
  field: importFieldSchema.nullable(),
  /** Errors stop the import; warnings do not. */
  severity: z.enum(['error', 'warning']),
  /** Stable: missing, too_long, unknown_member, out_of_scope, unknown_agency_type, unknown_mandate, unknown_working_group,
   * bad_email, bad_phone, bad_visibility, unknown_record, not_editable, ambiguous, conflicting_value, conflicting_holder,
   * unmapped, merge_refused. */
  code: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importDecisionSchema = z.enum(['merge', 'keep']);
export type ImportDecision = z.infer<typeof importDecisionSchema>;

export const duplicateCandidateSchema = z.object({
  personId: z.string(),
  nameLatin: z.string(),
  nameLocal: z.string().nullable(),
  memberCode: z.string().nullable(),
  agencyName: z.string().nullable(),
  reason: z.enum(['same_email', 'similar_name']),
  /** False when the importer may not change this person's record (another Member's): the row can only be kept as new. */
  canMerge: z.boolean(),
});

export const importDuplicateSchema = z.object({
  row: z.number().int(),
  nameLatin: z.string(),
  candidates: z.array(duplicateCandidateSchema),
  proposed: importDecisionSchema,
  /** The decision sent with apply, once applied. */
  decision: importDecisionSchema.nullable(),
});
export type ImportDuplicate = z.infer<typeof importDuplicateSchema>;

export const importCountsSchema = z.object({
  rows: z.number().int(),
  agenciesCreated: z.number().int(),
  agenciesUpdated: z.number().int(),
  positionsCreated: z.number().int(),
  positionsUpdated: z.number().int(),
  peopleCreated: z.number().int(),
  peopleUpdated: z.number().int(),
  holdersChanged: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importSchema = z.object({
  id: z.string(),
  status: importStatusSchema,
  fileName: z.string(),
  fileKind: z.enum(['csv', 'xlsx']),
  sheetName: z.string().nullable(),
  /** The row the column names were found in (1-based). */
  headerRow: z.number().int(),
  rowCount: z.number().int(),
  columns: z.array(importColumnSchema),
  /** Guessed from the column names. */
  suggestedMapping: importMappingSchema,
  /** The mapping last used for a file with the same column names, if any. */
  savedMapping: importMappingSchema.nullable(),
  /** The mapping of the last dry run. */
  mapping: importMappingSchema.nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  /** The first 1,000 problems, by row; `problemCounts` counts all. */
  problems: z.array(importProblemSchema),
  problemCounts: z.object({ errors: z.number().int(), warnings: z.number().int() }),
  /** The first 1,000 likely duplicates, by row; `duplicateCount` counts all. */
  duplicates: z.array(importDuplicateSchema),
  duplicateCount: z.number().int(),
  /** After a dry run: what applying would do; after applying: what was done. */
  counts: importCountsSchema.nullable(),
  /** Why applying failed. */
  error: z.string().nullable(),
  canApply: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  appliedAt: z.string().nullable(),
});
export type DirectoryImport = z.infer<typeof importSchema>;

export const importSummarySchema = importSchema
  .pick({ id: true, status: true, fileName: true, fileKind: true, rowCount: true, progress: true, createdAt: true, updatedAt: true, appliedAt: true })
  .extend({
    /** Who uploaded the file (their display name; null when the account is gone). */
    uploadedBy: z.object({ id: z.string(), name: z.string().nullable() }),
    /** Whether the reader may cancel it (not applied or cancelled yet) or delete it (not being applied). */
    canCancel: z.boolean(),
    canDelete: z.boolean(),
  });
export const importListSchema = z.object({ items: z.array(importSummarySchema) });

export const dryRunBodySchema = z.object({ mapping: importMappingSchema });
export const applyBodySchema = z.object({
  /** Row number → what to do with a likely duplicate. Rows left out take the proposed action. */
  decisions: z.record(z.string().regex(/^\d{1,7}$/, 'Use row numbers as keys.'), importDecisionSchema).default({}),
});
