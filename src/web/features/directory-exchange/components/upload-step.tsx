import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { TextField } from '@/web/components/text-field';
import type { MessageKey } from '@/web/i18n/en';
import { useLocale, useT, type Translate } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { sessionKey, useSession } from '@/web/lib/session';
import { exchangeKeys, exportUrl, MAX_UPLOAD_BYTES, uploadSpreadsheet } from '../api';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

// The server explains each refusal in English; the headline is ours, in the reader's language.
const errorTitles: Partial<Record<string, MessageKey>> = {
  file_empty: 'exchange.error.file_empty',
  file_unreadable: 'exchange.error.file_unreadable',
  unsupported_file: 'exchange.error.unsupported_file',
  payload_too_large: 'exchange.error.payload_too_large',
  unsupported_media_type: 'exchange.error.unsupported_media_type',
  forbidden: 'exchange.error.forbidden',
  csrf_failed: 'exchange.error.csrf_failed',
  rate_limited: 'exchange.error.rate_limited',
  unauthenticated: 'exchange.error.unauthenticated',
};

interface UploadError {
  title: string;
  detail: string | null;
}

function describe(t: Translate, error: unknown): UploadError {
  if (!(error instanceof ApiError)) return { title: t('exchange.error.network'), detail: null };
  const key = errorTitles[error.code] ?? (error.status === 401 ? 'exchange.error.unauthenticated' : undefined);
  return { title: key ? t(key) : t('exchange.error.other'), detail: error.problem.detail ?? error.problem.title };
}

function megabytes(bytes: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/** Step 1: choose a file and send it; the server reads it and answers with its columns. */
export function UploadStep() {
  const t = useT();
  const locale = useLocale();
  const session = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<UploadError | null>(null);
  const [sending, setSending] = useState<{ sent: number; total: number } | null>(null);
  const aborter = useRef<AbortController | null>(null);
  const progressLabel = useId();

  // Leaving the page stops an upload under way.
  useEffect(() => () => aborter.current?.abort(), []);

  function check(f: File | null): string | undefined {
    if (!f) return t('exchange.upload.choose');
    if (f.size === 0) return t('exchange.upload.empty');
    if (f.size > MAX_UPLOAD_BYTES) return t('exchange.upload.tooLarge', { size: megabytes(f.size, locale) });
    return undefined;
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const problem = check(file);
    setFieldError(problem);
    if (problem || !file) {
      form.current?.querySelector<HTMLInputElement>('input[type="file"]')?.focus();
      return;
    }
    const controller = new AbortController();
    aborter.current = controller;
    setSending({ sent: 0, total: file.size });
    uploadSpreadsheet(file, {
      csrfToken: session.data?.csrfToken ?? null,
      language: locale,
      signal: controller.signal,
      onProgress: (sent, total) => setSending({ sent, total }),
    })
      .then((created) => {
        qc.setQueryData(exchangeKeys.import(created.id), created);
        void qc.invalidateQueries({ queryKey: exchangeKeys.imports });
        void navigate(`/directory/import/${encodeURIComponent(created.id)}`, { state: { focusStep: true } });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setSending(null);
        setError(describe(t, err));
        // A session that ended meanwhile: let the app notice and send the user to sign in.
        if (err instanceof ApiError && err.status === 401) void qc.invalidateQueries({ queryKey: sessionKey });
      });
  }

  const percent = sending && sending.total > 0 ? Math.min(100, Math.round((sending.sent / sending.total) * 100)) : 0;
  const reading = sending !== null && percent >= 100;

  return (
    <>
      {error ? (
        <Alert kind="error" title={error.title}>
          {error.detail ? <p>{error.detail}</p> : null}
        </Alert>
      ) : null}
      <form ref={form} className="form" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('exchange.upload.file')}
          description={t('exchange.upload.fileHint')}
          name="file"
          type="file"
          accept={ACCEPT}
          disabled={sending !== null}
          error={fieldError}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setError(null);
            setFieldError(chosen ? check(chosen) : undefined);
          }}
        />
        {sending ? (
          <div className="import-progress">
            <p id={progressLabel} className="import-progress__label">
              {reading ? t('exchange.upload.reading', { file: file?.name ?? '' }) : t('exchange.upload.sending', { file: file?.name ?? '', percent })}
            </p>
            {/* Announced once per phase, not at every percent. */}
            <p role="status" className="visually-hidden">
              {reading ? t('exchange.upload.reading', { file: file?.name ?? '' }) : t('exchange.upload.started', { file: file?.name ?? '' })}
            </p>
            {/* Sent: how much; then indeterminate while the server reads the file. */}
            {reading ? <progress aria-labelledby={progressLabel} /> : <progress aria-labelledby={progressLabel} max={100} value={percent} />}
          </div>
        ) : null}
        <div className="actions">
          <Button type="submit" pending={sending !== null}>
            {t('exchange.upload.submit')}
          </Button>
        </div>
      </form>
      <p className="import-tip">
        {t('exchange.upload.tip')} <a href={exportUrl('xlsx', {})} download>{t('exchange.upload.tipLink')}</a>
      </p>
    </>
  );
}
