import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '@/web/i18n/use-t';
import { describedBy, Field } from './field';
import './search-picker.css';

interface SearchPickerProps<T> {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  /** Part of the query key: results are cached per key and typed text. */
  queryKey: readonly unknown[];
  search: (text: string) => Promise<readonly T[]>;
  optionId: (option: T) => string;
  /** The text put in the box once the option is chosen. */
  optionLabel: (option: T) => string;
  /** What a row of the list shows (defaults to the label). */
  renderOption?: (option: T) => ReactNode;
  /** Options that cannot be chosen (e.g. already a member): shown, marked, skipped by the keyboard. */
  optionDisabled?: (option: T) => boolean;
  value: T | null;
  onChange: (option: T | null) => void;
  minChars?: number;
  name?: string;
  required?: boolean;
}

/**
 * A search box with a list of matches: the ARIA 1.2 combobox pattern (an input with role="combobox" controlling a
 * listbox, aria-activedescendant for the highlighted option). Type part of a name, move with the arrow keys, choose
 * with Enter or a click/tap; Escape closes the list, then clears the box. Results are fetched from the server after a
 * short pause in typing, and their count is announced.
 */
export function SearchPicker<T>({
  label, description, error, queryKey, search, optionId, optionLabel, renderOption, optionDisabled, value, onChange, minChars = 2, name, required,
}: SearchPickerProps<T>) {
  const t = useT();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value ? optionLabel(value) : '');
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // The query follows the typing after a pause, so a fast typist sends one request, not one per key.
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  // A value set from outside shows in the box; a value cleared from outside empties it. Typing over a choice clears
  // the value too, but changes the text first: the typed text stays.
  const chosenLabel = value ? optionLabel(value) : null;
  const shownLabel = useRef<string | null>(chosenLabel);
  useEffect(() => {
    const previous = shownLabel.current;
    shownLabel.current = chosenLabel;
    if (chosenLabel !== null) setText(chosenLabel);
    else if (previous !== null) setText((current) => (current === previous ? '' : current));
  }, [chosenLabel]);

  const enabled = open && !value && typed.length >= minChars;
  const results = useQuery({ queryKey: [...queryKey, typed], queryFn: () => search(typed), enabled, staleTime: 30_000 });
  const options = enabled ? (results.data ?? []) : [];
  const pending = enabled && (results.isPending || typed !== text.trim());

  const choosable = (i: number) => i >= 0 && i < options.length && !optionDisabled?.(options[i] as T);
  const move = (from: number, step: 1 | -1) => {
    for (let i = from + step, n = 0; n < options.length; i += step, n++) {
      const at = (i + options.length) % options.length;
      if (choosable(at)) return at;
    }
    return -1;
  };
  const choose = (option: T) => {
    onChange(option);
    setText(optionLabel(option));
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      setActive((a) => move(a, e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      if (open && choosable(active)) {
        e.preventDefault();
        choose(options[active] as T);
      }
    } else if (e.key === 'Escape') {
      if (open && options.length > 0) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        e.preventDefault();
        setText('');
        onChange(null);
      }
    }
  };

  let status = '';
  if (value) status = t('common.picker.chosen', { name: optionLabel(value) });
  else if (open && text.trim().length > 0 && text.trim().length < minChars) status = t('common.picker.typeMore', { count: minChars });
  else if (pending) status = t('common.picker.searching');
  else if (enabled && results.isSuccess) status = options.length === 0 ? t('common.picker.noMatches') : t('common.picker.matches', { count: options.length });

  const showList = open && options.length > 0;
  const activeOption = showList && active >= 0 ? options[active] : undefined;
  return (
    <Field id={id} label={label} description={description} error={error} className="search-picker">
      {/* The list hangs from the box: it opens under it, over what follows, never over the label. */}
      <div className="search-picker__anchor">
        <input
          id={id}
          name={name}
          className="input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${id}-opt-${optionId(activeOption)}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={[describedBy(id, description, error), `${id}-status`].filter(Boolean).join(' ')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
            if (value) onChange(null);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={typeof label === 'string' ? label : undefined} className="search-picker__list" hidden={!showList}>
          {options.map((o, i) => {
            const disabled = optionDisabled?.(o) ?? false;
            return (
              <li
                key={optionId(o)}
                id={`${id}-opt-${optionId(o)}`}
                role="option"
                aria-selected={i === active}
                aria-disabled={disabled || undefined}
                className={i === active ? 'search-picker__option search-picker__option--active' : 'search-picker__option'}
                // mousedown, not click: the box keeps focus (a blur would close the list before the click lands).
                onMouseDown={(e) => {
                  e.preventDefault();
                  if (!disabled) choose(o);
                }}
                onMouseMove={() => {
                  if (!disabled && active !== i) setActive(i);
                }}
              >
                {renderOption ? renderOption(o) : optionLabel(o)}
              </li>
            );
          })}
        </ul>
      </div>
      <p id={`${id}-status`} className="search-picker__status" role="status" aria-live="polite">
        {status}
      </p>
    </Field>
  );
}
