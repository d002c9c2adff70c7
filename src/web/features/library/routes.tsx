import type { RouteObject } from 'react-router';
import { lazyRoute } from '@/web/app/lazy-route';

const Library = lazyRoute(() => import('./routes/library'), 'LibraryRoute');
const ResourcePage = lazyRoute(() => import('./routes/resource'), 'ResourceRoute');
const ResourceEdit = lazyRoute(() => import('./routes/resource-edit'), 'ResourceEditRoute');

/** Pages of the library feature (lazy, see app/lazy-route.ts), joined into app/router.tsx. */
export const libraryPublicRoutes: RouteObject[] = [
  { path: 'library', element: <Library /> },
  { path: 'library/:id', element: <ResourcePage /> },
];

/** Pages for signed-in users only (rendered inside RequireAuth); the page itself checks for the secretariat. */
export const librarySignedInRoutes: RouteObject[] = [
  { path: 'library/new', element: <ResourceEdit /> },
  { path: 'library/:id/edit', element: <ResourceEdit /> },
];
