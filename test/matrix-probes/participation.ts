import { makeEvent } from '@/server/modules/events/participation.test-support';
import type { ModuleProbe } from './types';

/**
 * Probes for the participation (events module)'s routes (see test/permission-matrix.test.ts). Each probe gets a
 * fresh published public event (visible to every signed-in caller) with THA and FJI invited, so the answer is
 * the permission rule and not the event's visibility.
 */
export const participationProbe: ModuleProbe = async (route, ctx) => {
  const [method, path] = route.split(' ');
  if (!path?.startsWith('/api/events/:id/') || !/\/(invitations|candidates|participants|registration)/.test(path)) return undefined;
  const { hub, agents, member, caller } = ctx;
  const admin = agents.secretariat_admin;
  const event = await makeEvent(hub, { visibility: 'public', capacity: 50 });
  const base = `/api/events/${event.id}`;
  const invited: Record<string, string> = {};
  for (const code of ['THA', 'FJI']) {
    const inv = await admin.request('POST', `${base}/invitations`, { kind: 'member', memberCode: code, quota: 5 });
    if (inv.status !== 201) throw new Error(`probe setup: ${inv.status} ${JSON.stringify(inv.body)}`);
    invited[code] = inv.body.id;
  }
  const nominee = async () => {
    const res = await admin.request('POST', `${base}/participants`, { memberCode: member, name: 'Probe Nominee', email: `nominee-${Math.random().toString(36).slice(2)}@test.hub.example` });
    if (res.status !== 201) throw new Error(`probe setup: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const withParticipant = async () => `${base}/participants/${await nominee()}`;
  switch (`${method} ${path}`) {
    case 'GET /api/events/:id/invitations': return { url: `${base}/invitations` };
    case 'POST /api/events/:id/invitations': return { url: `${base}/invitations`, body: { kind: 'member', memberCode: 'IDN', quota: 3 } };
    case 'PATCH /api/events/:id/invitations/:invitationId': return { url: `${base}/invitations/${invited[member]}`, body: { quota: 6 } };
    case 'DELETE /api/events/:id/invitations/:invitationId': return { url: `${base}/invitations/${invited[member]}` };
    case 'GET /api/events/:id/candidates': return { url: `${base}/candidates?member=${member}` };
    case 'GET /api/events/:id/participants': return { url: `${base}/participants` };
    case 'POST /api/events/:id/participants': return { url: `${base}/participants`, body: { memberCode: member, name: 'Probe Person', email: `probe-${Math.random().toString(36).slice(2)}@test.hub.example` } };
    case 'POST /api/events/:id/participants/:participantId/approve': return { url: `${await withParticipant()}/approve`, body: {} };
    case 'POST /api/events/:id/participants/:participantId/decline': return { url: `${await withParticipant()}/decline`, body: {} };
    case 'POST /api/events/:id/participants/:participantId/cancel': return { url: `${await withParticipant()}/cancel`, body: {} };
    case 'POST /api/events/:id/participants/:participantId/check-in':
    case 'DELETE /api/events/:id/participants/:participantId/check-in': {
      const url = await withParticipant();
      await admin.request('POST', `${url}/approve`, {});
      return { url: `${url}/check-in`, body: {} };
    }
    case 'GET /api/events/:id/registration':
    case 'PUT /api/events/:id/registration':
    case 'DELETE /api/events/:id/registration': {
      const user = agents[caller].user;
      if (user) await admin.request('POST', `${base}/invitations`, { kind: 'user', email: user.email });
      return { url: `${base}/registration`, body: method === 'PUT' ? { consentListed: true } : undefined };
    }
    default: return undefined;
  }
};
