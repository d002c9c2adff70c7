import type { ModuleProbe } from './types';

/** Probes for the notifications module's routes (see test/permission-matrix.test.ts). */
export const notificationsProbe: ModuleProbe = (route) => {
  switch (route) {
    case 'PUT /api/account/notifications': return Promise.resolve({ url: '/api/account/notifications', body: { preferences: [{ kind: 'paper_published', mode: 'weekly' }] } });
    default: return Promise.resolve(undefined);
  }
};
