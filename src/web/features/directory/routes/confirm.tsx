import '@/web/styles/directory.css';
import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { Page, Section } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { useErrorMessages, useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useConfirmationLink, useConfirmByLink, type ConfirmBody, type LinkPreview } from '../api';
import { channelErrorFields, channelFieldNames, ChannelsEditor, checkChannels, toChannelInputs, toDrafts, type ChannelDraft } from '../components/channels-editor';
import { formatDay } from '../options';
import { PersonNameFields } from '../components/person-name-fields';

/** The page a focal point reaches from the emailed link: no sign-in, one use. */
export function ConfirmLinkRoute() {
  const t = useT();
  const token = useParams().token ?? '';
  const link = useConfirmationLink(token);
  const [done, setDone] = useState<'confirmed' | 'left' | null>(null);

  if (done) {
    return (
      <Page title={t('confirmLink.title')}>
        <Alert kind="success" title={done === 'confirmed' ? t('confirmLink.thanks') : t('confirmLink.thanksLeft')}>
          <p>{done === 'confirmed' ? t('confirmLink.thanksDetail') : t('confirmLink.thanksLeftDetail')}</p>
        </Alert>
      </Page>
    );
  }

  return (
    <Page title={t('confirmLink.title')}>
      {link.isPending ? (
        <Loading />
      ) : link.isError ? (
        link.error instanceof ApiError && link.error.status < 500 ? (
          <Alert kind="error" title={t('confirmLink.invalid')}>
            <p>{t('confirmLink.invalidDetail')}</p>
          </Alert>
        ) : (
          <QueryError error={link.error} onRetry={() => void link.refetch()} />
        )
      ) : (
        <ConfirmForm token={token} preview={link.data} onDone={setDone} />
      )}
    </Page>
  );
}

function ConfirmForm({ token, preview, onDone }: { token: string; preview: LinkPreview; onDone: (d: 'confirmed' | 'left') => void }) {
  const t = useT();
  const locale = useLocale();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const toMessages = useErrorMessages();
  const submit = useConfirmByLink(token);
  const [nameLatin, setNameLatin] = useState(preview.person.nameLatin);
  const [nameLocal, setNameLocal] = useState(preview.person.nameLocal ?? '');
  const [title, setTitle] = useState(preview.person.title ?? '');
  const [channels, setChannels] = useState<ChannelDraft[]>(() => toDrafts(preview.channels));
  const [asking, setAsking] = useState(false);
  const [leaving, setLeaving] = useState(false);

  function corrections(): ConfirmBody['person'] | undefined {
    const person: NonNullable<ConfirmBody['person']> = {};
    if (nameLatin.trim() !== preview.person.nameLatin) person.nameLatin = nameLatin.trim();
    if (nameLocal.trim() !== (preview.person.nameLocal ?? '')) person.nameLocal = nameLocal.trim();
    if (title.trim() !== (preview.person.title ?? '')) person.title = title.trim();
    const next = toChannelInputs(channels);
    if (JSON.stringify(next) !== JSON.stringify(toChannelInputs(toDrafts(preview.channels)))) person.channels = next;
    return Object.keys(person).length ? person : undefined;
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FieldErrors = {};
    if (!nameLatin.trim()) invalid.nameLatin = t('validation.nameLatinRequired');
    Object.assign(invalid, checkChannels(channels, t('validation.channelValueRequired')));
    if (!check(invalid)) return;
    const person = corrections();
    const fields = ['nameLatin', 'nameLocal', 'title', ...channelFieldNames(channels.length)];
    submit.mutate(
      { stillHolds: true, ...(person ? { person } : {}) },
      { onSuccess: () => onDone('confirmed'), onError: (error) => fromError(channelErrorFields(error), fields) },
    );
  }

  function leave() {
    setLeaving(true);
    submit.mutate(
      { stillHolds: false },
      {
        onSuccess: () => onDone('left'),
        onSettled: () => setLeaving(false),
      },
    );
  }

  return (
    <>
      <p className="page__lead">{t('confirmLink.lead')}</p>
      <dl className="details">
        <div>
          <dt>{t('field.name')}</dt>
          <dd>
            {preview.person.nameLatin}
            {preview.person.nameLocal ? (
              <span className="local-name" dir="auto">
                {preview.person.nameLocal}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('kind.position')}</dt>
          <dd>{preview.position.title}</dd>
        </div>
        <div>
          <dt>{t('kind.agency')}</dt>
          <dd>{preview.position.agencyName}</dd>
        </div>
        <div>
          <dt>{t('directory.member')}</dt>
          <dd>{preview.position.memberName}</dd>
        </div>
        <div>
          <dt>{t('confirmLink.expires')}</dt>
          <dd>{formatDay(preview.expiresAt, locale)}</dd>
        </div>
      </dl>

      <Section title={t('confirmLink.checkTitle')}>
        <form ref={form} className="form form--wide" onSubmit={onSubmit} noValidate>
          <FormAlert message={errors.form} />
          <PersonNameFields
            value={{ nameLatin, nameLocal, title }}
            onChange={(n) => {
              setNameLatin(n.nameLatin);
              setNameLocal(n.nameLocal);
              setTitle(n.title);
            }}
            errors={errors.fields} autoCompleteName="name"
          />
          <ChannelsEditor value={channels} onChange={setChannels} errors={errors.fields} legend={t('confirmLink.channels')} />
          <Button type="submit" pending={submit.isPending && !leaving}>
            {t('confirmLink.confirm')}
          </Button>
        </form>
      </Section>

      <Section title={t('confirmLink.leftTitle')}>
        <p>{t('confirmLink.leftExplain', { position: preview.position.title })}</p>
        <Button variant="danger" onClick={() => setAsking(true)} disabled={submit.isPending}>
          {t('confirmLink.noLonger')}
        </Button>
      </Section>

      <ConfirmDialog
        open={asking}
        title={t('confirmLink.leftConfirmTitle')}
        confirmLabel={t('confirmLink.noLonger')}
        danger
        pending={leaving}
        error={asking && submit.isError && !submit.isPending && leaving === false && submit.variables?.stillHolds === false ? toMessages(submit.error, []).form : null}
        onConfirm={leave}
        onCancel={() => {
          submit.reset();
          setAsking(false);
        }}
      >
        <p>{t('confirmLink.leftConfirmBody', { position: preview.position.title, agency: preview.position.agencyName })}</p>
      </ConfirmDialog>
    </>
  );
}
