import type { RouteObject } from 'react-router';
import { lazyRoute } from '@/web/app/lazy-route';

const Spaces = lazyRoute(() => import('./routes/spaces'), 'SpacesRoute');
const SpacePage = lazyRoute(() => import('./routes/space'), 'SpaceRoute');
const ThreadPage = lazyRoute(() => import('./routes/thread'), 'ThreadRoute');

/** Pages of the dialogues feature (lazy, see app/lazy-route.ts), joined into app/router.tsx. */
export const dialoguesPublicRoutes: RouteObject[] = [];

/** Pages for signed-in users only (rendered inside RequireAuth); the API decides what each user sees. */
export const dialoguesSignedInRoutes: RouteObject[] = [
  { path: 'dialogues', element: <Spaces /> },
  { path: 'dialogues/threads/:id', element: <ThreadPage /> },
  { path: 'dialogues/:spaceId', element: <SpacePage /> },
];
