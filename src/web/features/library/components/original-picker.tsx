import { useRef } from 'react';
import { Button } from '@/web/components/button';
import { SearchPicker } from '@/web/components/search-picker';
import { useT } from '@/web/i18n/use-t';
import { findResources, type ResourceChoice } from '../api';

/**
 * Chooses the original of a language version by its title: a search of the library (so only resources the reader may
 * see), with a button to clear the choice. `selfId` is the resource being edited, listed but not choosable.
 */
export function OriginalPicker({ value, onChange, selfId, error }: { value: ResourceChoice | null; onChange: (r: ResourceChoice | null) => void; selfId: string | null; error?: string | undefined }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  return (
    <div ref={box} className="library-form__original">
      <SearchPicker<ResourceChoice>
        label={t('library.form.translationOf')}
        description={t('library.form.translationOfHint')}
        error={error}
        queryKey={['library', 'original-picker']}
        search={findResources}
        optionId={(r) => r.id}
        optionLabel={(r) => r.title}
        optionDisabled={(r) => r.id === selfId}
        renderOption={(r) => (
          <>
            <span lang={r.languages[0]}>{r.title}</span> <span className="library__meta">({r.languages.join(', ')}){r.id === selfId ? ` · ${t('library.picker.self')}` : ''}</span>
          </>
        )}
        value={value}
        onChange={onChange}
      />
      {value ? (
        <Button
          variant="secondary"
          onClick={() => {
            onChange(null);
            // The button goes with the choice: the focus goes back to the emptied box.
            box.current?.querySelector('input')?.focus();
          }}
        >
          {t('library.form.translationOfClear')}
        </Button>
      ) : null}
    </div>
  );
}
