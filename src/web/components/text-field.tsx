import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { describedBy, Field } from './field';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
}

export function TextField({ label, description, error, className, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <Field id={id} label={label} description={description} error={error}>
      <input
        id={id}
        className={['input', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        {...input}
      />
    </Field>
  );
}
