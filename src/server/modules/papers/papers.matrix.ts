import type { MatrixRows } from '../../permission-row';
import { row } from '../../permission-row';

/** The papers module's routes in the permission matrix (see src/server/permission-matrix.ts). */
//                                                       anon admin staff c-in c-out offi rsch
export const papersMatrix: MatrixRows = {
  'GET /api/events/:id/papers':                    row('A    A     A     A    A     A    A'),
  'POST /api/events/:id/papers':                   row('D    A     A     D    D     D    D'),
  'GET /api/papers/:id':                           row('A    A     A     A    A     A    A'),
  'PATCH /api/papers/:id':                         row('D    A     A     D    D     D    D'),
  'POST /api/papers/:id/withdraw':                 row('D    A     A     D    D     D    D'),
  'POST /api/papers/:id/versions/:number/withdraw': row('D    A     A     D    D     D    D'),
  'GET /api/papers/:id/versions':                  row('A    A     A     A    A     A    A'),
  'POST /api/papers/:id/versions':                 row('D    A     A     D    D     D    D'),
  'GET /api/papers/:id/versions/:number/file':     row('A    A     A     A    A     A    A'),
  'GET /api/events/:id/meeting-pack.zip':          row('A    A     A     A    A     A    A'),
  'GET /api/events/:id/participant-list.pdf':      row('D    A     A     D    D     D    D'),
  'GET /api/events/:id/participant-list.xlsx':     row('D    A     A     D    D     D    D'),
};
