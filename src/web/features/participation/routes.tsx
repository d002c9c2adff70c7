import type { RouteObject } from 'react-router';

/** Pages of the participation feature for signed-in users (lazy, see app/lazy-route.ts), joined into app/router.tsx. */
export const participationSignedInRoutes: RouteObject[] = [];
