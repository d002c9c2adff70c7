import { createResource } from '@/server/modules/library/library.test-support';
import type { TestHub } from '../helpers/hub';
import type { ModuleProbe, ProbeContext } from './types';

/** One public resource, made once per hub by the secretariat (a fresh one for each DELETE). */
const fixtures = new WeakMap<TestHub, Promise<string>>();

function fixture(ctx: ProbeContext): Promise<string> {
  let f = fixtures.get(ctx.hub);
  if (!f) {
    f = createResource(ctx.agents.secretariat_admin, { title: 'Probe resource' }).then((r: { id: string }) => r.id);
    fixtures.set(ctx.hub, f);
  }
  return f;
}

/**
 * Probes for the library module's routes (see test/permission-matrix.test.ts). The file upload is sent as JSON:
 * allowed callers get past the permission check to a 415 (not a form), the others a 401/403 first.
 */
export const libraryProbe: ModuleProbe = async (route, ctx) => {
  const [method, url] = route.split(' ');
  if (!url?.startsWith('/api/library')) return undefined;
  if (route === 'GET /api/library/search') return { url: '/api/library/search?q=probe' };
  const input = { type: 'report', title: 'Probe report', languages: ['en'], sensitivity: 'public', countries: [ctx.member] };
  if (route === 'POST /api/library') return { url, body: input };
  const id = route === 'DELETE /api/library/:id'
    ? ((await createResource(ctx.agents.secretariat_admin, { title: 'Probe to delete' })) as { id: string }).id
    : await fixture(ctx);
  const filled = url.replace(':id', id);
  if (route === 'PATCH /api/library/:id') return { url: filled, body: { year: 2020 } };
  if (route === 'POST /api/library/:id/file') return { url: filled, body: {} };
  return { url: filled, ...(method !== 'GET' ? { body: {} } : {}) };
};
