import type { ReactNode } from 'react';

interface AlertProps {
  kind?: 'error' | 'success' | 'info';
  title?: ReactNode;
  children?: ReactNode;
}

/** Errors interrupt (role=alert); success and info wait their turn (role=status). */
export function Alert({ kind = 'info', title, children }: AlertProps) {
  return (
    <div className={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert__title">{title}</p> : null}
      {children ? <div className="alert__body">{children}</div> : null}
    </div>
  );
}

/** The form-level error, if any. Inserted only when there is one: an inserted role=alert is announced. */
export function FormAlert({ message }: { message: string | null }) {
  return message ? <Alert kind="error" title={message} /> : null;
}
