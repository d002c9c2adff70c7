import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** One client for the app; lib/session needs it outside React to react to ended sessions. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change on retry; only network and 5xx failures are worth another try.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
    },
  },
});
