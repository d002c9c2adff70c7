import type { MatrixRows } from '../../permission-row';
import { row } from '../../permission-row';

/** The global search's routes in the permission matrix (see src/server/permission-matrix.ts): open to all, results filtered per viewer. */
//                                                       anon admin staff c-in c-out offi rsch
export const searchMatrix: MatrixRows = {
  'GET /api/search':                               row('A    A     A     A    A     A    A'),
};
