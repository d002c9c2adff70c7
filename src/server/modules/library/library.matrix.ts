import type { MatrixRows } from '../../permission-row';
// import { row } from '../../permission-row';

/** The library module's routes in the permission matrix (see src/server/permission-matrix.ts). */
//                                                       anon admin staff c-in c-out offi rsch
export const libraryMatrix: MatrixRows = {
};
