import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@/contracts/roles';
import type { Invitation } from '@/contracts/users';
import { api } from '@/web/lib/api-client';

export interface InvitationInput {
  email: string;
  role: Role;
  memberScopes: string[];
}

export const listInvitations = () => api<{ items: Invitation[] }>('/api/invitations');
export const createInvitation = (body: InvitationInput) => api<Invitation>('/api/invitations', { method: 'POST', body });
export const revokeInvitation = (id: string) =>
  api<{ ok: true }>(`/api/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });

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
