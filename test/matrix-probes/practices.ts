import { filledPractice, practiceIn } from '@/server/modules/practices/practices.test-support';
import type { ModuleProbe } from './types';

/**
 * Probes for the practices module's routes (see test/permission-matrix.test.ts). Every practice is written by the
 * official (scope THA); the transitions get a fresh practice in the state they start from, so an allowed caller
 * passes (a second allowed caller on the same practice would get 409, which still counts as allowed).
 */
export const practicesProbe: ModuleProbe = async (route, ctx) => {
  const [method, url] = route.split(' ');
  if (!url?.startsWith('/api/practices')) return undefined;
  const official = ctx.agents.official;
  const admin = ctx.agents.secretariat_admin;
  const input = filledPractice('THA', { title: 'Probe practice' });
  switch (route) {
    case 'GET /api/practices': return { url: '/api/practices?q=screening&theme=victim-identification' };
    case 'GET /api/practices/mine': return { url };
    case 'GET /api/practices/review': return { url: '/api/practices/review?status=submitted' };
    case 'POST /api/practices': return { url, body: filledPractice(ctx.member, { title: 'Probe practice' }) };
    default: break;
  }
  const start = route === 'POST /api/practices/:id/request-changes' || route === 'POST /api/practices/:id/publish'
    ? 'submitted'
    : route === 'POST /api/practices/:id/archive' ? 'published' : 'draft';
  const id = await practiceIn(start, official, admin, input);
  const filled = url.replace(':id', id);
  if (route === 'PATCH /api/practices/:id') return { url: filled, body: { title: 'Probe practice, edited' } };
  if (route === 'POST /api/practices/:id/comments') return { url: filled, body: { body: 'Probe comment' } };
  if (route === 'POST /api/practices/:id/request-changes') return { url: filled, body: { comment: 'Please add figures.' } };
  if (route === 'POST /api/practices/:id/publish') return { url: filled, body: { audience: 'members' } };
  return { url: filled, ...(method !== 'GET' ? { body: {} } : {}) };
};
