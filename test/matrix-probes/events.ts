import { newId } from '@/server/platform/crypto';
import type { TestHub } from '../helpers/hub';
import type { ModuleProbe } from './types';

/**
 * Records are inserted straight into the database (factories, not HTTP calls), so the probes do not spend the
 * shared per-minute API rate limit of the matrix run.
 */
const events = new WeakMap<TestHub, string>();

/** A published public event (10–11 March 2026, Bangkok), made once per test hub. */
async function publicEvent(hub: TestHub): Promise<string> {
  const known = events.get(hub);
  if (known) return known;
  const id = newId();
  const now = new Date().toISOString();
  await hub.deps.db.insertInto('events').values({
    id, slug: `matrix-event-${id.slice(0, 8)}`, title: 'Matrix event', title_local: null, summary: null, type: 'roundtable', format: 'online', place: null, online_url: null,
    time_zone: 'Asia/Bangkok', start_date: '2026-03-10', end_date: '2026-03-11', starts_at: '2026-03-09T17:00:00.000Z', ends_at: '2026-03-11T17:00:00.000Z',
    visibility: 'public', status: 'published', working_group_code: null, series: null, themes: '[]', capacity: null, created_by: null, created_at: now, updated_at: now,
  }).execute();
  events.set(hub, id);
  return id;
}

async function session(hub: TestHub, eventId: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await hub.deps.db.insertInto('event_sessions').values({ id, event_id: eventId, title: 'Opening', description: null, starts_at: '2026-03-10T02:00:00.000Z', ends_at: '2026-03-10T03:00:00.000Z', room: null, online_url: null, created_at: now, updated_at: now }).execute();
  return id;
}

async function participant(hub: TestHub, eventId: string, member: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await hub.deps.db.insertInto('event_participants').values({
    id, event_id: eventId, user_id: null, person_id: null, name: 'Matrix Participant', email: null, organisation: null, member_code: member,
    status: 'approved', nominated_by: null, decided_by: null, decided_at: null, registered_at: null, consent_listed: 1, checked_in_at: null, created_at: now, updated_at: now,
  }).execute();
  return id;
}

async function breakout(hub: TestHub, eventId: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await hub.deps.db.insertInto('event_breakouts').values({ id, event_id: eventId, name: 'South-East Asia', description: null, session_id: null, sort_order: 1, created_at: now, updated_at: now }).execute();
  return id;
}

/** Probes for the events module's routes (see test/permission-matrix.test.ts). */
export const eventsProbe: ModuleProbe = async (route, { hub, member }) => {
  if (!route.includes(' /api/events')) return undefined;
  switch (route) {
    case 'GET /api/events': return { url: '/api/events?when=all&limit=5' };
    case 'POST /api/events':
      return { url: '/api/events', body: { title: 'Probe event', type: 'webinar', format: 'online', timeZone: 'Asia/Bangkok', startDate: '2026-04-01', endDate: '2026-04-01', visibility: 'members' } };
    case 'GET /api/events/:id': return { url: `/api/events/${await publicEvent(hub)}` };
    case 'PATCH /api/events/:id': return { url: `/api/events/${await publicEvent(hub)}`, body: { summary: 'Updated by the probe' } };
    case 'POST /api/events/:id/sessions':
      return { url: `/api/events/${await publicEvent(hub)}/sessions`, body: { title: 'Probe session', startsAt: '2026-03-10T04:00:00Z', endsAt: '2026-03-10T05:00:00Z' } };
    case 'PATCH /api/events/:id/sessions/:sessionId': {
      const e = await publicEvent(hub);
      return { url: `/api/events/${e}/sessions/${await session(hub, e)}`, body: { room: 'Room B' } };
    }
    case 'DELETE /api/events/:id/sessions/:sessionId': {
      const e = await publicEvent(hub);
      return { url: `/api/events/${e}/sessions/${await session(hub, e)}` };
    }
    case 'GET /api/events/:id/breakout-candidates': return { url: `/api/events/${await publicEvent(hub)}/breakout-candidates` };
    case 'POST /api/events/:id/breakouts': {
      const e = await publicEvent(hub);
      return { url: `/api/events/${e}/breakouts`, body: { name: 'Pacific', participantIds: [await participant(hub, e, member)] } };
    }
    case 'PATCH /api/events/:id/breakouts/:breakoutId': {
      const e = await publicEvent(hub);
      return { url: `/api/events/${e}/breakouts/${await breakout(hub, e)}`, body: { name: 'Renamed group', participantIds: [await participant(hub, e, member)] } };
    }
    case 'DELETE /api/events/:id/breakouts/:breakoutId': {
      const e = await publicEvent(hub);
      return { url: `/api/events/${e}/breakouts/${await breakout(hub, e)}` };
    }
    default: return undefined;
  }
};
