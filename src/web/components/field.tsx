import type { ReactNode } from 'react';

/** Ids for a control's description and error, joined for aria-describedby. */
export function describedBy(id: string, description: ReactNode, error: string | undefined): string | undefined {
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  /** Extra class names for the wrapper (a composite control's own styles). */
  className?: string;
  children: ReactNode;
}

/** Label, optional description, the control, then its error: the order a screen reader meets them. */
export function Field({ id, label, description, error, className, children }: FieldProps) {
  const classes = ['field', error ? 'field--invalid' : null, className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {description ? (
        <p className="field__description" id={`${id}-description`}>
          {description}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
