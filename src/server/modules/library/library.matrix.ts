import type { MatrixRows } from '../../permission-row';
import { row } from '../../permission-row';

/** The library module's routes in the permission matrix (see src/server/permission-matrix.ts). */
//                                                       anon admin staff c-in c-out offi rsch
export const libraryMatrix: MatrixRows = {
  'GET /api/library/search':                       row('A    A     A     A    A     A    A'),
  'POST /api/library':                             row('D    A     A     D    D     D    D'),
  'GET /api/library/:id':                          row('A    A     A     A    A     A    A'),
  'PATCH /api/library/:id':                        row('D    A     A     D    D     D    D'),
  'DELETE /api/library/:id':                       row('D    A     A     D    D     D    D'),
  'POST /api/library/:id/file':                    row('D    A     A     D    D     D    D'),
  'GET /api/library/:id/file':                     row('A    A     A     A    A     A    A'),
};
