import { newId } from '@/server/platform/crypto';
import type { ModuleProbe } from './types';

/** Probes for the calendar module's routes (see test/permission-matrix.test.ts). */
export const calendarProbe: ModuleProbe = async (route, ctx) => {
  switch (route) {
    case 'GET /api/events/:id/calendar.ics': {
      // A published public event, written straight to the database (the calendar only reads events).
      const id = newId();
      const now = new Date().toISOString();
      await ctx.hub.deps.db.insertInto('events').values({
        id, slug: `matrix-${id}`, title: 'Matrix calendar event', title_local: null, summary: null, type: 'webinar', format: 'online', place: null, online_url: null,
        time_zone: 'Asia/Bangkok', start_date: '2026-05-04', end_date: '2026-05-04', starts_at: '2026-05-03T17:00:00.000Z', ends_at: '2026-05-04T17:00:00.000Z',
        visibility: 'public', status: 'published', working_group_code: null, series: null, themes: '[]', capacity: null, created_by: null, created_at: now, updated_at: now,
      }).execute();
      return { url: `/api/events/${id}/calendar.ics` };
    }
    case 'GET /api/calendar/feeds/:token': return { url: '/api/calendar/feeds/not-a-real-feed-token-0123456789.ics' };
    case 'POST /api/account/calendar-feed': return { url: '/api/account/calendar-feed', body: {} };
    default: return undefined;
  }
};
