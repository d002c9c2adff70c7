import type { RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { requireActor } from '../../platform/permissions';
import { auditRepository } from '../audit/audit.repository';

/**
 * A record's history for anyone signed in: who changed it, when, and which fields. Values are left out, since
 * the trail holds contact details of every tier; administrators read them in the audit trail.
 */
export class HistoryService {
  constructor(private readonly d: PlatformDeps) {}

  async of(ctx: RequestContext, entity: 'agency' | 'position' | 'person', id: string) {
    requireActor(ctx);
    const rows = await auditRepository.list(this.d.db, { entity, entityId: id, limit: 200 });
    return {
      items: rows
        .filter((r) => r.action !== 'contact.read')
        .map((r) => ({ at: r.at, actorName: r.actor_name, action: r.action, changedFields: changedFields(r.before_json, r.after_json) })),
    };
  }
}

function changedFields(before: string | null, after: string | null): string[] {
  const b = before ? (JSON.parse(before) as Record<string, unknown>) : {};
  const a = after ? (JSON.parse(after) as Record<string, unknown>) : {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}
