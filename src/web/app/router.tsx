import { createBrowserRouter } from 'react-router';
import { SignInRoute } from '@/web/features/auth/routes/sign-in';
import type { Role } from '@/contracts/roles';
import { can } from '@/web/lib/roles';
import { RequireArea, RequireAuth, TWO_FACTOR_SETUP } from './guards';
import { RootLayout } from './layout/root-layout';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

import { lazyRoute } from './lazy-route';
import { dialoguesPublicRoutes, dialoguesSignedInRoutes } from '@/web/features/dialogues/routes';
import { libraryPublicRoutes, librarySignedInRoutes } from '@/web/features/library/routes';
import { practicesPublicRoutes, practicesSignedInRoutes } from '@/web/features/practices/routes';
import { searchPublicRoutes, searchSignedInRoutes } from '@/web/features/search/routes';
import { eventsPublicRoutes, eventsSignedInRoutes } from '@/web/features/events/routes';
import { publicationsPublicRoutes } from '@/web/features/publications/routes';
import { outcomesSignedInRoutes } from '@/web/features/outcomes/routes';
import { participationSignedInRoutes } from '@/web/features/participation/routes';

// Pages outside the sign-in path load on demand (lazy-route.ts). Later features list their own pages in
// features/<name>/routes.tsx: public ones and signed-in ones.

const ForgotPassword = lazyRoute(() => import('@/web/features/auth/routes/forgot-password'), 'ForgotPasswordRoute');
const ResetPassword = lazyRoute(() => import('@/web/features/auth/routes/reset-password'), 'ResetPasswordRoute');
const Invitation = lazyRoute(() => import('@/web/features/auth/routes/invitation'), 'InvitationRoute');
const Account = lazyRoute(() => import('@/web/features/account/routes/account'), 'AccountRoute');
const TwoFactorSetup = lazyRoute(() => import('@/web/features/account/routes/two-factor-setup'), 'TwoFactorSetupRoute');
const Users = lazyRoute(() => import('@/web/features/admin-users/routes/users'), 'UsersRoute');
const UserDetail = lazyRoute(() => import('@/web/features/admin-users/routes/user-detail'), 'UserDetailRoute');
const Invitations = lazyRoute(() => import('@/web/features/invitations/routes/invitations'), 'InvitationsRoute');
const Outbox = lazyRoute(() => import('@/web/features/outbox/routes/outbox'), 'OutboxRoute');
const Audit = lazyRoute(() => import('@/web/features/audit/routes/audit'), 'AuditRoute');
const Directory = lazyRoute(() => import('@/web/features/directory/routes/directory'), 'DirectoryRoute');
const Agency = lazyRoute(() => import('@/web/features/directory/routes/agency'), 'AgencyRoute');
const AgencyNew = lazyRoute(() => import('@/web/features/directory/routes/agency-new'), 'AgencyNewRoute');
const PositionRedirect = lazyRoute(() => import('@/web/features/directory/routes/position-redirect'), 'PositionRedirectRoute');
const Person = lazyRoute(() => import('@/web/features/directory/routes/person'), 'PersonRoute');
const Due = lazyRoute(() => import('@/web/features/directory/routes/due'), 'DueRoute');
const Coverage = lazyRoute(() => import('@/web/features/directory/routes/coverage'), 'CoverageRoute');
const Network = lazyRoute(() => import('@/web/features/directory/routes/network'), 'NetworkRoute');
const ConfirmLink = lazyRoute(() => import('@/web/features/directory/routes/confirm'), 'ConfirmLinkRoute');
const DirectoryImport = lazyRoute(() => import('@/web/features/directory-exchange/routes/import'), 'DirectoryImportRoute');

/**
 * Fetches, in the background, the pages this visitor may open next, so that following a link
 * does not wait on the network. Admin pages are fetched only for roles that can open them.
 */
export function preloadRoutes(role: Role | null): void {
  const pages = role
    ? [
        Account,
        TwoFactorSetup,
        ...(can(role, 'users') ? [Users] : []),
        ...(can(role, 'manageUsers') ? [UserDetail] : []),
        ...(can(role, 'invitations') ? [Invitations] : []),
        ...(can(role, 'outbox') ? [Outbox] : []),
        ...(can(role, 'audit') ? [Audit] : []),
        Directory,
        Agency,
        Person,
        Network,
        ...(can(role, 'directoryEdit') ? [AgencyNew] : []),
        ...(can(role, 'directoryDue') ? [Due] : []),
        ...(can(role, 'directoryCoverage') ? [Coverage] : []),
      ]
    : [ForgotPassword, ResetPassword, Invitation, Directory, Agency, Person, Network];
  for (const page of pages) void page.preload().catch(() => undefined);
}

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { path: 'sign-in', element: <SignInRoute /> },
      { path: 'forgot-password', element: <ForgotPassword /> },
      { path: 'reset-password', element: <ResetPassword /> },
      { path: 'invitation/:token', element: <Invitation /> },
      // The directory is public: visitors search it and read what is published; signed-in people see more.
      { path: 'directory', element: <Directory /> },
      { path: 'directory/network', element: <Network /> },
      { path: 'directory/agencies/:id', element: <Agency /> },
      // Search hits now link straight to the agency's row; this stays for links made before.
      { path: 'directory/positions/:id', element: <PositionRedirect /> },
      { path: 'directory/people/:id', element: <Person /> },
      { path: 'directory/confirm/:token', element: <ConfirmLink /> },
      ...eventsPublicRoutes,
      ...publicationsPublicRoutes,
      ...libraryPublicRoutes,
      ...practicesPublicRoutes,
      ...dialoguesPublicRoutes,
      ...searchPublicRoutes,
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'account', element: <Account /> },
          { path: TWO_FACTOR_SETUP, element: <TwoFactorSetup /> },
          {
            element: <RequireArea area="users" />,
            children: [{ path: 'admin/users', element: <Users /> }],
          },
          {
            element: <RequireArea area="manageUsers" />,
            children: [{ path: 'admin/users/:id', element: <UserDetail /> }],
          },
          {
            element: <RequireArea area="invitations" />,
            children: [{ path: 'admin/invitations', element: <Invitations /> }],
          },
          {
            element: <RequireArea area="outbox" />,
            children: [{ path: 'admin/outbox', element: <Outbox /> }],
          },
          {
            element: <RequireArea area="audit" />,
            children: [{ path: 'admin/audit', element: <Audit /> }],
          },
          {
            element: <RequireArea area="directoryEdit" />,
            children: [{ path: 'directory/agencies/new', element: <AgencyNew /> }],
          },
          {
            element: <RequireArea area="directoryDue" />,
            children: [{ path: 'directory/due', element: <Due /> }],
          },
          {
            element: <RequireArea area="directoryCoverage" />,
            children: [{ path: 'directory/coverage', element: <Coverage /> }],
          },
          {
            // Importing spreadsheets: the same curators as editing (the server checks each row against their Members).
            element: <RequireArea area="directoryEdit" />,
            children: [{ path: 'directory/import/:id?', element: <DirectoryImport /> }],
          },
          ...eventsSignedInRoutes,
          ...outcomesSignedInRoutes,
          ...participationSignedInRoutes,
          ...librarySignedInRoutes,
          ...practicesSignedInRoutes,
          ...dialoguesSignedInRoutes,
          ...searchSignedInRoutes,
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
