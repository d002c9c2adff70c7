import { z } from 'zod';

/**
 * Outcomes: actions (recommendations) recorded from an event's outcome report, updated by their owners with dated
 * evidence, followed across events in the tracker, and listed on the next meeting's pre-briefing page.
 */
export const actionStatuses = ['proposed', 'agreed', 'in_progress', 'done', 'dropped'] as const;
export const actionStatusSchema = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof actionStatusSchema>;
/** Statuses of an action still to be followed up (overdue is only ever one of these). */
export const openStatuses: readonly ActionStatus[] = ['proposed', 'agreed', 'in_progress'];

export const ownerKinds = ['member', 'rso', 'working_group'] as const;
export const ownerKindSchema = z.enum(ownerKinds);
export type OwnerKind = z.infer<typeof ownerKindSchema>;
/** The owner code of RSO-owned actions. */
export const RSO_CODE = 'RSO';

const isoDate = z.iso.date('Use the form YYYY-MM-DD.');
const code = z.string().trim().min(1).max(64);

export const ownerInputSchema = z.object({
  kind: ownerKindSchema,
  /** A Member code, a working group code, or RSO (may be left out for the RSO). */
  code: code.optional(),
});

const actionFields = z.object({
  text: z.string().trim().min(1, 'Enter the action or recommendation.').max(2000),
  owner: ownerInputSchema,
  dueDate: isoDate.nullable(),
  status: actionStatusSchema,
  progress: z.number().int('Use a whole number.').min(0, 'Use 0 to 100.').max(100, 'Use 0 to 100.'),
  themes: z.array(code).max(10),
  priorities: z.array(code).max(5),
});
export const actionInputSchema = actionFields.extend({
  dueDate: actionFields.shape.dueDate.default(null),
  status: actionFields.shape.status.default('agreed'),
  progress: actionFields.shape.progress.default(0),
  themes: actionFields.shape.themes.default([]),
  priorities: actionFields.shape.priorities.default([]),
});
export type ActionInput = z.input<typeof actionInputSchema>;
/** A PATCH changes only what it names (no defaults). */
export const actionPatchSchema = actionFields.partial();
export type ActionPatch = z.input<typeof actionPatchSchema>;

/** Evidence links are web addresses only (http or https): no javascript:, data: or file: links. */
export const evidenceUrlSchema = z.url({ protocol: /^https?$/, message: 'Enter a web address starting with https:// or http://.' }).max(1000);

export const actionUpdateInputSchema = z.object({
  /** The day the update reports on; today when left out. */
  dated: isoDate.optional(),
  text: z.string().trim().min(1, 'Say what happened.').max(4000),
  progress: actionFields.shape.progress.optional(),
  status: actionStatusSchema.optional(),
  evidenceUrl: evidenceUrlSchema.optional().or(z.literal('').transform(() => undefined)),
  evidenceNote: z.string().trim().max(500).optional(),
});
export type ActionUpdateInput = z.input<typeof actionUpdateInputSchema>;

const person = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const actionSchema = z.object({
  id: z.string(),
  event: z.object({ id: z.string(), title: z.string(), startDate: z.string(), series: z.string().nullable(), workingGroupCode: z.string().nullable() }),
  text: z.string(),
  owner: z.object({ kind: ownerKindSchema, code: z.string(), name: z.string() }),
  dueDate: z.string().nullable(),
  status: actionStatusSchema,
  progress: z.number().int(),
  /** Due before today and not done or dropped. */
  overdue: z.boolean(),
  themes: z.array(z.string()),
  priorities: z.array(z.string()),
  createdBy: person,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The viewer may post an update (owner or secretariat). */
  canUpdate: z.boolean(),
  /** The viewer may edit the action itself (secretariat). */
  canEdit: z.boolean(),
});
export type Action = z.infer<typeof actionSchema>;

