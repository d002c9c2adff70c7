import { Navigate, Outlet, useLocation } from 'react-router';
import { Page } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { peekFlash } from '@/web/lib/flash';
import { can, type Area } from '@/web/lib/roles';
import { useSession } from '@/web/lib/session';

export const TWO_FACTOR_SETUP = '/account/two-factor/setup';

/** Pages for signed-in users; accounts that must set up two-factor authentication go there first. */
export function RequireAuth() {
  const t = useT();
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <Loading />;
  if (session.isError) {
    return (
      <Page title={t('error.title')}>
        <QueryError error={session.error} onRetry={() => void session.refetch()} />
      </Page>
    );
  }
  const user = session.data.user;
  if (!user) {
    // After signing out, the next person to sign in here starts at home, not on the last page.
    const state = peekFlash() === 'signedOut' ? null : { from: location.pathname + location.search };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  if (user.mustEnrollTotp && location.pathname !== TWO_FACTOR_SETUP) return <Navigate to={TWO_FACTOR_SETUP} replace />;
  return <Outlet />;
}

/** Hides a page from roles that may not use it; the API refuses them anyway. */
export function RequireArea({ area }: { area: Area }) {
  const t = useT();
  const { data } = useSession();
  const user = data?.user;
  if (user && can(user.role, area)) return <Outlet />;
  return (
    <Page title={t('forbidden.title')}>
      <p>{t('forbidden.body')}</p>
    </Page>
  );
}
