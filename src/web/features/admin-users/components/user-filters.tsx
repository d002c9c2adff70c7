import { useState, type FormEvent } from 'react';
import { Button } from '@/web/components/button';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { allRoles } from '@/web/lib/roles';
import type { Role } from '@/contracts/roles';
import type { UserFilters, UserStatus } from '../api';

interface UserFiltersFormProps {
  value: UserFilters;
  onApply: (filters: UserFilters) => void;
}

export function UserFiltersForm({ value, onApply }: UserFiltersFormProps) {
  const t = useT();
  const [q, setQ] = useState(value.q);
  const [role, setRole] = useState(value.role);
  const [status, setStatus] = useState(value.status);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onApply({ q: q.trim(), role, status });
  }

  return (
    <form className="filters" onSubmit={onSubmit} role="search" aria-label={t('users.filtersLabel')}>
      <TextField label={t('users.search')} name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      <Select
        label={t('field.role')}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role | '')}
        options={[{ value: '', label: t('users.anyRole') }, ...allRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
      />
      <Select
        label={t('users.status')}
        name="status"
        value={status}
        onChange={(e) => setStatus(e.target.value as UserStatus | '')}
        options={[
          { value: '', label: t('users.anyStatus') },
          { value: 'active', label: t('status.active') },
          { value: 'disabled', label: t('status.disabled') },
        ]}
      />
      <div className="filters__submit">
        <Button type="submit">{t('common.filter')}</Button>
      </div>
    </form>
  );
}
