import { useT } from '@/web/i18n/use-t';
import { rules, type FieldErrors, type NewPassword } from '@/web/lib/form-errors';
import { TextField } from './text-field';

interface NewPasswordFieldsProps {
  /** Label of the first field, e.g. "New password", or "Password" when there is no old one. */
  label: string;
  /** Name of the first field, as the server's field errors call it; the second is always `confirm`. */
  name: string;
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  errors: FieldErrors;
}

/**
 * A new password and its confirmation, with the length rule shown up front. Check them on submit
 * with `checkNewPassword`. Both fields say `new-password`, so password managers offer to save it.
 */
export function NewPasswordFields({ label, name, value, onChange, errors }: NewPasswordFieldsProps) {
  const t = useT();
  return (
    <>
      <TextField
        label={label}
        description={t('field.passwordRule', { min: rules.minPassword })}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
        error={errors[name]}
      />
      <TextField
        label={t('field.confirmPassword')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        value={value.confirm}
        onChange={(e) => onChange({ ...value, confirm: e.target.value })}
        error={errors.confirm}
      />
    </>
  );
}
