import { useRef, useState, type FormEvent } from 'react';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useFormErrors } from '@/web/lib/form-errors';
import { statuses, usePostUpdate, type ActionDetail, type ActionStatus } from '../api';
import { TextArea } from '@/web/components/text-area';

const fields = ['text', 'progress', 'status', 'evidenceUrl', 'evidenceNote', 'dated'] as const;

/** The owner's update: what happened, progress, status and evidence (a link and/or a note). */
export function UpdateForm({ action }: { action: ActionDetail }) {
  const t = useT();
  const post = usePostUpdate(action.id);
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(formRef);
  const [text, setText] = useState('');
  const [progress, setProgress] = useState(String(action.progress));
  const [status, setStatus] = useState<ActionStatus | ''>('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [evidenceNote, setEvidenceNote] = useState('');
  const [posted, setPosted] = useState(false);
  // Owners move an action on; dropping it or sending it back to "proposed" is the secretariat's (the server checks).
  const choices = action.canEdit ? statuses : statuses.filter((s) => s !== 'dropped' && s !== 'proposed');

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setPosted(false);
    const invalid: Record<string, string> = {};
    if (!text.trim()) invalid.text = t('outcomes.validation.updateText');
    if (!/^\d{1,3}$/.test(progress.trim()) || Number(progress) > 100) invalid.progress = t('outcomes.validation.progress');
    if (evidenceUrl.trim() && !/^https?:\/\/\S+$/i.test(evidenceUrl.trim())) invalid.evidenceUrl = t('outcomes.validation.url');
    if (!check(invalid)) return;
    const nextProgress = Number(progress);
    post.mutate(
      {
        text,
        ...(nextProgress !== action.progress ? { progress: nextProgress } : {}),
        ...(status ? { status } : {}),
        ...(evidenceUrl.trim() ? { evidenceUrl: evidenceUrl.trim() } : {}),
        ...(evidenceNote.trim() ? { evidenceNote } : {}),
      },
      {
        onSuccess: (detail) => {
          setText('');
          setStatus('');
          setEvidenceUrl('');
          setEvidenceNote('');
          setProgress(String(detail.progress));
          setPosted(true);
        },
        onError: (error) => fromError(error, fields),
      },
    );
  }

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label={t('outcomes.updateForm')}>
      <FormAlert message={errors.form} />
      {posted ? <Alert kind="success" title={t('outcomes.form.posted')} /> : null}
      <TextArea label={t('outcomes.form.updateText')} value={text} onChange={(e) => setText(e.target.value)} error={errors.fields.text} required />
      <TextField label={t('outcomes.form.progress')} inputMode="numeric" value={progress} onChange={(e) => setProgress(e.target.value)} error={errors.fields.progress} />
      <Select
        label={t('outcomes.form.status')}
        value={status}
        onChange={(e) => setStatus(e.target.value as ActionStatus | '')}
        error={errors.fields.status}
        options={[{ value: '', label: t('outcomes.form.keepStatus', { status: t(`outcomes.status.${action.status}`) }) }, ...choices.filter((s) => s !== action.status).map((s) => ({ value: s, label: t(`outcomes.status.${s}`) }))]}
      />
      <TextField label={t('outcomes.form.evidenceUrl')} description={t('outcomes.form.evidenceUrlHint')} type="url" value={evidenceUrl} onChange={(e) => setEvidenceUrl(e.target.value)} error={errors.fields.evidenceUrl} />
      <TextField label={t('outcomes.form.evidenceNote')} value={evidenceNote} onChange={(e) => setEvidenceNote(e.target.value)} error={errors.fields.evidenceNote} maxLength={500} />
      <div className="form__actions">
        <Button type="submit" pending={post.isPending}>
          {t('outcomes.form.postUpdate')}
        </Button>
      </div>
    </form>
  );
}
