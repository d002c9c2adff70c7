import type { z } from 'zod';
import type { AssignableParticipant, GuestSpeakerList, breakoutInputSchema, breakoutPatchSchema, EventDetail, sessionInputSchema, sessionPatchSchema, speakerInputSchema } from '@/contracts/events';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { errors, type FieldError } from '../../platform/errors';
import { agendaRepository } from './agenda.repository';
import { eventsRepository } from './events.repository';
import { requireSecretariat, type EventsService } from './events.service';
import type { EventSessionSpeakersTable, EventSessionsTable, EventsTable } from './events.tables';
import { zonedParts, zonedToUtc } from './zoned-time';

type SessionInput = z.output<typeof sessionInputSchema>;
type SessionPatch = z.output<typeof sessionPatchSchema>;
type SpeakerInput = z.output<typeof speakerInputSchema>;
type BreakoutInput = z.output<typeof breakoutInputSchema>;
type BreakoutPatch = z.output<typeof breakoutPatchSchema>;

/** A readable span of an event for messages: "2022-09-07 to 2022-09-08 (Asia/Bangkok)". */
function spanText(e: EventsTable): string {
  return `${e.start_date === e.end_date ? e.start_date : `${e.start_date} to ${e.end_date}`} (${e.time_zone})`;
}

/** The agenda of an event: sessions with speakers, and breakout groups with the participants assigned. */
export class AgendaService {
  constructor(
    private readonly d: PlatformDeps,
    private readonly events: EventsService,
  ) {}

  private async event(ctx: RequestContext, idOrSlug: string): Promise<EventsTable> {
    requireSecretariat(ctx);
    const e = await eventsRepository.visible(this.d.db, ctx.actor, idOrSlug);
    if (!e) throw errors.notFound('The event');
    const { working_group_name: _w, ...row } = e;
    return row;
  }

  /** Guest speaker profiles on file, for the session editor to reuse one (secretariat: they edit agendas). */
  async guestSpeakers(ctx: RequestContext, q: string): Promise<GuestSpeakerList> {
    requireSecretariat(ctx);
    const rows = await agendaRepository.findGuests(this.d.db, q, 20);
    return { items: rows.map((g) => ({ id: g.id, name: g.name, title: g.title, organisation: g.organisation, bio: g.bio })) };
  }

  async addSession(ctx: RequestContext, idOrSlug: string, input: SessionInput): Promise<EventDetail> {
    const e = await this.event(ctx, idOrSlug);
    const times = this.times(e, input, null);
    const speakers = await this.checkSpeakers(input.speakers);
    const now = this.d.clock.now().toISOString();
    const row: EventSessionsTable = {
      id: newId(), event_id: e.id, title: input.title, description: input.description || null, starts_at: times.startsAt, ends_at: times.endsAt,
      room: input.room || null, online_url: input.onlineUrl ?? null, created_at: now, updated_at: now,
    };
    await this.d.db.transaction().execute(async (trx) => {
      await agendaRepository.insertSession(trx, row);
      const saved = await this.saveSpeakers(ctx, trx, e.id, row.id, speakers);
      await this.d.audit.record(trx, ctx, { action: 'event_session.created', entity: 'event_session', entityId: row.id, after: { ...auditedSession(row), speakers: saved } });
    });
    return this.events.get(ctx, e.id);
  }

