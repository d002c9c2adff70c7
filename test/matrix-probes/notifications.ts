import type { ModuleProbe } from './types';

/** Probes for the notifications module's routes (see test/permission-matrix.test.ts). */
export const notificationsProbe: ModuleProbe = (_route, _ctx) => Promise.resolve(undefined);
