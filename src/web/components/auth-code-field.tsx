import type { ReactNode } from 'react';
import { useT } from '@/web/i18n/use-t';
import { TextField } from './text-field';

interface AuthCodeFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  autoFocus?: boolean | undefined;
}

/**
 * The six-digit code from an authenticator app, in the `code` field. Spaces are dropped as they
 * are typed, since apps often show the code as two groups of three.
 */
export function AuthCodeField({ value, onChange, error, description, autoFocus }: AuthCodeFieldProps) {
  const t = useT();
  return (
    <TextField
      label={t('field.authCode')}
      description={description}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={9} // room for a pasted "123 456"; spaces are removed on input
      required
      autoFocus={autoFocus}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\s/g, ''))}
      error={error}
    />
  );
}
