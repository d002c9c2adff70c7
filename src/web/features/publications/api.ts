import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Publication, PublicationList } from '@/contracts/publications';
import { api, toQueryString } from '@/web/lib/api-client';

export type { Publication };
export const PAGE = 20;

export const getPublications = (year: number | undefined, offset: number) =>
  api<PublicationList>(`/api/publications${toQueryString({ year, limit: PAGE, offset: offset || undefined })}`);

export const usePublications = (year: number | undefined, offset: number) =>
  useQuery({ queryKey: ['publications', year ?? 'all', offset], queryFn: () => getPublications(year, offset), placeholderData: keepPreviousData });
