import { useRef, useState, type FormEvent } from 'react';
import type { Position } from '@/contracts/directory';
import { FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useFormErrors } from '@/web/lib/form-errors';
import { useReference } from '@/web/lib/reference';
import { useCreatePosition } from '../api';
import { CheckboxGroup } from './checkbox-group';

const fields = ['title', 'workingGroupCode', 'themes'] as const;

interface PositionFormProps {
  agencyId: string;
  onSaved: (position: Position) => void;
  onCancel: () => void;
}

/** A new position in an agency: its title, the working group it serves, and its themes. */
export function PositionForm({ agencyId, onSaved, onCancel }: PositionFormProps) {
  const t = useT();
  const reference = useReference();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const create = useCreatePosition();
  const [title, setTitle] = useState('');
  const [workingGroupCode, setWorkingGroupCode] = useState('');
  const [themes, setThemes] = useState<string[]>([]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!check(title.trim() ? {} : { title: t('validation.positionTitleRequired') })) return;
    create.mutate(
      { agencyId, body: { title: title.trim(), workingGroupCode: workingGroupCode || null, themes } },
      { onSuccess: onSaved, onError: (error) => fromError(error, fields) },
    );
  }

  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={errors.form} />
      <TextField
        label={t('position.titleField')}
        description={t('position.titleHint')}
        name="title"
        required
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={errors.fields.title}
      />
      <Select
        label={t('directory.workingGroup')}
        name="workingGroupCode"
        value={workingGroupCode}
        onChange={(e) => setWorkingGroupCode(e.target.value)}
        options={[{ value: '', label: t('position.noWorkingGroup') }, ...(reference.data?.workingGroups ?? []).map((w) => ({ value: w.code, label: w.name }))]}
        error={errors.fields.workingGroupCode}
      />
      <CheckboxGroup
        legend={t('position.themes')}
        name="themes"
        options={(reference.data?.themes ?? []).map((th) => ({ value: th.code, label: th.name }))}
        value={themes}
        onChange={setThemes}
        error={errors.fields.themes}
      />
      <div className="form__actions">
        <Button type="submit" pending={create.isPending}>
          {t('position.add')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={create.isPending}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
