import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/web/components/button';
import { useT } from '@/web/i18n/use-t';
import { preview } from '../api';

/**
 * A Markdown text area with formatting help and a preview rendered by the server (the same sanitised HTML every
 * reader gets). The preview is shown with dangerouslySetInnerHTML only because the server sanitised it.
 */
export function Composer({ label, value, onChange, error, name, children }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; name: string; children?: ReactNode }) {
  const t = useT();
  const id = useId();
  const [html, setHtml] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <details className="dialogues-help">
        <summary>{t('dialogues.markdownHelp')}</summary>
        <p id={`${id}-help`}>{t('dialogues.markdownHelp.text')}</p>
      </details>
      {children}
      <textarea
        id={id}
        name={name}
        className="input dialogues-textarea"
        rows={6}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          setHtml(null);
        }}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="dialogues-actions">
        <Button
          variant="secondary"
          pending={pending}
          onClick={() => {
            setPending(true);
            preview(value)
              .then((r) => setHtml(r.html))
              .catch(() => setHtml(''))
              .finally(() => setPending(false));
          }}
        >
          {t('dialogues.preview')}
        </Button>
      </div>
      {html !== null ? (
        <div className="dialogues-preview" aria-live="polite">
          <p className="dialogues-preview__title">{t('dialogues.previewTitle')}</p>
          {/* Sanitised on the server (markdown-it without HTML, then sanitize-html). */}
          <div className="dialogues-body" dangerouslySetInnerHTML={{ __html: html }} />
        </div>
      ) : null}
    </div>
  );
}
