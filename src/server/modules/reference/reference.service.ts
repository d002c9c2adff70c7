import type { Member, ReferenceData } from '@/contracts/reference';
import type { RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { authorize } from '../../platform/permissions';
import { searchIndex } from '../directory/search-index';
import { referenceRepository } from './reference.repository';

/** Members, Observers, sub-regions, working groups, themes and mandates: editable reference data. */
export class ReferenceService {
  constructor(private readonly d: PlatformDeps) {}

  async all(): Promise<ReferenceData> {
    const [members, subregions, workingGroups, themes, mandates] = await Promise.all([
      referenceRepository.members(this.d.db),
      referenceRepository.subregions(this.d.db),
      referenceRepository.workingGroups(this.d.db),
      referenceRepository.themes(this.d.db),
      referenceRepository.mandates(this.d.db),
    ]);
    return {
      members: members.map((m) => presentMember(m)),
      subregions: subregions.map(({ code, name }) => ({ code, name })),
      workingGroups: workingGroups.map((w) => ({ code: w.code, name: w.name, kind: w.kind, coChairs: JSON.parse(w.co_chairs) as string[] })),
      themes: themes.map(({ code, name }) => ({ code, name })),
      mandates: mandates.map(({ code, name }) => ({ code, name })),
    };
  }

  async updateMember(ctx: RequestContext, code: string, patch: { name?: string; participation?: 'member' | 'observer'; joinedYear?: number | null }): Promise<Member> {
    authorize(ctx, 'reference.update');
    const before = await referenceRepository.member(this.d.db, code);
    if (!before) throw errors.notFound('The Member');
    const next = {
      name: patch.name ?? before.name,
      sort_name: (patch.name ?? before.name).toLowerCase(),
      participation: patch.participation ?? before.participation,
      joined_year: patch.joinedYear !== undefined ? patch.joinedYear : before.joined_year,
    };
    await this.d.db.transaction().execute(async (trx) => {
      await referenceRepository.updateMember(trx, code, next);
      await searchIndex.put(trx, 'member', code, searchIndex.memberTexts({ code, name: next.name, iso3: before.iso3 }));
      await this.d.audit.record(trx, ctx, { action: 'member.updated', entity: 'member', entityId: code, before: { name: before.name, participation: before.participation, joined_year: before.joined_year }, after: { name: next.name, participation: next.participation, joined_year: next.joined_year } });
    });
    const all = await referenceRepository.members(this.d.db);
    const row = all.find((m) => m.code === code);
    if (!row) throw errors.notFound('The Member');
    return presentMember(row);
  }
}

function presentMember(m: Awaited<ReturnType<typeof referenceRepository.members>>[number]): Member {
  return {
    code: m.code,
    name: m.name,
    kind: m.kind as Member['kind'],
    participation: m.participation as Member['participation'],
    iso3: m.iso3,
    subregionCode: m.subregion_code,
    subregionName: m.subregion_name,
    joinedYear: m.joined_year,
  };
}
