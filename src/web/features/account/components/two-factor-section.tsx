import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CurrentUser } from '@/contracts/auth';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Section } from '@/web/components/page';
import { useT } from '@/web/i18n/use-t';
import { roleRequiresTotp } from '@/web/lib/roles';
import { DisableTotpForm } from './disable-totp-form';
import { RegenerateCodesForm } from './regenerate-codes-form';

type Open = 'none' | 'regenerate' | 'disable';

export function TwoFactorSection({ user }: { user: CurrentUser }) {
  const t = useT();
  const navigate = useNavigate();
  // One form at a time: both ask for an authentication code, and two such fields would confuse.
  const [open, setOpen] = useState<Open>('none');
  const [turnedOff, setTurnedOff] = useState(false);
  const required = roleRequiresTotp(user.role);

  return (
    <Section title={t('twoFactor.title')}>
      {turnedOff ? <Alert kind="success" title={t('twoFactor.turnedOff')} /> : null}
      <p>
        <span className={user.totpEnabled ? 'badge badge--success' : 'badge badge--warning'}>
          {user.totpEnabled ? t('twoFactor.on') : t('twoFactor.off')}
        </span>{' '}
        {user.totpEnabled ? t('twoFactor.onExplain') : t('twoFactor.offExplain')}
      </p>
      {!user.totpEnabled ? (
        <Button onClick={() => void navigate('/account/two-factor/setup')}>{t('twoFactor.setUp')}</Button>
      ) : (
        <>
          <div className="form__actions">
            <Button
              variant="secondary"
              aria-expanded={open === 'regenerate'}
              onClick={() => setOpen(open === 'regenerate' ? 'none' : 'regenerate')}
            >
              {t('recovery.regenerate')}
            </Button>
            {!required ? (
              <Button
                variant="secondary"
                aria-expanded={open === 'disable'}
                onClick={() => {
                  setTurnedOff(false);
                  setOpen(open === 'disable' ? 'none' : 'disable');
                }}
              >
                {t('twoFactor.turnOff')}
              </Button>
            ) : null}
          </div>
          {required ? <p className="muted">{t('twoFactor.requiredForRole')}</p> : null}
          {open === 'regenerate' ? <RegenerateCodesForm /> : null}
          {open === 'disable' ? (
            <DisableTotpForm
              email={user.email}
              onDone={() => {
                setOpen('none');
                setTurnedOff(true);
              }}
            />
          ) : null}
        </>
      )}
    </Section>
  );
}
