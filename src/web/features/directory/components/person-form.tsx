import { useRef, useState, type FormEvent } from 'react';
import type { Person } from '@/contracts/directory';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useUpdatePerson, type PersonPatch } from '../api';
import { parseLanguages } from '../options';
import { channelErrorFields, channelFieldNames, ChannelsEditor, checkChannels, toChannelInputs, toDrafts, type ChannelDraft } from './channels-editor';
import { PersonNameFields } from './person-name-fields';

/** Edits a person: names, title, languages and contact channels with who may see each. */
export function PersonForm({ person }: { person: Person }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const update = useUpdatePerson();
  const [nameLatin, setNameLatin] = useState(person.nameLatin);
  const [nameLocal, setNameLocal] = useState(person.nameLocal ?? '');
  const [title, setTitle] = useState(person.title ?? '');
  const [languages, setLanguages] = useState(person.languages.join(', '));
  const [channels, setChannels] = useState<ChannelDraft[]>(() => toDrafts(person.channels));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.reset();
    const invalid: FieldErrors = {};
    if (!nameLatin.trim()) invalid.nameLatin = t('validation.nameLatinRequired');
    const langs = parseLanguages(languages);
    if (langs.some((l) => l.length < 2 || l.length > 35)) invalid.languages = t('validation.languageCodes');
    Object.assign(invalid, checkChannels(channels, t('validation.channelValueRequired')));
    if (!check(invalid)) return;

    const body: PersonPatch = {};
    if (nameLatin.trim() !== person.nameLatin) body.nameLatin = nameLatin.trim();
    if (nameLocal.trim() !== (person.nameLocal ?? '')) body.nameLocal = nameLocal.trim();
    if (title.trim() !== (person.title ?? '')) body.title = title.trim();
    if (langs.join() !== person.languages.join()) body.languages = langs;
    const nextChannels = toChannelInputs(channels);
    const beforeChannels = toChannelInputs(toDrafts(person.channels));
    if (JSON.stringify(nextChannels) !== JSON.stringify(beforeChannels)) body.channels = nextChannels;
    if (Object.keys(body).length === 0) {
      check({ nameLatin: t('validation.nothingChanged') });
      return;
    }
    const fields = ['nameLatin', 'nameLocal', 'title', 'languages', ...channelFieldNames(channels.length)];
    update.mutate({ id: person.id, body }, { onError: (error) => fromError(channelErrorFields(error), fields) });
  }

  return (
    <form ref={form} className="form form--wide" onSubmit={onSubmit} noValidate>
      <FormAlert message={errors.form} />
      {update.isSuccess ? <Alert kind="success" title={t('person.saved')} /> : null}
      <PersonNameFields
        value={{ nameLatin, nameLocal, title }}
        onChange={(n) => {
          setNameLatin(n.nameLatin);
          setNameLocal(n.nameLocal);
          setTitle(n.title);
        }}
        errors={errors.fields}
      />
      <TextField
        label={t('person.languages')}
        description={t('person.languagesHint')}
        name="languages"
        autoComplete="off"
        value={languages}
        onChange={(e) => setLanguages(e.target.value)}
        error={errors.fields.languages}
      />
      <ChannelsEditor value={channels} onChange={setChannels} errors={errors.fields} />
      <Button type="submit" pending={update.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}
