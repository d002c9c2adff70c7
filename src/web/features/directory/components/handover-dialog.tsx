import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Position, Visibility } from '@/contracts/directory';
import { FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Select } from '@/web/components/select';
import { Loading } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { checkEmail, useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useDirectorySearch, useHandOver, type HandoverBody } from '../api';
import { today, visibilityList } from '../options';
import { channelErrorFields, channelField } from './channels-editor';
import { TextArea } from '@/web/components/text-area';
import { PersonNameFields } from './person-name-fields';

const fields = ['personId', 'nameLatin', 'nameLocal', 'title', 'startDate', 'note', channelField(0, 'value'), channelField(0, 'visibility')] as const;
const noFilters = { member: '', subregion: '', mandate: '', workingGroup: '', agencyType: '', freshness: '' } as const;

interface HandoverDialogProps {
  /** The position to hand over; null keeps the dialog closed. */
  position: Position | null;
  onClose: () => void;
  onDone: (position: Position) => void;
}

/**
 * "Hand over": the position passes to someone already in the directory, or to a new person entered here.
 * A modal <dialog>, so focus stays inside and returns to the button that opened it.
 */
export function HandoverDialog({ position, onClose, onDone }: HandoverDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (position && !dialog.open) dialog.showModal();
    if (!position && dialog.open) dialog.close();
  }, [position]);

  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {position ? t('handover.title', { position: position.title }) : t('handover.button')}
      </h2>
      {position ? (
        <HandoverForm key={position.id} position={position} onClose={onClose} onDone={onDone} onPending={setPending} />
      ) : null}
    </dialog>
  );
}

