import { z } from 'zod';
import { pageQuery } from './common';

/** Who may see a contact channel. `private`: only the person themselves and the secretariat. */
export const visibilityTiers = ['public', 'members', 'secretariat', 'private'] as const;
export const visibilitySchema = z.enum(visibilityTiers);
export type Visibility = z.infer<typeof visibilitySchema>;

export const agencyTypes = [
  'ministry', 'police', 'immigration', 'coast_guard', 'customs', 'border_guard', 'prosecution', 'judiciary', 'labour',
  'social_welfare', 'foreign_affairs', 'intelligence', 'military', 'international_organisation', 'other',
] as const;
export const agencyTypeSchema = z.enum(agencyTypes);
export type AgencyType = z.infer<typeof agencyTypeSchema>;

/** confirmed: confirmed within the interval; stale: has a holder but the confirmation is overdue; missing: no holder. */
export const freshnessSchema = z.enum(['confirmed', 'stale', 'missing']);
export type Freshness = z.infer<typeof freshnessSchema>;

export const channelKinds = ['email', 'phone', 'mobile', 'messaging', 'fax', 'other'] as const;

const isoDate = z.iso.date('Use the form YYYY-MM-DD.');
const trimmed = (max: number) => z.string().trim().max(max);

export const contactChannelInputSchema = z.object({
  kind: z.enum(channelKinds),
  value: z.string().trim().min(1, 'Enter the address or number.').max(300),
  label: trimmed(100).optional(),
  visibility: visibilitySchema,
});
export const contactChannelSchema = contactChannelInputSchema.extend({ id: z.string(), label: z.string().nullable() });
export type ContactChannel = z.infer<typeof contactChannelSchema>;

export const confirmationSchema = z.object({
  lastConfirmedAt: z.string().nullable(),
  lastConfirmedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});

// Patch schemas are built from the fields without their defaults: a default in a PATCH body would overwrite
// what the client did not send (an empty mandate list, say).
const agencyFields = z.object({
  memberCode: z.string().trim().toUpperCase().min(2).max(12),
  nameEn: z.string().trim().min(1, 'Enter the name in English.').max(300),
  nameLocal: trimmed(300).optional(),
  acronym: trimmed(40).optional(),
  type: agencyTypeSchema,
  mandates: z.array(z.string().trim().max(64)).max(20),
  parentId: z.string().max(64).nullable().optional(),
  website: z.url('Enter a full web address, starting with https://').max(500).nullable().optional().or(z.literal('').transform(() => null)),
  address: trimmed(500).optional(),
});
export const agencyInputSchema = agencyFields.extend({ mandates: agencyFields.shape.mandates.default([]) });
export type AgencyInput = z.input<typeof agencyInputSchema>;
export const agencyPatchSchema = agencyFields.omit({ memberCode: true }).partial();

export const agencySummarySchema = z.object({
  id: z.string(),
  memberCode: z.string(),
  memberName: z.string(),
  nameEn: z.string(),
  nameLocal: z.string().nullable(),
  acronym: z.string().nullable(),
  type: agencyTypeSchema,
  mandates: z.array(z.string()),
});
export type AgencySummary = z.infer<typeof agencySummarySchema>;

export const personSummarySchema = z.object({
  id: z.string(),
  nameLatin: z.string(),
  nameLocal: z.string().nullable(),
  title: z.string().nullable(),
});

export const positionSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  title: z.string(),
  workingGroupCode: z.string().nullable(),
  themes: z.array(z.string()),
  holder: personSummarySchema.extend({ since: z.string() }).nullable(),
  freshness: freshnessSchema,
  dueAt: z.string().nullable(),
  ...confirmationSchema.shape,
});
export type Position = z.infer<typeof positionSchema>;

export const agencySchema = agencySummarySchema.extend({
  parent: z.object({ id: z.string(), nameEn: z.string() }).nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  positions: z.array(positionSchema),
  canEdit: z.boolean(),
  ...confirmationSchema.shape,
});
export type Agency = z.infer<typeof agencySchema>;

const positionFields = z.object({
  title: z.string().trim().min(1, 'Enter the position title.').max(300),
  workingGroupCode: z.string().trim().max(32).nullable().optional(),
  themes: z.array(z.string().trim().max(64)).max(10),
});
export const positionInputSchema = positionFields.extend({ themes: positionFields.shape.themes.default([]) });
export const positionPatchSchema = positionFields.partial();

const personFields = z.object({
  nameLatin: z.string().trim().min(1, 'Enter the name in Latin script.').max(200),
  nameLocal: trimmed(200).optional(),
  title: trimmed(100).optional(),
  languages: z.array(z.string().trim().min(2).max(35)).max(10),
  channels: z.array(contactChannelInputSchema).max(20),
});
export const personInputSchema = personFields.extend({ languages: personFields.shape.languages.default([]), channels: personFields.shape.channels.default([]) });
export type PersonInput = z.input<typeof personInputSchema>;
export const personPatchSchema = personFields.partial();

