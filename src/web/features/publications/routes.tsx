import type { RouteObject } from 'react-router';
import { lazyRoute } from '@/web/app/lazy-route';

const Reports = lazyRoute(() => import('./routes/reports'), 'ReportsRoute');

/** Pages of the published reports (lazy, see app/lazy-route.ts), joined into app/router.tsx. Anyone may look. */
export const publicationsPublicRoutes: RouteObject[] = [{ path: 'reports', element: <Reports /> }];
