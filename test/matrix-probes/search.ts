import type { ModuleProbe } from './types';

/** Probes for the global search's routes (see test/permission-matrix.test.ts). */
export const searchProbe: ModuleProbe = (_route, _ctx) => Promise.resolve(undefined);
