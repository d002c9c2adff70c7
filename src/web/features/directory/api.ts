import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Ok } from '@/contracts/common';
import type {
  Agency,
  AgencyInput,
  agencyListSchema,
  agencyPatchSchema,
  confirmationLinkPreviewSchema,
  confirmBodySchema,
  Coverage,
  DueItem,
  Freshness,
  HandoverBody,
  historySchema,
  Network,
  Person,
  personPatchSchema,
  Position,
  positionInputSchema,
  SearchHit,
  SearchResult,
} from '@/contracts/directory';
import { api, toQueryString } from '@/web/lib/api-client';

// Only types come from the contracts: a value import would pull zod into the web bundle.
export type AgencyPatch = z.input<typeof agencyPatchSchema>;
export type AgencyList = z.infer<typeof agencyListSchema>;
export type PersonPatch = z.input<typeof personPatchSchema>;
export type PositionInput = z.input<typeof positionInputSchema>;
export type ConfirmBody = z.input<typeof confirmBodySchema>;
export type LinkPreview = z.infer<typeof confirmationLinkPreviewSchema>;
export type History = z.infer<typeof historySchema>;
export type HistoryEntity = 'agency' | 'position' | 'person';
export type { AgencyInput, HandoverBody, Network };
export type NetworkNode = Network['nodes'][number];

/** What the directory list is narrowed by; kept in the address (`?q=&member=…`). Empty string: no filter. */
export interface DirectoryFilters {
  member: string;
  subregion: string;
  mandate: string;
  workingGroup: string;
  agencyType: string;
  freshness: Freshness | '';
}

export interface DirectorySearch extends DirectoryFilters {
  q: string;
  /** Only hits of this kind (the server filters, so a limit is not spent on other kinds). */
  kind?: SearchHit['kind'];
}

/** What the network drawing is narrowed by; kept in the address like the search's filters. */
export type NetworkFilters = Pick<DirectoryFilters, 'member' | 'subregion' | 'mandate' | 'workingGroup'>;

export interface CoverageFilters {
  subregion: string;
  workingGroup: string;
}

const SEARCH_LIMIT = 50;
const enc = encodeURIComponent;

// Fetchers, one per API call.
export const searchDirectory = (s: DirectorySearch, limit = SEARCH_LIMIT, signal?: AbortSignal) =>
  api<SearchResult>(`/api/directory/search${toQueryString({ ...s, limit })}`, { signal });
export const getAgency = (id: string) => api<Agency>(`/api/directory/agencies/${enc(id)}`);
export const listAgencies = (member: string) => api<AgencyList>(`/api/directory/agencies${toQueryString({ member, limit: 200 })}`);
export const createAgency = (body: AgencyInput) => api<Agency>('/api/directory/agencies', { method: 'POST', body });
export const updateAgency = (id: string, body: AgencyPatch) => api<Agency>(`/api/directory/agencies/${enc(id)}`, { method: 'PATCH', body });
export const confirmAgency = (id: string) => api<Agency>(`/api/directory/agencies/${enc(id)}/confirm`, { method: 'POST', body: {} });
export const createPosition = (agencyId: string, body: PositionInput) =>
  api<Position>(`/api/directory/agencies/${enc(agencyId)}/positions`, { method: 'POST', body });
export const getPosition = (id: string) => api<Position>(`/api/directory/positions/${enc(id)}`);
export const confirmPosition = (id: string, body: ConfirmBody = {}) =>
  api<Position>(`/api/directory/positions/${enc(id)}/confirm`, { method: 'POST', body });
export const handOver = (id: string, body: HandoverBody) =>
  api<Position>(`/api/directory/positions/${enc(id)}/handover`, { method: 'POST', body });
export const sendConfirmationLink = (id: string) =>
  api<{ sentTo: string; expiresAt: string }>(`/api/directory/positions/${enc(id)}/confirmation-link`, { method: 'POST' });
