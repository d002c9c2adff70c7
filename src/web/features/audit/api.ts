import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditList } from '@/contracts/audit';
import { api, toQueryString } from '@/web/lib/api-client';

export interface AuditFilters {
  actorId: string;
  entity: string;
  action: string;
  /** YYYY-MM-DD, as the date inputs give them; the API accepts dates and date-times. */
  from: string;
  to: string;
}

export const auditFilterNames = ['actorId', 'entity', 'action', 'from', 'to'] as const;


const PAGE_SIZE = 50;

export const listAudit = (filters: AuditFilters, cursor: string | undefined) =>
  api<AuditList>(`/api/audit${toQueryString({ ...filters, limit: PAGE_SIZE, cursor })}`);

export const auditQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => listAudit(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery(auditQueryOptions(filters));
}
