import { useEffect, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { onEnrollmentRequired, onSessionEnded } from '@/web/lib/api-client';
import { queryClient } from '@/web/lib/query-client';
import { endSession, sessionKey, useCurrentUser } from '@/web/lib/session';
import { TWO_FACTOR_SETUP } from './guards';
import { preloadRoutes, router } from './router';

/** Once the first page has settled, fetch the pages this person can go to next. */
function RoutePreloader() {
  // Keyed on the role alone: it decides which pages; other changes to the user do not.
  const role = useCurrentUser()?.role ?? null;
  useEffect(() => {
    const timer = setTimeout(() => preloadRoutes(role), 1500);
    return () => clearTimeout(timer);
  }, [role]);
  return null;
}

export function AppProvider({ children }: { children: ReactNode }) {
  useEffect(() => {
    // A 401 anywhere means the session is gone: route guards then send the person to sign in.
    const offEnded = onSessionEnded(() => endSession('sessionEnded'));
    const offEnrol = onEnrollmentRequired(() => {
      void queryClient.invalidateQueries({ queryKey: sessionKey });
      void router.navigate(TWO_FACTOR_SETUP);
    });
    return () => {
      offEnded();
      offEnrol();
    };
  }, []);

  return (
    <QueryClientProvider client={queryClient}>
      <RoutePreloader />
      {children}
    </QueryClientProvider>
  );
}
