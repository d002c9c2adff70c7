import { useEffect, useRef, useState } from 'react';
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
  // Clearing remounts the picker (its box keeps typed text otherwise) and puts the focus back in it.
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (round > 0) box.current?.querySelector('input')?.focus();
  }, [round]);
  return (
    <div ref={box} className="library-form__original">
      <SearchPicker<ResourceChoice>
        key={round}
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
        <Button variant="secondary" onClick={() => { onChange(null); setRound((r) => r + 1); }}>
          {t('library.form.translationOfClear')}
        </Button>
      ) : null}
    </div>
  );
}
