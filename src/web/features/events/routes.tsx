import type { RouteObject } from 'react-router';

/** Pages of the events feature (lazy, see app/lazy-route.ts), joined into app/router.tsx. */
export const eventsPublicRoutes: RouteObject[] = [];

/** Pages for signed-in users only (rendered inside RequireAuth). */
export const eventsSignedInRoutes: RouteObject[] = [];
