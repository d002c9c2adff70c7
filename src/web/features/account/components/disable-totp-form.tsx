import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/web/components/alert';
import { AuthCodeField } from '@/web/components/auth-code-field';
import { Button } from '@/web/components/button';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { checkTotpCode, useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useDisableTotp } from '../api';

const fields = ['password', 'code'] as const;

export function DisableTotpForm({ email, onDone }: { email: string; onDone: () => void }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const disable = useDisableTotp();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FieldErrors = {};
    if (!password) invalid.password = t('validation.passwordRequired');
    Object.assign(invalid, checkTotpCode(t, code));
    if (!check(invalid)) return;
    disable.mutate({ password, code: code.trim() }, { onSuccess: onDone, onError: (error) => fromError(error, fields) });
  }

  return (
    <form ref={form} className="form subform" onSubmit={onSubmit} noValidate>
      <p>{t('twoFactor.turnOffExplain')}</p>
      <FormAlert message={errors.form} />
      <input type="text" name="username" autoComplete="username" value={email} hidden readOnly />
      <TextField
        label={t('field.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.fields.password}
      />
      <AuthCodeField value={code} onChange={setCode} error={errors.fields.code} />
      <Button type="submit" variant="danger" pending={disable.isPending}>
        {t('twoFactor.turnOffSubmit')}
      </Button>
    </form>
  );
}
