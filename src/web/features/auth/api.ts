import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type {
  AcceptInvitationBody, InvitationPreview, LoginBody, LoginResult, ResetPasswordBody, SecondFactorBody, SessionInfo,
} from '@/contracts/auth';
import type { Ok } from '@/contracts/common';
import { api } from '@/web/lib/api-client';
import { endSession, setSession } from '@/web/lib/session';

export type LoginInput = LoginBody;
export type SecondFactorInput = SecondFactorBody;
export type ResetPasswordInput = ResetPasswordBody;
export type AcceptInvitationInput = AcceptInvitationBody;

export const login = (body: LoginInput) => api<LoginResult>('/api/auth/login', { method: 'POST', body });
export const loginSecondFactor = (body: SecondFactorInput) =>
  api<LoginResult>('/api/auth/login/second-factor', { method: 'POST', body });
export const logout = () => api<Ok>('/api/auth/logout', { method: 'POST' });
export const forgotPassword = (email: string) => api<Ok>('/api/auth/password/forgot', { method: 'POST', body: { email } });
export const resetPassword = (body: ResetPasswordInput) => api<Ok>('/api/auth/password/reset', { method: 'POST', body });
export const getInvitation = (token: string) => api<InvitationPreview>(`/api/auth/invitations/${encodeURIComponent(token)}`);
export const acceptInvitation = (token: string, body: AcceptInvitationInput) =>
  api<SessionInfo>(`/api/auth/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body });

function storeIfSignedIn(result: LoginResult): void {
  if (result.status === 'signed_in') setSession(result.session);
}

export function useLogin() {
  return useMutation({ mutationFn: login, onSuccess: storeIfSignedIn });
}

export function useSecondFactor() {
  return useMutation({ mutationFn: loginSecondFactor, onSuccess: storeIfSignedIn });
}

export function useLogout() {
  return useMutation({
    mutationFn: logout,
    // Forget the user locally even when the server call fails: the person asked to leave.
    onSettled: () => endSession('signedOut'),
  });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}

export const invitationQueryOptions = (token: string) =>
  queryOptions({ queryKey: ['invitation', token], queryFn: () => getInvitation(token), staleTime: Infinity });

export function useInvitation(token: string) {
  return useQuery(invitationQueryOptions(token));
}

export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (body: AcceptInvitationInput) => acceptInvitation(token, body),
    onSuccess: setSession,
  });
}
