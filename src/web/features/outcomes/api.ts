import { keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventList } from '@/contracts/events';
import type {
  ActionDetail, ActionImportResult, ActionInput, ActionList, ActionPatch, ActionStatus, ActionUpdateInput, EventActions, OwnerKind, PreBriefing, PriorityList,
} from '@/contracts/outcomes';
import { api, toQueryString } from '@/web/lib/api-client';

export type { ActionDetail, ActionInput, ActionList, ActionStatus, ActionUpdateInput, EventActions, OwnerKind, PreBriefing };
export type Action = ActionList['items'][number];

// Only types come from the contracts: a value import would pull zod into the web bundle.
export const statuses: readonly ActionStatus[] = ['proposed', 'agreed', 'in_progress', 'done', 'dropped'];
export const ownerKinds: readonly OwnerKind[] = ['member', 'rso', 'working_group'];

/** The tracker's filters, kept in the address (`/outcomes?status=agreed&overdue=true`). Empty string: no filter. */
export interface TrackerFilters {
  event: string;
  series: string;
  workingGroup: string;
  ownerKind: string;
  ownerCode: string;
  status: string;
  theme: string;
  priority: string;
  overdue: string;
  mine: string;
  q: string;
}
export const filterKeys: readonly (keyof TrackerFilters)[] = ['event', 'series', 'workingGroup', 'ownerKind', 'ownerCode', 'status', 'theme', 'priority', 'overdue', 'mine', 'q'];

const enc = encodeURIComponent;
const PAGE = 50;

export const listActions = (f: TrackerFilters, cursor?: string) => api<ActionList>(`/api/actions${toQueryString({ ...f, limit: PAGE, cursor })}`);
export const exportUrl = (f: TrackerFilters) => `/api/actions/export.csv${toQueryString({ ...f })}`;
export const getAction = (id: string) => api<ActionDetail>(`/api/actions/${enc(id)}`);
export const patchAction = (id: string, body: ActionPatch) => api<ActionDetail>(`/api/actions/${enc(id)}`, { method: 'PATCH', body });
export const postUpdate = (id: string, body: ActionUpdateInput) => api<ActionDetail>(`/api/actions/${enc(id)}/updates`, { method: 'POST', body });
export const getEventActions = (eventId: string) => api<EventActions>(`/api/events/${enc(eventId)}/actions`);
export const recordAction = (eventId: string, body: ActionInput) => api<ActionDetail>(`/api/events/${enc(eventId)}/actions`, { method: 'POST', body });
export const importActions = (eventId: string, csv: string, dryRun: boolean) =>
  api<ActionImportResult>(`/api/events/${enc(eventId)}/actions/import`, { method: 'POST', body: { csv, dryRun } });
export const getPreBriefing = (eventId: string) => api<PreBriefing>(`/api/events/${enc(eventId)}/pre-briefing`);
export const getPriorities = () => api<PriorityList>('/api/actions/priorities');
/** Events for the tracker's event filter (the events module's list, newest first). */
export const getEventChoices = () => api<EventList>('/api/events?when=all&limit=100');

export const outcomesKeys = {
  all: ['outcomes'] as const,
  tracker: (f: TrackerFilters) => ['outcomes', 'tracker', f] as const,
  action: (id: string) => ['outcomes', 'action', id] as const,
  event: (eventId: string) => ['outcomes', 'event', eventId] as const,
  preBriefing: (eventId: string) => ['outcomes', 'pre-briefing', eventId] as const,
  priorities: ['outcomes-priorities'] as const,
  events: ['outcomes-event-choices'] as const,
};

export function useTracker(f: TrackerFilters) {
  return useInfiniteQuery({
    queryKey: outcomesKeys.tracker(f),
    queryFn: ({ pageParam }) => listActions(f, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const actionQueryOptions = (id: string) => queryOptions({ queryKey: outcomesKeys.action(id), queryFn: () => getAction(id) });
export const useAction = (id: string) => useQuery(actionQueryOptions(id));
export const useEventActions = (eventId: string) => useQuery({ queryKey: outcomesKeys.event(eventId), queryFn: () => getEventActions(eventId) });
export const usePreBriefing = (eventId: string) => useQuery({ queryKey: outcomesKeys.preBriefing(eventId), queryFn: () => getPreBriefing(eventId), retry: false });
export const usePriorities = () => useQuery({ queryKey: outcomesKeys.priorities, queryFn: getPriorities, staleTime: 60 * 60_000 });
export const useEventChoices = () => useQuery({ queryKey: outcomesKeys.events, queryFn: getEventChoices, staleTime: 60_000 });

export function useRecordAction(eventId: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ActionInput) => recordAction(eventId, body), onSuccess: () => qc.invalidateQueries({ queryKey: outcomesKeys.all }) });
}

export function usePostUpdate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionUpdateInput) => postUpdate(id, body),
    onSuccess: (detail) => {
      qc.setQueryData(outcomesKeys.action(id), detail);
      void qc.invalidateQueries({ queryKey: outcomesKeys.all });
    },
  });
}

export function usePatchAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionPatch) => patchAction(id, body),
    onSuccess: (detail) => {
      qc.setQueryData(outcomesKeys.action(id), detail);
      void qc.invalidateQueries({ queryKey: outcomesKeys.all });
    },
  });
}

export function useImportActions(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string; dryRun: boolean }) => importActions(eventId, csv, dryRun),
    onSuccess: (r) => {
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: outcomesKeys.all });
    },
  });
}
