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
] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const deliveryModes = ['immediately', 'daily', 'weekly', 'never'] as const;
export const deliveryModeSchema = z.enum(deliveryModes);
export type DeliveryMode = z.infer<typeof deliveryModeSchema>;
