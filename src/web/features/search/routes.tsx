import type { RouteObject } from 'react-router';
import { lazyRoute } from '@/web/app/lazy-route';

const Search = lazyRoute(() => import('./routes/search'), 'SearchRoute');

/** Pages of the global search feature (lazy, see app/lazy-route.ts), joined into app/router.tsx. */
export const searchPublicRoutes: RouteObject[] = [{ path: 'search', element: <Search /> }];

/** Pages for signed-in users only (rendered inside RequireAuth). */
export const searchSignedInRoutes: RouteObject[] = [];
