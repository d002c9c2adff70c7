import type { RouteObject } from 'react-router';

/** Pages of the library feature (lazy, see app/lazy-route.ts), joined into app/router.tsx. */
export const libraryPublicRoutes: RouteObject[] = [];

/** Pages for signed-in users only (rendered inside RequireAuth). */
export const librarySignedInRoutes: RouteObject[] = [];
