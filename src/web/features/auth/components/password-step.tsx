import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { checkEmail, useFormErrors } from '@/web/lib/form-errors';
import { useLogin } from '../api';

const fields = ['email', 'password'] as const;

/** First sign-in step; hands over to the code step when the account has two-factor authentication. */
export function PasswordStep({ onChallenge }: { onChallenge: (challenge: string) => void }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid = checkEmail(t, email);
    if (!password) invalid.password = t('validation.passwordRequired');
    if (!check(invalid)) return;
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (result) => {
          if (result.status === 'second_factor_required') onChallenge(result.challenge);
        },
        onError: (error) => fromError(error, fields),
      },
    );
  }

  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={errors.form} />
      <TextField
        label={t('field.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.fields.email}
      />
      <TextField
        label={t('field.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.fields.password}
      />
      <Button type="submit" pending={login.isPending}>
        {t('signIn.submit')}
      </Button>
    </form>
  );
}
