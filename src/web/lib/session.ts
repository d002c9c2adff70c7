import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CurrentUser, SessionInfo } from '@/contracts/auth';
import { getLocale, hasChosenLocale, setLocale } from '@/web/i18n/locale-store';
import { api, setCsrfToken } from './api-client';
import { setFlash } from './flash';
import { queryClient } from './query-client';

export const sessionKey = ['session'] as const;

const signedOut: SessionInfo = { user: null, csrfToken: null };

function adoptProfileLocale(user: CurrentUser | null): void {
  // A language picked on this device wins; otherwise follow the profile.
  if (user && !hasChosenLocale() && user.locale !== getLocale()) setLocale(user.locale, { remember: false });
}

async function fetchSession(): Promise<SessionInfo> {
  const info = await api<SessionInfo>('/api/auth/session');
  const previous = queryClient.getQueryData<SessionInfo>(sessionKey);
  setCsrfToken(info.csrfToken);
  adoptProfileLocale(info.user);
  // Signed in a moment ago, signed out now without asking: ended elsewhere or expired.
  if (previous?.user && !info.user) forgetUserData('sessionEnded');
  return info;
}

export const sessionQueryOptions = queryOptions({
  queryKey: sessionKey,
  queryFn: fetchSession,
  staleTime: 60_000,
});

export function useSession() {
  return useQuery(sessionQueryOptions);
}

/** The signed-in user, or null while loading or signed out. */
export function useCurrentUser(): CurrentUser | null {
  return useSession().data?.user ?? null;
}

/** Stores a session the server just returned (sign-in, accepted invitation). */
export function setSession(info: SessionInfo): void {
  setCsrfToken(info.csrfToken);
  adoptProfileLocale(info.user);
  queryClient.setQueryData(sessionKey, info);
}

export function setCurrentUser(user: CurrentUser): void {
  queryClient.setQueryData<SessionInfo>(sessionKey, (old) => (old ? { ...old, user } : old));
}

/** Drops everything cached for the previous user so the next one never sees it. */
function forgetUserData(reason: 'sessionEnded' | 'signedOut'): void {
  setFlash(reason);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
}

/** After sign-out or a 401: clear the user, then fetch a fresh anonymous session. */
export function endSession(reason: 'sessionEnded' | 'signedOut'): void {
  if (!queryClient.getQueryData<SessionInfo>(sessionKey)?.user) return;
  forgetUserData(reason);
  setSession(signedOut);
  void queryClient.invalidateQueries({ queryKey: sessionKey });
}
