import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button } from '@/web/components/button';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import type { AuditFilters } from '../api';

export function AuditFiltersForm({ value, onApply }: { value: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  const [rangeError, setRangeError] = useState<string | undefined>();

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
      actorId: draft.actorId.trim(),
      entity: draft.entity.trim(),
      action: draft.action.trim(),
      from: draft.from,
      to: draft.to,
    });
  }

  return (
    <form className="filters" onSubmit={onSubmit} role="search" aria-label={t('audit.filtersLabel')} noValidate>
      <TextField label={t('audit.actorId')} name="actorId" value={draft.actorId} onChange={set('actorId')} />
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
