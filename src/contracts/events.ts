import { z } from 'zod';
import { eventFormats, eventStatuses, eventTypes, eventVisibilities, speakerRoles } from './event-kinds';

export { eventFormats, eventStatuses, eventTypes, eventVisibilities, speakerRoles };

export const eventTypeSchema = z.enum(eventTypes);
export type EventType = z.infer<typeof eventTypeSchema>;

export const eventFormatSchema = z.enum(eventFormats);
export type EventFormat = z.infer<typeof eventFormatSchema>;

export const eventVisibilitySchema = z.enum(eventVisibilities);
export type EventVisibility = z.infer<typeof eventVisibilitySchema>;

export const eventStatusSchema = z.enum(eventStatuses);
export type EventStatus = z.infer<typeof eventStatusSchema>;

export const speakerRoleSchema = z.enum(speakerRoles);
export type SpeakerRole = z.infer<typeof speakerRoleSchema>;

const isoDate = z.iso.date('Use the form YYYY-MM-DD.');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use the form HH:MM (24-hour).');
const instant = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date and time, e.g. 2022-09-07T02:00:00Z.' });
const trimmed = (max: number) => z.string().trim().max(max);
const optionalUrl = z.url('Enter a full web address, starting with https://').max(500).nullable().optional().or(z.literal('').transform(() => null));

// Patch schemas are built from fields without defaults, so a PATCH never resets what the client did not send.
const eventFields = z.object({
  title: z.string().trim().min(1, 'Enter the title.').max(300),
  titleLocal: trimmed(300).nullable().optional(),
  slug: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and hyphens.').max(120).optional(),
  summary: trimmed(5000).nullable().optional(),
  type: eventTypeSchema,
  format: eventFormatSchema,
  place: trimmed(300).nullable().optional(),
  onlineUrl: optionalUrl,
  /** An IANA time zone, e.g. Asia/Bangkok: the event's dates and the agenda are read in it. */
  timeZone: z.string().trim().min(1, 'Choose the time zone.').max(64),
  startDate: isoDate,
  endDate: isoDate,
  visibility: eventVisibilitySchema,
  status: eventStatusSchema,
  workingGroupCode: z.string().trim().max(32).nullable().optional(),
  series: z.string().trim().toLowerCase().max(80).nullable().optional().or(z.literal('').transform(() => null)),
  themes: z.array(z.string().trim().max(64)).max(10),
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
});
export const eventInputSchema = eventFields.extend({
  status: eventFields.shape.status.default('draft'),
  themes: eventFields.shape.themes.default([]),
});
export type EventInput = z.input<typeof eventInputSchema>;
export const eventPatchSchema = eventFields.partial();
export type EventPatch = z.input<typeof eventPatchSchema>;

export const eventListQuerySchema = z.object({
  /** upcoming: not yet ended (soonest first); past: ended (latest first); all: latest first. */
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  type: eventTypeSchema.optional(),
  workingGroup: z.string().trim().max(32).optional(),
  theme: z.string().trim().max(64).optional(),
  series: z.string().trim().toLowerCase().max(80).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(300).optional(),
});
export type EventListQuery = z.input<typeof eventListQuerySchema>;

export const eventSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  titleLocal: z.string().nullable(),
  summary: z.string().nullable(),
  type: eventTypeSchema,
  format: eventFormatSchema,
  place: z.string().nullable(),
  timeZone: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  startsAt: z.string().describe('UTC instant of the start of the first day in the event zone'),
  endsAt: z.string().describe('UTC instant of the end of the last day in the event zone'),
  visibility: eventVisibilitySchema,
  status: eventStatusSchema,
  workingGroupCode: z.string().nullable(),
  workingGroupName: z.string().nullable(),
  series: z.string().nullable(),
  themes: z.array(z.string()),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;
export const eventListSchema = z.object({ items: z.array(eventSummarySchema), nextCursor: z.string().nullable() });
export type EventList = z.infer<typeof eventListSchema>;

export const guestSpeakerInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter the speaker’s name.').max(200),
  title: trimmed(200).nullable().optional(),
  organisation: trimmed(300).nullable().optional(),
  bio: trimmed(3000).nullable().optional(),
});

