import { coverageSchema, type Coverage } from '@/contracts/directory';
import type { RequestContext } from '../../platform/context';
import { DAY } from '../../platform/clock';
import type { PlatformDeps } from '../../platform/deps';
import { PreparedJson } from '../../platform/http/compression';
import { authorize, isSecretariat } from '../../platform/permissions';
import { referenceRepository } from '../reference/reference.repository';
import { coverageRepository } from './coverage.repository';
import { directoryCache, type DirectoryCache } from './directory-cache';
import { freshCutoff } from './freshness';

type CoverageFilter = { subregion?: string; workingGroup?: string };

/**
 * The coverage map: for every Member and mandate, how many focal-point positions are confirmed, stale or missing.
 * A Member with no position at all under a mandate shows one `missing` there: that gap is what the map is for.
 */
export class CoverageService {
  constructor(
    private readonly d: PlatformDeps,
    private readonly cache: DirectoryCache | null = directoryCache(d),
  ) {}

  async map(ctx: RequestContext, f: CoverageFilter): Promise<Coverage> {
    const actor = authorize(ctx, 'directory.coverage');
    return (await this.compute(isSecretariat(actor) ? null : actor.memberScopes, f)).map;
  }

  /**
   * The map as JSON text, cached under the directory data version per set of Members the viewer may see and
   * filter; the permission check runs on every request. A cached map stays right until the first confirmation
   * it counts falls due (a confirmed position turns stale then) or a write changes the version.
   */
  async mapJson(ctx: RequestContext, f: CoverageFilter): Promise<PreparedJson> {
    const actor = authorize(ctx, 'directory.coverage');
    const scopes = isSecretariat(actor) ? null : actor.memberScopes;
    const compute = async () => {
      const { map, until } = await this.compute(scopes, f);
      return { json: JSON.stringify(coverageSchema.parse(map)), until };
    };
    if (!this.cache) return new PreparedJson((await compute()).json);
    const key = ['coverage', scopes ? [...scopes].sort().join(',') : '*', f.subregion ?? '', f.workingGroup ?? ''].join('\u0001');
    return this.cache.get(key, compute);
  }

  private async compute(scopes: readonly string[] | null, f: CoverageFilter): Promise<{ map: Coverage; until: number }> {
    const interval = this.d.config.CONFIRMATION_INTERVAL_DAYS;
    const cutoff = freshCutoff(this.d.clock.now(), interval);
    // One after the other: the three small reads take a few milliseconds, and in parallel they asked PostgreSQL's
    // pool for connections it did not have open (a new server process and its catalog caches each: the map's first
    // computation at full scale took 260-290 ms in parallel, 90 ms once the connections were warm).
    const counts = await coverageRepository.counts(this.d.db, { freshCutoff: cutoff, workingGroup: f.workingGroup });
    const oldestFresh = await coverageRepository.oldestFreshConfirmation(this.d.db, cutoff);
    const members = await referenceRepository.members(this.d.db);
    const mandates = await referenceRepository.mandates(this.d.db);
    const byKey = new Map(counts.map((c) => [`${c.member_code}|${c.mandate_code}`, c]));
    const visibleMembers = members.filter((m) => (!f.subregion || m.subregion_code === f.subregion) && (!scopes || scopes.includes(m.code)));
    const map: Coverage = {
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
    return { map, until: oldestFresh ? Date.parse(oldestFresh) + interval * DAY : Infinity };
  }
}
