import { useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button } from '@/web/components/button';
import { SearchPicker } from '@/web/components/search-picker';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { actorQueryOptions, findActors, type AuditActor, type AuditFilters } from '../api';

export function AuditFiltersForm({ value, onApply }: { value: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  const [rangeError, setRangeError] = useState<string | undefined>();
  // The address carries the person's id; the box shows their name once it is known (the id if the account is gone).
  const known = useQuery(actorQueryOptions(value.actorId));
  const [picked, setPicked] = useState<AuditActor | null | undefined>(undefined);
  const fromAddress = value.actorId ? (known.data ?? (known.isError ? { id: value.actorId, name: value.actorId, email: '' } : null)) : null;
  const actor = picked === undefined ? fromAddress : picked;

  const set = (name: keyof AuditFilters) => (e: ChangeEvent<HTMLInputElement>) =>
    setDraft((d) => ({ ...d, [name]: e.target.value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // ISO dates compare correctly as strings.
    if (draft.from && draft.to && draft.from > draft.to) {
      setRangeError(t('audit.rangeInvalid'));
      return;
    }
    setRangeError(undefined);
    onApply({
      // Untouched, the filter keeps the id from the address even while the name is still loading.
      actorId: picked === undefined ? value.actorId : (picked?.id ?? ''),
      entity: draft.entity.trim(),
      action: draft.action.trim(),
      from: draft.from,
      to: draft.to,
    });
  }

  return (
    <form className="filters" onSubmit={onSubmit} role="search" aria-label={t('audit.filtersLabel')} noValidate>
      <SearchPicker<AuditActor>
        label={t('audit.actorPicker')}
        description={t('audit.actorPickerHint')}
        name="actor"
        queryKey={['audit', 'actor-picker']}
        search={findActors}
        optionId={(p) => p.id}
        optionLabel={(p) => p.name}
        renderOption={(p) => <>{p.name} <span className="muted">{p.email}</span></>}
        value={actor}
        onChange={setPicked}
      />
      <TextField label={t('audit.entity')} name="entity" value={draft.entity} onChange={set('entity')} />
      <TextField label={t('audit.action')} name="action" value={draft.action} onChange={set('action')} />
      <TextField label={t('audit.from')} name="from" type="date" value={draft.from} onChange={set('from')} />
      <TextField
        label={t('audit.to')}
        name="to"
        type="date"
        value={draft.to}
        onChange={set('to')}
        error={rangeError}
      />
      <div className="filters__submit">
        <Button type="submit">{t('common.filter')}</Button>
      </div>
    </form>
  );
}
