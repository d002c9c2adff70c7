import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReferenceData } from '@/contracts/reference';
import { api } from './api-client';

export const referenceQueryOptions = queryOptions({
  queryKey: ['reference'],
  queryFn: () => api<ReferenceData>('/api/reference'),
  // Reference data changes rarely, by administrators; an hour old is fine.
  staleTime: 60 * 60_000,
});

export function useReference() {
  return useQuery(referenceQueryOptions);
}
