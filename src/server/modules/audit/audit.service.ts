import type { AuditEntry } from '@/contracts/audit';
import type { RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { authorize } from '../../platform/permissions';
import { auditRepository, type AuditFilter } from './audit.repository';

/** Reading the audit trail. Writing is AuditTrail's job (platform/audit); nothing here changes or deletes entries. */
export class AuditService {
  constructor(private readonly d: PlatformDeps) {}

  async list(ctx: RequestContext, q: { actorId?: string; entity?: string; action?: string; from?: string; to?: string; limit: number; cursor?: string }): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    authorize(ctx, 'audit.read');
    let beforeSeq: number | undefined;
    if (q.cursor !== undefined) {
      beforeSeq = Number(q.cursor);
      if (!Number.isInteger(beforeSeq) || beforeSeq < 1) throw errors.field('cursor', 'The cursor is not valid.');
    }
    const filter: AuditFilter = {
      actorId: q.actorId,
      entity: q.entity,
      action: q.action,
      from: q.from ? new Date(q.from).toISOString() : undefined,
      // A bare date as the end means the whole of that day.
      to: q.to ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(q.to) ? Date.parse(q.to) + 86_400_000 : Date.parse(q.to)).toISOString() : undefined,
      beforeSeq,
      limit: q.limit + 1,
    };
    if (filter.from && filter.to && filter.from >= filter.to) throw errors.field('to', 'The end must be after the start.');
    const rows = await auditRepository.list(this.d.db, filter);
    const page = rows.slice(0, q.limit);
    return {
      items: page.map((r) => ({
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : null,
        after: r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null,
        requestId: r.request_id,
        ip: r.ip,
      })),
      nextCursor: rows.length > q.limit ? String(page.at(-1)?.seq ?? '') : null,
    };
  }
}
