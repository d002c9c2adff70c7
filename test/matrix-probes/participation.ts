import { makeEvent } from '@/server/modules/events/participation.test-support';
import { newId } from '@/server/platform/crypto';
import type { ModuleProbe } from './types';

/**
 * Probes for the participation (events module)'s routes (see test/permission-matrix.test.ts). Each probe gets a
 * fresh published public event (visible to every signed-in caller) with THA and FJI invited, so the answer is
 * the permission rule and not the event's visibility. The set-up is written straight to the database, so the
 * probes spend none of the API rate limit that the whole matrix shares.
 */
export const participationProbe: ModuleProbe = async (route, ctx) => {
  const [method, path] = route.split(' ');
  if (!path?.startsWith('/api/events/:id/') || !/\/(invitations|candidates|participants|registration)/.test(path)) return undefined;
  const { hub, agents, member, caller } = ctx;
  const db = hub.deps.db;
  const now = hub.deps.clock.now().toISOString();
  const event = await makeEvent(hub, { visibility: 'public', capacity: 50 });
  const base = `/api/events/${event.id}`;
  const invited: Record<string, string> = {};
  for (const code of ['THA', 'FJI']) {
    invited[code] = newId();
    await db.insertInto('event_invitations').values({ id: invited[code], event_id: event.id, member_code: code, agency_id: null, user_id: null, quota: 5, created_at: now }).execute();
  }
  const participant = async (status: 'nominated' | 'approved') => {
    const id = newId();
    await db.insertInto('event_participants').values({
      id, event_id: event.id, user_id: null, person_id: null, name: 'Probe Nominee', email: null, organisation: null, member_code: member, status,
      nominated_by: null, decided_by: null, decided_at: null, registered_at: null, consent_listed: 0, checked_in_at: null, created_at: now, updated_at: now,
    }).execute();
    return `${base}/participants/${id}`;
  };
  switch (`${method} ${path}`) {
    case 'GET /api/events/:id/invitations': return { url: `${base}/invitations` };
    case 'POST /api/events/:id/invitations': return { url: `${base}/invitations`, body: { kind: 'member', memberCode: 'IDN', quota: 3 } };
    case 'PATCH /api/events/:id/invitations/:invitationId': return { url: `${base}/invitations/${invited[member]}`, body: { quota: 6 } };
    case 'DELETE /api/events/:id/invitations/:invitationId': return { url: `${base}/invitations/${invited[member]}` };
    case 'GET /api/events/:id/candidates': return { url: `${base}/candidates?member=${member}` };
    case 'GET /api/events/:id/participants': return { url: `${base}/participants` };
    case 'POST /api/events/:id/participants': return { url: `${base}/participants`, body: { memberCode: member, name: 'Probe Person', email: `probe-${Math.random().toString(36).slice(2)}@test.hub.example` } };
    case 'POST /api/events/:id/participants/:participantId/approve': return { url: `${await participant('nominated')}/approve`, body: {} };
    case 'POST /api/events/:id/participants/:participantId/decline': return { url: `${await participant('nominated')}/decline`, body: {} };
    case 'POST /api/events/:id/participants/:participantId/cancel': return { url: `${await participant('nominated')}/cancel`, body: {} };
    case 'POST /api/events/:id/participants/:participantId/check-in':
    case 'DELETE /api/events/:id/participants/:participantId/check-in': return { url: `${await participant('approved')}/check-in`, body: {} };
    case 'GET /api/events/:id/registration':
    case 'PUT /api/events/:id/registration':
    case 'DELETE /api/events/:id/registration': {
      const user = agents[caller].user;
      if (user) await db.insertInto('event_invitations').values({ id: newId(), event_id: event.id, member_code: null, agency_id: null, user_id: user.id, quota: null, created_at: now }).execute();
      return { url: `${base}/registration`, body: method === 'PUT' ? { consentListed: true } : undefined };
    }
    default: return undefined;
  }
};
