import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Disables the button while a request runs; the label stays so its accessible name never changes. */
  pending?: boolean;
}

export function Button({ variant = 'primary', pending = false, type = 'button', className, disabled, ...rest }: ButtonProps) {
  const classes = ['button', `button--${variant}`, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} disabled={disabled || pending} aria-busy={pending || undefined} {...rest} />;
}
