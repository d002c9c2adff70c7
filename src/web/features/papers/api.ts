import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Ok, Problem } from '@/contracts/common';
import type { EventPapers, FileType, Paper, PaperKind, PaperPatch, PaperVersion, PaperVersionList, Sensitivity } from '@/contracts/papers';
import type { MessageKey } from '@/web/i18n/en';
import { api, ApiError } from '@/web/lib/api-client';

// Only types come from the contracts: a value import would pull zod into the web bundle.
export type { EventPapers, FileType, Paper, PaperKind, PaperVersion, Sensitivity };

/** In the order the page lists them (the server's order of kinds). */
export const paperKindList: readonly PaperKind[] = ['concept_note', 'agenda', 'participant_list', 'presentation', 'outcome_report', 'annex', 'other'];
export const sensitivityList: readonly Sensitivity[] = ['public', 'members', 'participants', 'secretariat'];
/** Languages offered in the upload form: the region's and the UN's most used. */
export const languageList = ['en', 'id', 'th', 'vi', 'km', 'lo', 'my', 'ms', 'fil', 'zh', 'ja', 'ko', 'hi', 'bn', 'si', 'ta', 'ne', 'ur', 'fa', 'ar', 'fr', 'ru', 'es', 'mn', 'dv', 'tet', 'tpi', 'fj', 'to', 'sm'] as const;

export const fileTypeKey = (t: FileType): MessageKey => `papers.fileType.${t}`;

const enc = encodeURIComponent;

export const getEventPapers = (eventId: string) => api<EventPapers>(`/api/events/${enc(eventId)}/papers`);
export const getVersions = (paperId: string) => api<PaperVersionList>(`/api/papers/${enc(paperId)}/versions`);
export const updatePaper = (paperId: string, body: PaperPatch) => api<Paper>(`/api/papers/${enc(paperId)}`, { method: 'PATCH', body });

export const withdrawPaper = (paperId: string, reason: string) => api<Ok>(`/api/papers/${enc(paperId)}/withdraw`, { method: 'POST', body: { reason } });
export const withdrawVersion = (paperId: string, number: number, reason: string) =>
  api<Paper>(`/api/papers/${enc(paperId)}/versions/${number}/withdraw`, { method: 'POST', body: { reason } });

export const papersKeys = {
  event: (eventId: string) => ['papers', 'event', eventId] as const,
  versions: (paperId: string) => ['papers', 'versions', paperId] as const,
};

export const eventPapersQueryOptions = (eventId: string) => queryOptions({ queryKey: papersKeys.event(eventId), queryFn: () => getEventPapers(eventId) });

export function useEventPapers(eventId: string) {
  return useQuery(eventPapersQueryOptions(eventId));
}

export function useVersions(paperId: string, enabled: boolean) {
  return useQuery({ queryKey: papersKeys.versions(paperId), queryFn: () => getVersions(paperId), enabled });
}

export function useUpdatePaper(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: PaperPatch }) => updatePaper(id, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: papersKeys.event(eventId) }),
  });
}

/** Withdraws a paper (all versions) or, with a number, one version; the lists and histories are fetched again. */
export function useWithdraw(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ paperId, number, reason }: { paperId: string; number?: number; reason: string }): Promise<Ok | Paper> =>
      number === undefined ? withdrawPaper(paperId, reason) : withdrawVersion(paperId, number, reason),
    onSuccess: (_data, { paperId }) =>
      Promise.all([qc.invalidateQueries({ queryKey: papersKeys.event(eventId) }), qc.invalidateQueries({ queryKey: papersKeys.versions(paperId) })]),
  });
}

export interface UploadOptions {
  csrfToken: string | null;
  language: string;
  /** Bytes sent so far, of the total. */
  onProgress: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

function problemOf(status: number, text: string): Problem {
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (typeof body.code === 'string' && typeof body.title === 'string') return body as Problem;
  } catch {
    /* not JSON: a proxy's error page, say */
  }
  return { type: 'about:blank', title: `HTTP ${status}`, status, code: status === 413 ? 'payload_too_large' : status >= 500 ? 'server_error' : `http_${status}` };
}

/**
 * Sends a form with a file (multipart/form-data). XMLHttpRequest rather than fetch, because only it reports how
 * much of the body has been sent. Rejects with ApiError for an answer other than 201, with a TypeError when the
 * network fails.
 */
export function sendUpload(url: string, form: FormData, { csrfToken, language, onProgress, signal }: UploadOptions): Promise<Paper> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', language);
    xhr.setRequestHeader('x-csrf-token', csrfToken ?? 'anonymous');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total);
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          resolve(JSON.parse(xhr.responseText) as Paper);
        } catch {
          reject(new TypeError('The answer could not be read.'));
        }
        return;
      }
      reject(new ApiError(xhr.status, problemOf(xhr.status, xhr.responseText), null));
    };
    xhr.onerror = () => reject(new TypeError('Network error'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export const uploadPaperUrl = (eventId: string) => `/api/events/${enc(eventId)}/papers`;
export const uploadVersionUrl = (paperId: string) => `/api/papers/${enc(paperId)}/versions`;

