import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignableParticipant, BreakoutInput, BreakoutPatch, EventDetail, EventInput, EventList, EventPatch, GuestSpeakerList, GuestSpeakerProfile, SessionInput, SessionPatch } from '@/contracts/events';
import type { SearchResult } from '@/contracts/directory';
import { api, toQueryString } from '@/web/lib/api-client';

// Only types come from the contracts: a value import would pull zod into the web bundle.
export type { AssignableParticipant, BreakoutInput, BreakoutPatch, EventDetail, EventInput, EventList, EventPatch, GuestSpeakerProfile, SessionInput, SessionPatch };

/** What the events list is narrowed by; kept in the address. Empty string: no filter. */
export interface EventFilters {
  when: 'upcoming' | 'past';
  type: string;
  workingGroup: string;
  theme: string;
  q: string;
}

const enc = encodeURIComponent;
const PAGE = 20;

export const listEvents = (f: EventFilters, cursor?: string) => api<EventList>(`/api/events${toQueryString({ ...f, limit: PAGE, cursor })}`);
export const getEvent = (id: string) => api<EventDetail>(`/api/events/${enc(id)}`);
export const createEvent = (body: EventInput) => api<EventDetail>('/api/events', { method: 'POST', body });
export const updateEvent = (id: string, body: EventPatch) => api<EventDetail>(`/api/events/${enc(id)}`, { method: 'PATCH', body });
export const addSession = (id: string, body: SessionInput) => api<EventDetail>(`/api/events/${enc(id)}/sessions`, { method: 'POST', body });
export const updateSession = (id: string, sessionId: string, body: SessionPatch) => api<EventDetail>(`/api/events/${enc(id)}/sessions/${enc(sessionId)}`, { method: 'PATCH', body });
export const deleteSession = (id: string, sessionId: string) => api<EventDetail>(`/api/events/${enc(id)}/sessions/${enc(sessionId)}`, { method: 'DELETE' });
export const addBreakout = (id: string, body: BreakoutInput) => api<EventDetail>(`/api/events/${enc(id)}/breakouts`, { method: 'POST', body });
export const updateBreakout = (id: string, breakoutId: string, body: BreakoutPatch) => api<EventDetail>(`/api/events/${enc(id)}/breakouts/${enc(breakoutId)}`, { method: 'PATCH', body });
export const deleteBreakout = (id: string, breakoutId: string) => api<EventDetail>(`/api/events/${enc(id)}/breakouts/${enc(breakoutId)}`, { method: 'DELETE' });
export const listBreakoutCandidates = (id: string) => api<{ items: AssignableParticipant[] }>(`/api/events/${enc(id)}/breakout-candidates`);
/** People in the directory, for choosing a speaker. */
export const searchPeople = (q: string) => api<SearchResult>(`/api/directory/search${toQueryString({ q, kind: 'person', limit: 10 })}`);
/** Guest speaker profiles on file (earlier agendas), for reusing one. */
export const searchGuestSpeakers = (q: string) => api<GuestSpeakerList>(`/api/guest-speakers${toQueryString({ q })}`);

export const eventKeys = {
  all: ['events'] as const,
  list: (f: EventFilters) => ['events', 'list', f] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
  candidates: (id: string) => ['events', 'candidates', id] as const,
};

export const eventListOptions = (f: EventFilters) =>
  infiniteQueryOptions({
    queryKey: eventKeys.list(f),
    queryFn: ({ pageParam }) => listEvents(f, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
export const eventOptions = (id: string) => queryOptions({ queryKey: eventKeys.detail(id), queryFn: () => getEvent(id) });

export const useEventList = (f: EventFilters) => useInfiniteQuery(eventListOptions(f));
export const useEvent = (id: string) => useQuery(eventOptions(id));
export const useBreakoutCandidates = (id: string) => useQuery({ queryKey: eventKeys.candidates(id), queryFn: () => listBreakoutCandidates(id) });
export const usePeopleSearch = (q: string) => useQuery({ queryKey: ['events', 'people', q], queryFn: () => searchPeople(q), enabled: q.trim().length >= 2 });
export const useGuestSpeakerSearch = (q: string) => useQuery({ queryKey: ['events', 'guest-speakers', q.trim()], queryFn: () => searchGuestSpeakers(q.trim()), enabled: q.trim().length >= 2 });

/** Every write answers with the whole event: it replaces the cached one, and lists refresh. */
function useEventWrite<V>(fn: (v: V) => Promise<EventDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (event) => {
      qc.setQueryData(eventKeys.detail(event.id), event);
      if (event.slug) qc.setQueryData(eventKeys.detail(event.slug), event);
      void qc.invalidateQueries({ queryKey: ['events', 'list'] });
      void qc.invalidateQueries({ queryKey: eventKeys.candidates(event.id) });
    },
  });
}

export const useCreateEvent = () => useEventWrite((body: EventInput) => createEvent(body));
export const useUpdateEvent = () => useEventWrite(({ id, body }: { id: string; body: EventPatch }) => updateEvent(id, body));
export const useAddSession = () => useEventWrite(({ id, body }: { id: string; body: SessionInput }) => addSession(id, body));
export const useUpdateSession = () => useEventWrite(({ id, sessionId, body }: { id: string; sessionId: string; body: SessionPatch }) => updateSession(id, sessionId, body));
export const useDeleteSession = () => useEventWrite(({ id, sessionId }: { id: string; sessionId: string }) => deleteSession(id, sessionId));
export const useAddBreakout = () => useEventWrite(({ id, body }: { id: string; body: BreakoutInput }) => addBreakout(id, body));
export const useUpdateBreakout = () => useEventWrite(({ id, breakoutId, body }: { id: string; breakoutId: string; body: BreakoutPatch }) => updateBreakout(id, breakoutId, body));
export const useDeleteBreakout = () => useEventWrite(({ id, breakoutId }: { id: string; breakoutId: string }) => deleteBreakout(id, breakoutId));
