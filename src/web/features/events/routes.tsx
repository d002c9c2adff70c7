import type { RouteObject } from 'react-router';
import { RequireArea } from '@/web/app/guards';
import { lazyRoute } from '@/web/app/lazy-route';

const Events = lazyRoute(() => import('./routes/events'), 'EventsRoute');
const Event = lazyRoute(() => import('./routes/event'), 'EventRoute');
const EventNew = lazyRoute(() => import('./routes/event-new'), 'EventNewRoute');
const EventEdit = lazyRoute(() => import('./routes/event-edit'), 'EventEditRoute');

/** Pages of the events feature (lazy, see app/lazy-route.ts), joined into app/router.tsx. Anyone sees the list and published public events. */
export const eventsPublicRoutes: RouteObject[] = [
  { path: 'events', element: <Events /> },
  { path: 'events/:id', element: <Event /> },
];

/** Pages for signed-in users only (rendered inside RequireAuth): the secretariat creates and edits events. */
export const eventsSignedInRoutes: RouteObject[] = [
  {
    element: <RequireArea area="eventsManage" />,
    children: [
      { path: 'events/new', element: <EventNew /> },
      { path: 'events/:id/edit', element: <EventEdit /> },
    ],
  },
];
