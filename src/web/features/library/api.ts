import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Ok, Problem } from '@/contracts/common';
import type { LibrarySearchResult, Resource, ResourceInput } from '@/contracts/library';
import { api, ApiError, toQueryString } from '@/web/lib/api-client';

// Only types come from the contracts: a value import would pull zod into the web bundle.
export type { LibraryHit, LibrarySearchResult, Resource, ResourceInput } from '@/contracts/library';

export const resourceTypes = ['practitioner_guide', 'policy_guide', 'report', 'toolkit', 'legislation', 'case_study', 'training_material'] as const;
export const sensitivities = ['public', 'members', 'secretariat'] as const;

/** The search and its filters, kept in the address (`/library?q=…&theme=…`). */
export interface LibrarySearch {
  q: string;
  theme: string;
  country: string;
  type: string;
  year: string;
  language: string;
}

const enc = encodeURIComponent;

export const librarySearchQuery = (s: LibrarySearch, cursor: string | null) =>
  queryOptions({
    queryKey: ['library', 'search', s, cursor],
    queryFn: ({ signal }) => api<LibrarySearchResult>(`/api/library/search${toQueryString({ ...s, cursor })}`, { signal }),
    placeholderData: keepPreviousData,
  });

export function useLibrarySearch(s: LibrarySearch, cursor: string | null) {
  return useQuery(librarySearchQuery(s, cursor));
}

/** A resource as the "language version of" picker lists it. */
export type ResourceChoice = Resource['languageVersions'][number];

/** Resources matching the words, for the "language version of" picker: the same search, so only those the reader may see. */
export async function findResources(q: string): Promise<ResourceChoice[]> {
  const res = await api<LibrarySearchResult>(`/api/library/search${toQueryString({ q, limit: 10 })}`);
  return res.items.map((h) => ({ id: h.id, title: h.title, languages: h.languages }));
}

export const resourceQuery = (id: string) =>
  queryOptions({ queryKey: ['library', 'resource', id], queryFn: ({ signal }) => api<Resource>(`/api/library/${enc(id)}`, { signal }) });

/** The resource; while its text is being extracted, asked again every few seconds. */
export function useResource(id: string) {
  return useQuery({ ...resourceQuery(id), refetchInterval: (q) => (q.state.data?.extraction?.status === 'pending' ? 3000 : false) });
}

export function useSaveResource(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ResourceInput) => (id ? api<Resource>(`/api/library/${enc(id)}`, { method: 'PATCH', body: input }) : api<Resource>('/api/library', { method: 'POST', body: input })),
    onSuccess: (r) => {
      qc.setQueryData(resourceQuery(r.id).queryKey, r);
      void qc.invalidateQueries({ queryKey: ['library', 'search'] });
    },
  });
}

export function useDeleteResource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Ok>(`/api/library/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['library'] }),
  });
}

function problemOf(status: number, text: string): Problem {
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (typeof body.code === 'string' && typeof body.title === 'string') return body as Problem;
  } catch {
    /* not JSON */
  }
  return { type: 'about:blank', title: `HTTP ${status}`, status, code: status === 413 ? 'payload_too_large' : `http_${status}` };
}

/** Uploads a resource's file with progress (XMLHttpRequest: fetch does not report upload progress). */
export function uploadFile(id: string, file: File, o: { csrfToken: string | null; language: string; onProgress: (sent: number, total: number) => void }): Promise<Resource> {
  const form = new FormData();
  form.append('file', file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/library/${enc(id)}/file`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', o.language);
    xhr.setRequestHeader('x-csrf-token', o.csrfToken ?? 'anonymous');
    xhr.upload.onprogress = (e) => o.onProgress(e.loaded, e.total);
    xhr.onload = () => {
      if (xhr.status === 200) resolve(JSON.parse(xhr.responseText) as Resource);
      else reject(new ApiError(xhr.status, problemOf(xhr.status, xhr.responseText), null));
    };
    xhr.onerror = () => reject(new TypeError('Network error'));
    xhr.send(form);
  });
}

