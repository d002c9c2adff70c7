import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export interface AuditFilter {
  actorId?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit: number;
}

export const auditRepository = {
  list(db: Kysely<DB>, f: AuditFilter) {
    return db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .selectAll('audit_log')
      .select('users.display_name as actor_name')
      .$if(!!f.actorId, (qb) => qb.where('audit_log.actor_id', '=', f.actorId ?? ''))
      .$if(!!f.entity, (qb) => qb.where('audit_log.entity', '=', f.entity ?? ''))
      .$if(!!f.entityId, (qb) => qb.where('audit_log.entity_id', '=', f.entityId ?? ''))
      .$if(!!f.action, (qb) => qb.where('audit_log.action', '=', f.action ?? ''))
      .$if(!!f.from, (qb) => qb.where('audit_log.at', '>=', f.from ?? ''))
      .$if(!!f.to, (qb) => qb.where('audit_log.at', '<', f.to ?? ''))
      .$if(f.beforeSeq !== undefined, (qb) => qb.where('audit_log.seq', '<', f.beforeSeq ?? 0))
      .orderBy('audit_log.seq', 'desc')
      .limit(f.limit)
      .execute();
  },
};
