import type { ModuleProbe } from './types';

/** Cancel and delete of directory imports: an unknown import, so that an allowed caller gets a 404, never a 403. */
export const directoryImportsProbe: ModuleProbe = async (route) => {
  const unknown = '/api/directory/imports/00000000-0000-0000-0000-000000000000';
  if (route === 'POST /api/directory/imports/:id/cancel') return { url: `${unknown}/cancel`, body: {} };
  if (route === 'DELETE /api/directory/imports/:id') return { url: unknown };
  return undefined;
};
