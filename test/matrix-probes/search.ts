import type { ModuleProbe } from './types';

/** Probes for the global search's routes (see test/permission-matrix.test.ts). */
export const searchProbe: ModuleProbe = (route) => Promise.resolve(route === 'GET /api/search' ? { url: '/api/search?q=screening&kinds=library,practice,agency,person' } : undefined);
