import type { z } from 'zod';
import type { Network, networkQuerySchema } from '@/contracts/directory';
import type { PlatformDeps } from '../../platform/deps';
import { referenceRepository } from '../reference/reference.repository';
import { agencyListRepository } from './agency-list.repository';
import { freshCutoff } from './freshness';
import { networkRepository } from './network.repository';

/** At most this many agencies are drawn at once; a drawing of thousands helps nobody. */
const MAX_AGENCIES = 400;

/**
 * The network view: agencies linked to their mandates and to the working groups their positions serve.
 * Node ids are prefixed by kind (`agency:…`, `wg:…`, `mandate:…`) so the drawing can open the right record.
 */
export class NetworkService {
  constructor(private readonly d: PlatformDeps) {}

  async graph(q: z.output<typeof networkQuerySchema>): Promise<Network> {
    const agencies = await agencyListRepository.list(this.d.db, { ...q, freshCutoff: freshCutoff(this.d.clock.now(), this.d.config.CONFIRMATION_INTERVAL_DAYS), limit: MAX_AGENCIES + 1 });
    const drawn = agencies.slice(0, MAX_AGENCIES);
    const ids = drawn.map((a) => a.id);
    const [mandateLinks, wgLinks, mandates, groups] = await Promise.all([
      networkRepository.mandateLinks(this.d.db, ids),
      networkRepository.workingGroupLinks(this.d.db, ids),
      referenceRepository.mandates(this.d.db),
      referenceRepository.workingGroups(this.d.db),
    ]);
    const usedMandates = new Set(mandateLinks.map((l) => l.mandate_code));
    const usedGroups = new Set(wgLinks.map((l) => l.working_group_code));
    return {
      nodes: [
        ...drawn.map((a) => ({ id: `agency:${a.id}`, kind: 'agency' as const, label: a.acronym ? `${a.acronym} (${a.member_code})` : `${a.name_en} (${a.member_code})`, memberCode: a.member_code })),
        ...mandates.filter((m) => usedMandates.has(m.code)).map((m) => ({ id: `mandate:${m.code}`, kind: 'mandate' as const, label: m.name, memberCode: null })),
        ...groups.filter((g) => usedGroups.has(g.code)).map((g) => ({ id: `wg:${g.code}`, kind: 'working_group' as const, label: g.name, memberCode: null })),
      ],
      edges: [
        ...mandateLinks.map((l) => ({ source: `agency:${l.agency_id}`, target: `mandate:${l.mandate_code}` })),
        ...wgLinks.map((l) => ({ source: `agency:${l.agency_id}`, target: `wg:${l.working_group_code}` })),
      ],
      truncated: agencies.length > MAX_AGENCIES,
    };
  }
}
