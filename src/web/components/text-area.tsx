import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { describedBy, Field } from '@/web/components/field';

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
}

/** A multi-line text field, laid out like TextField. */
export function TextArea({ label, description, error, className, rows = 3, ...textarea }: TextAreaProps) {
  const id = useId();
  return (
    <Field id={id} label={label} description={description} error={error}>
      <textarea
        id={id}
        rows={rows}
        className={['input', 'textarea', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        {...textarea}
      />
    </Field>
  );
}
