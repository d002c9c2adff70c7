import type { Agency, AgencySummary, Position } from '@/contracts/directory';
import type { z } from 'zod';
import type { agencyInputSchema, agencyListQuerySchema, agencyPatchSchema, positionInputSchema, positionPatchSchema } from '@/contracts/directory';
import type { AgenciesTable } from '../../db/schema';
import type { RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import type { PlatformDeps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { authorize, canEditDirectory } from '../../platform/permissions';
import { referenceRepository } from '../reference/reference.repository';
import { presentAgencySummary, presentPosition } from './directory.presenter';
import { directoryRepository } from './directory.repository';
import { agencyListRepository } from './agency-list.repository';
import { searchIndex } from './search-index';

type AgencyInput = z.output<typeof agencyInputSchema>;
type AgencyPatch = z.output<typeof agencyPatchSchema>;
type PositionInput = z.output<typeof positionInputSchema>;
type PositionPatch = z.output<typeof positionPatchSchema>;

/** Agencies of Members and Observers, and the positions in them. */
export class AgenciesService {
  constructor(private readonly d: PlatformDeps) {}

  private get interval(): number {
    return this.d.config.CONFIRMATION_INTERVAL_DAYS;
  }

  async list(ctx: RequestContext, q: z.output<typeof agencyListQuerySchema>): Promise<{ items: AgencySummary[]; nextCursor: string | null }> {
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const rows = await agencyListRepository.list(this.d.db, { ...q, after, limit: q.limit + 1, freshCutoff: new Date(this.d.clock.now().getTime() - this.interval * 86_400_000).toISOString() });
    const page = rows.slice(0, q.limit);
    const mandates = await directoryRepository.agencyMandates(this.d.db, page.map((r) => r.id));
    const last = page.at(-1);
    return { items: page.map((r) => presentAgencySummary(r, r.member_name, mandates.get(r.id) ?? [])), nextCursor: rows.length > q.limit && last ? encodeCursor(last.name_en, last.id) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<Agency> {
    const a = await directoryRepository.agency(this.d.db, id);
    if (!a) throw errors.notFound('The agency');
    const member = await referenceRepository.member(this.d.db, a.member_code);
    const [mandates, positions, parent, confirmer] = await Promise.all([
      directoryRepository.agencyMandates(this.d.db, [id]),
      directoryRepository.positions(this.d.db, { agencyIds: [id] }),
      a.parent_id ? directoryRepository.agency(this.d.db, a.parent_id) : Promise.resolve(undefined),
      directoryRepository.userName(this.d.db, a.last_confirmed_by),
    ]);
    const themes = await directoryRepository.positionThemes(this.d.db, positions.map((p) => p.id));
    const visibleHolders = ctx.actor ? null : await directoryRepository.hasPublicChannel(this.d.db, positions.flatMap((p) => (p.holder_id ? [p.holder_id] : [])));
    const now = this.d.clock.now();
    return {
      ...presentAgencySummary(a, member?.name ?? a.member_code, mandates.get(id) ?? []),
      parent: parent ? { id: parent.id, nameEn: parent.name_en } : null,
      website: a.website,
      address: a.address,
      positions: positions.map((p) => presentPosition(p, themes.get(p.id) ?? [], now, this.interval, !visibleHolders || (!!p.holder_id && visibleHolders.has(p.holder_id)))),
      canEdit: canEditDirectory(ctx.actor, a.member_code),
      lastConfirmedAt: a.last_confirmed_at,
      lastConfirmedBy: confirmer ? { id: confirmer.id, displayName: confirmer.display_name } : null,
    };
  }

  async create(ctx: RequestContext, input: AgencyInput): Promise<Agency> {
    authorize(ctx, 'directory.edit', { memberCode: input.memberCode });
    const member = await referenceRepository.member(this.d.db, input.memberCode);
    if (!member) throw errors.field('memberCode', `Unknown Member code: ${input.memberCode}.`);
    await this.validate(input.memberCode, input.mandates, input.parentId ?? null);
    const now = this.d.clock.now().toISOString();
    const row: AgenciesTable = {
      id: newId(), member_code: input.memberCode, name_en: input.nameEn, name_local: input.nameLocal || null, acronym: input.acronym || null, type: input.type,
      parent_id: input.parentId ?? null, website: input.website ?? null, address: input.address || null, last_confirmed_at: null, last_confirmed_by: null, created_at: now, updated_at: now,
    };
    await this.d.db.transaction().execute(async (trx) => {
      await directoryRepository.insertAgency(trx, row, input.mandates);
      await searchIndex.put(trx, 'agency', row.id, searchIndex.agencyTexts(row, member.name));
      await this.d.audit.record(trx, ctx, { action: 'agency.created', entity: 'agency', entityId: row.id, after: { ...auditedAgency(row), mandates: input.mandates } });
    });
    return this.get(ctx, row.id);
  }

  async update(ctx: RequestContext, id: string, patch: AgencyPatch): Promise<Agency> {
    const before = await directoryRepository.agency(this.d.db, id);
    if (!before) throw errors.notFound('The agency');
    authorize(ctx, 'directory.edit', { memberCode: before.member_code });
    if (patch.mandates || patch.parentId !== undefined) await this.validate(before.member_code, patch.mandates ?? [], patch.parentId ?? null, id);
    const next: AgenciesTable = {
      ...before,
      ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
      ...(patch.nameLocal !== undefined ? { name_local: patch.nameLocal || null } : {}),
      ...(patch.acronym !== undefined ? { acronym: patch.acronym || null } : {}),
      ...(patch.type !== undefined ? { type: patch.type } : {}),
      ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
      ...(patch.website !== undefined ? { website: patch.website } : {}),
      ...(patch.address !== undefined ? { address: patch.address || null } : {}),
      updated_at: this.d.clock.now().toISOString(),
    };
    const beforeMandates = (await directoryRepository.agencyMandates(this.d.db, [id])).get(id) ?? [];
    const member = await referenceRepository.member(this.d.db, before.member_code);
    await this.d.db.transaction().execute(async (trx) => {
      await directoryRepository.updateAgency(trx, id, next);
      if (patch.mandates) await directoryRepository.setMandates(trx, id, patch.mandates);
      await searchIndex.put(trx, 'agency', id, searchIndex.agencyTexts(next, member?.name ?? ''));
      if (patch.nameEn !== undefined || patch.acronym !== undefined) {
        for (const p of await directoryRepository.positions(trx, { agencyIds: [id] })) await searchIndex.put(trx, 'position', p.id, searchIndex.positionTexts(p, next));
      }
      await this.d.audit.record(trx, ctx, { action: 'agency.updated', entity: 'agency', entityId: id, before: { ...auditedAgency(before), mandates: beforeMandates }, after: { ...auditedAgency(next), mandates: patch.mandates ?? beforeMandates } });
    });
    return this.get(ctx, id);
  }

  /** The agency's own details (names, type, mandates, website, address) are still right: records who said so, and when. */
  async confirm(ctx: RequestContext, id: string): Promise<Agency> {
    const before = await directoryRepository.agency(this.d.db, id);
    if (!before) throw errors.notFound('The agency');
    const actor = authorize(ctx, 'directory.edit', { memberCode: before.member_code });
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      await directoryRepository.updateAgency(trx, id, { last_confirmed_at: now, last_confirmed_by: actor.id, updated_at: now });
      await this.d.audit.record(trx, ctx, { action: 'agency.confirmed', entity: 'agency', entityId: id, before: { last_confirmed_at: before.last_confirmed_at }, after: { last_confirmed_at: now } });
    });
    return this.get(ctx, id);
  }

  async createPosition(ctx: RequestContext, agencyId: string, input: PositionInput): Promise<Position> {
    const agency = await directoryRepository.agency(this.d.db, agencyId);
    if (!agency) throw errors.notFound('The agency');
    authorize(ctx, 'directory.edit', { memberCode: agency.member_code });
    await this.validatePosition(input.workingGroupCode ?? null, input.themes);
    const now = this.d.clock.now().toISOString();
    const row = { id: newId(), agency_id: agencyId, title: input.title, working_group_code: input.workingGroupCode ?? null, last_confirmed_at: null, last_confirmed_by: null, created_at: now, updated_at: now };
    await this.d.db.transaction().execute(async (trx) => {
      await directoryRepository.insertPosition(trx, row, input.themes);
      await searchIndex.put(trx, 'position', row.id, searchIndex.positionTexts(row, agency));
      await this.d.audit.record(trx, ctx, { action: 'position.created', entity: 'position', entityId: row.id, after: { agency_id: agencyId, title: row.title, working_group_code: row.working_group_code, themes: input.themes } });
    });
    return this.position(ctx, row.id);
  }

  async updatePosition(ctx: RequestContext, id: string, patch: PositionPatch): Promise<Position> {
    const [before] = await directoryRepository.positions(this.d.db, { positionIds: [id] });
    if (!before) throw errors.notFound('The position');
    authorize(ctx, 'directory.edit', { memberCode: before.member_code });
    await this.validatePosition(patch.workingGroupCode ?? null, patch.themes ?? []);
    const beforeThemes = (await directoryRepository.positionThemes(this.d.db, [id])).get(id) ?? [];
    const next = { title: patch.title ?? before.title, working_group_code: patch.workingGroupCode !== undefined ? patch.workingGroupCode : before.working_group_code, updated_at: this.d.clock.now().toISOString() };
    const agency = await directoryRepository.agency(this.d.db, before.agency_id);
    await this.d.db.transaction().execute(async (trx) => {
      await directoryRepository.updatePosition(trx, id, next);
      if (patch.themes) await directoryRepository.setThemes(trx, id, patch.themes);
      if (agency) await searchIndex.put(trx, 'position', id, searchIndex.positionTexts({ title: next.title }, agency));
      await this.d.audit.record(trx, ctx, { action: 'position.updated', entity: 'position', entityId: id, before: { title: before.title, working_group_code: before.working_group_code, themes: beforeThemes }, after: { title: next.title, working_group_code: next.working_group_code, themes: patch.themes ?? beforeThemes } });
    });
    return this.position(ctx, id);
  }

  async position(ctx: RequestContext, id: string): Promise<Position> {
    const [p] = await directoryRepository.positions(this.d.db, { positionIds: [id] });
    if (!p) throw errors.notFound('The position');
    const themes = await directoryRepository.positionThemes(this.d.db, [id]);
    const showHolder = !!ctx.actor || (!!p.holder_id && (await directoryRepository.hasPublicChannel(this.d.db, [p.holder_id])).has(p.holder_id));
    return presentPosition(p, themes.get(id) ?? [], this.d.clock.now(), this.interval, showHolder);
  }

  private async validate(memberCode: string, mandates: readonly string[], parentId: string | null, selfId?: string): Promise<void> {
    const known = new Set((await referenceRepository.mandates(this.d.db)).map((m) => m.code));
    const unknown = mandates.filter((m) => !known.has(m));
    if (unknown.length) throw errors.field('mandates', `Unknown mandate: ${unknown.join(', ')}.`);
    if (parentId) {
      const parent = await directoryRepository.agency(this.d.db, parentId);
      if (!parent || parent.member_code !== memberCode) throw errors.field('parentId', 'The parent agency must belong to the same Member.');
      if (parentId === selfId) throw errors.field('parentId', 'An agency cannot be its own parent.');
    }
  }

  private async validatePosition(workingGroup: string | null, themes: readonly string[]): Promise<void> {
    if (workingGroup && !(await referenceRepository.workingGroups(this.d.db)).some((w) => w.code === workingGroup)) {
      throw errors.field('workingGroupCode', `Unknown working group: ${workingGroup}.`);
    }
    const known = new Set((await referenceRepository.themes(this.d.db)).map((t) => t.code));
    const unknown = themes.filter((t) => !known.has(t));
    if (unknown.length) throw errors.field('themes', `Unknown theme: ${unknown.join(', ')}.`);
  }
}

function auditedAgency(a: AgenciesTable): Record<string, unknown> {
  return { member_code: a.member_code, name_en: a.name_en, name_local: a.name_local, acronym: a.acronym, type: a.type, parent_id: a.parent_id, website: a.website, address: a.address };
}
