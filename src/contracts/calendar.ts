import { z } from 'zod';
import { isoDateTime } from './common';

/** GET /api/account/calendar-feed: whether the signed-in user has a private feed (its URL is shown only once). */
export const calendarFeedStatusSchema = z.object({ active: z.boolean(), createdAt: isoDateTime.nullable() });
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatusSchema>;

/** POST /api/account/calendar-feed: a new secret feed URL (any previous URL stops working). */
export const calendarFeedCreatedSchema = z.object({ url: z.string(), createdAt: isoDateTime });
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreatedSchema>;
