import { newId } from '@/server/platform/crypto';
import type { ModuleProbe, ProbeContext } from './types';

/** A published public event with one session and one breakout group holding one participant (made by the administrator). */
async function publicEvent(ctx: ProbeContext): Promise<{ id: string; sessionId: string; breakoutId: string; participantId: string }> {
  const admin = ctx.agents.secretariat_admin;
  const created = await admin.request('POST', '/api/events', {
    title: `Matrix event ${Math.random().toString(36).slice(2)}`, type: 'roundtable', format: 'online', timeZone: 'Asia/Bangkok',
    startDate: '2026-03-10', endDate: '2026-03-11', visibility: 'public', status: 'published',
  });
  if (created.status !== 201) throw new Error(`setup failed: ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const withSession = await admin.request('POST', `/api/events/${id}/sessions`, { title: 'Opening', date: '2026-03-10', startTime: '09:00', endTime: '10:00' });
  const participantId = newId();
  const now = new Date().toISOString();
  await ctx.hub.deps.db.insertInto('event_participants').values({
    id: participantId, event_id: id, user_id: null, person_id: null, name: 'Matrix Participant', email: null, organisation: null, member_code: ctx.member,
    status: 'approved', nominated_by: null, decided_by: null, decided_at: null, registered_at: null, consent_listed: 1, checked_in_at: null, created_at: now, updated_at: now,
  }).execute();
  const withBreakout = await admin.request('POST', `/api/events/${id}/breakouts`, { name: 'South-East Asia', participantIds: [participantId] });
  return { id, sessionId: withSession.body.sessions[0].id as string, breakoutId: withBreakout.body.breakouts[0].id as string, participantId };
}

/** Probes for the events module's routes (see test/permission-matrix.test.ts). */
export const eventsProbe: ModuleProbe = async (route, ctx) => {
  switch (route) {
    case 'GET /api/events': return { url: '/api/events?when=all&limit=5' };
    case 'POST /api/events':
      return { url: '/api/events', body: { title: 'Probe event', type: 'webinar', format: 'online', timeZone: 'Asia/Bangkok', startDate: '2026-04-01', endDate: '2026-04-01', visibility: 'members' } };
    case 'GET /api/events/:id': return { url: `/api/events/${(await publicEvent(ctx)).id}` };
    case 'PATCH /api/events/:id': return { url: `/api/events/${(await publicEvent(ctx)).id}`, body: { summary: 'Updated by the probe' } };
    case 'POST /api/events/:id/sessions':
      return { url: `/api/events/${(await publicEvent(ctx)).id}/sessions`, body: { title: 'Probe session', startsAt: '2026-03-10T04:00:00Z', endsAt: '2026-03-10T05:00:00Z' } };
    case 'PATCH /api/events/:id/sessions/:sessionId': {
      const e = await publicEvent(ctx);
      return { url: `/api/events/${e.id}/sessions/${e.sessionId}`, body: { room: 'Room B' } };
    }
    case 'DELETE /api/events/:id/sessions/:sessionId': {
      const e = await publicEvent(ctx);
      return { url: `/api/events/${e.id}/sessions/${e.sessionId}` };
    }
    case 'GET /api/events/:id/breakout-candidates': return { url: `/api/events/${(await publicEvent(ctx)).id}/breakout-candidates` };
    case 'POST /api/events/:id/breakouts': {
      const e = await publicEvent(ctx);
      return { url: `/api/events/${e.id}/breakouts`, body: { name: 'Pacific', participantIds: [e.participantId] } };
    }
    case 'PATCH /api/events/:id/breakouts/:breakoutId': {
      const e = await publicEvent(ctx);
      return { url: `/api/events/${e.id}/breakouts/${e.breakoutId}`, body: { name: 'Renamed group' } };
    }
    case 'DELETE /api/events/:id/breakouts/:breakoutId': {
      const e = await publicEvent(ctx);
      return { url: `/api/events/${e.id}/breakouts/${e.breakoutId}` };
    }
    default: return undefined;
  }
};
