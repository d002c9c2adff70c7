import type { RouteObject } from 'react-router';

/** Pages of the practices feature (lazy, see app/lazy-route.ts), joined into app/router.tsx. */
export const practicesPublicRoutes: RouteObject[] = [];

/** Pages for signed-in users only (rendered inside RequireAuth). */
export const practicesSignedInRoutes: RouteObject[] = [];
