import { useEffect, useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { Alert } from '@/web/components/alert';
import { Page } from '@/web/components/page';
import type { MessageKey } from '@/web/i18n/en';
import { useT } from '@/web/i18n/use-t';
import { clearFlash, peekFlash, type FlashKey } from '@/web/lib/flash';
import { useSession } from '@/web/lib/session';
import { CodeStep } from '../components/code-step';
import { PasswordStep } from '../components/password-step';

const notices: Record<FlashKey, MessageKey> = {
  sessionEnded: 'signIn.sessionEnded',
  signedOut: 'signIn.signedOut',
  passwordReset: 'signIn.passwordReset',
};

/** Where to go after signing in: only paths inside the app, never another site. */
function returnPath(state: unknown): string {
  const from = typeof state === 'object' && state !== null && 'from' in state ? state.from : null;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function SignInRoute() {
  const t = useT();
  const location = useLocation();
  const session = useSession();
  const [challenge, setChallenge] = useState<string | null>(null);
  const [notice] = useState(peekFlash);

  useEffect(() => clearFlash(), []);

  // Signed in (just now, or already): go where the person was heading.
  if (session.data?.user) return <Navigate to={returnPath(location.state)} replace />;

  return (
    <Page title={t('signIn.title')}>
      {notice ? <Alert kind="info" title={t(notices[notice])} /> : null}
      {challenge ? (
        <CodeStep challenge={challenge} onRestart={() => setChallenge(null)} />
      ) : (
        <PasswordStep onChallenge={setChallenge} />
      )}
      <p className="after-form">
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
    </Page>
  );
}