export const getPerson = (id: string) => api<Person>(`/api/directory/people/${enc(id)}`);
export const updatePerson = (id: string, body: PersonPatch) => api<Person>(`/api/directory/people/${enc(id)}`, { method: 'PATCH', body });
export const getDue = () => api<{ items: DueItem[] }>('/api/directory/due');
export const getCoverage = (f: CoverageFilters) => api<Coverage>(`/api/directory/coverage${toQueryString({ ...f })}`);
export const getNetwork = (f: NetworkFilters, signal?: AbortSignal) => api<Network>(`/api/directory/network${toQueryString({ ...f })}`, { signal });
export const getHistory = (entity: HistoryEntity, id: string) => api<History>(`/api/directory/history/${entity}/${enc(id)}`);
export const previewConfirmationLink = (token: string) => api<LinkPreview>(`/api/directory/confirm/${enc(token)}`);
export const confirmByLink = (token: string, body: ConfirmBody & { stillHolds: boolean }) =>
  api<Ok>(`/api/directory/confirm/${enc(token)}`, { method: 'POST', body });

export const directoryKeys = {
  all: ['directory'] as const,
  search: (s: DirectorySearch, limit: number) => ['directory', 'search', s, limit] as const,
  agency: (id: string) => ['directory', 'agency', id] as const,
  agencies: (member: string) => ['directory', 'agencies', member] as const,
  position: (id: string) => ['directory', 'position', id] as const,
  person: (id: string) => ['directory', 'person', id] as const,
  due: ['directory', 'due'] as const,
  coverage: (f: CoverageFilters) => ['directory', 'coverage', f] as const,
  network: (f: NetworkFilters) => ['directory', 'network', f] as const,
  history: (entity: HistoryEntity, id: string) => ['directory', 'history', entity, id] as const,
  link: (token: string) => ['directory-link', token] as const,
};

/** True when the search has words or at least one filter; an empty search asks the server nothing. */
export function hasCriteria(s: DirectorySearch): boolean {
  return [s.q, s.member, s.subregion, s.mandate, s.workingGroup, s.agencyType, s.freshness].some((v) => v.trim() !== '');
}

export const searchQueryOptions = (s: DirectorySearch, limit = SEARCH_LIMIT) =>
  queryOptions({
    queryKey: directoryKeys.search(s, limit),
    queryFn: ({ signal }) => searchDirectory(s, limit, signal),
    enabled: hasCriteria(s),
    // While the next words are on their way, the last results stay on screen.
    placeholderData: keepPreviousData,
  });

export function useDirectorySearch(s: DirectorySearch, limit = SEARCH_LIMIT) {
  return useQuery(searchQueryOptions(s, limit));
}

export const agencyQueryOptions = (id: string) => queryOptions({ queryKey: directoryKeys.agency(id), queryFn: () => getAgency(id) });
export function useAgency(id: string) {
  return useQuery(agencyQueryOptions(id));
}

/** A Member's agencies, for choosing a parent agency. */
export const agenciesQueryOptions = (member: string) =>
  queryOptions({ queryKey: directoryKeys.agencies(member), queryFn: () => listAgencies(member), enabled: member !== '' });
export function useAgencies(member: string) {
  return useQuery(agenciesQueryOptions(member));
}

export const positionQueryOptions = (id: string) => queryOptions({ queryKey: directoryKeys.position(id), queryFn: () => getPosition(id) });
export function usePosition(id: string) {
  return useQuery(positionQueryOptions(id));
}

export const personQueryOptions = (id: string) => queryOptions({ queryKey: directoryKeys.person(id), queryFn: () => getPerson(id) });
export function usePerson(id: string) {
  return useQuery(personQueryOptions(id));
}

export const dueQueryOptions = queryOptions({ queryKey: directoryKeys.due, queryFn: getDue, select: (d) => d.items });
export function useDue() {
  return useQuery(dueQueryOptions);
}

export const coverageQueryOptions = (f: CoverageFilters) =>
  queryOptions({ queryKey: directoryKeys.coverage(f), queryFn: () => getCoverage(f), placeholderData: keepPreviousData });
