import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Ok } from '@/contracts/common';
import type { CreateInvitationBody, Invitation, InvitationList } from '@/contracts/users';
import { api } from '@/web/lib/api-client';

export type InvitationInput = CreateInvitationBody;

export const listInvitations = () => api<InvitationList>('/api/invitations');
export const createInvitation = (body: InvitationInput) => api<Invitation>('/api/invitations', { method: 'POST', body });
export const revokeInvitation = (id: string) =>
  api<Ok>(`/api/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const invitationKeys = { all: ['invitations'] as const };

export const invitationsQueryOptions = queryOptions({
  queryKey: invitationKeys.all,
  queryFn: listInvitations,
  select: (data) => data.items,
});

export function useInvitations() {
  return useQuery(invitationsQueryOptions);
}

export function useCreateInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => qc.invalidateQueries({ queryKey: invitationKeys.all }),
  });
}

export function useRevokeInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => qc.invalidateQueries({ queryKey: invitationKeys.all }),
  });
}
