import type { MatrixRows } from '../../permission-row';
import { row } from '../../permission-row';

/**
 * The dialogues module's routes in the permission matrix (see src/server/permission-matrix.ts). The probes use a
 * space open to Members: researchers are not Members (403; they take part only in invite-only spaces that list
 * them). Moderation rows are for callers who moderate nothing but the secretariat moderates everywhere.
 */
//                                                             anon admin staff c-in c-out offi rsch
export const dialoguesMatrix: MatrixRows = {
  'GET /api/dialogues/search':                          row('D    A     A     A    A     A    A'),
  'GET /api/dialogues/spaces':                          row('D    A     A     A    A     A    A'),
  'POST /api/dialogues/spaces':                         row('D    A     A     D    D     D    D'),
  'GET /api/dialogues/spaces/:id':                      row('D    A     A     A    A     A    D'),
  'PATCH /api/dialogues/spaces/:id':                    row('D    A     A     D    D     D    D'),
  'GET /api/dialogues/spaces/:id/members':              row('D    A     A     D    D     D    D'),
  'GET /api/dialogues/spaces/:id/member-candidates':    row('D    A     A     D    D     D    D'),
  'POST /api/dialogues/spaces/:id/members':             row('D    A     A     D    D     D    D'),
  'DELETE /api/dialogues/spaces/:id/members/:userId':   row('D    A     A     D    D     D    D'),
  'PUT /api/dialogues/spaces/:id/follow':               row('D    A     A     A    A     A    D'),
  'DELETE /api/dialogues/spaces/:id/follow':            row('D    A     A     A    A     A    D'),
  'GET /api/dialogues/spaces/:id/threads':              row('D    A     A     A    A     A    D'),
  'POST /api/dialogues/spaces/:id/threads':             row('D    A     A     A    A     A    D'),
  'GET /api/dialogues/threads/:id':                     row('D    A     A     A    A     A    D'),
  'GET /api/dialogues/threads/:id/posts':               row('D    A     A     A    A     A    D'),
  'POST /api/dialogues/threads/:id/posts':              row('D    A     A     A    A     A    D'),
  'POST /api/dialogues/threads/:id/read':               row('D    A     A     A    A     A    D'),
  'PUT /api/dialogues/threads/:id/follow':              row('D    A     A     A    A     A    D'),
  'DELETE /api/dialogues/threads/:id/follow':           row('D    A     A     A    A     A    D'),
  'POST /api/dialogues/threads/:id/moderation':         row('D    A     A     D    D     D    D'),
  'GET /api/dialogues/posts/:id':                       row('D    A     A     A    A     A    D'),
  'PATCH /api/dialogues/posts/:id':                     row('D    A     A     A    A     A    D'),
  'POST /api/dialogues/posts/:id/attachments':          row('D    A     A     A    A     A    D'),
  'GET /api/dialogues/attachments/:id':                 row('D    A     A     A    A     A    D'),
  'POST /api/dialogues/posts/:id/moderation':           row('D    A     A     D    D     D    D'),
  'POST /api/dialogues/posts/:id/reports':              row('D    A     A     A    A     A    D'),
  'POST /api/dialogues/preview':                        row('D    A     A     A    A     A    A'),
  'GET /api/dialogues/reports':                         row('D    A     A     D    D     D    D'),
  'POST /api/dialogues/reports/:id/resolve':            row('D    A     A     D    D     D    D'),
};
