import type { ModuleProbe } from './types';

/** Probes for the library module's routes (see test/permission-matrix.test.ts). */
export const libraryProbe: ModuleProbe = (_route, _ctx) => Promise.resolve(undefined);