function HandoverForm({ position, onClose, onDone, onPending }: { position: Position; onClose: () => void; onDone: (p: Position) => void; onPending: (p: boolean) => void }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const handOver = useHandOver();
  const [who, setWho] = useState<'new' | 'existing'>('new');
  const [find, setFind] = useState('');
  const [findQuery, setFindQuery] = useState('');
  const [personId, setPersonId] = useState('');
  const [nameLatin, setNameLatin] = useState('');
  const [nameLocal, setNameLocal] = useState('');
  const [title, setTitle] = useState('');
  const [email, setEmail] = useState('');
  const [emailVisibility, setEmailVisibility] = useState<Visibility>('members');
  const [startDate, setStartDate] = useState(today);
  const [note, setNote] = useState('');
  const groupName = useId();

  useEffect(() => onPending(handOver.isPending), [handOver.isPending, onPending]);

  // The person search waits for a pause in typing, like the directory's own search box.
  useEffect(() => {
    const timer = setTimeout(() => setFindQuery(find.trim()), 250);
    return () => clearTimeout(timer);
  }, [find]);
  // Only people: the server filters by kind, so every one of the hits asked for can be a person.
  const found = useDirectorySearch({ ...noFilters, kind: 'person', q: who === 'existing' ? findQuery : '' }, 25);
  const people = (found.data?.items ?? []).filter((h) => h.kind === 'person' && h.id !== position.holder?.id);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FieldErrors = {};
    if (who === 'existing' && !personId) invalid.personId = t('validation.choosePerson');
    if (who === 'new' && !nameLatin.trim()) invalid.nameLatin = t('validation.nameLatinRequired');
    if (who === 'new' && email.trim()) {
      const bad = checkEmail(t, email).email;
      if (bad) invalid[channelField(0, 'value')] = bad;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) invalid.startDate = t('validation.dateFormat');
    if (!check(invalid)) return;
    const body: HandoverBody =
      who === 'existing'
        ? { personId, startDate, ...(note.trim() ? { note: note.trim() } : {}) }
        : {
            person: {
              nameLatin: nameLatin.trim(),
              ...(nameLocal.trim() ? { nameLocal: nameLocal.trim() } : {}),
              ...(title.trim() ? { title: title.trim() } : {}),
              channels: email.trim() ? [{ kind: 'email', value: email.trim(), visibility: emailVisibility }] : [],
            },
            startDate,
            ...(note.trim() ? { note: note.trim() } : {}),
          };
    handOver.mutate(
      { id: position.id, body },
      { onSuccess: onDone, onError: (error) => fromError(channelErrorFields(error), fields) },
    );
  }

  return (
    <form ref={form} className="form form--dialog" onSubmit={onSubmit} noValidate>
      <p>{position.holder ? t('handover.explain', { name: position.holder.nameLatin }) : t('handover.explainVacant')}</p>
      <fieldset className="radio-group">
        <legend className="field__label">{t('handover.who')}</legend>
        {(['new', 'existing'] as const).map((value) => (
          <div className="checkbox" key={value}>
            <input id={`${groupName}-${value}`} type="radio" name={groupName} checked={who === value} onChange={() => setWho(value)} />
            <label htmlFor={`${groupName}-${value}`}>{t(value === 'new' ? 'handover.newPerson' : 'handover.existingPerson')}</label>
          </div>
        ))}
      </fieldset>

      {who === 'existing' ? (
        <div className="subform">
          <TextField
            label={t('handover.find')}
            description={t('handover.findHint')}
            type="search"
            autoComplete="off"
            value={find}
            onChange={(e) => setFind(e.target.value)}
          />
          <fieldset className="radio-group" aria-describedby={errors.fields.personId ? `${groupName}-person-error` : undefined}>
            <legend className="field__label">{t('handover.choosePerson')}</legend>
            {!findQuery ? (
              <p className="empty">{t('handover.typeToFind')}</p>
            ) : found.isFetching && people.length === 0 ? (
              <Loading />
            ) : people.length === 0 ? (
              <p className="empty">{t('handover.noneFound')}</p>
            ) : (
              people.map((p) => (
                <div className="checkbox" key={p.id}>
                  <input
                    id={`${groupName}-p-${p.id}`}
                    type="radio"
                    name={`${groupName}-person`}
                    value={p.id}
                    checked={personId === p.id}
                    aria-invalid={errors.fields.personId ? true : undefined}
                    onChange={() => setPersonId(p.id)}
                  />
                  <label htmlFor={`${groupName}-p-${p.id}`}>
                    <span dir="auto">{p.title}</span>
                    {p.subtitle ? (
                      <span className="muted" dir="auto">
                        {' '}
                        ({p.subtitle})
                      </span>
                    ) : null}
                  </label>
                </div>
              ))
            )}
            {errors.fields.personId ? (
              <p className="field__error" id={`${groupName}-person-error`}>
                {errors.fields.personId}
              </p>
            ) : null}
          </fieldset>
        </div>
      ) : (
        <div className="subform">
          <PersonNameFields
            value={{ nameLatin, nameLocal, title }}
            onChange={(n) => {
              setNameLatin(n.nameLatin);
              setNameLocal(n.nameLocal);
              setTitle(n.title);
            }}
            errors={errors.fields}
          />
          <TextField
            label={t('field.email')}
            name="email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.fields[channelField(0, 'value')]}
          />
          <Select
            label={t('handover.emailVisibility')}
            value={emailVisibility}
            onChange={(e) => setEmailVisibility(e.target.value as Visibility)}
            options={visibilityList.map((v) => ({ value: v, label: `${t(`visibility.${v}`)}: ${t(`visibility.${v}.hint`)}` }))}
            error={errors.fields[channelField(0, 'visibility')]}
          />
        </div>
      )}

      <TextField
        label={t('handover.startDate')}
        name="startDate"
        type="date"
        required
        value={startDate}
        onChange={(e) => setStartDate(e.target.value)}
        error={errors.fields.startDate}
      />
      <TextArea label={t('handover.note')} description={t('handover.noteHint')} name="note" value={note} onChange={(e) => setNote(e.target.value)} error={errors.fields.note} />
      <FormAlert message={errors.form} />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onClose} disabled={handOver.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" pending={handOver.isPending}>
          {t('handover.submit')}
        </Button>
      </div>
    </form>
  );
}
