import type { RouteObject } from 'react-router';
import { lazyRoute } from '@/web/app/lazy-route';

const Tracker = lazyRoute(() => import('./routes/tracker'), 'TrackerRoute');
const ActionPage = lazyRoute(() => import('./routes/action'), 'ActionRoute');
const PreBriefing = lazyRoute(() => import('./routes/pre-briefing'), 'PreBriefingRoute');

/** Pages of the outcomes feature (lazy, see app/lazy-route.ts), joined into app/router.tsx. */
export const outcomesPublicRoutes: RouteObject[] = [];

/** Pages for signed-in users only (rendered inside RequireAuth); the API decides what each user sees. */
export const outcomesSignedInRoutes: RouteObject[] = [
  { path: 'outcomes', element: <Tracker /> },
  { path: 'outcomes/:id', element: <ActionPage /> },
  { path: 'events/:id/pre-briefing', element: <PreBriefing /> },
];
