import type { Coverage } from '@/contracts/directory';
import type { RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { authorize, isSecretariat } from '../../platform/permissions';
import { referenceRepository } from '../reference/reference.repository';
import { coverageRepository } from './coverage.repository';
import { freshCutoff } from './freshness';

/**
 * The coverage map: for every Member and mandate, how many focal-point positions are confirmed, stale or missing.
 * A Member with no position at all under a mandate shows one `missing` there: that gap is what the map is for.
 */
export class CoverageService {
  constructor(private readonly d: PlatformDeps) {}

  async map(ctx: RequestContext, f: { subregion?: string; workingGroup?: string }): Promise<Coverage> {
    const actor = authorize(ctx, 'directory.coverage');
    const [members, mandates] = await Promise.all([referenceRepository.members(this.d.db), referenceRepository.mandates(this.d.db)]);
    const counts = await coverageRepository.counts(this.d.db, {
      freshCutoff: freshCutoff(this.d.clock.now(), this.d.config.CONFIRMATION_INTERVAL_DAYS),
      workingGroup: f.workingGroup,
    });
    const byKey = new Map(counts.map((c) => [`${c.member_code}|${c.mandate_code}`, c]));
    const visibleMembers = members.filter(
      (m) => (!f.subregion || m.subregion_code === f.subregion) && (isSecretariat(actor) || actor.memberScopes.includes(m.code)),
    );
    return {
      mandates: mandates.map(({ code, name }) => ({ code, name })),
      rows: visibleMembers.map((m) => ({
        memberCode: m.code,
        memberName: m.name,
        subregion: m.subregion_name,
        cells: Object.fromEntries(
          mandates.map((md) => {
            const c = byKey.get(`${m.code}|${md.code}`);
            const cell = c ? { confirmed: Number(c.confirmed), stale: Number(c.stale), missing: Number(c.missing) } : { confirmed: 0, stale: 0, missing: 1 };
            return [md.code, cell];
          }),
        ),
      })),
    };
  }
}
