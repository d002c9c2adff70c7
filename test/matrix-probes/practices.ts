import type { ModuleProbe } from './types';

/** Probes for the practices module's routes (see test/permission-matrix.test.ts). */
export const practicesProbe: ModuleProbe = (_route, _ctx) => Promise.resolve(undefined);
