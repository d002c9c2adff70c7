import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Loading } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { useCurrentUser } from '@/web/lib/session';
import { Header } from './header';

export function RootLayout() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('layout.skipToContent')}
      </a>
      <Header user={user} />
      {/* tabIndex lets the skip link move focus here in every browser. */}
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  );
}
