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

/** Names Members by code once reference data has loaded; until then, or for an unknown code, the code stands in. */
export function memberNames(data: ReferenceData | undefined): (code: string) => string {
  const names = new Map((data?.members ?? []).map((m) => [m.code, m.name]));
  return (code) => names.get(code) ?? code;
}
