import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useLocale, useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { sessionKey, useSession } from '@/web/lib/session';
import {
  languageList, paperKindList, papersKeys, sendUpload, sensitivityList, uploadPaperUrl, uploadVersionUrl,
  type Paper, type PaperKind, type Sensitivity,
} from '../api';
import { formatSize, languageName } from '@/web/lib/format';

const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.txt,.csv,application/pdf,image/png,image/jpeg,text/plain,text/csv';

interface Failure {
  detail: string | null;
  fields: Record<string, string>;
}

/**
 * The part both upload forms share: the file input, the progress while it is sent and checked, and the server's
 * refusal (its message, and each field's). `extra` holds the form's other fields.
 */
function useUpload(maxMb: number) {
  const t = useT();
  const locale = useLocale();
  const session = useSession();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState<{ sent: number; total: number } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const aborter = useRef<AbortController | null>(null);
  useEffect(() => () => aborter.current?.abort(), []);

  function check(f: File | null): string | undefined {
    if (!f) return t('papers.upload.choose');
    if (f.size === 0) return t('papers.upload.empty');
    if (f.size > maxMb * 1024 * 1024) return t('papers.upload.tooLarge', { size: formatSize(f.size, locale), max: maxMb });
    return undefined;
  }

  async function send(url: string, form: FormData): Promise<Paper | null> {
    setFailure(null);
    const problem = check(file);
    setFileError(problem);
    if (problem || !file) return null;
    form.set('file', file, file.name);
    const controller = new AbortController();
    aborter.current = controller;
    setSending({ sent: 0, total: file.size });
    try {
      return await sendUpload(url, form, { csrfToken: session.data?.csrfToken ?? null, language: locale, signal: controller.signal, onProgress: (sent, total) => setSending({ sent, total }) });
    } catch (err) {
      if (controller.signal.aborted) return null;
      if (err instanceof ApiError) {
        const fields = Object.fromEntries((err.problem.errors ?? []).map((e) => [e.field, e.message]));
        setFailure({ detail: err.problem.detail ?? err.problem.title, fields });
        if (fields.file) setFileError(fields.file);
        if (err.status === 401) void qc.invalidateQueries({ queryKey: sessionKey });
      } else {
        setFailure({ detail: t('papers.upload.network'), fields: {} });
      }
      return null;
    } finally {
      setSending(null);
    }
  }

  const fileInput = (name: string): ReactNode => (
    <TextField
      label={t('papers.upload.file')}
      description={t('papers.upload.fileHint', { max: maxMb })}
      name={name}
      type="file"
      accept={ACCEPT}
      disabled={sending !== null}
      error={fileError}
      onChange={(e) => {
        const chosen = e.target.files?.[0] ?? null;
        setFile(chosen);
        setFailure(null);
        setFileError(chosen ? check(chosen) : undefined);
      }}
    />
  );

  return { file, setFile, sending, failure, fileInput, send };
}

function Progress({ sending, fileName }: { sending: { sent: number; total: number }; fileName: string }) {
  const t = useT();
  const labelId = useId();
  const percent = sending.total > 0 ? Math.min(100, Math.round((sending.sent / sending.total) * 100)) : 0;
  const checking = percent >= 100;
  const label = checking ? t('papers.upload.checking', { file: fileName }) : t('papers.upload.sending', { file: fileName, percent });
  return (
    <div className="paper-progress">
      <p id={labelId}>{label}</p>
      {checking ? <progress aria-labelledby={labelId} /> : <progress aria-labelledby={labelId} max={100} value={percent} />}
    </div>
  );
}

function Failed({ failure }: { failure: Failure }) {
  const t = useT();
  return (
    <Alert kind="error" title={t('papers.upload.failed')}>
      {failure.detail ? <p>{failure.detail}</p> : null}
    </Alert>
  );
}

