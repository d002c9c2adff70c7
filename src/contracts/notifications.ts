import { z } from 'zod';

/**
 * The kinds of notification a user can receive by email, and how often each is delivered.
 * Events (issue 4) and the exchange platform (issue 5) add their kinds here.
 */
export const notificationKinds = [
  'event_invitation',
  'nomination_decision',
  'registration_confirmed',
  'paper_published',
  'action_due',
  'mention',
  'thread_activity',
  'practice_status',
  'nomination_received',
  'space_membership',
] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const deliveryModes = ['immediately', 'daily', 'weekly', 'never'] as const;
export const deliveryModeSchema = z.enum(deliveryModes);
export type DeliveryMode = z.infer<typeof deliveryModeSchema>;

/** One user's choice for one kind. Kinds without a stored choice are delivered immediately. */
export const notificationPreferenceSchema = z.object({ kind: notificationKindSchema, mode: deliveryModeSchema });
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

/** GET /api/account/notifications: every kind, in the order of `notificationKinds`. */
export const notificationPreferencesSchema = z.object({ preferences: z.array(notificationPreferenceSchema) });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/** PUT /api/account/notifications: the kinds to change (others keep their setting); each kind at most once. */
export const updateNotificationPreferencesSchema = z.object({
  preferences: z
    .array(notificationPreferenceSchema)
    .min(1)
    .max(notificationKinds.length)
    .refine((list) => new Set(list.map((p) => p.kind)).size === list.length, { message: 'Each kind may be given once.' }),
});
export type UpdateNotificationPreferences = z.infer<typeof updateNotificationPreferencesSchema>;

/**
 * When digests go out: the job runs daily at DIGEST_HOUR_UTC. A daily digest carries the items of the previous
 * UTC days; a weekly digest the items of the previous ISO weeks (Monday to Sunday, UTC), in the first run of a
 * new week (Monday, or the first day the hub runs after it).
 */
export const DIGEST_HOUR_UTC = 6;
