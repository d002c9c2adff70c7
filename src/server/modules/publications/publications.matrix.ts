import type { MatrixRows } from '../../permission-row';
import { row } from '../../permission-row';

/** The published reports list in the permission matrix (see src/server/permission-matrix.ts): open to all. */
//                                                       anon admin staff c-in c-out offi rsch
export const publicationsMatrix: MatrixRows = {
  'GET /api/publications':                         row('A    A     A     A    A     A    A'),
};
