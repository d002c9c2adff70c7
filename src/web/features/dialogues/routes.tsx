import type { RouteObject } from 'react-router';

/** Pages of the dialogues feature (lazy, see app/lazy-route.ts), joined into app/router.tsx. */
export const dialoguesPublicRoutes: RouteObject[] = [];

/** Pages for signed-in users only (rendered inside RequireAuth). */
export const dialoguesSignedInRoutes: RouteObject[] = [];
