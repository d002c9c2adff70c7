import { useEffect, useState, type FormEvent } from 'react';
import type { MyParticipation } from '@/contracts/participation';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Checkbox } from '@/web/components/checkbox';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useRegister, useUnregister } from '../api';

/** The viewer's own participation: where they stand, registration with consent to be listed, cancelling. */
export function MyRegistration({ eventId, mine }: { eventId: string; mine: MyParticipation }) {
  const t = useT();
  const toMessages = useErrorMessages();
  const register = useRegister(eventId);
  const unregister = useUnregister(eventId);
  const p = mine.participant;
  const [consent, setConsent] = useState(p?.consentListed ?? false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setConsent(p?.consentListed ?? false), [p?.consentListed]);

  const status = p && !(p.status === 'cancelled' && mine.canRegister) ? p.status : mine.invited ? 'invited' : null;
  if (!status) return null;
  const message =
    status === 'waitlisted'
      ? t('participation.mine.waitlisted', { position: p?.waitlistPosition ?? '?' })
      : t(`participation.mine.${status}`);
  const registered = p?.status === 'registered' || (p?.status === 'waitlisted' && p.registeredAt !== null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    register.mutate(consent, {
      onSuccess: (next) => setNotice({ kind: 'success', text: !registered && next.participant?.status === 'registered' ? t('participation.registered') : t('participation.consentSaved') }),
      onError: (error) => setNotice({ kind: 'error', text: toMessages(error, []).form ?? t('error.network') }),
    });
  }

  return (
    <div className="participation-panel">
      <h3>{t('participation.mine')}</h3>
      <p>{message}</p>
      {notice ? <Alert kind={notice.kind} title={notice.text} /> : null}
      {mine.canRegister ? (
        <form className="form participation-form" onSubmit={onSubmit} aria-label={t('participation.mine')}>
          <div className="field">
            <Checkbox label={t('participation.consent')} checked={consent} onChange={(e) => setConsent(e.target.checked)} aria-describedby="participation-consent-hint" />
            <p className="field__description" id="participation-consent-hint">
              {t('participation.consentHint')}
            </p>
          </div>
          <div className="form__actions">
            <Button type="submit" pending={register.isPending}>
              {registered ? t('participation.saveConsent') : t('participation.register')}
            </Button>
            {p && ['approved', 'registered', 'waitlisted'].includes(p.status) ? (
              <Button variant="secondary" onClick={() => setConfirming(true)}>
                {t('participation.cancelMine')}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('participation.cancelTitle')}
        confirmLabel={t('participation.cancelConfirm')}
        danger
        pending={unregister.isPending}
        error={unregister.error ? (toMessages(unregister.error, []).form ?? null) : null}
        onCancel={() => {
          unregister.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          unregister.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              setNotice({ kind: 'success', text: t('participation.cancelledMine') });
            },
          })
        }
      >
        <p>{t('participation.cancelBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
