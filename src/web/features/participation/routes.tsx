import type { RouteObject } from 'react-router';
import { lazyRoute } from '@/web/app/lazy-route';

const CheckIn = lazyRoute(() => import('./routes/check-in'), 'CheckInRoute');
const Participants = lazyRoute(() => import('./routes/participants'), 'ParticipantsRoute');

/**
 * Pages of the participation feature for signed-in users (lazy, see app/lazy-route.ts), joined into
 * app/router.tsx. The check-in page answers non-secretariat users with a message; the API refuses them anyway.
 */
export const participationSignedInRoutes: RouteObject[] = [
  { path: 'events/:id/check-in', element: <CheckIn /> },
  { path: 'events/:id/participants', element: <Participants /> },
];
