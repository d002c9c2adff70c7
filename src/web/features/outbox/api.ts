import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OutboxList } from '@/contracts/outbox';
import { api } from '@/web/lib/api-client';

export const listOutbox = () => api<OutboxList>('/api/outbox');

export const outboxQueryOptions = queryOptions({
  queryKey: ['outbox'],
  queryFn: listOutbox,
  select: (data) => data.items,
  // New messages arrive as people are invited; a short staleness keeps the list current.
  staleTime: 5_000,
});

export function useOutbox() {
  return useQuery(outboxQueryOptions);
}
