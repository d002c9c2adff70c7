import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Ok } from '@/contracts/common';
import type {
  Candidate, Invitation, InvitationInput, InvitationList, MyParticipation, NominationInput, Participant, ParticipantList, ParticipantStatus,
} from '@/contracts/participation';
import { api, toQueryString } from '@/web/lib/api-client';

// Only types come from the contracts: a value import would pull zod into the web bundle.
export type { Candidate, Invitation, InvitationInput, InvitationList, MyParticipation, NominationInput, Participant, ParticipantList, ParticipantStatus };

export interface ParticipantFilters {
  status?: ParticipantStatus | '';
  q?: string;
}

interface EventTitle {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  capacity: number | null;
}

const enc = encodeURIComponent;
const base = (eventId: string) => `/api/events/${enc(eventId)}`;

// Fetchers, one per API call.
export const getEventTitle = (eventId: string) => api<EventTitle>(base(eventId));
export const getInvitations = (eventId: string) => api<InvitationList>(`${base(eventId)}/invitations`);
export const createInvitation = (eventId: string, body: InvitationInput) => api<Invitation>(`${base(eventId)}/invitations`, { method: 'POST', body });
export const updateInvitation = (eventId: string, id: string, quota: number) =>
  api<Invitation>(`${base(eventId)}/invitations/${enc(id)}`, { method: 'PATCH', body: { quota } });
export const removeInvitation = (eventId: string, id: string) => api<Ok>(`${base(eventId)}/invitations/${enc(id)}`, { method: 'DELETE' });
export const getParticipants = (eventId: string, f: ParticipantFilters = {}) =>
  api<ParticipantList>(`${base(eventId)}/participants${toQueryString({ status: f.status, q: f.q })}`);
export const getCandidates = (eventId: string, member: string) =>
  api<{ items: Candidate[] }>(`${base(eventId)}/candidates${toQueryString({ member })}`);
export const nominate = (eventId: string, body: NominationInput) => api<Participant>(`${base(eventId)}/participants`, { method: 'POST', body });
export const decide = (eventId: string, id: string, decision: 'approve' | 'decline' | 'cancel') =>
  api<Participant>(`${base(eventId)}/participants/${enc(id)}/${decision}`, { method: 'POST', body: {} });
export const setCheckIn = (eventId: string, id: string, checkedIn: boolean) =>
  api<Participant>(`${base(eventId)}/participants/${enc(id)}/check-in`, { method: checkedIn ? 'POST' : 'DELETE' });
export const getMine = (eventId: string) => api<MyParticipation>(`${base(eventId)}/registration`);
export const register = (eventId: string, consentListed: boolean) =>
  api<MyParticipation>(`${base(eventId)}/registration`, { method: 'PUT', body: { consentListed } });
export const unregister = (eventId: string) => api<MyParticipation>(`${base(eventId)}/registration`, { method: 'DELETE' });
export const getAgencies = (member: string) =>
  api<{ items: { id: string; nameEn: string }[] }>(`/api/directory/agencies${toQueryString({ member, limit: 200 })}`);

export const participationKeys = {
  event: (eventId: string) => ['participation', eventId] as const,
  title: (eventId: string) => ['participation', eventId, 'title'] as const,
  invitations: (eventId: string) => ['participation', eventId, 'invitations'] as const,
  participants: (eventId: string, f: ParticipantFilters) => ['participation', eventId, 'participants', f] as const,
  candidates: (eventId: string, member: string) => ['participation', eventId, 'candidates', member] as const,
  mine: (eventId: string) => ['participation', eventId, 'mine'] as const,
  agencies: (member: string) => ['participation', 'agencies', member] as const,
};

export function useEventTitle(eventId: string) {
  return useQuery(queryOptions({ queryKey: participationKeys.title(eventId), queryFn: () => getEventTitle(eventId), retry: false }));
}

export function useInvitations(eventId: string, enabled = true) {
  return useQuery(queryOptions({ queryKey: participationKeys.invitations(eventId), queryFn: () => getInvitations(eventId), enabled }));
}

export function useParticipants(eventId: string, f: ParticipantFilters = {}, enabled = true) {
  return useQuery(queryOptions({ queryKey: participationKeys.participants(eventId, f), queryFn: () => getParticipants(eventId, f), enabled, retry: false }));
}

export function useCandidates(eventId: string, member: string) {
  return useQuery(queryOptions({ queryKey: participationKeys.candidates(eventId, member), queryFn: () => getCandidates(eventId, member), enabled: member !== '' }));
}

export function useMine(eventId: string, enabled = true) {
  return useQuery(queryOptions({ queryKey: participationKeys.mine(eventId), queryFn: () => getMine(eventId), enabled }));
}

export function useAgencies(member: string) {
  return useQuery(queryOptions({ queryKey: participationKeys.agencies(member), queryFn: () => getAgencies(member), enabled: member !== '', staleTime: 60_000 }));
}

/** Any change may move counts, quotas, the waitlist and the viewer's own state: refresh the event's participation. */
function useRefresh(eventId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: participationKeys.event(eventId), predicate: (q) => q.queryKey[2] !== 'title' });
}

export function useCreateInvitation(eventId: string) {
  const refresh = useRefresh(eventId);
  return useMutation({ mutationFn: (body: InvitationInput) => createInvitation(eventId, body), onSuccess: refresh });
}

export function useUpdateInvitation(eventId: string) {
  const refresh = useRefresh(eventId);
  return useMutation({ mutationFn: ({ id, quota }: { id: string; quota: number }) => updateInvitation(eventId, id, quota), onSuccess: refresh });
}

export function useRemoveInvitation(eventId: string) {
  const refresh = useRefresh(eventId);
  return useMutation({ mutationFn: (id: string) => removeInvitation(eventId, id), onSuccess: refresh });
}

export function useNominate(eventId: string) {
  const refresh = useRefresh(eventId);
  return useMutation({ mutationFn: (body: NominationInput) => nominate(eventId, body), onSuccess: refresh });
}

export function useDecide(eventId: string) {
  const refresh = useRefresh(eventId);
  return useMutation({ mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'decline' | 'cancel' }) => decide(eventId, id, decision), onSuccess: refresh });
}

export function useCheckIn(eventId: string) {
  const refresh = useRefresh(eventId);
  return useMutation({ mutationFn: ({ id, checkedIn }: { id: string; checkedIn: boolean }) => setCheckIn(eventId, id, checkedIn), onSuccess: refresh });
}

export function useRegister(eventId: string) {
  const qc = useQueryClient();
  const refresh = useRefresh(eventId);
  return useMutation({
    mutationFn: (consentListed: boolean) => register(eventId, consentListed),
    onSuccess: async (mine) => {
      qc.setQueryData(participationKeys.mine(eventId), mine);
      await refresh();
    },
  });
}

export function useUnregister(eventId: string) {
  const qc = useQueryClient();
  const refresh = useRefresh(eventId);
  return useMutation({
    mutationFn: () => unregister(eventId),
    onSuccess: async (mine) => {
      qc.setQueryData(participationKeys.mine(eventId), mine);
      await refresh();
    },
  });
}