/** Guest speaker profiles already on file, to choose one for a session instead of typing it again. */
export const guestSpeakerQuerySchema = z.object({ q: z.string().trim().max(200).default('') });
export const guestSpeakerProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  organisation: z.string().nullable(),
  bio: z.string().nullable(),
});
export type GuestSpeakerProfile = z.infer<typeof guestSpeakerProfileSchema>;
export const guestSpeakerListSchema = z.object({ items: z.array(guestSpeakerProfileSchema) });
export type GuestSpeakerList = z.infer<typeof guestSpeakerListSchema>;

/** A speaker is a person from the directory, an existing guest speaker profile, or a new guest speaker. */
export const speakerInputSchema = z
  .object({
    personId: z.string().max(64).optional(),
    guestSpeakerId: z.string().max(64).optional(),
    guest: guestSpeakerInputSchema.optional(),
    role: speakerRoleSchema.default('speaker'),
  })
  .refine((s) => [s.personId, s.guestSpeakerId, s.guest].filter((x) => x !== undefined).length === 1, {
    message: 'Choose a person from the directory or a guest speaker.',
    path: ['personId'],
  });
export type SpeakerInput = z.input<typeof speakerInputSchema>;

/**
 * Times come either as UTC instants (`startsAt`/`endsAt`) or as a local date and times in the event's zone
 * (`date`, `startTime`, `endTime`).
 */
const sessionFields = z.object({
  title: z.string().trim().min(1, 'Enter the session title.').max(300),
  description: trimmed(5000).nullable().optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  date: isoDate.optional(),
  startTime: localTime.optional(),
  endTime: localTime.optional(),
  room: trimmed(200).nullable().optional(),
  onlineUrl: optionalUrl,
  speakers: z.array(speakerInputSchema).max(40),
});
export const sessionInputSchema = sessionFields.extend({ speakers: sessionFields.shape.speakers.default([]) });
export type SessionInput = z.input<typeof sessionInputSchema>;
export const sessionPatchSchema = sessionFields.partial();
export type SessionPatch = z.input<typeof sessionPatchSchema>;

export const speakerSchema = z.object({
  id: z.string(),
  role: speakerRoleSchema,
  kind: z.enum(['person', 'guest']),
  personId: z.string().nullable(),
  guestSpeakerId: z.string().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  organisation: z.string().nullable(),
  bio: z.string().nullable(),
});
export type Speaker = z.infer<typeof speakerSchema>;

export const sessionSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  startsAt: z.string().describe('UTC instant'),
  endsAt: z.string().describe('UTC instant'),
  /** The local date in the event's zone, for grouping by day. */
  date: z.string(),
  room: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  speakers: z.array(speakerSchema),
});
export type Session = z.infer<typeof sessionSchema>;

export const breakoutInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter the group’s name.').max(200),
  description: trimmed(2000).nullable().optional(),
  sessionId: z.string().max(64).nullable().optional(),
  participantIds: z.array(z.string().max(64)).max(2000).default([]),
});
export type BreakoutInput = z.input<typeof breakoutInputSchema>;
export const breakoutPatchSchema = z.object({
  name: breakoutInputSchema.shape.name,
  description: breakoutInputSchema.shape.description,
  sessionId: breakoutInputSchema.shape.sessionId,
  participantIds: z.array(z.string().max(64)).max(2000),
}).partial();
export type BreakoutPatch = z.input<typeof breakoutPatchSchema>;

export const breakoutSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  sessionId: z.string().nullable(),
  /** Everyone assigned (the secretariat), or those who agreed to be listed (everyone else). */
  members: z.array(z.object({ participantId: z.string(), name: z.string(), organisation: z.string().nullable(), memberCode: z.string().nullable() })),
  memberCount: z.number().int(),
});
export type Breakout = z.infer<typeof breakoutSchema>;

export const eventSchema = eventSummarySchema.extend({
  onlineUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  sessions: z.array(sessionSchema),
  breakouts: z.array(breakoutSchema),
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventDetail = z.infer<typeof eventSchema>;

export const eventSessionParams = z.object({ id: z.string().min(1).max(120), sessionId: z.string().min(1).max(64) });
export const eventBreakoutParams = z.object({ id: z.string().min(1).max(120), breakoutId: z.string().min(1).max(64) });
export const eventIdParam = z.object({ id: z.string().min(1).max(120).describe('The event id or its slug') });

export const assignableParticipantSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  memberCode: z.string().nullable(),
  status: z.string(),
  breakoutIds: z.array(z.string()),
});
export const assignableParticipantsSchema = z.object({ items: z.array(assignableParticipantSchema) });
export type AssignableParticipant = z.infer<typeof assignableParticipantSchema>;
