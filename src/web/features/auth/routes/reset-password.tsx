import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { NewPasswordFields } from '@/web/components/new-password-fields';
import { Page } from '@/web/components/page';
import { useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { setFlash } from '@/web/lib/flash';
import { checkNewPassword, emptyNewPassword, useFormErrors } from '@/web/lib/form-errors';
import { useResetPassword } from '../api';
import { checkSecondFactor, SecondFactorFields } from '../components/second-factor-fields';

const fields = ['password', 'confirm', 'code', 'recoveryCode'] as const;

export function ResetPasswordRoute() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError, clear } = useFormErrors(form);
  const reset = useResetPassword();
  const [newPassword, setNewPassword] = useState(emptyNewPassword);
  // The server asks for a code only when the account has two-factor authentication.
  const [needsCode, setNeedsCode] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [tokenRejected, setTokenRejected] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid = checkNewPassword(t, newPassword, 'password');
    if (needsCode) {
      Object.assign(
        invalid,
        checkSecondFactor(useRecovery, code, recoveryCode, {
          code: t('validation.codeFormat'),
          recovery: t('validation.recoveryFormat'),
        }),
      );
    }
    if (!check(invalid)) return;
    const second = !needsCode ? {} : useRecovery ? { recoveryCode: recoveryCode.trim() } : { code: code.trim() };
    reset.mutate(
      { token, password: newPassword.password, ...second },
      {
        onSuccess: () => {
          setFlash('passwordReset');
          void navigate('/sign-in', { replace: true });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'second_factor_required' && !needsCode) {
            setNeedsCode(true);
            clear();
            return;
          }
          if (error instanceof ApiError && error.code === 'token_invalid') setTokenRejected(true);
          fromError(error, fields);
        },
      },
    );
  }

  if (!token || tokenRejected) {
    return (
      <Page title={t('reset.title')}>
        {tokenRejected ? <FormAlert message={errors.form} /> : <Alert kind="error" title={t('reset.noToken')} />}
        <p className="after-form">
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('reset.title')} lead={t('reset.lead')}>
      <form ref={form} className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={errors.form} />
        <NewPasswordFields
          label={t('field.newPassword')}
          name="password"
          value={newPassword}
          onChange={setNewPassword}
          errors={errors.fields}
        />
        {needsCode ? (
          <>
            <Alert kind="info" title={t('reset.codeNeeded')} />
            <SecondFactorFields
              useRecovery={useRecovery}
              onToggle={() => setUseRecovery((v) => !v)}
              code={code}
              onCode={setCode}
              recoveryCode={recoveryCode}
              onRecoveryCode={setRecoveryCode}
              errors={errors.fields}
              autoFocus
            />
          </>
        ) : null}
        <Button type="submit" pending={reset.isPending}>
          {t('reset.submit')}
        </Button>
      </form>
    </Page>
  );
}
