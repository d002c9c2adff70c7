import { z } from 'zod';
import { isoDateTime } from './common';

/**
 * Who is invited to an event and who comes: invitations (Members with a quota, agencies, users), nominations by
 * Member coordinators, the secretariat's decision, registration with consent to be listed, the waitlist, check-in.
 */

export const participantStatuses = ['nominated', 'approved', 'declined', 'registered', 'waitlisted', 'cancelled'] as const;
export const participantStatusSchema = z.enum(participantStatuses);
export type ParticipantStatus = z.infer<typeof participantStatusSchema>;

const memberCode = z.string().trim().min(2).max(8).describe('Member code, e.g. THA');
const quota = z.number().int().min(1).max(500);

/** Invite a whole Member (its coordinators nominate up to `quota` people), one agency, or one hub user. */
export const invitationInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), memberCode, quota }),
  z.object({ kind: z.literal('agency'), agencyId: z.string().min(1).max(64), quota: quota.optional() }),
  z.object({ kind: z.literal('user'), email: z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid email address.')) }),
]);
export type InvitationInput = z.input<typeof invitationInputSchema>;

export const invitationPatchSchema = z.object({ quota });
export type InvitationPatch = z.input<typeof invitationPatchSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  kind: z.enum(['member', 'agency', 'user']),
  memberCode: z.string().nullable(),
  memberName: z.string().nullable(),
  agency: z.object({ id: z.string(), nameEn: z.string() }).nullable(),
  user: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  quota: z.number().int().nullable(),
  createdAt: isoDateTime,
});
export type Invitation = z.infer<typeof invitationSchema>;

/** How many places a Member has and how many of them its nominations use (nominated, approved, registered, waitlisted). */
export const memberQuotaSchema = z.object({
  memberCode: z.string(),
  memberName: z.string(),
  quota: z.number().int(),
  used: z.number().int(),
  /** The viewer may nominate for this Member. */
  canNominate: z.boolean(),
});
export type MemberQuota = z.infer<typeof memberQuotaSchema>;

export const invitationListSchema = z.object({
  items: z.array(invitationSchema),
  quotas: z.array(memberQuotaSchema),
});
export type InvitationList = z.infer<typeof invitationListSchema>;

/** Nominate a directory person, a hub user, or someone by name and email, for one Member. */
export const nominationInputSchema = z
  .object({
    memberCode,
    personId: z.string().min(1).max(64).optional(),
    userId: z.string().min(1).max(64).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid email address.')).optional(),
    organisation: z.string().trim().max(200).optional(),
  })
  .superRefine((v, ctx) => {
    const given = [v.personId, v.userId, v.name].filter((x) => x !== undefined).length;
    if (given === 0) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Choose a person or give a name.' });
    if (given > 1) ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Choose one person: from the directory, a hub account, or by name.' });
  });
export type NominationInput = z.input<typeof nominationInputSchema>;

export const declineInputSchema = z.object({ reason: z.string().trim().max(500).optional() });

export const participantSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  memberCode: z.string().nullable(),
  memberName: z.string().nullable(),
  /** Only the secretariat sees these; other viewers get null. */
  email: z.string().nullable(),
  status: participantStatusSchema,
  consentListed: z.boolean().nullable(),
  hasAccount: z.boolean().nullable(),
  nominatedBy: z.string().nullable(),
  registeredAt: isoDateTime.nullable(),
  checkedInAt: isoDateTime.nullable(),
  /** 1 for the first in the queue; null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  createdAt: isoDateTime.nullable(),
});
export type Participant = z.infer<typeof participantSchema>;

export const participantCountsSchema = z.object({
  capacity: z.number().int().nullable(),
  nominated: z.number().int(),
  approved: z.number().int(),
  registered: z.number().int(),
  waitlisted: z.number().int(),
  declined: z.number().int(),
  cancelled: z.number().int(),
  checkedIn: z.number().int(),
  /** Places taken: approved and registered. */
  placesTaken: z.number().int(),
});
export type ParticipantCounts = z.infer<typeof participantCountsSchema>;

export const participantListQuerySchema = z.object({
  status: participantStatusSchema.optional(),
  member: z.string().max(8).optional(),
  q: z.string().trim().max(100).optional(),
});

/**
 * `view` says what the list holds: the secretariat sees everyone (with emails); a coordinator the nominations
 * of their Members; a registered participant those who agreed to be listed (name, organisation, Member).
 */
export const participantListSchema = z.object({
  view: z.enum(['secretariat', 'coordinator', 'participant']),
  items: z.array(participantSchema),
  /** For the secretariat and coordinators. */
  counts: participantCountsSchema.nullable(),
});
export type ParticipantList = z.infer<typeof participantListSchema>;

/** The signed-in user's own participation in an event. */
export const myParticipationSchema = z.object({
  participant: participantSchema.nullable(),
  /** May register now (an approved nominee, or invited by name). */
  canRegister: z.boolean(),
  /** Invited by name (may register without a nomination). */
  invited: z.boolean(),
  eventFull: z.boolean(),
});
export type MyParticipation = z.infer<typeof myParticipationSchema>;

export const registrationInputSchema = z.object({
  consentListed: z.boolean().describe('Agree to appear on the participant list'),
});
export type RegistrationInput = z.input<typeof registrationInputSchema>;

/** People a coordinator (or the secretariat) may nominate for a Member: directory people and hub accounts. */
export const candidatesQuerySchema = z.object({ member: memberCode, q: z.string().trim().max(100).optional() });
export const candidateSchema = z.object({
  kind: z.enum(['person', 'user']),
  id: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  /** Already nominated for this event. */
  nominated: z.boolean(),
});
export type Candidate = z.infer<typeof candidateSchema>;
export const candidateListSchema = z.object({ items: z.array(candidateSchema) });

export const participantParams = z.object({ id: z.string().min(1).max(64), participantId: z.string().min(1).max(64) });
export const invitationParams = z.object({ id: z.string().min(1).max(64), invitationId: z.string().min(1).max(64) });
