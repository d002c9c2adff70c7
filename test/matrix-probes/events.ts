import type { ModuleProbe } from './types';

/** Probes for the events module's routes (see test/permission-matrix.test.ts). */
export const eventsProbe: ModuleProbe = (_route, _ctx) => Promise.resolve(undefined);
