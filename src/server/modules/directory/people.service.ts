import type { z } from 'zod';
import type { DueItem, Person, personInputSchema, personPatchSchema } from '@/contracts/directory';
import type { ContactChannelsTable, PeopleTable } from '../../db/schema';
import type { RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { authorize, canEditDirectory, canSeeChannel, isSecretariat, requireActor } from '../../platform/permissions';
import { presentChannel } from './directory.presenter';
import { directoryRepository } from './directory.repository';
import { dueRepository } from './due.repository';
import { freshCutoff, freshnessOf } from './freshness';
import { searchIndex } from './search-index';

type PersonInput = z.output<typeof personInputSchema>;
type PersonPatch = z.output<typeof personPatchSchema>;

/** People in the directory, with contact channels shown by visibility tier. */
export class PeopleService {
  constructor(private readonly d: PlatformDeps) {}

  /**
   * A person as the viewer may see them. Reading any channel above the public tier is recorded in the audit
   * trail, because these are law-enforcement officials' personal details.
   */
  async get(ctx: RequestContext, id: string): Promise<Person> {
    const p = await directoryRepository.person(this.d.db, id);
    if (!p) throw errors.notFound('The person');
    const channels = await directoryRepository.channels(this.d.db, id);
    const visible = channels.filter((c) => canSeeChannel(ctx.actor, c.visibility, p.user_id));
    if (!ctx.actor && !visible.some((c) => c.visibility === 'public')) throw errors.notFound('The person');
    const restricted = visible.filter((c) => c.visibility !== 'public');
    if (restricted.length) {
      await this.d.audit.record(this.d.db, ctx, { action: 'contact.read', entity: 'person', entityId: id, after: { channels: restricted.map((c) => ({ id: c.id, kind: c.kind, visibility: c.visibility })) } });
    }
    const holdings = await directoryRepository.personHoldings(this.d.db, id);
    const confirmer = await directoryRepository.userName(this.d.db, p.last_confirmed_by);
    const members = await directoryRepository.personMembers(this.d.db, id);
    return {
      id: p.id,
      nameLatin: p.name_latin,
      nameLocal: p.name_local,
      title: p.title,
      languages: JSON.parse(p.languages) as string[],
      channels: visible.map(presentChannel),
      positions: holdings.map((h) => ({ positionId: h.position_id, title: h.title, agencyId: h.agency_id, agencyName: h.agency_name, memberCode: h.member_code, from: h.start_date, to: h.end_date })),
      canEdit: this.canEdit(ctx, members),
      lastConfirmedAt: p.last_confirmed_at,
      lastConfirmedBy: confirmer ? { id: confirmer.id, displayName: confirmer.display_name } : null,
    };
  }

  /** A person without a position yet: the secretariat's to create (coordinators add people by handover). */
  async create(ctx: RequestContext, input: PersonInput): Promise<Person> {
    const actor = requireActor(ctx);
    if (!isSecretariat(actor)) throw errors.forbidden('Add a person by handing a position over to them.');
    const id = await this.d.db.transaction().execute((trx) => this.insert(trx, ctx, input));
    return this.get(ctx, id);
  }

  /** Inserts a person (inside the caller's transaction) and returns the id. */
  async insert(trx: Parameters<typeof directoryRepository.insertPerson>[0], ctx: RequestContext, input: PersonInput): Promise<string> {
    const now = this.d.clock.now().toISOString();
    const row: PeopleTable = {
      id: newId(), name_latin: input.nameLatin, name_local: input.nameLocal || null, title: input.title || null, languages: JSON.stringify(input.languages),
      user_id: null, last_confirmed_at: null, last_confirmed_by: null, created_at: now, updated_at: now,
    };
    await directoryRepository.insertPerson(trx, row);
    await directoryRepository.replaceChannels(trx, row.id, channelRows(row.id, input.channels));
    await searchIndex.put(trx, 'person', row.id, searchIndex.personTexts(row));
    await this.d.audit.record(trx, ctx, { action: 'person.created', entity: 'person', entityId: row.id, after: { ...auditedPerson(row), channels: input.channels } });
    return row.id;
  }

  async update(ctx: RequestContext, id: string, patch: PersonPatch): Promise<Person> {
    const before = await directoryRepository.person(this.d.db, id);
    if (!before) throw errors.notFound('The person');
    if (!this.canEdit(ctx, await directoryRepository.personMembers(this.d.db, id))) {
      requireActor(ctx);
      throw errors.forbidden('You can edit people of your own Members only.');
    }
    await this.d.db.transaction().execute((trx) => this.applyPatch(trx, ctx, before, patch));
    return this.get(ctx, id);
  }

  /** Applies corrections to a person inside the caller's transaction (also used when confirming). */
  async applyPatch(trx: Parameters<typeof directoryRepository.updatePerson>[0], ctx: RequestContext, before: PeopleTable, patch: PersonPatch): Promise<void> {
    const next: PeopleTable = {
      ...before,
      ...(patch.nameLatin !== undefined ? { name_latin: patch.nameLatin } : {}),
      ...(patch.nameLocal !== undefined ? { name_local: patch.nameLocal || null } : {}),
      ...(patch.title !== undefined ? { title: patch.title || null } : {}),
      ...(patch.languages !== undefined ? { languages: JSON.stringify(patch.languages) } : {}),
      updated_at: this.d.clock.now().toISOString(),
    };
    const beforeChannels = await directoryRepository.channels(trx, before.id);
    await directoryRepository.updatePerson(trx, before.id, next);
    if (patch.channels) await directoryRepository.replaceChannels(trx, before.id, channelRows(before.id, patch.channels));
    await searchIndex.put(trx, 'person', before.id, searchIndex.personTexts(next));
    await this.d.audit.record(trx, ctx, {
      action: 'person.updated', entity: 'person', entityId: before.id,
      before: { ...auditedPerson(before), channels: beforeChannels.map(presentChannel) },
      after: { ...auditedPerson(next), channels: patch.channels ?? beforeChannels.map(presentChannel) },
    });
  }

  /** Positions due for confirmation (stale, missing, or due within 30 days) in the actor's Members. */
  async due(ctx: RequestContext): Promise<DueItem[]> {
    const actor = authorize(ctx, 'directory.due');
    const now = this.d.clock.now();
    const interval = this.d.config.CONFIRMATION_INTERVAL_DAYS;
    const rows = await dueRepository.due(this.d.db, {
      members: isSecretariat(actor) ? null : [...actor.memberScopes],
      dueBefore: freshCutoff(new Date(now.getTime() + 30 * 86_400_000), interval),
    });
    return rows.map((r) => {
      const { freshness, dueAt } = freshnessOf(r, now, interval);
      return {
        positionId: r.id, title: r.title, agencyId: r.agency_id, agencyName: r.agency_name, memberCode: r.member_code, freshness, dueAt,
        holder: r.holder_id ? { id: r.holder_id, nameLatin: r.holder_name_latin ?? '', nameLocal: r.holder_name_local, title: r.holder_title } : null,
      };
    });
  }

  private canEdit(ctx: RequestContext, members: readonly string[]): boolean {
    if (!ctx.actor) return false;
    if (isSecretariat(ctx.actor) && !ctx.actor.mustEnrollTotp) return true;
    return members.some((m) => canEditDirectory(ctx.actor, m));
  }
}

export function channelRows(personId: string, channels: PersonInput['channels']): ContactChannelsTable[] {
  return channels.map((c, i) => ({ id: newId(), person_id: personId, kind: c.kind, value: c.value, label: c.label || null, visibility: c.visibility, sort_order: i }));
}

export function auditedPerson(p: PeopleTable): Record<string, unknown> {
  return { name_latin: p.name_latin, name_local: p.name_local, title: p.title, languages: JSON.parse(p.languages) as unknown };
}
