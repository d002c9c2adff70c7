import type { RouteObject } from 'react-router';

/** Pages of the outcomes feature (lazy, see app/lazy-route.ts), joined into app/router.tsx. */
export const outcomesPublicRoutes: RouteObject[] = [];

/** Pages for signed-in users only (rendered inside RequireAuth). */
export const outcomesSignedInRoutes: RouteObject[] = [];
