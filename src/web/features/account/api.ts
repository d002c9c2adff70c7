import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountSession, ChangePasswordBody, RecoveryCodes, TotpSetup, UpdateProfileBody } from '@/contracts/account';
import type { CurrentUser } from '@/contracts/auth';
import type { Ok } from '@/contracts/common';
import { api } from '@/web/lib/api-client';
import { endSession, sessionKey, setCurrentUser } from '@/web/lib/session';

export type ProfileInput = UpdateProfileBody;

export const getSessions = () => api<AccountSession[]>('/api/account/sessions');
export const deleteSession = (id: string) =>
  api<Ok>(`/api/account/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const changePassword = (body: ChangePasswordBody) =>
  api<Ok>('/api/account/password', { method: 'POST', body });
export const startTotpSetup = () => api<TotpSetup>('/api/account/totp/setup', { method: 'POST' });
export const confirmTotp = (code: string) =>
  api<RecoveryCodes>('/api/account/totp/confirm', { method: 'POST', body: { code } });
export const regenerateRecoveryCodes = (code: string) =>
  api<RecoveryCodes>('/api/account/totp/recovery-codes', { method: 'POST', body: { code } });
export const disableTotp = (body: { password: string; code: string }) =>
  api<Ok>('/api/account/totp', { method: 'DELETE', body });
export const updateProfile = (body: ProfileInput) =>
  api<CurrentUser>('/api/account/profile', { method: 'PATCH', body });

export const accountKeys = {
  sessions: ['account', 'sessions'] as const,
};

export const sessionsQueryOptions = queryOptions({ queryKey: accountKeys.sessions, queryFn: getSessions });

export function useSessions() {
  return useQuery(sessionsQueryOptions);
}

export function useEndSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (session: AccountSession) => deleteSession(session.id),
    onSuccess: (_ok, session) => {
      // Ending this device's session signs the person out here too.
      if (session.current) endSession('signedOut');
      else void qc.invalidateQueries({ queryKey: accountKeys.sessions });
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // The server may end the other sessions when the password changes.
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useStartTotpSetup() {
  return useMutation({ mutationFn: startTotpSetup });
}

/** Confirms the first code. The session is refreshed later, once the codes have been saved. */
export function useConfirmTotp() {
  return useMutation({ mutationFn: confirmTotp });
}

export function useRegenerateRecoveryCodes() {
  return useMutation({ mutationFn: regenerateRecoveryCodes });
}

export function useDisableTotp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: disableTotp,
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useUpdateProfile() {
  return useMutation({ mutationFn: updateProfile, onSuccess: setCurrentUser });
}
