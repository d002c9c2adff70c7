import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DirectoryImport, ImportDecision, ImportField, importListSchema, ImportMapping, ImportStatus } from '@/contracts/directory-exchange';
import type { Problem } from '@/contracts/common';
import type { MessageKey } from '@/web/i18n/en';
import { api, ApiError, toQueryString } from '@/web/lib/api-client';

// Only types come from the contracts: a value import would pull zod into the web bundle.
export type ImportList = z.infer<typeof importListSchema>;
export type ImportSummary = ImportList['items'][number];
export type { DirectoryImport, ImportDecision, ImportField, ImportMapping, ImportStatus };

/** The server's limit on an uploaded file (MAX_UPLOAD_BYTES), checked here first so a large file is not sent in vain. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * What a column can hold, in the order the select offers them, with their labels. A Record, so that a field added
 * to the contract fails the type check here until it has a label.
 */
const fieldLabels: Record<ImportField, MessageKey> = {
  memberCode: 'exchange.field.memberCode',
  agencyNameEn: 'exchange.field.agencyNameEn',
  agencyNameLocal: 'exchange.field.agencyNameLocal',
  acronym: 'exchange.field.acronym',
  agencyType: 'exchange.field.agencyType',
  mandates: 'exchange.field.mandates',
  positionTitle: 'exchange.field.positionTitle',
  workingGroup: 'exchange.field.workingGroup',
  personNameLatin: 'exchange.field.personNameLatin',
  personNameLocal: 'exchange.field.personNameLocal',
  personTitle: 'exchange.field.personTitle',
  email: 'exchange.field.email',
  phone: 'exchange.field.phone',
  mobile: 'exchange.field.mobile',
  channelVisibility: 'exchange.field.channelVisibility',
  emailVisibility: 'exchange.field.emailVisibility',
  phoneVisibility: 'exchange.field.phoneVisibility',
  agencyId: 'exchange.field.agencyId',
  positionId: 'exchange.field.positionId',
  personId: 'exchange.field.personId',
};
export const importFieldList = Object.keys(fieldLabels) as ImportField[];
export const fieldLabel = (field: ImportField): MessageKey => fieldLabels[field];
export const isImportField = (value: string): value is ImportField => value in fieldLabels;

/** Every file needs these, unless an Agency ID column (from an export) names the agency and so its Member. */
export const requiredFields: readonly ImportField[] = ['memberCode', 'agencyNameEn'];

/** The required fields the mapping leaves out. */
export function missingFields(mapping: ImportMapping): ImportField[] {
  if (mapping.agencyId !== undefined) return [];
  return requiredFields.filter((f) => mapping[f] === undefined);
}

const enc = encodeURIComponent;

export const getImport = (id: string) => api<DirectoryImport>(`/api/directory/imports/${enc(id)}`);
export const listImports = () => api<ImportList>('/api/directory/imports');
export const dryRun = (id: string, mapping: ImportMapping) =>
  api<DirectoryImport>(`/api/directory/imports/${enc(id)}/dry-run`, { method: 'POST', body: { mapping } });
export const applyImport = (id: string, decisions: Record<string, ImportDecision>) =>
  api<DirectoryImport>(`/api/directory/imports/${enc(id)}/apply`, { method: 'POST', body: { decisions } });

export const cancelImport = (id: string) => api<DirectoryImport>(`/api/directory/imports/${enc(id)}/cancel`, { method: 'POST', body: {} });
export const deleteImport = (id: string) => api<{ ok: true }>(`/api/directory/imports/${enc(id)}`, { method: 'DELETE' });

export const exchangeKeys = {
  imports: ['directory-exchange', 'imports'] as const,
  import: (id: string) => ['directory-exchange', 'import', id] as const,
};

/** While an import is being applied, it is asked for again every second. */
export const importQueryOptions = (id: string) =>
  queryOptions({
    queryKey: exchangeKeys.import(id),
    queryFn: () => getImport(id),
    refetchInterval: (query) => (query.state.data?.status === 'applying' ? 1000 : false),
    // Another tab (or a job) may have moved it on; a returning visitor sees where it is now.
    staleTime: 0,
  });

export function useImport(id: string) {
  return useQuery(importQueryOptions(id));
}

export function useImports() {
  return useQuery({ queryKey: exchangeKeys.imports, queryFn: listImports, staleTime: 0 });
}

export function useDryRun(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mapping: ImportMapping) => dryRun(id, mapping),
    onSuccess: (data) => qc.setQueryData(exchangeKeys.import(id), data),
  });
}

export function useApplyImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (decisions: Record<string, ImportDecision>) => applyImport(id, decisions),
    onSuccess: (data) => {
      qc.setQueryData(exchangeKeys.import(id), data);
      void qc.invalidateQueries({ queryKey: exchangeKeys.imports });
    },
  });
}

/** Cancels an import (nothing of it is written); the list and the import are read again. */
export function useCancelImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: cancelImport,
    onSuccess: (data) => {
      qc.setQueryData(exchangeKeys.import(data.id), data);
      void qc.invalidateQueries({ queryKey: exchangeKeys.imports });
    },
  });
}

/** Deletes an import and its stored rows; the list is read again. */
export function useDeleteImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteImport,
    onSuccess: (_data, id) => {
      qc.removeQueries({ queryKey: exchangeKeys.import(id) });
      void qc.invalidateQueries({ queryKey: exchangeKeys.imports });
    },
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
 * Sends the file itself as the request body. XMLHttpRequest rather than fetch, because only it reports how much of
 * the body has been sent. Rejects with ApiError for an answer other than 201, with a TypeError when the network fails.
 */
export function uploadSpreadsheet(file: File, { csrfToken, language, onProgress, signal }: UploadOptions): Promise<DirectoryImport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/directory/imports${toQueryString({ filename: file.name })}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', language);
    xhr.setRequestHeader('x-csrf-token', csrfToken ?? 'anonymous');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          resolve(JSON.parse(xhr.responseText) as DirectoryImport);
        } catch {
          reject(new TypeError('The answer could not be read.'));
        }
        return;
      }
      const retry = Number(xhr.getResponseHeader('retry-after'));
      reject(new ApiError(xhr.status, problemOf(xhr.status, xhr.responseText), Number.isFinite(retry) && retry > 0 ? retry : null));
    };
    xhr.onerror = () => reject(new TypeError('Network error'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** The search words and directory filters in the address (`?q=…&member=THA&…`), as the export routes take them. */
const filterKeys = ['q', 'member', 'subregion', 'mandate', 'workingGroup', 'agencyType', 'freshness'] as const;

export function exportFilters(params: URLSearchParams): Record<(typeof filterKeys)[number], string> {
  return Object.fromEntries(filterKeys.map((k) => [k, (params.get(k) ?? '').trim()])) as Record<(typeof filterKeys)[number], string>;
}

export const exportUrl = (format: 'csv' | 'xlsx', filters: Record<string, string>) => `/api/directory/export${toQueryString({ format, ...filters })}`;
export const vcardsUrl = (filters: Record<string, string>) => `/api/directory/export.vcf${toQueryString(filters)}`;
export const personVcardUrl = (id: string) => `/api/directory/people/${enc(id)}/vcard`;
