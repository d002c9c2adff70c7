/**
 * The permission matrix: every API route, and for each kind of caller whether it may use the route.
 * `allow` means the route does its work (it may still refuse bad input or a business rule); `deny` means
 * 401 for anonymous callers and 403 for signed-in ones. A Member coordinator is tried twice: acting inside
 * the Members in their scope (`coordinator_in`) and outside it (`coordinator_out`).
 * test/permission-matrix.test.ts walks every row for every caller and fails on a route missing here.
 * Later modules keep their rows in modules/<name>/<name>.matrix.ts (and their probes in test/matrix-probes/).
 */
import { calendarMatrix } from './modules/calendar/calendar.matrix';
import { dialoguesMatrix } from './modules/dialogues/dialogues.matrix';
import { exchangeMatrix } from './modules/directory/exchange/exchange.matrix';
import { eventsMatrix } from './modules/events/events.matrix';
import { participationMatrix } from './modules/events/participation.matrix';
import { libraryMatrix } from './modules/library/library.matrix';
import { notificationsMatrix } from './modules/notifications/notifications.matrix';
import { outcomesMatrix } from './modules/outcomes/outcomes.matrix';
import { papersMatrix } from './modules/papers/papers.matrix';
import { practicesMatrix } from './modules/practices/practices.matrix';
import { publicationsMatrix } from './modules/publications/publications.matrix';
import { searchMatrix } from './modules/search/search.matrix';
import { row, type MatrixRows } from './permission-row';

export { callers, type Access, type Caller } from './permission-row';

//                                                       anon admin staff c-in c-out offi rsch
export const permissionMatrix: MatrixRows = {
  'GET /api/health':                               row('A    A     A     A    A     A    A'),
  'GET /api/openapi.json':                         row('A    A     A     A    A     A    A'),
  'GET /api/docs':                                 row('A    A     A     A    A     A    A'),
  'GET /api/reference':                            row('A    A     A     A    A     A    A'),
  'PATCH /api/reference/members/:code':            row('D    A     D     D    D     D    D'),

  'GET /api/auth/session':                         row('A    A     A     A    A     A    A'),
  'POST /api/auth/login':                          row('A    A     A     A    A     A    A'),
  'POST /api/auth/login/second-factor':            row('A    A     A     A    A     A    A'),
  'POST /api/auth/logout':                         row('A    A     A     A    A     A    A'),
  'POST /api/auth/password/forgot':                row('A    A     A     A    A     A    A'),
  'POST /api/auth/password/reset':                 row('A    A     A     A    A     A    A'),
  'GET /api/auth/invitations/:token':              row('A    A     A     A    A     A    A'),
  'POST /api/auth/invitations/:token/accept':      row('A    A     A     A    A     A    A'),

  'GET /api/account/sessions':                     row('D    A     A     A    A     A    A'),
  'DELETE /api/account/sessions/:id':              row('D    A     A     A    A     A    A'),
  'POST /api/account/password':                    row('D    A     A     A    A     A    A'),
  'POST /api/account/totp/setup':                  row('D    A     A     A    A     A    A'),
  'POST /api/account/totp/confirm':                row('D    A     A     A    A     A    A'),
  'POST /api/account/totp/recovery-codes':         row('D    A     A     A    A     A    A'),
  'DELETE /api/account/totp':                      row('D    A     A     A    A     A    A'),
  'PATCH /api/account/profile':                    row('D    A     A     A    A     A    A'),

  'GET /api/users':                                row('D    A     A     D    D     D    D'),
  'GET /api/users/:id':                            row('D    A     A     D    D     D    D'),
  'PATCH /api/users/:id':                          row('D    A     D     D    D     D    D'),
  'POST /api/users/:id/disable':                   row('D    A     D     D    D     D    D'),
  'POST /api/users/:id/enable':                    row('D    A     D     D    D     D    D'),
  'POST /api/users/:id/totp/reset':                row('D    A     D     D    D     D    D'),
  'GET /api/members/:code/accounts':               row('D    A     A     A    D     D    D'),

  'GET /api/invitations':                          row('D    A     D     A    A     D    D'),
  'POST /api/invitations':                         row('D    A     D     A    D     D    D'),
  'DELETE /api/invitations/:id':                   row('D    A     D     A    D     D    D'),

  'GET /api/outbox':                               row('D    A     D     D    D     D    D'),

  'GET /api/directory/search':                     row('A    A     A     A    A     A    A'),
  'GET /api/directory/coverage':                   row('D    A     A     A    A     D    D'),
  'GET /api/directory/network':                    row('A    A     A     A    A     A    A'),
  'GET /api/directory/export':                     row('A    A     A     A    A     A    A'),
  'GET /api/directory/export.vcf':                 row('A    A     A     A    A     A    A'),
  'GET /api/directory/people/:id/vcard':           row('A    A     A     A    A     A    A'),
  'GET /api/directory/imports':                    row('D    A     A     A    A     D    D'),
  'POST /api/directory/imports':                   row('D    A     A     A    A     D    D'),
  'GET /api/directory/imports/:id':                row('D    A     A     A    A     D    D'),
  'POST /api/directory/imports/:id/dry-run':       row('D    A     A     A    A     D    D'),
  'POST /api/directory/imports/:id/apply':         row('D    A     A     A    A     D    D'),
  'GET /api/directory/due':                        row('D    A     A     A    A     D    D'),
  'GET /api/directory/history/:entity/:id':        row('D    A     A     A    A     A    A'),
  'GET /api/directory/agencies':                   row('A    A     A     A    A     A    A'),
  'POST /api/directory/agencies':                  row('D    A     A     A    D     D    D'),
  'GET /api/directory/agencies/:id':               row('A    A     A     A    A     A    A'),
  'PATCH /api/directory/agencies/:id':             row('D    A     A     A    D     D    D'),
  'POST /api/directory/agencies/:id/confirm':      row('D    A     A     A    D     D    D'),
  'POST /api/directory/agencies/:id/positions':    row('D    A     A     A    D     D    D'),
  'GET /api/directory/positions/:id':              row('A    A     A     A    A     A    A'),
  'PATCH /api/directory/positions/:id':            row('D    A     A     A    D     D    D'),
  'POST /api/directory/positions/:id/confirm':     row('D    A     A     A    D     D    D'),
  'POST /api/directory/positions/:id/handover':    row('D    A     A     A    D     D    D'),
  'POST /api/directory/positions/:id/vacate':      row('D    A     A     A    D     D    D'),
  'POST /api/directory/positions/:id/confirmation-link': row('D A  A     A    D     D    D'),
  'GET /api/directory/confirm/:token':             row('A    A     A     A    A     A    A'),
  'POST /api/directory/confirm/:token':            row('A    A     A     A    A     A    A'),
  'POST /api/directory/people':                    row('D    A     A     D    D     D    D'),
  'GET /api/directory/people/:id':                 row('A    A     A     A    A     A    A'),
  'PATCH /api/directory/people/:id':               row('D    A     A     A    D     D    D'),
  'GET /api/audit':                                row('D    A     D     D    D     D    D'),

  ...exchangeMatrix,
  ...eventsMatrix,
  ...participationMatrix,
  ...papersMatrix,
  ...publicationsMatrix,
  ...outcomesMatrix,
  ...notificationsMatrix,
  ...calendarMatrix,
  ...libraryMatrix,
  ...practicesMatrix,
  ...dialoguesMatrix,
  ...searchMatrix,
};
