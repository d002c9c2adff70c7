import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';

export interface PersonNames {
  nameLatin: string;
  nameLocal: string;
  title: string;
}

/**
 * A person's names and title, as the person form, the handover dialog and the confirmation-link page all ask
 * for them. The local-script name takes `dir="auto"`, so right-to-left names read correctly.
 */
export function PersonNameFields({
  value,
  onChange,
  errors,
  autoCompleteName = 'off',
}: {
  value: PersonNames;
  onChange: (next: PersonNames) => void;
  errors: Record<string, string | undefined>;
  /** `name` where the person fills in their own record; `off` where someone else does. */
  autoCompleteName?: 'off' | 'name';
}) {
  const t = useT();
  const set = (field: keyof PersonNames) => (e: { target: { value: string } }) => onChange({ ...value, [field]: e.target.value });
  return (
    <>
      <TextField
        label={t('person.nameLatin')}
        description={t('person.nameLatinHint')}
        name="nameLatin"
        required
        autoComplete={autoCompleteName}
        value={value.nameLatin}
        onChange={set('nameLatin')}
        error={errors.nameLatin}
      />
      <TextField
        label={t('field.nameLocal')}
        description={t('person.nameLocalHint')}
        name="nameLocal"
        dir="auto"
        autoComplete="off"
        value={value.nameLocal}
        onChange={set('nameLocal')}
        error={errors.nameLocal}
      />
      <TextField
        label={t('field.title')}
        description={t('person.titleHint')}
        name="title"
        autoComplete="off"
        value={value.title}
        onChange={set('title')}
        error={errors.title}
      />
    </>
  );
}
