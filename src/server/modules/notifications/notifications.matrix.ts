import type { MatrixRows } from '../../permission-row';
import { row } from '../../permission-row';

/** The notifications module's routes in the permission matrix (see src/server/permission-matrix.ts). */
//                                                       anon admin staff c-in c-out offi rsch
export const notificationsMatrix: MatrixRows = {
  'GET /api/account/notifications':          row('D    A     A     A    A     A    A'),
  'PUT /api/account/notifications':          row('D    A     A     A    A     A    A'),
};
