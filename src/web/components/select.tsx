import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { describedBy, Field } from './field';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  options: readonly SelectOption[];
  description?: ReactNode;
  error?: string | undefined;
}

export function Select({ label, options, description, error, className, ...select }: SelectProps) {
  const id = useId();
  return (
    <Field id={id} label={label} description={description} error={error}>
      <select
        id={id}
        className={['input', 'select', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
