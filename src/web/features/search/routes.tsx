import type { RouteObject } from 'react-router';

/** Pages of the global search feature (lazy, see app/lazy-route.ts), joined into app/router.tsx. */
export const searchPublicRoutes: RouteObject[] = [];

/** Pages for signed-in users only (rendered inside RequireAuth). */
export const searchSignedInRoutes: RouteObject[] = [];
