import { z } from 'zod';

export const memberSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['state', 'territory', 'organisation']),
  participation: z.enum(['member', 'observer']),
  iso3: z.string().nullable(),
  subregionCode: z.string().nullable(),
  subregionName: z.string().nullable(),
  joinedYear: z.number().int().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const namedCodeSchema = z.object({ code: z.string(), name: z.string() });

export const workingGroupSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  coChairs: z.array(z.string()),
});

export const referenceDataSchema = z.object({
  members: z.array(memberSchema),
  subregions: z.array(namedCodeSchema),
  workingGroups: z.array(workingGroupSchema),
  themes: z.array(namedCodeSchema),
  mandates: z.array(namedCodeSchema),
});
export type ReferenceData = z.infer<typeof referenceDataSchema>;

export const updateMemberBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    participation: z.enum(['member', 'observer']).optional(),
    joinedYear: z.number().int().min(2002).max(2100).nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Nothing to change.', path: ['name'] });
