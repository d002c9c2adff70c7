import type { ModuleProbe } from './types';

/** Probes for the participation (events module)'s routes (see test/permission-matrix.test.ts). */
export const participationProbe: ModuleProbe = (_route, _ctx) => Promise.resolve(undefined);
