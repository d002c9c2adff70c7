import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { MessageKey } from '@/web/i18n/en';
import { useLocale, useT, type Translate } from '@/web/i18n/use-t';
import { ApiError } from './api-client';

export type FieldErrors = Record<string, string>;

export interface FormErrors {
  fields: FieldErrors;
  /** Shown in the form-level alert. */
  form: string | null;
}

const noErrors: FormErrors = { fields: {}, form: null };

// Our own wording for codes, used when the interface is not in English (the server writes English).
const codeMessages: Partial<Record<string, MessageKey>> = {
  invalid_credentials: 'problem.invalidCredentials',
  invalid_code: 'problem.invalidCode',
  token_invalid: 'problem.tokenInvalid',
  forbidden: 'problem.forbidden',
  not_found: 'problem.notFound',
  conflict: 'problem.conflict',
  validation_failed: 'problem.validationFailed',
  second_factor_required: 'problem.secondFactorRequired',
  server_error: 'problem.serverError',
  internal_error: 'problem.serverError',
};

/** The last segment of a field path, so `body.password` and `password` both match the `password` input. */
function fieldName(path: string): string {
  return path.split(/[./]/).filter(Boolean).pop() ?? path;
}

/**
 * Splits an error into messages next to the named fields and one form-level message.
 * Messages for fields the form does not show go to the form-level alert, so none is lost.
 */
export function useErrorMessages() {
  const t = useT();
  const locale = useLocale();
  return useCallback(
    (error: unknown, knownFields: readonly string[]): FormErrors => {
      if (!(error instanceof ApiError)) return { fields: {}, form: t('error.network') };
      const { problem } = error;
      if (problem.code === 'rate_limited') {
        return {
          fields: {},
          form:
            error.retryAfter !== null ? t('error.rateLimited', { seconds: error.retryAfter }) : t('error.rateLimitedSoon'),
        };
      }
      const fields: FieldErrors = {};
      const others: string[] = [];
      for (const item of problem.errors ?? []) {
        const name = fieldName(item.field);
        if (knownFields.includes(name)) fields[name] ??= item.message;
        else others.push(item.message);
      }
      const key = codeMessages[problem.code];
      let headline = locale !== 'en' && key ? t(key) : (problem.detail ?? problem.title);
      // The server often repeats a field's message as the detail; say it once, by the field.
      if (Object.values(fields).includes(problem.detail ?? '')) headline = t('problem.validationFailed');
      return { fields, form: [headline, ...others].join(' ') };
    },
    [t, locale],
  );
}

/** Form error state; after each failed submit, focus goes to the first field marked invalid. */
export function useFormErrors(formRef: RefObject<HTMLFormElement | null>) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const toMessages = useErrorMessages();
  const attempt = useRef(0);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest, formRef]);

  const show = useCallback((next: FormErrors) => {
    setErrors(next);
    attempt.current += 1;
    setFocusRequest(attempt.current);
  }, []);

  return {
    errors,
    /** Client-side checks failed: returns false so callers can `if (!check(...)) return`. */
    check: useCallback(
      (fields: FieldErrors): boolean => {
        const failed = Object.keys(fields).length > 0;
        if (failed) show({ fields, form: null });
        else setErrors(noErrors);
        return !failed;
      },
      [show],
    ),
    fromError: useCallback(
      (error: unknown, knownFields: readonly string[]) => show(toMessages(error, knownFields)),
      [show, toMessages],
    ),
    clear: useCallback(() => setErrors(noErrors), []),
  };
}

/** Mirrors the contracts' field rules for instant feedback; the server checks them again. */
export const rules = {
  minPassword: 12,
  maxPassword: 256,
  isEmail: (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()),
  isTotpCode: (value: string) => /^\d{6}$/.test(value.trim()),
};

// Client-side checks shared by several forms. Each returns the messages for the fields that
// fail, keyed by field name, ready to merge into one `FieldErrors` for `check`.

/** A required, well-formed email address in the `email` field. */
export function checkEmail(t: Translate, email: string): FieldErrors {
  if (!email.trim()) return { email: t('validation.emailRequired') };
  return rules.isEmail(email) ? {} : { email: t('validation.emailInvalid') };
}

/** A six-digit code from an authenticator app in the `code` field. */
export function checkTotpCode(t: Translate, code: string): FieldErrors {
  return rules.isTotpCode(code) ? {} : { code: t('validation.codeFormat') };
}

/** A new password typed twice: the first under `name`, the second under `confirm`. */
export interface NewPassword {
  password: string;
  confirm: string;
}

export const emptyNewPassword: NewPassword = { password: '', confirm: '' };

/** The new password keeps to the length rules, and the confirmation matches it. */
export function checkNewPassword(t: Translate, { password, confirm }: NewPassword, name: string): FieldErrors {
  const invalid: FieldErrors = {};
  if (password.length < rules.minPassword) invalid[name] = t('validation.passwordLength', { min: rules.minPassword });
  else if (password.length > rules.maxPassword) invalid[name] = t('validation.passwordTooLong', { max: rules.maxPassword });
  if (confirm !== password) invalid.confirm = t('validation.passwordsDiffer');
  return invalid;
}
