import type { MatrixRows } from '../../permission-row';
import { row } from '../../permission-row';

/**
 * The practices module's routes in the permission matrix (see src/server/permission-matrix.ts). Reading is open
 * (a practice the caller may not see is 404, not 403). Submitting: officials and coordinators for their own Members
 * (c-out asks for FJI: 403). Editing and submitting a practice: its submitter only (the probe's practice is the
 * official's). Review steps: the secretariat.
 */
//                                                       anon admin staff c-in c-out offi rsch
export const practicesMatrix: MatrixRows = {
  'GET /api/practices':                            row('A    A     A     A    A     A    A'),
  'GET /api/practices/mine':                       row('D    A     A     A    A     A    A'),
  'GET /api/practices/review':                     row('D    A     A     D    D     D    D'),
  'POST /api/practices':                           row('D    D     D     A    D     A    D'),
  'GET /api/practices/:id':                        row('A    A     A     A    A     A    A'),
  'PATCH /api/practices/:id':                      row('D    D     D     D    D     A    D'),
  'POST /api/practices/:id/submit':                row('D    D     D     D    D     A    D'),
  'POST /api/practices/:id/comments':              row('D    A     A     D    D     A    D'),
  'POST /api/practices/:id/request-changes':       row('D    A     A     D    D     D    D'),
  'POST /api/practices/:id/publish':               row('D    A     A     D    D     D    D'),
  'POST /api/practices/:id/archive':               row('D    A     A     D    D     D    D'),
};