export function useCoverage(f: CoverageFilters) {
  return useQuery(coverageQueryOptions(f));
}

export const networkQueryOptions = (f: NetworkFilters) =>
  queryOptions({ queryKey: directoryKeys.network(f), queryFn: ({ signal }) => getNetwork(f, signal), placeholderData: keepPreviousData });
export function useNetwork(f: NetworkFilters) {
  return useQuery(networkQueryOptions(f));
}

export const historyQueryOptions = (entity: HistoryEntity, id: string, enabled = true) =>
  queryOptions({ queryKey: directoryKeys.history(entity, id), queryFn: () => getHistory(entity, id), enabled, select: (d) => d.items });
export function useHistory(entity: HistoryEntity, id: string, enabled = true) {
  return useQuery(historyQueryOptions(entity, id, enabled));
}

export const linkQueryOptions = (token: string) =>
  queryOptions({ queryKey: directoryKeys.link(token), queryFn: () => previewConfirmationLink(token), staleTime: Infinity });
export function useConfirmationLink(token: string) {
  return useQuery(linkQueryOptions(token));
}

/**
 * After a change, everything in the directory may show it (search hits, freshness, coverage, history);
 * `except` keeps a list as it is on screen, such as the due list whose rows update in place.
 */
function refreshDirectory(qc: ReturnType<typeof useQueryClient>, except?: readonly unknown[]) {
  return qc.invalidateQueries({
    queryKey: directoryKeys.all,
    predicate: (q) => !except || JSON.stringify(q.queryKey) !== JSON.stringify(except),
  });
}

export function useCreateAgency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createAgency,
    onSuccess: async (agency) => {
      await refreshDirectory(qc);
      qc.setQueryData(directoryKeys.agency(agency.id), agency);
    },
  });
}

export function useUpdateAgency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AgencyPatch }) => updateAgency(id, body),
    onSuccess: async (agency) => {
      qc.setQueryData(directoryKeys.agency(agency.id), agency);
      await refreshDirectory(qc, directoryKeys.agency(agency.id));
    },
  });
}

export function useConfirmAgency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: confirmAgency,
    onSuccess: async (agency) => {
      qc.setQueryData(directoryKeys.agency(agency.id), agency);
      await refreshDirectory(qc, directoryKeys.agency(agency.id));
    },
  });
}

export function useCreatePosition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ agencyId, body }: { agencyId: string; body: PositionInput }) => createPosition(agencyId, body),
    onSuccess: () => refreshDirectory(qc),
  });
}

export function useConfirmPosition(options: { keepDueList?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => confirmPosition(id),
    onSuccess: async (position) => {
      if (options.keepDueList) {
        // The row stays where it was and shows its new state, so the list does not jump under the pointer.
        qc.setQueryData<{ items: DueItem[] }>(directoryKeys.due, (old) =>
          old
            ? { items: old.items.map((i) => (i.positionId === position.id ? { ...i, freshness: position.freshness, dueAt: position.dueAt } : i)) }
            : old,
        );
      }
      await refreshDirectory(qc, options.keepDueList ? directoryKeys.due : undefined);
    },
  });
}

export function useHandOver() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: HandoverBody }) => handOver(id, body),
    onSuccess: () => refreshDirectory(qc),
  });
}

export function useSendConfirmationLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: sendConfirmationLink,
    onSuccess: (_data, id) => qc.invalidateQueries({ queryKey: directoryKeys.history('position', id) }),
  });
}

export function useUpdatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PersonPatch }) => updatePerson(id, body),
    onSuccess: async (person) => {
      qc.setQueryData(directoryKeys.person(person.id), person);
      await refreshDirectory(qc, directoryKeys.person(person.id));
    },
  });
}

export function useConfirmByLink(token: string) {
  return useMutation({ mutationFn: (body: ConfirmBody & { stillHolds: boolean }) => confirmByLink(token, body) });
}
