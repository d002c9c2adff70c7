import type { ModuleProbe } from './types';

/** Probes for the papers module's routes (see test/permission-matrix.test.ts). */
export const papersProbe: ModuleProbe = (_route, _ctx) => Promise.resolve(undefined);
