import type { MatrixRows } from '../../../permission-row';
import { row } from '../../../permission-row';

/**
 * Cancelling and deleting directory imports in the permission matrix (see src/server/permission-matrix.ts): the
 * secretariat and coordinators, as for the other import routes; each import only by its uploader or the secretariat
 * (anyone else is told it does not exist).
 */
//                                                       anon admin staff c-in c-out offi rsch
export const exchangeMatrix: MatrixRows = {
  'POST /api/directory/imports/:id/cancel':        row('D    A     A     A    A     D    D'),
  'DELETE /api/directory/imports/:id':             row('D    A     A     A    A     D    D'),
};
