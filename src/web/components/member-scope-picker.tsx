import { useId, useMemo, useState } from 'react';
import type { Member } from '@/contracts/reference';
import { useT } from '@/web/i18n/use-t';
import { Checkbox } from './checkbox';

interface MemberScopePickerProps {
  members: readonly Member[];
  value: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/**
 * Multi-select of Members as a filterable checkbox list: unlike <select multiple>, it works
 * the same with a mouse, a keyboard, a touch screen and a screen reader.
 */
export function MemberScopePicker({ members, value, onChange, error, disabled = false }: MemberScopePickerProps) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const errorId = useId();
  const selected = useMemo(() => new Set(value), [value]);
  const byCode = useMemo(() => new Map(members.map((m) => [m.code, m])), [members]);

  const needle = filter.trim().toLowerCase();
  const shown = members.filter(
    (m) => !needle || m.name.toLowerCase().includes(needle) || m.code.toLowerCase().includes(needle),
  );

  function toggle(code: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(code);
    else next.delete(code);
    onChange([...next].sort());
  }

  return (
    <fieldset
      className={error ? 'scope-picker field--invalid' : 'scope-picker'}
      aria-describedby={error ? errorId : undefined}
      disabled={disabled}
    >
      <legend className="field__label">{t('scopes.label')}</legend>
      <p className="field__description" aria-live="polite">
        {value.length === 0
          ? t('scopes.noneSelected')
          : t('scopes.selected', { list: value.map((c) => byCode.get(c)?.name ?? c).join(', ') })}
      </p>
      <label className="field__label field__label--minor" htmlFor={filterId}>
        {t('scopes.filter')}
      </label>
      <input
        id={filterId}
        className="input"
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        autoComplete="off"
      />
      <div className="scope-picker__list">
        {shown.length === 0 ? <p className="empty">{t('scopes.noMatch')}</p> : null}
        {shown.map((m) => (
          <Checkbox
            key={m.code}
            name="memberScopes"
            value={m.code}
            checked={selected.has(m.code)}
            onChange={(e) => toggle(m.code, e.target.checked)}
            label={
              <>
                {m.name} <span className="muted">({m.code})</span>
              </>
            }
          />
        ))}
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