/** The secretariat's form for a new paper of an event. */
export function UploadPaperForm({ eventId, maxMb, originals, onDone }: { eventId: string; maxMb: number; originals: readonly Paper[]; onDone: (message: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const qc = useQueryClient();
  const upload = useUpload(maxMb);
  const form = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<PaperKind>('concept_note');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<string>(locale === 'id' ? 'id' : 'en');
  const [sensitivity, setSensitivity] = useState<Sensitivity>('members');
  const [translationOf, setTranslationOf] = useState('');
  const [note, setNote] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const missingTitle = title.trim() === '' ? t('papers.upload.titleRequired') : undefined;
    setTitleError(missingTitle);
    if (missingTitle) {
      form.current?.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
      return;
    }
    const data = new FormData();
    data.set('kind', kind);
    data.set('title', title.trim());
    data.set('language', language);
    data.set('sensitivity', sensitivity);
    if (translationOf) data.set('translationOf', translationOf);
    if (note.trim()) data.set('note', note.trim());
    void upload.send(uploadPaperUrl(eventId), data).then((paper) => {
      if (!paper) {
        form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        return;
      }
      void qc.invalidateQueries({ queryKey: papersKeys.event(eventId) });
      form.current?.reset();
      upload.setFile(null);
      setTitle('');
      setNote('');
      setTranslationOf('');
      onDone(t('papers.upload.done', { title: paper.title }));
    });
  }

  const fields = upload.failure?.fields ?? {};
  return (
    <form ref={form} className="form paper-form" noValidate onSubmit={onSubmit}>
      {upload.failure ? <Failed failure={upload.failure} /> : null}
      {upload.fileInput('file')}
      <Select label={t('papers.upload.kind')} name="kind" value={kind} error={fields.kind} onChange={(e) => setKind(e.target.value as PaperKind)} options={paperKindList.map((k) => ({ value: k, label: t(`papers.kindOne.${k}`) }))} />
      <TextField label={t('papers.upload.paperTitle')} name="title" value={title} maxLength={300} error={titleError ?? fields.title} onChange={(e) => setTitle(e.target.value)} />
      <Select label={t('papers.upload.language')} name="language" value={language} error={fields.language} onChange={(e) => setLanguage(e.target.value)} options={languageList.map((l) => ({ value: l, label: `${languageName(l, locale)} (${l})` }))} />
      <Select
        label={t('papers.upload.sensitivity')}
        description={t('papers.upload.sensitivityHint')}
        name="sensitivity"
        value={sensitivity}
        error={fields.sensitivity}
        onChange={(e) => setSensitivity(e.target.value as Sensitivity)}
        options={sensitivityList.map((s) => ({ value: s, label: t(`papers.sensitivity.${s}`) }))}
      />
      {originals.length > 0 ? (
        <Select
          label={t('papers.upload.translationOf')}
          name="translationOf"
          value={translationOf}
          error={fields.translationOf}
          onChange={(e) => setTranslationOf(e.target.value)}
          options={[{ value: '', label: t('papers.upload.translationNone') }, ...originals.map((p) => ({ value: p.id, label: `${p.title} (${languageName(p.language, locale)})` }))]}
        />
      ) : null}
      <TextField label={t('papers.upload.note')} name="note" value={note} maxLength={1000} error={fields.note} onChange={(e) => setNote(e.target.value)} />
      {upload.sending ? <Progress sending={upload.sending} fileName={upload.file?.name ?? ''} /> : null}
      <div className="actions">
        <Button type="submit" pending={upload.sending !== null}>
          {t('papers.upload.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The secretariat's form for a new version of one paper. */
export function NewVersionForm({ paper, maxMb, onDone }: { paper: Paper; maxMb: number; onDone: (message: string) => void }) {
  const t = useT();
  const qc = useQueryClient();
  const upload = useUpload(maxMb);
  const form = useRef<HTMLFormElement>(null);
  const [note, setNote] = useState('');

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const data = new FormData();
    if (note.trim()) data.set('note', note.trim());
    void upload.send(uploadVersionUrl(paper.id), data).then((updated) => {
      if (!updated) {
        form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        return;
      }
      void qc.invalidateQueries({ queryKey: papersKeys.event(paper.eventId) });
      void qc.invalidateQueries({ queryKey: papersKeys.versions(paper.id) });
      form.current?.reset();
      upload.setFile(null);
      setNote('');
      onDone(t('papers.newVersion.done', { number: updated.latest.number, title: updated.title }));
    });
  }

  return (
    <form ref={form} className="form paper-form" noValidate onSubmit={onSubmit}>
      {upload.failure ? <Failed failure={upload.failure} /> : null}
      {upload.fileInput('file')}
      <TextField label={t('papers.upload.note')} name="note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      {upload.sending ? <Progress sending={upload.sending} fileName={upload.file?.name ?? ''} /> : null}
      <div className="actions">
        <Button type="submit" pending={upload.sending !== null}>
          {t('papers.newVersion.submit')}
        </Button>
      </div>
    </form>
  );
}