export const personSchema = z.object({
  id: z.string(),
  nameLatin: z.string(),
  nameLocal: z.string().nullable(),
  title: z.string().nullable(),
  languages: z.array(z.string()),
  /** Only the channels the viewer may see. */
  channels: z.array(contactChannelSchema),
  positions: z.array(z.object({ positionId: z.string(), title: z.string(), agencyId: z.string(), agencyName: z.string(), memberCode: z.string(), from: z.string(), to: z.string().nullable() })),
  canEdit: z.boolean(),
  ...confirmationSchema.shape,
});
export type Person = z.infer<typeof personSchema>;

export const handoverBodySchema = z
  .object({
    /** An existing person, or a new one. */
    personId: z.string().max(64).optional(),
    person: personInputSchema.optional(),
    startDate: isoDate,
    note: trimmed(500).optional(),
  })
  .refine((b) => (b.personId ? !b.person : !!b.person), { message: 'Choose an existing person or enter a new one.', path: ['personId'] });
export type HandoverBody = z.input<typeof handoverBodySchema>;

export const vacateBodySchema = z.object({ endDate: isoDate, note: trimmed(500).optional() });

export const directoryFilterSchema = z.object({
  member: z.string().trim().toUpperCase().max(12).optional(),
  subregion: z.string().trim().max(8).optional(),
  mandate: z.string().trim().max(64).optional(),
  workingGroup: z.string().trim().max(32).optional(),
  agencyType: agencyTypeSchema.optional(),
  freshness: freshnessSchema.optional(),
});

export const searchQuerySchema = directoryFilterSchema.extend({
  q: z.string().trim().max(200).default(''),
  kind: z.enum(['member', 'agency', 'position', 'person']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const searchHitSchema = z.object({
  kind: z.enum(['member', 'agency', 'position', 'person']),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  memberCode: z.string().nullable(),
  /** The agency a position belongs to, or a person's current agency. */
  agencyId: z.string().nullable(),
  freshness: freshnessSchema.nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
export const searchResultSchema = z.object({ items: z.array(searchHitSchema), total: z.number().int() });
export type SearchResult = z.infer<typeof searchResultSchema>;

export const agencyListQuerySchema = directoryFilterSchema.extend(pageQuery.shape);
export const agencyListSchema = z.object({ items: z.array(agencySummarySchema), nextCursor: z.string().nullable() });

export const dueItemSchema = z.object({
  positionId: z.string(),
  title: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  memberCode: z.string(),
  holder: personSummarySchema.nullable(),
  freshness: freshnessSchema,
  dueAt: z.string().nullable(),
});
export const dueListSchema = z.object({ items: z.array(dueItemSchema) });
export type DueItem = z.infer<typeof dueItemSchema>;

export const confirmBodySchema = z.object({
  /** Corrections made while confirming, applied in the same step. */
  person: personPatchSchema.optional(),
  position: positionPatchSchema.optional(),
});

export const coverageQuerySchema = z.object({
  subregion: z.string().trim().max(8).optional(),
  workingGroup: z.string().trim().max(32).optional(),
});
export const coverageCellSchema = z.object({ confirmed: z.number().int(), stale: z.number().int(), missing: z.number().int() });
export const coverageSchema = z.object({
  mandates: z.array(z.object({ code: z.string(), name: z.string() })),
  rows: z.array(z.object({ memberCode: z.string(), memberName: z.string(), subregion: z.string().nullable(), cells: z.record(z.string(), coverageCellSchema) })),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const confirmationLinkPreviewSchema = z.object({
  person: z.object({ nameLatin: z.string(), nameLocal: z.string().nullable(), title: z.string().nullable() }),
  position: z.object({ title: z.string(), agencyName: z.string(), memberName: z.string() }),
  channels: z.array(contactChannelSchema),
  expiresAt: z.string(),
});

export const historyEntrySchema = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  changedFields: z.array(z.string()),
});
export const historySchema = z.object({ items: z.array(historyEntrySchema) });

export const networkQuerySchema = z.object({
  member: z.string().trim().toUpperCase().max(12).optional(),
  subregion: z.string().trim().max(8).optional(),
  mandate: z.string().trim().max(64).optional(),
  workingGroup: z.string().trim().max(32).optional(),
});
export const networkSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), kind: z.enum(['agency', 'working_group', 'mandate']), label: z.string(), memberCode: z.string().nullable() })),
  edges: z.array(z.object({ source: z.string(), target: z.string() })),
  /** True when more agencies matched than are drawn; narrow the filters to see them all. */
  truncated: z.boolean(),
});
export type Network = z.infer<typeof networkSchema>;
