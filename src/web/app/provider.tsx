import { useEffect, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { onEnrollmentRequired, onSessionEnded } from '@/web/lib/api-client';
import { queryClient } from '@/web/lib/query-client';
import { endSession, sessionKey } from '@/web/lib/session';
import { TWO_FACTOR_SETUP } from './guards';
import { router } from './router';

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

  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
