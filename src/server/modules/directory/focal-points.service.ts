import type { z } from 'zod';
import type { confirmationLinkPreviewSchema, confirmBodySchema, handoverBodySchema, Position } from '@/contracts/directory';
import { DAY } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { newId, randomToken, sha256 } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { AppError, errors } from '../../platform/errors';
import { authorize } from '../../platform/permissions';
import { referenceRepository } from '../reference/reference.repository';
import type { AgenciesService } from './agencies.service';
import { presentChannel } from './directory.presenter';
import { directoryRepository } from './directory.repository';
import type { PeopleService } from './people.service';
import type { PositionRow } from './directory.repository';
import { dueRemindersRepository } from './due.repository';

type HandoverBody = z.output<typeof handoverBodySchema>;
type ConfirmBody = z.output<typeof confirmBodySchema>;
type LinkPreview = z.infer<typeof confirmationLinkPreviewSchema>;

/**
 * Keeping focal points accurate: confirming a position's holder (by a coordinator, or by the focal point through
 * an emailed single-use link), and handing a position over when an official rotates out.
 */
export class FocalPointsService {
  constructor(
    private readonly d: PlatformDeps,
    private readonly agencies: AgenciesService,
    private readonly people: PeopleService,
  ) {}

  /** Confirms (and optionally corrects) the holder of a position in one step. */
  async confirm(ctx: RequestContext, positionId: string, body: ConfirmBody): Promise<Position> {
    const { position } = await this.editable(ctx, positionId);
    if (!position.holder_id) throw errors.conflict('Nobody holds this position: hand it over to someone first.');
    const holder = await directoryRepository.person(this.d.db, position.holder_id);
    const now = this.d.clock.now().toISOString();
    const actorId = ctx.actor?.id ?? null;
    await this.d.db.transaction().execute(async (trx) => {
      if (body.person && holder) await this.people.applyPatch(trx, ctx, holder, body.person);
      if (body.position?.title) await directoryRepository.updatePosition(trx, positionId, { title: body.position.title, updated_at: now });
      await directoryRepository.updatePosition(trx, positionId, { last_confirmed_at: now, last_confirmed_by: actorId });
      await directoryRepository.updatePerson(trx, position.holder_id ?? '', { last_confirmed_at: now, last_confirmed_by: actorId });
      await this.d.audit.record(trx, ctx, { action: 'position.confirmed', entity: 'position', entityId: positionId, before: { last_confirmed_at: position.last_confirmed_at }, after: { last_confirmed_at: now, holder_id: position.holder_id, corrected: !!body.person || !!body.position } });
    });
    return this.agencies.position(ctx, positionId);
  }