export const actionUpdateSchema = z.object({
  id: z.string(),
  dated: z.string(),
  text: z.string(),
  progress: z.number().int().nullable(),
  statusFrom: actionStatusSchema.nullable(),
  statusTo: actionStatusSchema.nullable(),
  evidenceUrl: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  author: person,
  createdAt: z.string(),
});
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;

export const actionDetailSchema = actionSchema.extend({ updates: z.array(actionUpdateSchema) });
export type ActionDetail = z.infer<typeof actionDetailSchema>;

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The tracker's filters; the CSV export takes the same. */
export const actionFilterSchema = z.object({
  event: z.string().max(64).optional(),
  series: z.string().max(100).optional(),
  workingGroup: z.string().max(64).optional(),
  ownerKind: ownerKindSchema.optional(),
  ownerCode: z.string().max(64).optional(),
  status: actionStatusSchema.optional(),
  theme: z.string().max(64).optional(),
  priority: z.string().max(64).optional(),
  overdue: flag.optional(),
  /** Only actions the viewer may update. */
  mine: flag.optional(),
  q: z.string().trim().max(200).optional(),
});
export type ActionFilter = z.input<typeof actionFilterSchema>;
export const actionListQuerySchema = actionFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

export const statusCountsSchema = z.object(Object.fromEntries(actionStatuses.map((s) => [s, z.number().int()])) as Record<ActionStatus, z.ZodNumber>);
export const actionListSchema = z.object({
  items: z.array(actionSchema),
  nextCursor: z.string().nullable(),
  /** Over the whole filtered view, every status (the status filter left out), and how many are overdue. */
  counts: statusCountsSchema,
  overdue: z.number().int(),
  total: z.number().int(),
});
export type ActionList = z.infer<typeof actionListSchema>;

export const eventActionsSchema = z.object({ items: z.array(actionSchema), canRecord: z.boolean() });
export type EventActions = z.infer<typeof eventActionsSchema>;

export const priorityListSchema = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) });
export type PriorityList = z.infer<typeof priorityListSchema>;

/** A CSV file's text (UTF-8) with a header row; `dryRun` checks every row and writes nothing. */
export const actionImportBodySchema = z.object({ csv: z.string().min(1, 'The file is empty.').max(5_000_000), dryRun: z.boolean().default(false) });
export const importProblemSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblemSchema>;
export const actionImportResultSchema = z.object({ rows: z.number().int(), created: z.number().int(), dryRun: z.boolean() });
export type ActionImportResult = z.infer<typeof actionImportResultSchema>;
/** The CSV columns, in the order the export writes them; the import reads those it knows by header. */
export const actionCsvColumns = ['id', 'event_id', 'event_title', 'event_date', 'text', 'owner_kind', 'owner_code', 'owner_name', 'due_date', 'status', 'progress', 'overdue', 'themes', 'priorities', 'updated_at'] as const;

export const preBriefingSchema = z.object({
  event: z.object({
    id: z.string(), title: z.string(), type: z.string(), format: z.string(), place: z.string().nullable(), onlineUrl: z.string().nullable(),
    timeZone: z.string(), startDate: z.string(), endDate: z.string(), series: z.string().nullable(), workingGroupCode: z.string().nullable(), summary: z.string().nullable(),
  }),
  agenda: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string(), endsAt: z.string(), room: z.string().nullable(), onlineUrl: z.string().nullable(), speakers: z.array(z.string()) })),
  /** The papers the viewer may read (by sensitivity), with their latest version. */
  papers: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string(), language: z.string(), version: z.number().int().nullable(), sizeBytes: z.number().int().nullable(), fileType: z.string().nullable() })),
  participants: z.array(z.object({ name: z.string(), organisation: z.string().nullable(), memberCode: z.string().nullable(), memberName: z.string().nullable() })),
  openActions: z.array(actionSchema),
});
export type PreBriefing = z.infer<typeof preBriefingSchema>;
