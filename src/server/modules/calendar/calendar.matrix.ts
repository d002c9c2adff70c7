import type { MatrixRows } from '../../permission-row';
import { row } from '../../permission-row';

/** The calendar module's routes in the permission matrix (see src/server/permission-matrix.ts). */
//                                                       anon admin staff c-in c-out offi rsch
export const calendarMatrix: MatrixRows = {
  // Seeing the event is checked after (404 when invisible); the route itself is open.
  'GET /api/events/:id/calendar.ics':        row('A    A     A     A    A     A    A'),
  'GET /api/calendar/public.ics':            row('A    A     A     A    A     A    A'),
  // The secret token is the credential.
  'GET /api/calendar/feeds/:token':          row('A    A     A     A    A     A    A'),
  'GET /api/account/calendar-feed':          row('D    A     A     A    A     A    A'),
  'POST /api/account/calendar-feed':         row('D    A     A     A    A     A    A'),
  'DELETE /api/account/calendar-feed':       row('D    A     A     A    A     A    A'),
};
