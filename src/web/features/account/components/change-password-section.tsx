import { useRef, useState, type FormEvent } from 'react';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { NewPasswordFields } from '@/web/components/new-password-fields';
import { Section } from '@/web/components/page';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { checkNewPassword, emptyNewPassword, useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useChangePassword } from '../api';

const fields = ['currentPassword', 'newPassword', 'confirm'] as const;

export function ChangePasswordSection({ email }: { email: string }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState(emptyNewPassword);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    change.reset();
    const invalid: FieldErrors = {};
    if (!currentPassword) invalid.currentPassword = t('validation.currentPasswordRequired');
    Object.assign(invalid, checkNewPassword(t, newPassword, 'newPassword'));
    if (!check(invalid)) return;
    change.mutate(
      { currentPassword, newPassword: newPassword.password },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword(emptyNewPassword);
        },
        onError: (error) => fromError(error, fields),
      },
    );
  }

  return (
    <Section title={t('password.title')}>
      <form ref={form} className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={errors.form} />
        {change.isSuccess ? <Alert kind="success" title={t('password.changed')} /> : null}
        {/* Lets password managers tie the new password to this account. */}
        <input type="text" name="username" autoComplete="username" value={email} hidden readOnly />
        <TextField
          label={t('field.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={errors.fields.currentPassword}
        />
        <NewPasswordFields
          label={t('field.newPassword')}
          name="newPassword"
          value={newPassword}
          onChange={setNewPassword}
          errors={errors.fields}
        />
        <Button type="submit" pending={change.isPending}>
          {t('password.submit')}
        </Button>
      </form>
    </Section>
  );
}
