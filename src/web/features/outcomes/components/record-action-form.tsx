import { useRef, useState, type FormEvent } from 'react';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useFormErrors } from '@/web/lib/form-errors';
import { useReference } from '@/web/lib/reference';
import { ownerKinds, statuses, usePatchAction, usePriorities, useRecordAction, type ActionDetail, type ActionInput, type ActionStatus, type OwnerKind } from '../api';
import { TextArea } from '@/web/components/text-area';
import { CheckboxGroup } from './checkbox-group';

const fields = ['text', 'kind', 'code', 'dueDate', 'status', 'progress', 'themes', 'priorities'] as const;

/** The secretariat's form for recording an action from an event's outcome report. */
export function RecordActionForm({ eventId }: { eventId: string }) {
  const t = useT();
  const record = useRecordAction(eventId);
  return <ActionForm label={t('outcomes.record')} submitLabel={t('outcomes.form.recordSubmit')} doneLabel={t('outcomes.form.recorded')} pending={record.isPending} save={(body, o) => record.mutate(body, o)} resetAfter />;
}

/** The secretariat's form for correcting an action (wording, owner, due date, status, themes, priorities). */
export function EditActionForm({ action }: { action: ActionDetail }) {
  const t = useT();
  const patch = usePatchAction(action.id);
  return <ActionForm label={t('outcomes.edit')} submitLabel={t('common.save')} doneLabel={t('outcomes.form.saved')} pending={patch.isPending} save={(body, o) => patch.mutate(body, o)} initial={action} />;
}

interface ActionFormProps {
  label: string;
  submitLabel: string;
  doneLabel: string;
  pending: boolean;
  save: (body: ActionInput, o: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  initial?: ActionDetail;
  resetAfter?: boolean;
}

function ActionForm({ label, submitLabel, doneLabel, pending, save, initial, resetAfter = false }: ActionFormProps) {
  const t = useT();
  const reference = useReference();
  const priorities = usePriorities();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(formRef);
  const [text, setText] = useState(initial?.text ?? '');
  const [kind, setKind] = useState<OwnerKind>(initial?.owner.kind ?? 'member');
  const [code, setCode] = useState(initial && initial.owner.kind !== 'rso' ? initial.owner.code : '');
  const [dueDate, setDueDate] = useState(initial?.dueDate ?? '');
  const [status, setStatus] = useState<ActionStatus>(initial?.status ?? 'agreed');
  const [themes, setThemes] = useState<string[]>(initial?.themes ?? []);
  const [chosenPriorities, setPriorities] = useState<string[]>(initial?.priorities ?? []);
  const [done, setDone] = useState(false);

  const ownerOptions =
    kind === 'member'
      ? (reference.data?.members ?? []).map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))
      : kind === 'working_group'
        ? (reference.data?.workingGroups ?? []).map((w) => ({ value: w.code, label: w.name }))
        : [];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const invalid: Record<string, string> = {};
    if (!text.trim()) invalid.text = t('outcomes.validation.text');
    if (kind !== 'rso' && !code) invalid.code = t('outcomes.validation.owner');
    if (!check(invalid)) return;
    save(
      { text, owner: kind === 'rso' ? { kind } : { kind, code }, dueDate: dueDate || null, status, themes, priorities: chosenPriorities },
      {
        onSuccess: () => {
          if (resetAfter) {
            setText('');
            setCode('');
            setDueDate('');
            setThemes([]);
            setPriorities([]);
          }
          setDone(true);
        },
        onError: (error) => fromError(error, fields),
      },
    );
  }

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label={label}>
      <FormAlert message={errors.form} />
      {done ? <Alert kind="success" title={doneLabel} /> : null}
      <TextArea label={t('outcomes.form.actionText')} value={text} onChange={(e) => setText(e.target.value)} error={errors.fields.text} required rows={3} />
      <Select
        label={t('outcomes.form.ownerKind')}
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as OwnerKind);
          setCode('');
        }}
        options={ownerKinds.map((k) => ({ value: k, label: t(`outcomes.ownerKind.${k}`) }))}
      />
      {kind !== 'rso' ? (
        <Select label={t('outcomes.form.ownerCode')} value={code} onChange={(e) => setCode(e.target.value)} error={errors.fields.code} options={[{ value: '', label: t('outcomes.form.choose') }, ...ownerOptions]} />
      ) : null}
      <TextField label={t('outcomes.form.dueDate')} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} error={errors.fields.dueDate} />
      <Select label={t('outcomes.form.status')} value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)} options={statuses.map((s) => ({ value: s, label: t(`outcomes.status.${s}`) }))} />
      <CheckboxGroup legend={t('outcomes.field.themes')} options={(reference.data?.themes ?? []).map((x) => ({ value: x.code, label: x.name }))} value={themes} onChange={setThemes} error={errors.fields.themes} />
      <CheckboxGroup legend={t('outcomes.field.priorities')} options={(priorities.data?.items ?? []).map((x) => ({ value: x.code, label: x.name }))} value={chosenPriorities} onChange={setPriorities} error={errors.fields.priorities} />
      <div className="form__actions">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
