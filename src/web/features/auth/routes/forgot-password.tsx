import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Page } from '@/web/components/page';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { checkEmail, useFormErrors } from '@/web/lib/form-errors';
import { useForgotPassword } from '../api';

export function ForgotPasswordRoute() {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!check(checkEmail(t, email))) return;
    forgot.mutate(email.trim(), { onError: (error) => fromError(error, ['email']) });
  }

  return (
    <Page title={t('forgot.title')} lead={forgot.isSuccess ? undefined : t('forgot.lead')}>
      {forgot.isSuccess ? (
        // The same answer whether or not the account exists, so the page reveals nothing.
        <Alert kind="success" title={t('forgot.sent', { email: email.trim() })}>
          <p>{t('forgot.sentDetail')}</p>
        </Alert>
      ) : (
        <form ref={form} className="form" onSubmit={onSubmit} noValidate>
          <FormAlert message={errors.form} />
          <TextField
            label={t('field.email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.fields.email}
          />
          <Button type="submit" pending={forgot.isPending}>
            {t('forgot.submit')}
          </Button>
        </form>
      )}
      <p className="after-form">
        <Link to="/sign-in">{t('common.backToSignIn')}</Link>
      </p>
    </Page>
  );
}
