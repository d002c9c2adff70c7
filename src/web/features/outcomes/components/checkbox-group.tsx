import { useId } from 'react';

/** Several choices as checkboxes in a fieldset (themes, RSO priorities). */
export function CheckboxGroup({ legend, options, value, onChange, error }: { legend: string; options: readonly { value: string; label: string }[]; value: readonly string[]; onChange: (next: string[]) => void; error?: string | undefined }) {
  const id = useId();
  return (
    <fieldset className={error ? 'field field--invalid' : 'field'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{legend}</legend>
      {options.map((o) => (
        <div className="checkbox" key={o.value}>
          <input
            id={`${id}-${o.value}`}
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
