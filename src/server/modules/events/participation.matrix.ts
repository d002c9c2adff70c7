import type { MatrixRows } from '../../permission-row';
import { row } from '../../permission-row';

/**
 * Participation (events module)'s routes in the permission matrix (see src/server/permission-matrix.ts).
 * The probes (test/matrix-probes/participation.ts) use a published public event, so every signed-in caller can
 * see it and the answer is the permission rule itself; registration probes invite the caller by name first.
 * The participant list is for the secretariat, coordinators and registered participants (the probing official
 * and researcher are not registered: 403).
 */
//                                                                          anon admin staff c-in c-out offi rsch
export const participationMatrix: MatrixRows = {
  'GET /api/events/:id/invitations':                                    row('D    A     A     A    A     D    D'),
  'POST /api/events/:id/invitations':                                   row('D    A     A     D    D     D    D'),
  'PATCH /api/events/:id/invitations/:invitationId':                    row('D    A     A     D    D     D    D'),
  'DELETE /api/events/:id/invitations/:invitationId':                   row('D    A     A     D    D     D    D'),
  'GET /api/events/:id/candidates':                                     row('D    A     A     A    D     D    D'),
  'GET /api/events/:id/participants':                                   row('D    A     A     A    A     D    D'),
  'POST /api/events/:id/participants':                                  row('D    A     A     A    D     D    D'),
  'POST /api/events/:id/participants/:participantId/approve':           row('D    A     A     D    D     D    D'),
  'POST /api/events/:id/participants/:participantId/decline':           row('D    A     A     D    D     D    D'),
  'POST /api/events/:id/participants/:participantId/cancel':            row('D    A     A     A    D     D    D'),
  'POST /api/events/:id/participants/:participantId/check-in':          row('D    A     A     D    D     D    D'),
  'DELETE /api/events/:id/participants/:participantId/check-in':        row('D    A     A     D    D     D    D'),
  'GET /api/events/:id/registration':                                   row('D    A     A     A    A     A    A'),
  'PUT /api/events/:id/registration':                                   row('D    A     A     A    A     A    A'),
  'DELETE /api/events/:id/registration':                                row('D    A     A     A    A     A    A'),
};
