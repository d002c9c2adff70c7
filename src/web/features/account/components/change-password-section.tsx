import { useRef, useState, type FormEvent } from 'react';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Section } from '@/web/components/page';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { rules, useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useChangePassword } from '../api';

const fields = ['currentPassword', 'newPassword', 'confirm'] as const;

export function ChangePasswordSection({ email }: { email: string }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    change.reset();
    const invalid: FieldErrors = {};
    if (!currentPassword) invalid.currentPassword = t('validation.currentPasswordRequired');
    if (newPassword.length < rules.minPassword) invalid.newPassword = t('validation.passwordLength', { min: rules.minPassword });
    else if (newPassword.length > rules.maxPassword) invalid.newPassword = t('validation.passwordTooLong', { max: rules.maxPassword });
    if (confirm !== newPassword) invalid.confirm = t('validation.passwordsDiffer');
    if (!check(invalid)) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setConfirm('');
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
        <TextField
          label={t('field.newPassword')}
          description={t('field.passwordRule', { min: rules.minPassword })}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={errors.fields.newPassword}
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
        <Button type="submit" pending={change.isPending}>
          {t('password.submit')}
        </Button>
      </form>
    </Section>
  );
}
