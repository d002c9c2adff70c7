import type { MatrixRows } from '../../permission-row';
import { row } from '../../permission-row';

/**
 * The outcomes module's routes in the permission matrix (see src/server/permission-matrix.ts). Probes use a public
 * event, so a caller who may not act gets 403 rather than the 404 of an event they cannot see; updates concern an
 * action owned by the Member of the request (THA in, FJI out).
 */
//                                                       anon admin staff c-in c-out offi rsch
export const outcomesMatrix: MatrixRows = {
  'GET /api/actions':                              row('D    A     A     A    A     A    A'),
  'GET /api/actions/export.csv':                   row('D    A     A     A    A     A    A'),
  'GET /api/actions/priorities':                   row('A    A     A     A    A     A    A'),
  'GET /api/actions/:id':                          row('D    A     A     A    A     A    A'),
  'PATCH /api/actions/:id':                        row('D    A     A     D    D     D    D'),
  'POST /api/actions/:id/updates':                 row('D    A     A     A    D     D    D'),
  'GET /api/events/:id/actions':                   row('D    A     A     A    A     A    A'),
  'POST /api/events/:id/actions':                  row('D    A     A     D    D     D    D'),
  'POST /api/events/:id/actions/import':           row('D    A     A     D    D     D    D'),
  'GET /api/events/:id/pre-briefing':              row('D    A     A     D    D     D    D'),
};
