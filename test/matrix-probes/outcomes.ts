import { newId } from '@/server/platform/crypto';
import type { ModuleProbe, ProbeContext } from './types';

/** A published public event, inserted as a row (so these probes do not depend on the events API). */
async function publicEvent(ctx: ProbeContext): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await ctx.hub.deps.db.insertInto('events').values({
    id, slug: `outcomes-probe-${id}`, title: 'Outcomes probe event', title_local: null, summary: null, type: 'roundtable', format: 'online', place: null, online_url: null,
    time_zone: 'Asia/Bangkok', start_date: '2026-03-10', end_date: '2026-03-10', starts_at: '2026-03-09T17:00:00.000Z', ends_at: '2026-03-10T16:59:59.999Z',
    visibility: 'public', status: 'published', working_group_code: null, series: 'outcomes-probe', themes: '[]', capacity: null, created_by: null, created_at: now, updated_at: now,
  }).execute();
  return id;
}

/** An action on a public event, owned by the Member the request concerns (a row, to spare the API's rate limit). */
async function action(ctx: ProbeContext): Promise<string> {
  const eventId = await publicEvent(ctx);
  const id = newId();
  const now = new Date().toISOString();
  await ctx.hub.deps.db.insertInto('actions').values({
    id, event_id: eventId, text: 'Probe action', owner_kind: 'member', owner_code: ctx.member, due_date: '2026-06-30', status: 'agreed', progress: 0, created_by: null, created_at: now, updated_at: now,
  }).execute();
  return id;
}

/** Probes for the outcomes module's routes (see test/permission-matrix.test.ts). */
export const outcomesProbe: ModuleProbe = async (route, ctx) => {
  switch (route) {
    case 'GET /api/actions': return { url: '/api/actions?status=agreed&limit=5' };
    case 'GET /api/actions/export.csv': return { url: '/api/actions/export.csv?overdue=true' };
    case 'GET /api/actions/priorities': return { url: '/api/actions/priorities' };
    case 'GET /api/actions/:id': return { url: `/api/actions/${await action(ctx)}` };
    case 'PATCH /api/actions/:id': return { url: `/api/actions/${await action(ctx)}`, body: { progress: 10 } };
    case 'POST /api/actions/:id/updates': return { url: `/api/actions/${await action(ctx)}/updates`, body: { text: 'Probe update', progress: 20, evidenceUrl: 'https://example.org/report' } };
    case 'GET /api/events/:id/actions': return { url: `/api/events/${await publicEvent(ctx)}/actions` };
    case 'POST /api/events/:id/actions': return { url: `/api/events/${await publicEvent(ctx)}/actions`, body: { text: 'Probe action', owner: { kind: 'member', code: ctx.member } } };
    case 'POST /api/events/:id/actions/import':
      return { url: `/api/events/${await publicEvent(ctx)}/actions/import`, body: { csv: `text,owner_kind,owner_code\nProbe action,member,${ctx.member}\n`, dryRun: true } };
    case 'GET /api/events/:id/pre-briefing': return { url: `/api/events/${await publicEvent(ctx)}/pre-briefing` };
    default: return undefined;
  }
};
