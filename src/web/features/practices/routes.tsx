import type { RouteObject } from 'react-router';
import { lazyRoute } from '@/web/app/lazy-route';

const List = lazyRoute(() => import('./routes/practices'), 'PracticesRoute');
const One = lazyRoute(() => import('./routes/practice'), 'PracticeRoute');
const Edit = lazyRoute(() => import('./routes/practice-edit'), 'PracticeEditRoute');
const Review = lazyRoute(() => import('./routes/review'), 'PracticeReviewRoute');

/** Pages of the practices feature (lazy, see app/lazy-route.ts), joined into app/router.tsx. */
export const practicesPublicRoutes: RouteObject[] = [
  { path: 'practices', element: <List /> },
  { path: 'practices/:id', element: <One /> },
];

/** Pages for signed-in users only (rendered inside RequireAuth); the pages check the role themselves. */
export const practicesSignedInRoutes: RouteObject[] = [
  { path: 'practices/new', element: <Edit /> },
  { path: 'practices/:id/edit', element: <Edit /> },
  { path: 'practices/review', element: <Review /> },
];
