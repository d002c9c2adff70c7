import type { MatrixRows } from '../../permission-row';
import { row } from '../../permission-row';

/**
 * The events module's routes in the permission matrix (see src/server/permission-matrix.ts). Reads are open
 * (what each caller sees follows eventVisibleTo: an event they may not see is a 404, not a 403); every write is
 * the secretariat's.
 */
//                                                       anon admin staff c-in c-out offi rsch
export const eventsMatrix: MatrixRows = {
  'GET /api/events':                                row('A    A     A     A    A     A    A'),
  'POST /api/events':                               row('D    A     A     D    D     D    D'),
  'GET /api/events/:id':                            row('A    A     A     A    A     A    A'),
  'PATCH /api/events/:id':                          row('D    A     A     D    D     D    D'),
  'GET /api/guest-speakers':                        row('D    A     A     D    D     D    D'),
  'POST /api/events/:id/sessions':                  row('D    A     A     D    D     D    D'),
  'PATCH /api/events/:id/sessions/:sessionId':      row('D    A     A     D    D     D    D'),
  'DELETE /api/events/:id/sessions/:sessionId':     row('D    A     A     D    D     D    D'),
  'GET /api/events/:id/breakout-candidates':        row('D    A     A     D    D     D    D'),
  'POST /api/events/:id/breakouts':                 row('D    A     A     D    D     D    D'),
  'PATCH /api/events/:id/breakouts/:breakoutId':    row('D    A     A     D    D     D    D'),
  'DELETE /api/events/:id/breakouts/:breakoutId':   row('D    A     A     D    D     D    D'),
};
