import type { ModuleProbe } from './types';

/** Probes for the calendar module's routes (see test/permission-matrix.test.ts). */
export const calendarProbe: ModuleProbe = (_route, _ctx) => Promise.resolve(undefined);
