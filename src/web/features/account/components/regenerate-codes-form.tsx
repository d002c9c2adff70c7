import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/web/components/alert';
import { AuthCodeField } from '@/web/components/auth-code-field';
import { Button } from '@/web/components/button';
import { useT } from '@/web/i18n/use-t';
import { checkTotpCode, useFormErrors } from '@/web/lib/form-errors';
import { useRegenerateRecoveryCodes } from '../api';
import { RecoveryCodes } from './recovery-codes';

export function RegenerateCodesForm() {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const regenerate = useRegenerateRecoveryCodes();
  const [code, setCode] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!check(checkTotpCode(t, code))) return;
    regenerate.mutate(code.trim(), {
      onSuccess: () => setCode(''),
      onError: (error) => fromError(error, ['code']),
    });
  }

  if (regenerate.data) return <RecoveryCodes codes={regenerate.data.recoveryCodes} />;

  return (
    <form ref={form} className="form subform" onSubmit={onSubmit} noValidate>
      <p>{t('recovery.regenerateExplain')}</p>
      <FormAlert message={errors.form} />
      <AuthCodeField autoFocus value={code} onChange={setCode} error={errors.fields.code} />
      <Button type="submit" pending={regenerate.isPending}>
        {t('recovery.regenerateSubmit')}
      </Button>
    </form>
  );
}
