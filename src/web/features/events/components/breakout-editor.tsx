import { useRef, useState, type FormEvent } from 'react';
import type { Breakout, EventDetail } from '@/contracts/events';
import { FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Checkbox } from '@/web/components/checkbox';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useAddBreakout, useBreakoutCandidates, useUpdateBreakout } from '../api';
import { TextArea } from '@/web/components/text-area';

const fields = ['name', 'description', 'sessionId', 'participantIds'] as const;

/** Adds or edits a breakout group and picks its participants from the event's participants. */
export function BreakoutForm({ event, breakout, onDone }: { event: EventDetail; breakout?: Breakout; onDone: () => void }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const candidates = useBreakoutCandidates(event.id);
  const add = useAddBreakout();
  const update = useUpdateBreakout();
  const [name, setName] = useState(breakout?.name ?? '');
  const [description, setDescription] = useState(breakout?.description ?? '');
  const [sessionId, setSessionId] = useState(breakout?.sessionId ?? '');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const selected = chosen ?? (breakout ? (candidates.data?.items ?? []).filter((p) => p.breakoutIds.includes(breakout.id)).map((p) => p.id) : []);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const invalid: FieldErrors = {};
    if (!name.trim()) invalid.name = t('events.validation.breakoutName');
    if (!check(invalid)) return;
    const body = { name: name.trim(), description: description.trim() || null, sessionId: sessionId || null, participantIds: selected };
    const onError = (error: unknown) => fromError(error, fields);
    if (breakout) update.mutate({ id: event.id, breakoutId: breakout.id, body }, { onSuccess: onDone, onError });
    else add.mutate({ id: event.id, body }, { onSuccess: onDone, onError });
  }

  return (
    <form ref={form} className="form form--wide subform" onSubmit={onSubmit} noValidate aria-label={breakout ? t('events.editBreakoutNamed', { name: breakout.name }) : t('events.addBreakout')}>
      <FormAlert message={errors.form} />
      <TextField label={t('events.breakout.name')} name="name" required value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} />
      <TextArea label={t('events.breakout.description')} name="description" value={description} onChange={(e) => setDescription(e.target.value)} error={errors.fields.description} />
      <Select
        label={t('events.breakout.session')}
        name="sessionId"
        value={sessionId}
        onChange={(e) => setSessionId(e.target.value)}
        options={[{ value: '', label: t('events.breakout.noSession') }, ...event.sessions.map((s) => ({ value: s.id, label: s.title }))]}
        error={errors.fields.sessionId}
      />
      <fieldset className="checkbox-group breakout-members">
        <legend>{t('events.breakout.members')}</legend>
        {errors.fields.participantIds ? <p className="field__error">{errors.fields.participantIds}</p> : null}
        {candidates.isPending ? (
          <Loading />
        ) : candidates.isError ? (
          <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />
        ) : candidates.data.items.length === 0 ? (
          <p className="empty">{t('events.noParticipants')}</p>
        ) : (
          candidates.data.items.map((p) => (
            <Checkbox
              key={p.id}
              label={`${p.name}${p.memberCode ? ` (${p.memberCode})` : ''}`}
              checked={selected.includes(p.id)}
              onChange={(e) => setChosen(e.target.checked ? [...selected, p.id] : selected.filter((x) => x !== p.id))}
            />
          ))
        )}
      </fieldset>
      <div className="form__actions">
        <Button type="submit" pending={add.isPending || update.isPending}>
          {breakout ? t('events.saveBreakout') : t('events.addBreakout')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
