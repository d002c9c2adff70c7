import type { z } from 'zod';
import type { EventDetail, EventList, eventInputSchema, eventListQuerySchema, eventPatchSchema } from '@/contracts/events';
import type { RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import type { PlatformDeps } from '../../platform/deps';
import { errors, type FieldError } from '../../platform/errors';
import { isSecretariat, requireActor } from '../../platform/permissions';
import { referenceRepository } from '../reference/reference.repository';
import { agendaRepository } from './agenda.repository';
import { presentBreakout, presentEventSummary, presentSession, presentSpeaker } from './events.presenter';
import { eventsRepository, type EventRow } from './events.repository';
import type { EventsTable } from './events.tables';
import { eventSpan, isKnownTimeZone } from './zoned-time';

type EventInput = z.output<typeof eventInputSchema>;
type EventPatch = z.output<typeof eventPatchSchema>;
type ListQuery = z.output<typeof eventListQuerySchema>;

/** Only the secretariat (administrators and staff) writes events and their agendas. */
export function requireSecretariat(ctx: RequestContext) {
  const actor = requireActor(ctx);
  if (!isSecretariat(actor)) throw errors.forbidden('Only the secretariat manages events.');
  return actor;
}

/** A readable slug from the title and the month: "regional-dialogue-2022-09". */
export function slugFor(title: string, startDate: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${base || 'event'}-${startDate.slice(0, 7)}`;
}

/** Events: lists, one event with its agenda, and the secretariat's writes. */
export class EventsService {
  constructor(private readonly d: PlatformDeps) {}

  async list(ctx: RequestContext, q: ListQuery): Promise<EventList> {
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const rows = await eventsRepository.list(this.d.db, ctx.actor, {
      when: q.when, now: this.d.clock.now().toISOString(), type: q.type, workingGroup: q.workingGroup, theme: q.theme, series: q.series, q: q.q, after, limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return { items: page.map(presentEventSummary), nextCursor: rows.length > q.limit && last ? encodeCursor(last.starts_at, last.id) : null };
  }

  /** The event with its agenda; 404 when the viewer may not see it (an invited-only event is not revealed). */
  async get(ctx: RequestContext, idOrSlug: string): Promise<EventDetail> {
    const e = await eventsRepository.visible(this.d.db, ctx.actor, idOrSlug);
    if (!e) throw errors.notFound('The event');
    return this.present(ctx, e);
  }

  private async present(ctx: RequestContext, e: EventRow): Promise<EventDetail> {
    // One round of queries (the speakers' agencies follow the speakers within it).
    const [sessions, [speakers, organisations], breakouts, members] = await Promise.all([
      agendaRepository.sessions(this.d.db, e.id),
      agendaRepository.speakers(this.d.db, e.id).then(async (list) => [list, await agendaRepository.personOrganisations(this.d.db, [...new Set(list.flatMap((s) => (s.person_id ? [s.person_id] : [])))])] as const),
      agendaRepository.breakouts(this.d.db, e.id),
      agendaRepository.breakoutMembers(this.d.db, e.id),
    ]);
    const bySession = new Map<string, ReturnType<typeof presentSpeaker>[]>();
    for (const s of speakers) {
      const list = bySession.get(s.session_id) ?? [];
      list.push(presentSpeaker(s, organisations));
      bySession.set(s.session_id, list);
    }
    const byBreakout = new Map<string, typeof members>();
    for (const m of members) {
      const list = byBreakout.get(m.breakout_id) ?? [];
      list.push(m);
      byBreakout.set(m.breakout_id, list);
    }
    const secretariat = !!ctx.actor && isSecretariat(ctx.actor);
    return {
      ...presentEventSummary(e),
      // The link to join is for signed-in people; the public page shows the place and the times.
      onlineUrl: ctx.actor ? e.online_url : null,
      capacity: e.capacity,
      sessions: sessions.map((s) => presentSession({ ...s, online_url: ctx.actor ? s.online_url : null }, e.time_zone, bySession.get(s.id) ?? [])),
      breakouts: breakouts.map((b) => presentBreakout(b, byBreakout.get(b.id) ?? [], secretariat)),
      canEdit: secretariat && !ctx.actor?.mustEnrollTotp,
      createdAt: e.created_at,
      updatedAt: e.updated_at,
    };
  }

  async create(ctx: RequestContext, input: EventInput): Promise<EventDetail> {
    const actor = requireSecretariat(ctx);
    await this.validate(input);
    let slug = input.slug ?? slugFor(input.title, input.startDate);
    if (await eventsRepository.slugTaken(this.d.db, slug)) {
      if (input.slug) throw errors.field('slug', `The address “${slug}” is already used by another event.`);
      slug = `${slug}-${newId().slice(0, 6)}`;
    }
    const now = this.d.clock.now().toISOString();
    const span = eventSpan(input.startDate, input.endDate, input.timeZone);
    const row: EventsTable = {
      id: newId(), slug, title: input.title, title_local: input.titleLocal || null, summary: input.summary || null, type: input.type, format: input.format,
      place: input.place || null, online_url: input.onlineUrl ?? null, time_zone: input.timeZone, start_date: input.startDate, end_date: input.endDate,
      starts_at: span.startsAt, ends_at: span.endsAt, visibility: input.visibility, status: input.status, working_group_code: input.workingGroupCode || null,
      series: input.series || null, themes: JSON.stringify(input.themes), capacity: input.capacity ?? null, created_by: actor.id, created_at: now, updated_at: now,
    };
    await this.d.db.transaction().execute(async (trx) => {
      await eventsRepository.insert(trx, row);
      await this.d.audit.record(trx, ctx, { action: 'event.created', entity: 'event', entityId: row.id, after: audited(row) });
    });
    return this.get(ctx, row.id);
  }

  async update(ctx: RequestContext, idOrSlug: string, patch: EventPatch): Promise<EventDetail> {
    requireSecretariat(ctx);
    const found = await eventsRepository.visible(this.d.db, ctx.actor, idOrSlug);
    if (!found) throw errors.notFound('The event');
    const before = (await eventsRepository.byId(this.d.db, found.id)) as EventsTable;
    const merged = {
      title: patch.title ?? before.title,
      timeZone: patch.timeZone ?? before.time_zone,
      startDate: patch.startDate ?? before.start_date,
      endDate: patch.endDate ?? before.end_date,
      workingGroupCode: patch.workingGroupCode !== undefined ? patch.workingGroupCode : before.working_group_code,
      themes: patch.themes ?? [],
    };
    await this.validate(merged);
    if (patch.slug && patch.slug !== before.slug && (await eventsRepository.slugTaken(this.d.db, patch.slug, before.id))) {
      throw errors.field('slug', `The address “${patch.slug}” is already used by another event.`);
    }
    const span = eventSpan(merged.startDate, merged.endDate, merged.timeZone);
    if (span.startsAt !== before.starts_at || span.endsAt !== before.ends_at) {
      const outside = await agendaRepository.sessionsOutside(this.d.db, before.id, span.startsAt, span.endsAt);
      if (outside > 0) {
        const message = `${outside} agenda session${outside === 1 ? '' : 's'} would fall outside the new dates; move or remove ${outside === 1 ? 'it' : 'them'} first.`;
        throw errors.validation([{ field: 'startDate', message }, { field: 'endDate', message }], message);
      }
    }
    const next: EventsTable = {
      ...before,
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.titleLocal !== undefined ? { title_local: patch.titleLocal || null } : {}),
      ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
      ...(patch.summary !== undefined ? { summary: patch.summary || null } : {}),
      ...(patch.type !== undefined ? { type: patch.type } : {}),
      ...(patch.format !== undefined ? { format: patch.format } : {}),
      ...(patch.place !== undefined ? { place: patch.place || null } : {}),
      ...(patch.onlineUrl !== undefined ? { online_url: patch.onlineUrl } : {}),
      ...(patch.visibility !== undefined ? { visibility: patch.visibility } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.workingGroupCode !== undefined ? { working_group_code: patch.workingGroupCode || null } : {}),
      ...(patch.series !== undefined ? { series: patch.series || null } : {}),
      ...(patch.themes !== undefined ? { themes: JSON.stringify(patch.themes) } : {}),
      ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
      time_zone: merged.timeZone,
      start_date: merged.startDate,
      end_date: merged.endDate,
      starts_at: span.startsAt,
      ends_at: span.endsAt,
      updated_at: this.d.clock.now().toISOString(),
    };
    const action = patch.status && patch.status !== before.status ? ({ published: 'event.published', cancelled: 'event.cancelled', draft: 'event.unpublished' } as const)[patch.status] : 'event.updated';
    await this.d.db.transaction().execute(async (trx) => {
      const { id: _id, created_at: _c, created_by: _b, ...rest } = next;
      await eventsRepository.update(trx, before.id, rest);
      await this.d.audit.record(trx, ctx, { action, entity: 'event', entityId: before.id, before: audited(before), after: audited(next) });
    });
    return this.get(ctx, before.id);
  }

  /** Every rule on the event's own fields, reported together. */
  private async validate(e: { timeZone: string; startDate: string; endDate: string; workingGroupCode?: string | null | undefined; themes: readonly string[] }): Promise<void> {
    const problems: FieldError[] = [];
    if (!isKnownTimeZone(e.timeZone)) problems.push({ field: 'timeZone', message: `“${e.timeZone}” is not a known IANA time zone (for example Asia/Bangkok).`, code: 'unknown_time_zone' });
    if (e.endDate < e.startDate) problems.push({ field: 'endDate', message: 'The end date is before the start date.', code: 'end_before_start' });
    if (e.workingGroupCode && !(await referenceRepository.workingGroups(this.d.db)).some((w) => w.code === e.workingGroupCode)) {
      problems.push({ field: 'workingGroupCode', message: `Unknown working group: ${e.workingGroupCode}.` });
    }
    if (e.themes.length > 0) {
      const known = new Set((await referenceRepository.themes(this.d.db)).map((t) => t.code));
      const unknown = e.themes.filter((t) => !known.has(t));
      if (unknown.length > 0) problems.push({ field: 'themes', message: `Unknown theme: ${unknown.join(', ')}.` });
    }
    if (problems.length > 0) throw errors.validation(problems, problems.length === 1 ? problems[0]?.message : undefined);
  }
}

function audited(e: EventsTable): Record<string, unknown> {
  const { created_at: _c, updated_at: _u, ...rest } = e;
  return rest;
}