  /**
   * Hands a position over: the current holding ends the day the new one starts, the position keeps its history
   * and the outgoing person's record stays. The new holder counts as confirmed by whoever made the handover.
   */
  async handover(ctx: RequestContext, positionId: string, body: HandoverBody): Promise<Position> {
    await this.editable(ctx, positionId);
    const current = await directoryRepository.currentHolder(this.d.db, positionId);
    if (current && body.startDate < current.start_date) throw errors.field('startDate', `The new holder cannot start before the current one did (${current.start_date}).`);
    if (body.personId) {
      if (!(await directoryRepository.person(this.d.db, body.personId))) throw errors.field('personId', 'That person is not in the directory.');
      if (current?.person_id === body.personId) throw errors.field('personId', 'This person holds the position already.');
    }
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      const personId = body.personId ?? (await this.people.insert(trx, ctx, body.person ?? { nameLatin: '', languages: [], channels: [] }));
      if (current) await directoryRepository.endHolding(trx, current.id, body.startDate, body.note ?? null);
      await directoryRepository.startHolding(trx, { id: newId(), position_id: positionId, person_id: personId, start_date: body.startDate, end_date: null, note: body.note ?? null, created_at: now });
      await directoryRepository.updatePosition(trx, positionId, { last_confirmed_at: now, last_confirmed_by: ctx.actor?.id ?? null, updated_at: now });
      await directoryRepository.updatePerson(trx, personId, { last_confirmed_at: now, last_confirmed_by: ctx.actor?.id ?? null });
      await this.d.audit.record(trx, ctx, { action: 'position.handed_over', entity: 'position', entityId: positionId, before: { holder_id: current?.person_id ?? null }, after: { holder_id: personId, start_date: body.startDate, note: body.note ?? null } });
    });
    return this.agencies.position(ctx, positionId);
  }

  /** Ends the current holding without a successor: the position shows as missing until it is handed over. */
  async vacate(ctx: RequestContext, positionId: string, endDate: string, note?: string): Promise<Position> {
    await this.editable(ctx, positionId);
    const current = await directoryRepository.currentHolder(this.d.db, positionId);
    if (!current) throw errors.conflict('Nobody holds this position.');
    if (endDate < current.start_date) throw errors.field('endDate', `The end cannot be before the start (${current.start_date}).`);
    await this.d.db.transaction().execute(async (trx) => {
      await directoryRepository.endHolding(trx, current.id, endDate, note ?? null);
      await this.d.audit.record(trx, ctx, { action: 'position.vacated', entity: 'position', entityId: positionId, before: { holder_id: current.person_id }, after: { holder_id: null, end_date: endDate } });
    });
    return this.agencies.position(ctx, positionId);
  }

  /** Emails the holder a single-use link to confirm their own record without signing in. */
  async sendConfirmationLink(ctx: RequestContext, positionId: string): Promise<{ sentTo: string; expiresAt: string }> {
    const { position } = await this.editable(ctx, positionId);
    return this.mailLink(ctx, position);
  }

  /**
   * The daily reminder job: every focal point whose confirmation has fallen due, and who has not had a link
   * since it fell due, gets one. Returns how many were sent.
   */
  async sendDueReminders(): Promise<number> {
    const ctx: RequestContext = { actor: null, requestId: 'job:directory.reminders', ip: '', userAgent: '' };
    const now = this.d.clock.now();
    const cutoff = new Date(now.getTime() - this.d.config.CONFIRMATION_INTERVAL_DAYS * DAY).toISOString();
    const due = await dueRemindersRepository.needingReminder(this.d.db, cutoff);
    let sent = 0;
    for (const positionId of due) {
      const [position] = await directoryRepository.positions(this.d.db, { positionIds: [positionId] });
      if (!position?.holder_id) continue;
      try {
        await this.mailLink(ctx, position);
        sent++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err; // no email address: nothing to send, the due list shows it
      }
    }
    return sent;
  }

  private async mailLink(ctx: RequestContext, position: PositionRow): Promise<{ sentTo: string; expiresAt: string }> {
    if (!position.holder_id) throw errors.conflict('Nobody holds this position.');
    const email = (await directoryRepository.channels(this.d.db, position.holder_id)).find((c) => c.kind === 'email');
    if (!email) throw errors.conflict('The holder has no email address in the directory.');
    const holder = await directoryRepository.person(this.d.db, position.holder_id);
    const token = randomToken(32);
    const now = this.d.clock.now();
    const expiresAt = new Date(now.getTime() + this.d.config.CONFIRMATION_LINK_DAYS * DAY).toISOString();
    const mailIds = await this.d.db.transaction().execute(async (trx) => {
      await trx.insertInto('confirmation_requests').values({ id: newId(), position_id: position.id, person_id: position.holder_id ?? '', token_hash: sha256(token), sent_to: email.value, expires_at: expiresAt, used_at: null, created_at: now.toISOString() }).execute();
      await this.d.audit.record(trx, ctx, { action: 'position.confirmation_requested', entity: 'position', entityId: position.id, after: { person_id: position.holder_id, expires_at: expiresAt } });
      return [
        await this.d.mailer.enqueue(trx, {
          to: email.value,
          kind: 'directory_confirmation',
          subject: 'Please confirm your Bali Process focal point details',
          text: `Dear ${holder?.name_latin ?? 'colleague'},\n\nThe Bali Process Hub lists you as ${position.title} (${position.agency_name}). Please check that your details are still right, and confirm or correct them here within ${this.d.config.CONFIRMATION_LINK_DAYS} days:\n\n${this.d.config.PUBLIC_URL}/directory/confirm/${token}\n\nThe link works once. If you no longer hold this position, say so on the same page.\n`,
        }),
      ];
    });
    await this.d.mailer.dispatch(mailIds);
    return { sentTo: email.value, expiresAt };
  }

  async previewLink(token: string): Promise<LinkPreview> {
    const { request, position } = await this.usableLink(token);
    const person = await directoryRepository.person(this.d.db, request.person_id);
    const member = await referenceRepository.member(this.d.db, position.member_code);
    return {
      person: { nameLatin: person?.name_latin ?? '', nameLocal: person?.name_local ?? null, title: person?.title ?? null },
      position: { title: position.title, agencyName: position.agency_name, memberName: member?.name ?? position.member_code },
      // The link was sent to the person themselves: they see all their own channels.
      channels: (await directoryRepository.channels(this.d.db, request.person_id)).map(presentChannel),
      expiresAt: request.expires_at,
    };
  }

  /** The focal point confirms (with corrections) or says they no longer hold the position. Single use. */
  async confirmByLink(ctx: RequestContext, token: string, body: ConfirmBody & { stillHolds: boolean }): Promise<void> {
    const { request, position } = await this.usableLink(token);
    const now = this.d.clock.now().toISOString();
    const person = await directoryRepository.person(this.d.db, request.person_id);
    if (!person) throw errors.notFound('The person');
    await this.d.db.transaction().execute(async (trx) => {
      const used = await trx.updateTable('confirmation_requests').set({ used_at: now }).where('id', '=', request.id).where('used_at', 'is', null).executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw new AppError(400, 'token_invalid', 'This confirmation link has been used already.');
      if (body.person) await this.people.applyPatch(trx, ctx, person, body.person);
      if (body.stillHolds) {
        await directoryRepository.updatePosition(trx, position.id, { last_confirmed_at: now, last_confirmed_by: null });
        await directoryRepository.updatePerson(trx, person.id, { last_confirmed_at: now, last_confirmed_by: null });
      } else {
        // They have moved on: the position shows as missing, so it appears in the coordinator's due list.
        const holding = await directoryRepository.currentHolder(trx, position.id);
        if (holding) await directoryRepository.endHolding(trx, holding.id, now.slice(0, 10) < holding.start_date ? holding.start_date : now.slice(0, 10), 'Left the position (said so through the confirmation link)');
      }
      await this.d.audit.record(trx, ctx, { action: body.stillHolds ? 'position.confirmed_by_holder' : 'position.holder_left', entity: 'position', entityId: position.id, actorId: null, after: { person_id: person.id, via: 'emailed link', corrected: !!body.person } });
    });
  }

  private async usableLink(token: string) {
    const request = await this.d.db.selectFrom('confirmation_requests').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
    const now = this.d.clock.now().toISOString();
    if (!request || request.used_at || request.expires_at <= now) {
      throw new AppError(400, 'token_invalid', 'This confirmation link is not valid: it has expired or been used. Ask your coordinator for a new one.');
    }
    const [position] = await directoryRepository.positions(this.d.db, { positionIds: [request.position_id] });
    // A link sent to someone who has since handed the position over no longer speaks for it.
    if (!position || position.holder_id !== request.person_id) {
      throw new AppError(400, 'token_invalid', 'This confirmation link is for a position you no longer hold.');
    }
    return { request, position };
  }

  private async editable(ctx: RequestContext, positionId: string) {
    const [position] = await directoryRepository.positions(this.d.db, { positionIds: [positionId] });
    if (!position) throw errors.notFound('The position');
    authorize(ctx, 'directory.edit', { memberCode: position.member_code });
    return { position };
  }
}
