import { useId } from 'react';
import { Checkbox } from '@/web/components/checkbox';

interface CheckboxGroupProps {
  legend: string;
  options: readonly { value: string; label: string }[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
  name: string;
}

/** Several choices as checkboxes in a fieldset, such as an agency's mandates. */
export function CheckboxGroup({ legend, options, value, onChange, error, name }: CheckboxGroupProps) {
  const errorId = useId();
  const chosen = new Set(value);
  return (
    <fieldset className={error ? 'checkbox-group field--invalid' : 'checkbox-group'} aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">{legend}</legend>
      <div className="checkbox-group__options">
        {options.map((o) => (
          <Checkbox
            key={o.value}
            name={name}
            value={o.value}
            checked={chosen.has(o.value)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(o.value);
              else next.delete(o.value);
              // Keep the order of the options, whatever the order of the clicks.
              onChange(options.map((x) => x.value).filter((v) => next.has(v)));
            }}
            label={o.label}
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
