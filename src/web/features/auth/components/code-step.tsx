import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { useT } from '@/web/i18n/use-t';
import { useFormErrors } from '@/web/lib/form-errors';
import { useSecondFactor } from '../api';
import { checkSecondFactor, SecondFactorFields } from './second-factor-fields';

const fields = ['code', 'recoveryCode'] as const;

/** Second sign-in step: a code from the authenticator app, or a one-time recovery code. */
export function CodeStep({ challenge, onRestart }: { challenge: string; onRestart: () => void }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError, clear } = useFormErrors(form);
  const verify = useSecondFactor();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid = checkSecondFactor(useRecovery, code, recoveryCode, {
      code: t('validation.codeFormat'),
      recovery: t('validation.recoveryFormat'),
    });
    if (!check(invalid)) return;
    verify.mutate(
      useRecovery ? { challenge, recoveryCode: recoveryCode.trim() } : { challenge, code: code.trim() },
      { onError: (error) => fromError(error, fields) },
    );
  }

  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate>
      <p>{useRecovery ? t('signIn.recoveryIntro') : t('signIn.codeIntro')}</p>
      <FormAlert message={errors.form} />
      <SecondFactorFields
        useRecovery={useRecovery}
        onToggle={() => {
          clear();
          setUseRecovery((v) => !v);
        }}
        code={code}
        onCode={setCode}
        recoveryCode={recoveryCode}
        onRecoveryCode={setRecoveryCode}
        errors={errors.fields}
        autoFocus
      />
      <div className="form__actions">
        <Button type="submit" pending={verify.isPending}>
          {t('twoFactor.verify')}
        </Button>
        <Button variant="secondary" onClick={onRestart}>
          {t('signIn.startOver')}
        </Button>
      </div>
    </form>
  );
}
