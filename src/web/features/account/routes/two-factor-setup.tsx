import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Page } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { sessionKey, useCurrentUser } from '@/web/lib/session';
import { useStartTotpSetup } from '../api';
import { RecoveryCodes } from '../components/recovery-codes';
import { TotpEnrol } from '../components/totp-enrol';

export function TwoFactorSetupRoute() {
  const t = useT();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const user = useCurrentUser();
  const start = useStartTotpSetup();
  // Decided once: after confirming, the session says "on", but the codes must still show.
  const [alreadyOn] = useState(() => user?.totpEnabled ?? false);
  const [mandatory] = useState(() => user?.mustEnrollTotp ?? false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [leaving, setLeaving] = useState(false);
  const requested = useRef(false);

  useEffect(() => {
    // The page exists to set up: ask for a secret straight away, once.
    if (alreadyOn || requested.current) return;
    requested.current = true;
    start.mutate();
  }, [alreadyOn, start]);

  async function finish() {
    setLeaving(true);
    // Refetch first, so route guards no longer see an account that must enrol.
    await qc.invalidateQueries({ queryKey: sessionKey });
    void navigate(mandatory ? '/' : '/account', { replace: true });
  }

  let body;
  if (codes) {
    body = (
      <>
        <Alert kind="success" title={t('setup.done')} />
        <RecoveryCodes codes={codes} />
        <Button onClick={() => void finish()} pending={leaving}>
          {t('setup.savedContinue')}
        </Button>
      </>
    );
  } else if (alreadyOn) {
    body = (
      <>
        <Alert kind="info" title={t('setup.alreadyOn')} />
        <p>
          <Link to="/account">{t('setup.backToAccount')}</Link>
        </p>
      </>
    );
  } else if (start.isError) {
    body = <QueryError error={start.error} onRetry={() => start.mutate()} />;
  } else if (!start.data) {
    body = <Loading />;
  } else {
    body = <TotpEnrol setup={start.data} onConfirmed={setCodes} />;
  }

  return (
    <Page title={t('setup.title')} lead={mandatory && !codes ? t('setup.mandatory') : t('setup.lead')}>
      {body}
    </Page>
  );
}