  async updateSession(ctx: RequestContext, idOrSlug: string, sessionId: string, patch: SessionPatch): Promise<EventDetail> {
    const e = await this.event(ctx, idOrSlug);
    const before = await agendaRepository.session(this.d.db, e.id, sessionId);
    if (!before) throw errors.notFound('The session');
    const times = this.times(e, patch, before);
    const speakers = patch.speakers ? await this.checkSpeakers(patch.speakers) : null;
    const next: EventSessionsTable = {
      ...before,
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description || null } : {}),
      ...(patch.room !== undefined ? { room: patch.room || null } : {}),
      ...(patch.onlineUrl !== undefined ? { online_url: patch.onlineUrl } : {}),
      starts_at: times.startsAt,
      ends_at: times.endsAt,
      updated_at: this.d.clock.now().toISOString(),
    };
    const speakersBefore = await agendaRepository.sessionSpeakerIds(this.d.db, sessionId);
    await this.d.db.transaction().execute(async (trx) => {
      const { id: _id, event_id: _e, created_at: _c, ...rest } = next;
      await agendaRepository.updateSession(trx, sessionId, rest);
      const saved = speakers ? await this.saveSpeakers(ctx, trx, e.id, sessionId, speakers) : speakersBefore;
      await this.d.audit.record(trx, ctx, {
        action: 'event_session.updated', entity: 'event_session', entityId: sessionId,
        before: { ...auditedSession(before), speakers: speakersBefore }, after: { ...auditedSession(next), speakers: saved },
      });
    });
    return this.events.get(ctx, e.id);
  }

  async deleteSession(ctx: RequestContext, idOrSlug: string, sessionId: string): Promise<EventDetail> {
    const e = await this.event(ctx, idOrSlug);
    const before = await agendaRepository.session(this.d.db, e.id, sessionId);
    if (!before) throw errors.notFound('The session');
    const speakersBefore = await agendaRepository.sessionSpeakerIds(this.d.db, sessionId);
    await this.d.db.transaction().execute(async (trx) => {
      await agendaRepository.deleteSession(trx, sessionId);
      await this.d.audit.record(trx, ctx, { action: 'event_session.deleted', entity: 'event_session', entityId: sessionId, before: { ...auditedSession(before), speakers: speakersBefore } });
    });
    return this.events.get(ctx, e.id);
  }

  async addBreakout(ctx: RequestContext, idOrSlug: string, input: BreakoutInput): Promise<EventDetail> {
    const e = await this.event(ctx, idOrSlug);
    await this.checkBreakout(e.id, input.sessionId ?? null, input.participantIds);
    const now = this.d.clock.now().toISOString();
    const participantIds = [...new Set(input.participantIds)];
    await this.d.db.transaction().execute(async (trx) => {
      const row = { id: newId(), event_id: e.id, name: input.name, description: input.description || null, session_id: input.sessionId ?? null, sort_order: await agendaRepository.nextBreakoutOrder(trx, e.id), created_at: now, updated_at: now };
      await agendaRepository.insertBreakout(trx, row);
      await agendaRepository.setBreakoutMembers(trx, e.id, row.id, participantIds);
      await this.d.audit.record(trx, ctx, { action: 'event_breakout.created', entity: 'event_breakout', entityId: row.id, after: { event_id: e.id, name: row.name, description: row.description, session_id: row.session_id, participant_ids: participantIds } });
    });
    return this.events.get(ctx, e.id);
  }

  async updateBreakout(ctx: RequestContext, idOrSlug: string, breakoutId: string, patch: BreakoutPatch): Promise<EventDetail> {
    const e = await this.event(ctx, idOrSlug);
    const before = await agendaRepository.breakout(this.d.db, e.id, breakoutId);
    if (!before) throw errors.notFound('The breakout group');
    await this.checkBreakout(e.id, patch.sessionId ?? null, patch.participantIds ?? []);
    const membersBefore = await agendaRepository.memberIdsOf(this.d.db, breakoutId);
    const next = {
      name: patch.name ?? before.name,
      description: patch.description !== undefined ? patch.description || null : before.description,
      session_id: patch.sessionId !== undefined ? patch.sessionId : before.session_id,
      updated_at: this.d.clock.now().toISOString(),
    };
    const participantIds = patch.participantIds ? [...new Set(patch.participantIds)] : membersBefore;
    await this.d.db.transaction().execute(async (trx) => {
      await agendaRepository.updateBreakout(trx, breakoutId, next);
      if (patch.participantIds) await agendaRepository.setBreakoutMembers(trx, e.id, breakoutId, participantIds);
      await this.d.audit.record(trx, ctx, {
        action: 'event_breakout.updated', entity: 'event_breakout', entityId: breakoutId,
        before: { name: before.name, description: before.description, session_id: before.session_id, participant_ids: membersBefore },
        after: { name: next.name, description: next.description, session_id: next.session_id, participant_ids: participantIds },
      });
    });
    return this.events.get(ctx, e.id);
  }

  async deleteBreakout(ctx: RequestContext, idOrSlug: string, breakoutId: string): Promise<EventDetail> {
    const e = await this.event(ctx, idOrSlug);
    const before = await agendaRepository.breakout(this.d.db, e.id, breakoutId);
    if (!before) throw errors.notFound('The breakout group');
    const membersBefore = await agendaRepository.memberIdsOf(this.d.db, breakoutId);
    await this.d.db.transaction().execute(async (trx) => {
      await agendaRepository.deleteBreakout(trx, breakoutId);
      await this.d.audit.record(trx, ctx, { action: 'event_breakout.deleted', entity: 'event_breakout', entityId: breakoutId, before: { name: before.name, description: before.description, session_id: before.session_id, participant_ids: membersBefore } });
    });
    return this.events.get(ctx, e.id);
  }

  /** The event's participants, for assigning them to breakout groups (the secretariat). */
  async assignable(ctx: RequestContext, idOrSlug: string): Promise<{ items: AssignableParticipant[] }> {
    const e = await this.event(ctx, idOrSlug);
    const [participants, members] = await Promise.all([agendaRepository.participants(this.d.db, e.id), agendaRepository.breakoutMembers(this.d.db, e.id)]);
    const groups = new Map<string, string[]>();
    for (const m of members) groups.set(m.participant_id, [...(groups.get(m.participant_id) ?? []), m.breakout_id]);
    return { items: participants.map((p) => ({ id: p.id, name: p.name, organisation: p.organisation, memberCode: p.member_code, status: p.status, breakoutIds: groups.get(p.id) ?? [] })) };
  }

  /**
   * The session's UTC start and end from the input (instants, or local date and times in the event's zone),
   * falling back to the stored ones; the end must follow the start and both lie within the event's dates.
   */
  private times(e: EventsTable, input: Partial<Pick<SessionInput, 'startsAt' | 'endsAt' | 'date' | 'startTime' | 'endTime'>>, before: EventSessionsTable | null): { startsAt: string; endsAt: string } {
    const problems: FieldError[] = [];
    const local = input.date !== undefined || input.startTime !== undefined || input.endTime !== undefined;
    const instant = input.startsAt !== undefined || input.endsAt !== undefined;
    if (local && instant) problems.push({ field: 'startsAt', message: 'Give the times either as UTC instants or as a local date and times, not both.' });
    let startsAt: string | undefined;
    let endsAt: string | undefined;
    let fields = { start: 'startsAt', end: 'endsAt' };
    if (local) {
      fields = { start: input.date !== undefined ? 'date' : 'startTime', end: 'endTime' };
      const beforeLocal = before ? { date: zonedParts(new Date(before.starts_at), e.time_zone).date, start: zonedParts(new Date(before.starts_at), e.time_zone).time, end: zonedParts(new Date(before.ends_at), e.time_zone).time } : null;
      const date = input.date ?? beforeLocal?.date;
      const start = input.startTime ?? beforeLocal?.start;
      const end = input.endTime ?? beforeLocal?.end;
      if (!date) problems.push({ field: 'date', message: 'Choose the day.' });
      if (!start) problems.push({ field: 'startTime', message: 'Enter the start time.' });
      if (!end) problems.push({ field: 'endTime', message: 'Enter the end time.' });
      if (date && start) startsAt = zonedToUtc(date, start, e.time_zone).toISOString();
      if (date && end) endsAt = zonedToUtc(date, end, e.time_zone).toISOString();
    } else {
      startsAt = input.startsAt ? new Date(input.startsAt).toISOString() : before?.starts_at;
      endsAt = input.endsAt ? new Date(input.endsAt).toISOString() : before?.ends_at;
      if (!startsAt) problems.push({ field: 'startsAt', message: 'Enter when the session starts.' });
      if (!endsAt) problems.push({ field: 'endsAt', message: 'Enter when the session ends.' });
    }
    if (startsAt && endsAt) {
      if (endsAt <= startsAt) problems.push({ field: fields.end, message: 'The session must end after it starts.', code: 'end_before_start' });
      if (startsAt < e.starts_at || endsAt > e.ends_at) {
        problems.push({ field: fields.start, message: `The session falls outside the event’s dates: ${spanText(e)}.`, code: 'outside_event' });
      }
    }
    if (problems.length > 0 || !startsAt || !endsAt) throw errors.validation(problems, problems.length === 1 ? problems[0]?.message : undefined);
    return { startsAt, endsAt };
  }

  /** Every person and guest profile named must exist; the whole request fails otherwise. */
  private async checkSpeakers(speakers: SpeakerInput[]): Promise<SpeakerInput[]> {
    const people = await agendaRepository.existingPeople(this.d.db, speakers.flatMap((s) => (s.personId ? [s.personId] : [])));
    const guests = await agendaRepository.existingGuests(this.d.db, speakers.flatMap((s) => (s.guestSpeakerId ? [s.guestSpeakerId] : [])));
    const problems: FieldError[] = [];
    speakers.forEach((s, i) => {
      if (s.personId && !people.has(s.personId)) problems.push({ field: `speakers.${i}.personId`, message: `No person with id ${s.personId} in the directory.`, code: 'speaker_not_found' });
      if (s.guestSpeakerId && !guests.has(s.guestSpeakerId)) problems.push({ field: `speakers.${i}.guestSpeakerId`, message: `No guest speaker with id ${s.guestSpeakerId}.`, code: 'speaker_not_found' });
    });
    if (problems.length > 0) throw errors.validation(problems, problems.length === 1 ? problems[0]?.message : undefined);
    return speakers;
  }

  /** Writes the session's speakers (new guest profiles first) and returns what was written, for the audit trail. */
  private async saveSpeakers(ctx: RequestContext, trx: Transaction<DB>, eventId: string, sessionId: string, speakers: SpeakerInput[]) {
    const rows: EventSessionSpeakersTable[] = [];
    const now = this.d.clock.now().toISOString();
    for (const [i, s] of speakers.entries()) {
      let guestId = s.guestSpeakerId ?? null;
      if (s.guest) {
        guestId = newId();
        const guest = { id: guestId, name: s.guest.name, title: s.guest.title || null, organisation: s.guest.organisation || null, bio: s.guest.bio || null, created_by: ctx.actor?.id ?? null, created_at: now, updated_at: now };
        await agendaRepository.insertGuest(trx, guest);
        await this.d.audit.record(trx, ctx, { action: 'guest_speaker.created', entity: 'guest_speaker', entityId: guestId, after: { name: guest.name, title: guest.title, organisation: guest.organisation, bio: guest.bio } });
      }
      rows.push({ id: newId(), session_id: sessionId, event_id: eventId, person_id: s.personId ?? null, guest_speaker_id: s.personId ? null : guestId, role: s.role, sort_order: i });
    }
    await agendaRepository.replaceSpeakers(trx, sessionId, rows);
    return rows.map((r) => ({ person_id: r.person_id, guest_speaker_id: r.guest_speaker_id, role: r.role }));
  }

  private async checkBreakout(eventId: string, sessionId: string | null, participantIds: readonly string[]): Promise<void> {
    const problems: FieldError[] = [];
    if (sessionId && !(await agendaRepository.session(this.d.db, eventId, sessionId))) problems.push({ field: 'sessionId', message: 'That session is not on this event’s agenda.' });
    const unique = [...new Set(participantIds)];
    const known = await agendaRepository.participantsOf(this.d.db, eventId, unique);
    const unknown = unique.filter((p) => !known.has(p));
    if (unknown.length > 0) problems.push({ field: 'participantIds', message: `${unknown.length} of the people chosen ${unknown.length === 1 ? 'is' : 'are'} not a participant of this event.` });
    if (problems.length > 0) throw errors.validation(problems, problems.length === 1 ? problems[0]?.message : undefined);
  }
}

function auditedSession(s: EventSessionsTable): Record<string, unknown> {
  return { event_id: s.event_id, title: s.title, description: s.description, starts_at: s.starts_at, ends_at: s.ends_at, room: s.room, online_url: s.online_url };
}
