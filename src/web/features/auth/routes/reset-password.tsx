import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Page } from '@/web/components/page';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { setFlash } from '@/web/lib/flash';
import { rules, useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
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
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  // The server asks for a code only when the account has two-factor authentication.
  const [needsCode, setNeedsCode] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [tokenRejected, setTokenRejected] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FieldErrors = {};
    if (password.length < rules.minPassword) invalid.password = t('validation.passwordLength', { min: rules.minPassword });
    else if (password.length > rules.maxPassword) invalid.password = t('validation.passwordTooLong', { max: rules.maxPassword });
    if (confirm !== password) invalid.confirm = t('validation.passwordsDiffer');
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
      { token, password, ...second },
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
        <TextField
          label={t('field.newPassword')}
          description={t('field.passwordRule', { min: rules.minPassword })}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
        />
        <TextField
          label={t('field.confirmPassword')}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={errors.fields.confirm}
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
