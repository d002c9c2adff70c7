import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Practice, PracticeInput, PracticeList } from '@/contracts/practices';
import { api, toQueryString } from '@/web/lib/api-client';

// Only types come from the contracts: a value import would pull zod into the web bundle.
export type { Practice, PracticeInput, PracticeList, PracticeSummary } from '@/contracts/practices';

const enc = encodeURIComponent;

export interface PracticeSearch {
  q: string;
  theme: string;
  member: string;
  /** 1-based page of PAGE_SIZE practices. */
  page?: number;
}

export const PAGE_SIZE = 20;

export const practicesQuery = ({ page = 1, ...s }: PracticeSearch) =>
  queryOptions({
    queryKey: ['practices', 'list', s, page],
    queryFn: ({ signal }) => api<PracticeList>(`/api/practices${toQueryString({ ...s, limit: PAGE_SIZE, offset: page > 1 ? (page - 1) * PAGE_SIZE : undefined })}`, { signal }),
    placeholderData: keepPreviousData,
  });

/** A person in the directory, as the contact-person picker lists them. */
export interface DirectoryPerson {
  id: string;
  name: string;
  subtitle: string | null;
}

/** People in the directory matching `q` in any script (the directory's own search), for the contact-person picker. */
export async function findPeople(q: string): Promise<DirectoryPerson[]> {
  const res = await api<{ items: { id: string; title: string; subtitle: string | null }[] }>(`/api/directory/search${toQueryString({ q, kind: 'person', limit: 10 })}`);
  return res.items.map((h) => ({ id: h.id, name: h.title, subtitle: h.subtitle }));
}

export const usePractices = (s: PracticeSearch) => useQuery(practicesQuery(s));
export const useMyPractices = (enabled: boolean) =>
  useQuery({ queryKey: ['practices', 'mine'], queryFn: ({ signal }) => api<PracticeList>('/api/practices/mine', { signal }), enabled });
export const useReviewQueue = (status: string) =>
  useQuery({ queryKey: ['practices', 'review', status], queryFn: ({ signal }) => api<PracticeList>(`/api/practices/review${toQueryString({ status })}`, { signal }) });

export const practiceQuery = (id: string) =>
  queryOptions({ queryKey: ['practices', 'one', id], queryFn: ({ signal }) => api<Practice>(`/api/practices/${enc(id)}`, { signal }) });
export const usePractice = (id: string) => useQuery(practiceQuery(id));

export function useSavePractice(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PracticeInput) => (id ? api<Practice>(`/api/practices/${enc(id)}`, { method: 'PATCH', body: input }) : api<Practice>('/api/practices', { method: 'POST', body: input })),
    onSuccess: (p) => {
      qc.setQueryData(practiceQuery(p.id).queryKey, p);
      void qc.invalidateQueries({ queryKey: ['practices'] });
    },
  });
}

export type PracticeAction = 'submit' | 'comments' | 'request-changes' | 'publish' | 'archive';

/** A step of the workflow (or a comment) on one practice. */
export function usePracticeAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: PracticeAction; body?: Record<string, unknown> }) => api<Practice>(`/api/practices/${enc(id)}/${action}`, { method: 'POST', body: body ?? {} }),
    onSuccess: (p) => {
      qc.setQueryData(practiceQuery(p.id).queryKey, p);
      void qc.invalidateQueries({ queryKey: ['practices'] });
    },
  });
}
