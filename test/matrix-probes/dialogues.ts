import type { ModuleProbe } from './types';

/** Probes for the dialogues module's routes (see test/permission-matrix.test.ts). */
export const dialoguesProbe: ModuleProbe = (_route, _ctx) => Promise.resolve(undefined);
