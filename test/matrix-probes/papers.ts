import { makeEvent, pdfBytes, upload, uploadPaper } from '@/server/modules/papers/papers.test-support';
import type { TestHub } from '../helpers/hub';
import type { ModuleProbe, ProbeContext } from './types';

/** One published public event with one public paper, made once per hub by the secretariat. */
const fixtures = new WeakMap<TestHub, Promise<{ eventId: string; paperId: string }>>();

function fixture(ctx: ProbeContext): Promise<{ eventId: string; paperId: string }> {
  let f = fixtures.get(ctx.hub);
  if (!f) {
    f = (async () => {
      const event = await makeEvent(ctx.hub, { visibility: 'public' });
      const paper = await uploadPaper(ctx.hub, ctx.agents.secretariat_admin, event.id, { sensitivity: 'public' });
      return { eventId: event.id, paperId: paper.id as string };
    })();
    fixtures.set(ctx.hub, f);
  }
  return f;
}

/**
 * Probes for the papers module's routes (see test/permission-matrix.test.ts). The uploads are sent as JSON here:
 * callers allowed to upload get past the permission check to a 415 (not a form), the others a 401/403 first.
 */
export const papersProbe: ModuleProbe = async (route, ctx) => {
  const [method, url] = route.split(' ');
  if (!url || !(url.startsWith('/api/papers/') || /^\/api\/events\/:id\/(papers|meeting-pack|participant-list)/.test(url))) return undefined;
  const { eventId, paperId } = await fixture(ctx);
  if (route.endsWith('/withdraw')) {
    // Withdrawing deletes: each caller gets a paper of its own, with a second version to withdraw.
    const own = await uploadPaper(ctx.hub, ctx.agents.secretariat_admin, eventId, { title: 'Probe paper to withdraw' });
    await upload(ctx.hub, ctx.agents.secretariat_admin, `/api/papers/${own.id}/versions`, { fields: {}, file: { name: 'v2.pdf', data: pdfBytes() } });
    return { url: url.replace(':id', own.id as string).replace(':number', '2'), body: { reason: 'Uploaded by mistake' } };
  }
  const filled = url.replace(':number', '1').replace(':id', url.startsWith('/api/papers/') ? paperId : eventId);
  const bodies: Record<string, unknown> = {
    'PATCH /api/papers/:id': { sensitivity: 'public' },
    'POST /api/events/:id/papers': { kind: 'annex' },
    'POST /api/papers/:id/versions': {},
  };
  return { url: filled, ...(method !== 'GET' ? { body: bodies[route] } : {}) };
};
