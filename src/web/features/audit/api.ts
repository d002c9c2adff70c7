import { infiniteQueryOptions, queryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditList } from '@/contracts/audit';
import type { User, UserList } from '@/contracts/users';
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

/** A person the trail can be filtered by. */
export interface AuditActor {
  id: string;
  name: string;
  email: string;
}

const toActor = (u: User): AuditActor => ({ id: u.id, name: u.displayName, email: u.email });

/**
 * Accounts whose name or email contains the words, for the "done by" filter. The audit trail is for administrators
 * only (policy audit.read), and they may list accounts (users.list, the secretariat), so the picker lists them all.
 */
export async function findActors(q: string): Promise<AuditActor[]> {
  const res = await api<UserList>(`/api/users${toQueryString({ q, limit: 10 })}`);
  return res.items.map(toActor);
}

/** The person a filter in the address names, to show their name rather than the id. */
export const actorQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['audit', 'actor', id],
    queryFn: ({ signal }) => api<User>(`/api/users/${encodeURIComponent(id)}`, { signal }).then(toActor),
    enabled: id !== '',
    staleTime: 5 * 60_000,
    retry: false,
  });
