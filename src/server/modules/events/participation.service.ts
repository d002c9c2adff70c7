import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  Candidate, candidatesQuerySchema, declineInputSchema, Invitation, InvitationList, invitationInputSchema, invitationPatchSchema, MyParticipation,
  nominationInputSchema, Participant, ParticipantList, participantListQuerySchema, registrationInputSchema,
} from '@/contracts/participation';
import { serializeOn } from '../../db/dialect';
import type { DB } from '../../db/schema';
import type { Actor, RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { AppError, errors } from '../../platform/errors';
import type { Notice } from '../../platform/notify';
import { requireActor } from '../../platform/permissions';
import { findVisibleEvent } from './event-access';
import type { EventParticipantsTable, EventsTable } from './events.tables';
import { participationPolicy as policy } from './participation.policy';
import { invitationKind, presentCounts, presentInvitation, presentParticipant, type ParticipantView } from './participation.presenter';
import { participationRepository as repo, placeStatuses, type ParticipantRow } from './participation.repository';

type InvitationInput = z.output<typeof invitationInputSchema>;
type NominationInput = z.output<typeof nominationInputSchema>;
type ListQuery = z.output<typeof participantListQuerySchema>;

/** Mail written in a transaction, sent once it commits. */
type Outbox = string[];

/**
 * Invitations, nominations within quotas, the secretariat's decisions, registration with consent, the waitlist
 * and check-in. Every rule is checked here; every write is audited in its transaction.
 *
 * Choices where the issue is silent (see also README):
 * - A Member's quota is the sum of the quotas of its invitations (the Member's own and its agencies'); nominations
 *   that are nominated, approved, registered or waitlisted count against it, for everyone who nominates.
 * - Places (events.capacity) are held by approved and registered participants. Approval or a direct registration
 *   on a full event puts the person on the waitlist, first come first served; a freed place (cancelled or
 *   declined) goes to the first in line, who is notified.
 * - A user invited by name registers directly; anyone else registers after an approved nomination.
 */
export class ParticipationService {
  constructor(private readonly d: PlatformDeps) {}

  private now(): string {
    return this.d.clock.now().toISOString();
  }

  /**
   * The event (by id, or by slug as the events API accepts) if the actor may see it: 404 otherwise, also for
   * invited-only events they are not invited to.
   */
  private async event(actor: Actor, ref: string): Promise<EventsTable> {
    const id = /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(ref) ? ref : ((await repo.eventIdBySlug(this.d.db, ref)) ?? ref);
    return findVisibleEvent(this.d.db, actor, id);
  }

  private async run<T>(work: (trx: Transaction<DB>, outbox: Outbox) => Promise<T>): Promise<T> {
    const outbox: Outbox = [];
    const result = await this.d.db.transaction().execute((trx) => work(trx, outbox));
    await this.d.mailer.dispatch(outbox);
    return result;
  }

  private async notify(trx: Transaction<DB>, outbox: Outbox, notice: Notice): Promise<void> {
    const userIds = [...new Set(notice.userIds)];
    if (userIds.length > 0) outbox.push(...(await this.d.notifier.notify(trx, { ...notice, userIds })));
  }

  private open(event: EventsTable): void {
    if (event.status === 'cancelled') throw errors.conflict('This event is cancelled.');
    if (event.ends_at <= this.now()) throw errors.conflict('This event has ended.');
  }

  // ---- invitations ----

  async invitations(ctx: RequestContext, ref: string): Promise<InvitationList> {
    const actor = requireActor(ctx);
    const { id: eventId } = await this.event(actor, ref);
    if (!policy.seeInvitations(actor)) throw errors.forbidden();
    const secretariat = policy.secretariat(actor);
    const rows = await repo.invitations(this.d.db, eventId, secretariat ? {} : { members: actor.memberScopes });
    const quotas = (await repo.memberQuotas(this.d.db, eventId)).filter((q) => secretariat || actor.memberScopes.includes(q.memberCode));
    return { items: rows.map(presentInvitation), quotas: quotas.map((q) => ({ ...q, canNominate: policy.nominateFor(actor, q.memberCode) })) };
  }

  async invite(ctx: RequestContext, ref: string, input: InvitationInput): Promise<Invitation> {
    const actor = requireActor(ctx);
    const event = await this.event(actor, ref);
    const eventId = event.id;
    if (!policy.manage(actor)) throw errors.forbidden();
    if (event.status === 'cancelled') throw errors.conflict('This event is cancelled.');
    const row = { id: newId(), event_id: eventId, member_code: null as string | null, agency_id: null as string | null, user_id: null as string | null, quota: null as number | null, created_at: this.now() };
    let notifyUsers: string[] = [];
    let whom = '';
    if (input.kind === 'member') {
      const member = await repo.member(this.d.db, input.memberCode);
      if (!member) throw errors.field('memberCode', `Unknown Member code: ${input.memberCode}.`);
      if (await repo.sameInvitation(this.d.db, eventId, { kind: 'member', memberCode: member.code })) throw errors.conflict(`${member.name} is already invited.`, 'memberCode');
      Object.assign(row, { member_code: member.code, quota: input.quota });
      notifyUsers = await repo.coordinatorsOf(this.d.db, [member.code]);
      whom = member.name;
    } else if (input.kind === 'agency') {
      const agency = await repo.agency(this.d.db, input.agencyId);
      if (!agency) throw errors.field('agencyId', 'Unknown agency.');
      if (await repo.sameInvitation(this.d.db, eventId, { kind: 'agency', agencyId: agency.id })) throw errors.conflict(`${agency.name_en} is already invited.`, 'agencyId');
      Object.assign(row, { agency_id: agency.id, member_code: agency.member_code, quota: input.quota ?? 1 });
      // The Member's coordinators nominate; the agency's own focal points with an account hear of it too.
      notifyUsers = [...(await repo.coordinatorsOf(this.d.db, [agency.member_code])), ...(await repo.agencyAccounts(this.d.db, agency.id))];
      whom = agency.name_en;
    } else {
      const user = await repo.userByEmail(this.d.db, input.email);
      if (!user || user.status !== 'active') throw errors.field('email', 'No active hub account has this email address.');
      if (await repo.sameInvitation(this.d.db, eventId, { kind: 'user', userId: user.id })) throw errors.conflict(`${user.display_name} is already invited.`, 'email');
      row.user_id = user.id;
      notifyUsers = [user.id];
      whom = user.display_name;
    }
    await this.run(async (trx, outbox) => {
      await repo.insertInvitation(trx, row);
      await this.d.audit.record(trx, ctx, { action: 'event_invitation.created', entity: 'event_invitation', entityId: row.id, after: { ...row, kind: input.kind } });
      const text = input.kind === 'user'
        ? `You are invited to "${event.title}" (${event.start_date} to ${event.end_date}). Register on the event page.`
        : `${whom} is invited to "${event.title}" (${event.start_date} to ${event.end_date}) with ${row.quota} place(s). The Member's coordinators nominate participants on the event page.`;
      await this.notify(trx, outbox, { kind: 'event_invitation', userIds: notifyUsers, subject: `Invitation: ${event.title}`, text, link: `/events/${eventId}` });
    });
    const [created] = (await repo.invitations(this.d.db, eventId)).filter((i) => i.id === row.id);
    if (!created) throw errors.notFound('The invitation');
    return presentInvitation(created);
  }

  async updateInvitation(ctx: RequestContext, ref: string, invitationId: string, patch: z.output<typeof invitationPatchSchema>): Promise<Invitation> {
    const actor = requireActor(ctx);
    const { id: eventId } = await this.event(actor, ref);
    if (!policy.manage(actor)) throw errors.forbidden();
    const before = await repo.invitation(this.d.db, eventId, invitationId);
    if (!before) throw errors.notFound('The invitation');
    if (!before.member_code || before.user_id) throw errors.field('quota', 'Only invitations of a Member or an agency have a quota.');
    const memberCode = before.member_code;
    await this.run(async (trx) => {
      await serializeOn(trx, this.d.dialect, `event-places:${eventId}`);
      const quotas = await repo.memberQuotas(trx, eventId);
      const q = quotas.find((x) => x.memberCode === memberCode);
      const newTotal = (q?.quota ?? 0) - (before.quota ?? 0) + patch.quota;
      if (q && q.used > newTotal) {
        throw new AppError(409, 'quota_exceeded', `${q.memberName} already has ${q.used} nominations; its quota cannot go below that.`, [{ field: 'quota', message: `At least ${patch.quota + q.used - newTotal}.` }]);
      }
      await repo.updateInvitation(trx, invitationId, { quota: patch.quota });
      await this.d.audit.record(trx, ctx, { action: 'event_invitation.updated', entity: 'event_invitation', entityId: invitationId, before: { quota: before.quota }, after: { quota: patch.quota } });
    });
    const [updated] = (await repo.invitations(this.d.db, eventId)).filter((i) => i.id === invitationId);
    if (!updated) throw errors.notFound('The invitation');
    return presentInvitation(updated);
  }

  /** Removes an invitation. Nominations already made stay; the secretariat declines them if it wants to. */
  async removeInvitation(ctx: RequestContext, ref: string, invitationId: string): Promise<void> {
    const actor = requireActor(ctx);
    const { id: eventId } = await this.event(actor, ref);
    if (!policy.manage(actor)) throw errors.forbidden();
    const before = await repo.invitation(this.d.db, eventId, invitationId);
    if (!before) throw errors.notFound('The invitation');
    await this.run(async (trx) => {
      await repo.deleteInvitation(trx, invitationId);
      await this.d.audit.record(trx, ctx, { action: 'event_invitation.removed', entity: 'event_invitation', entityId: invitationId, before: { ...before, kind: invitationKind(before) } });
    });
  }

  // ---- nominations ----

  async candidates(ctx: RequestContext, ref: string, q: z.output<typeof candidatesQuerySchema>): Promise<{ items: Candidate[] }> {
    const actor = requireActor(ctx);
    const { id: eventId } = await this.event(actor, ref);
    if (!policy.nominateFor(actor, q.member)) throw errors.forbidden('You may nominate only for your own Members.');
    const [rows, active] = await Promise.all([
      repo.candidates(this.d.db, q.member, q.q),
      repo.participants(this.d.db, eventId, { statuses: ['nominated', 'approved', 'registered', 'waitlisted'] }),
    ]);
    const taken = new Set(active.flatMap((p) => [p.person_id, p.user_id]).filter((x): x is string => !!x));
    return { items: rows.map((c) => ({ ...c, nominated: taken.has(c.id) })) };
  }

  async nominate(ctx: RequestContext, ref: string, input: NominationInput): Promise<Participant> {
    const actor = requireActor(ctx);
    const event = await this.event(actor, ref);
    const eventId = event.id;
    if (!policy.nominateFor(actor, input.memberCode)) throw errors.forbidden('You may nominate only for your own Members.');
    const member = await repo.member(this.d.db, input.memberCode);
    if (!member) throw errors.field('memberCode', `Unknown Member code: ${input.memberCode}.`);
    this.open(event);

    let who: { name: string; email: string | null; userId: string | null; personId: string | null; organisation: string | null };
    if (input.personId) {
      const person = await repo.person(this.d.db, input.personId);
      const holding = person?.holdings.find((h) => h.memberCode === member.code);
      if (!person) throw errors.field('personId', 'Unknown person.');
      if (!holding) throw errors.field('personId', `${person.name} holds no position in an agency of ${member.name}.`);
      const account = person.userId ? await repo.user(this.d.db, person.userId) : undefined;
      who = { name: person.name, email: account?.email ?? null, userId: person.userId, personId: person.id, organisation: holding.agency };
    } else if (input.userId) {
      const user = await repo.user(this.d.db, input.userId);
      if (!user || user.status !== 'active') throw errors.field('userId', 'Unknown hub account.');
      if (!(await repo.userScopes(this.d.db, user.id)).includes(member.code)) throw errors.field('userId', `${user.display_name} is not an official of ${member.name}.`);
      who = { name: user.display_name, email: user.email, userId: user.id, personId: null, organisation: null };
    } else {
      const email = input.email ?? null;
      const account = email ? await repo.userByEmail(this.d.db, email) : undefined;
      who = { name: input.name ?? '', email, userId: account?.status === 'active' ? account.id : null, personId: null, organisation: null };
    }
    const now = this.now();
    const row: EventParticipantsTable = {
      id: newId(), event_id: eventId, user_id: who.userId, person_id: who.personId, name: who.name, email: who.email,
      organisation: input.organisation || who.organisation || member.name, member_code: member.code, status: 'nominated',
      nominated_by: actor.id, decided_by: null, decided_at: null, registered_at: null, consent_listed: 0, checked_in_at: null, created_at: now, updated_at: now,
    };
    await this.run(async (trx, outbox) => {
      await serializeOn(trx, this.d.dialect, `event-places:${eventId}`);
      const quota = (await repo.memberQuotas(trx, eventId)).find((q) => q.memberCode === member.code);
      if (!quota) throw errors.conflict(`${member.name} is not invited to this event.`, 'memberCode');
      if (quota.used >= quota.quota) {
        throw new AppError(409, 'quota_exceeded', `${member.name} has used all ${quota.quota} of its places for this event. Nothing was saved.`, [{ field: 'memberCode', message: `Quota reached: ${quota.used} of ${quota.quota}.` }]);
      }
      const dup = await repo.activeDuplicate(trx, eventId, { userId: who.userId, personId: who.personId, email: who.email });
      if (dup) throw errors.conflict(`${dup.name} is already on the list for this event (${dup.status}).`, input.personId ? 'personId' : input.userId ? 'userId' : 'email');
      await repo.insertParticipant(trx, row);
      await this.d.audit.record(trx, ctx, { action: 'event_participant.nominated', entity: 'event_participant', entityId: row.id, after: { event_id: eventId, name: row.name, email: row.email, member_code: row.member_code, user_id: row.user_id, person_id: row.person_id, organisation: row.organisation } });
      // The secretariat decides: tell them, so that a nomination does not wait unseen (not the one who nominated).
      const nominator = (await repo.user(trx, actor.id))?.display_name ?? 'A coordinator';
      const secretariat = (await repo.secretariatUsers(trx)).filter((id) => id !== actor.id);
      await this.notify(trx, outbox, {
        kind: 'nomination_received', userIds: secretariat, subject: `Nomination to decide: ${row.name} for ${event.title}`,
        text: `${nominator} nominated ${row.name} (${row.organisation}, ${member.name}) for "${event.title}" (${event.start_date} to ${event.end_date}). ${member.name} has used ${quota.used + 1} of its ${quota.quota} places. Approve or decline the nomination on the event's participants page.`,
        link: `/events/${eventId}/participants`,
      });
    });
    return this.one(eventId, row.id, policy.secretariat(actor) ? 'secretariat' : 'coordinator');
  }

  private async one(eventId: string, id: string, view: ParticipantView): Promise<Participant> {
    const p = await repo.participant(this.d.db, eventId, id);
    if (!p) throw errors.notFound('The participant');
    const queue = p.status === 'waitlisted' ? await repo.waitlist(this.d.db, eventId) : [];
    const pos = queue.findIndex((w) => w.participant_id === id);
    return presentParticipant(p, view, pos >= 0 ? pos + 1 : null);
  }

  private async participantFor(actor: Actor, ref: string, participantId: string): Promise<{ event: EventsTable; p: ParticipantRow }> {
    const event = await this.event(actor, ref);
    const p = await repo.participant(this.d.db, event.id, participantId);
    if (!p) throw errors.notFound('The participant');
    return { event, p };
  }

  /** Takes a place on the event, or a place in the queue when it is full. Returns the status given. */
  private async placeOrQueue(trx: Transaction<DB>, event: EventsTable, participantId: string, wanted: 'approved' | 'registered', now: string): Promise<'approved' | 'registered' | 'waitlisted'> {
    const full = event.capacity !== null && (await repo.placesTaken(trx, event.id)) >= event.capacity;
    if (!full) {
      await repo.removeFromWaitlist(trx, participantId);
      return wanted;
    }
    await repo.addToWaitlist(trx, { participant_id: participantId, event_id: event.id, since: now, then_status: wanted });
    return 'waitlisted';
  }

  async approve(ctx: RequestContext, ref: string, participantId: string): Promise<Participant> {
    const actor = requireActor(ctx);
    const { event, p } = await this.participantFor(actor, ref, participantId);
    const eventId = event.id;
    if (!policy.manage(actor)) throw errors.forbidden();
    if (p.status !== 'nominated' && p.status !== 'declined') throw errors.conflict(`This participant is already ${p.status}.`);
    this.open(event);
    await this.run(async (trx, outbox) => {
      await serializeOn(trx, this.d.dialect, `event-places:${eventId}`);
      if (p.status === 'declined' && p.member_code) {
        // A declined nomination left its Member's quota; taking it back must fit in the quota again.
        const quota = (await repo.memberQuotas(trx, eventId)).find((q) => q.memberCode === p.member_code);
        if (quota && quota.used >= quota.quota) throw new AppError(409, 'quota_exceeded', `${quota.memberName} has used all ${quota.quota} of its places for this event. Nothing was saved.`);
      }
      const now = this.now();
      const status = await this.placeOrQueue(trx, event, p.id, 'approved', now);
      await repo.updateParticipant(trx, p.id, { status, decided_by: actor.id, decided_at: now, updated_at: now });
      await this.d.audit.record(trx, ctx, { action: 'event_participant.approved', entity: 'event_participant', entityId: p.id, before: { status: p.status }, after: { status } });
      const text = status === 'waitlisted'
        ? `The nomination of ${p.name} for "${event.title}" is approved. The event is full, so ${p.name} is on the waitlist and will be told when a place frees up.`
        : `The nomination of ${p.name} for "${event.title}" is approved.${p.user_id ? ' Register on the event page, and say whether you agree to appear on the participant list.' : ''}`;
      await this.notify(trx, outbox, { kind: 'nomination_decision', userIds: [p.nominated_by, p.user_id].filter((x): x is string => !!x), subject: `Nomination approved: ${event.title}`, text, link: `/events/${eventId}` });
    });
    return this.one(eventId, p.id, 'secretariat');
  }

  async decline(ctx: RequestContext, ref: string, participantId: string, input: z.output<typeof declineInputSchema>): Promise<Participant> {
    const actor = requireActor(ctx);
    const { event, p } = await this.participantFor(actor, ref, participantId);
    const eventId = event.id;
    if (!policy.manage(actor)) throw errors.forbidden();
    if (p.status === 'declined' || p.status === 'cancelled') throw errors.conflict(`This participant is already ${p.status}.`);
    await this.run(async (trx, outbox) => {
      await serializeOn(trx, this.d.dialect, `event-places:${eventId}`);
      const now = this.now();
      await repo.updateParticipant(trx, p.id, { status: 'declined', decided_by: actor.id, decided_at: now, checked_in_at: null, updated_at: now });
      await repo.removeFromWaitlist(trx, p.id);
      await this.d.audit.record(trx, ctx, { action: 'event_participant.declined', entity: 'event_participant', entityId: p.id, before: { status: p.status }, after: { status: 'declined', reason: input.reason ?? null } });
      const text = `The nomination of ${p.name} for "${event.title}" is declined.${input.reason ? `\n\nReason: ${input.reason}` : ''}`;
      await this.notify(trx, outbox, { kind: 'nomination_decision', userIds: [p.nominated_by, p.user_id].filter((x): x is string => !!x), subject: `Nomination declined: ${event.title}`, text, link: `/events/${eventId}` });
      if ((placeStatuses as readonly string[]).includes(p.status)) await this.fillFreedPlaces(trx, ctx, event, outbox);
    });
    return this.one(eventId, p.id, 'secretariat');
  }

  /** Withdraws a nomination or cancels a participation (secretariat, or the coordinator of its Member). */
  async cancel(ctx: RequestContext, ref: string, participantId: string): Promise<Participant> {
    const actor = requireActor(ctx);
    const { event, p } = await this.participantFor(actor, ref, participantId);
    const eventId = event.id;
    if (!policy.manage(actor) && !(p.member_code && policy.nominateFor(actor, p.member_code))) throw errors.forbidden();
    if (p.status === 'declined' || p.status === 'cancelled') throw errors.conflict(`This participant is already ${p.status}.`);
    await this.run((trx, outbox) => this.cancelIn(trx, ctx, event, p, outbox));
    return this.one(eventId, p.id, policy.secretariat(actor) ? 'secretariat' : 'coordinator');
  }

  private async cancelIn(trx: Transaction<DB>, ctx: RequestContext, event: EventsTable, p: ParticipantRow, outbox: Outbox): Promise<void> {
    await serializeOn(trx, this.d.dialect, `event-places:${event.id}`);
    const now = this.now();
    await repo.updateParticipant(trx, p.id, { status: 'cancelled', checked_in_at: null, updated_at: now });
    await repo.removeFromWaitlist(trx, p.id);
    await this.d.audit.record(trx, ctx, { action: 'event_participant.cancelled', entity: 'event_participant', entityId: p.id, before: { status: p.status }, after: { status: 'cancelled' } });
    if ((placeStatuses as readonly string[]).includes(p.status)) await this.fillFreedPlaces(trx, ctx, event, outbox);
  }

  private fillFreedPlaces(trx: Transaction<DB>, ctx: RequestContext | null, event: EventsTable, outbox: Outbox): Promise<number> {
    return fillFreedPlaces(this.d, trx, ctx, event, outbox);
  }

  // ---- registration ----

  async mine(ctx: RequestContext, ref: string): Promise<MyParticipation> {
    const actor = requireActor(ctx);
    const event = await this.event(actor, ref);
    const eventId = event.id;
    const [p, invited] = await Promise.all([repo.participantOfUser(this.d.db, eventId, actor.id), this.invitedByName(eventId, actor.id)]);
    const full = event.capacity !== null && (await repo.placesTaken(this.d.db, eventId)) >= event.capacity;
    const participant = p ? await this.one(eventId, p.id, 'coordinator') : null;
    const openForRegistration = event.status !== 'cancelled' && event.ends_at > this.now();
    const canRegister = openForRegistration && (p ? ['approved', 'waitlisted', 'registered'].includes(p.status) || (p.status === 'cancelled' && invited) : invited);
    return { participant, canRegister, invited, eventFull: full };
  }

  private async invitedByName(eventId: string, userId: string): Promise<boolean> {
    return (await repo.invitations(this.d.db, eventId, { userId })).length > 0;
  }

  async register(ctx: RequestContext, ref: string, input: z.output<typeof registrationInputSchema>): Promise<MyParticipation> {
    const actor = requireActor(ctx);
    const event = await this.event(actor, ref);
    const eventId = event.id;
    const p = await repo.participantOfUser(this.d.db, eventId, actor.id);
    const invited = await this.invitedByName(eventId, actor.id);
    const consent = input.consentListed ? 1 : 0;
    if (p?.status === 'nominated') throw errors.conflict('Your nomination is waiting for the secretariat’s decision.');
    if (p?.status === 'declined') throw errors.conflict('Your nomination was declined.');
    if (p?.status === 'cancelled' && !invited) throw errors.conflict('Your participation was cancelled. Ask your Member coordinator to nominate you again.');
    if (!p && !invited) throw errors.forbidden('You are not invited to register for this event.');
    this.open(event);
    await this.run(async (trx, outbox) => {
      await serializeOn(trx, this.d.dialect, `event-places:${eventId}`);
      const now = this.now();
      const confirmed = async () =>
        this.notify(trx, outbox, { kind: 'registration_confirmed', userIds: [actor.id], subject: `Registration confirmed: ${event.title}`, text: `You are registered for "${event.title}" (${event.start_date} to ${event.end_date}). You ${input.consentListed ? 'agreed' : 'did not agree'} to appear on the participant list; you can change this on the event page.`, link: `/events/${eventId}` });
      if (p && p.status !== 'cancelled') {
        const patch: Partial<EventParticipantsTable> = { consent_listed: consent, updated_at: now };
        if (p.status === 'approved') Object.assign(patch, { status: 'registered', registered_at: now });
        if (p.status === 'waitlisted') {
          patch.registered_at = p.registered_at ?? now;
          await repo.setWaitlistThenStatus(trx, p.id, 'registered');
        }
        await repo.updateParticipant(trx, p.id, patch);
        await this.d.audit.record(trx, ctx, { action: p.status === 'approved' ? 'event_participant.registered' : 'event_participant.consent_changed', entity: 'event_participant', entityId: p.id, before: { status: p.status, consent_listed: p.consent_listed }, after: { status: patch.status ?? p.status, consent_listed: consent } });
        if (p.status === 'approved') await confirmed();
        return;
      }
      // Invited by name: a registration of their own, without a nomination.
      const user = await repo.user(trx, actor.id);
      const scopes = await repo.userScopes(trx, actor.id);
      const memberCode = scopes.length === 1 ? (scopes[0] ?? null) : null;
      const member = memberCode ? await repo.member(trx, memberCode) : undefined;
      const row: EventParticipantsTable = {
        id: newId(), event_id: eventId, user_id: actor.id, person_id: null, name: user?.display_name ?? '', email: user?.email ?? null,
        organisation: member?.name ?? null, member_code: memberCode, status: 'registered', nominated_by: null, decided_by: null, decided_at: null,
        registered_at: now, consent_listed: consent, checked_in_at: null, created_at: now, updated_at: now,
      };
      await repo.insertParticipant(trx, row);
      const status = await this.placeOrQueue(trx, event, row.id, 'registered', now);
      if (status !== 'registered') await repo.updateParticipant(trx, row.id, { status });
      await this.d.audit.record(trx, ctx, { action: 'event_participant.registered', entity: 'event_participant', entityId: row.id, after: { event_id: eventId, user_id: actor.id, status, consent_listed: consent } });
      if (status === 'registered') await confirmed();
    });
    return this.mine(ctx, eventId);
  }

  async unregister(ctx: RequestContext, ref: string): Promise<MyParticipation> {
    const actor = requireActor(ctx);
    const event = await this.event(actor, ref);
    const eventId = event.id;
    const p = await repo.participantOfUser(this.d.db, eventId, actor.id);
    if (!p || p.status === 'declined' || p.status === 'cancelled') throw errors.conflict('You have no participation to cancel for this event.');
    await this.run((trx, outbox) => this.cancelIn(trx, ctx, event, p, outbox));
    return this.mine(ctx, eventId);
  }

  // ---- lists and check-in ----

  async list(ctx: RequestContext, ref: string, q: ListQuery): Promise<ParticipantList> {
    const actor = requireActor(ctx);
    const event = await this.event(actor, ref);
    const eventId = event.id;
    let view: ParticipantView;
    if (policy.secretariat(actor)) view = 'secretariat';
    else if (actor.role === 'member_coordinator') view = 'coordinator';
    else {
      const mine = await repo.participantOfUser(this.d.db, eventId, actor.id);
      if (mine?.status !== 'registered') throw errors.forbidden('The participant list is for registered participants.');
      view = 'participant';
    }
    const filter = { status: q.status, memberCode: q.member, q: q.q };
    const rows = view === 'secretariat'
      ? await repo.participants(this.d.db, eventId, filter)
      : view === 'coordinator'
        ? await repo.participants(this.d.db, eventId, { ...filter, members: actor.memberScopes })
        : await repo.participants(this.d.db, eventId, { memberCode: q.member, q: q.q, status: 'registered', consentedOnly: true });
    const queue = await repo.waitlist(this.d.db, eventId);
    const position = new Map(queue.map((w, i) => [w.participant_id, i + 1]));
    const counts = view === 'participant' ? null : await repo.counts(this.d.db, eventId);
    return {
      view,
      items: rows.map((r) => presentParticipant(r, view, r.status === 'waitlisted' ? (position.get(r.id) ?? null) : null)),
      counts: counts ? presentCounts(event.capacity, counts.byStatus, counts.checkedIn) : null,
    };
  }

  async checkIn(ctx: RequestContext, ref: string, participantId: string, checkedIn: boolean): Promise<Participant> {
    const actor = requireActor(ctx);
    const { event, p } = await this.participantFor(actor, ref, participantId);
    const eventId = event.id;
    if (!policy.manage(actor)) throw errors.forbidden();
    if (p.status !== 'registered') throw errors.conflict('Only registered participants are checked in.');
    const at = checkedIn ? (p.checked_in_at ?? this.now()) : null;
    await this.run(async (trx) => {
      await repo.updateParticipant(trx, p.id, { checked_in_at: at, updated_at: this.now() });
      await this.d.audit.record(trx, ctx, { action: checkedIn ? 'event_participant.checked_in' : 'event_participant.check_in_undone', entity: 'event_participant', entityId: p.id, before: { checked_in_at: p.checked_in_at }, after: { checked_in_at: at } });
    });
    return this.one(eventId, p.id, 'secretariat');
  }
}

/**
 * Gives free places (events.capacity minus approved and registered) to the first in the waitlist, in order, and
 * tells them. Call it in the transaction that frees places or raises an event's capacity (the events module does,
 * after a capacity change), then `deps.mailer.dispatch(outbox)` once it commits. Returns how many were promoted.
 */
export async function fillFreedPlaces(
  d: Pick<PlatformDeps, 'audit' | 'notifier' | 'clock' | 'dialect'>,
  trx: Transaction<DB>,
  ctx: RequestContext | null,
  event: EventsTable,
  outbox: string[],
): Promise<number> {
  if (event.capacity === null) return 0;
  await serializeOn(trx, d.dialect, `event-places:${event.id}`);
  let free = event.capacity - (await repo.placesTaken(trx, event.id));
  let promoted = 0;
  for (const w of await repo.waitlist(trx, event.id)) {
    if (free <= 0) break;
    const p = await repo.participant(trx, event.id, w.participant_id);
    await repo.removeFromWaitlist(trx, w.participant_id);
    if (!p || p.status !== 'waitlisted') continue;
    const status = w.then_status === 'registered' ? 'registered' : 'approved';
    await repo.updateParticipant(trx, p.id, { status, updated_at: d.clock.now().toISOString() });
    await d.audit.record(trx, ctx, { action: 'event_participant.promoted', entity: 'event_participant', entityId: p.id, before: { status: 'waitlisted' }, after: { status } });
    const text = status === 'registered'
      ? `A place has freed up at "${event.title}": your registration is confirmed.`
      : `A place has freed up at "${event.title}": ${p.name} now has a place.${p.user_id ? ' Register on the event page.' : ''}`;
    const userIds = status === 'registered' ? (p.user_id ? [p.user_id] : []) : [...new Set([p.nominated_by, p.user_id].filter((x): x is string => !!x))];
    if (userIds.length > 0) {
      outbox.push(...(await d.notifier.notify(trx, status === 'registered'
        ? { kind: 'registration_confirmed', userIds, subject: `Registration confirmed: ${event.title}`, text, link: `/events/${event.id}` }
        : { kind: 'nomination_decision', userIds, subject: `A place for ${p.name}: ${event.title}`, text, link: `/events/${event.id}` })));
    }
    free--;
    promoted++;
  }
  return promoted;
}
