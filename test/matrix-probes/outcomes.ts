import type { ModuleProbe } from './types';

/** Probes for the outcomes module's routes (see test/permission-matrix.test.ts). */
export const outcomesProbe: ModuleProbe = (_route, _ctx) => Promise.resolve(undefined);
