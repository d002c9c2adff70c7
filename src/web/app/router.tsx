import { lazy, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { SignInRoute } from '@/web/features/auth/routes/sign-in';
import { RequireArea, RequireAuth, TWO_FACTOR_SETUP } from './guards';
import { RootLayout } from './layout/root-layout';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

/**
 * Pages outside the sign-in path load on demand: the first page a visitor sees downloads only
 * React, the router, the query client and the sign-in form.
 */
function lazyRoute<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

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

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { path: 'sign-in', element: <SignInRoute /> },
      { path: 'forgot-password', element: <ForgotPassword /> },
      { path: 'reset-password', element: <ResetPassword /> },
      { path: 'invitation/:token', element: <Invitation /> },
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
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
