import '@/web/styles/dialogues.css';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '@/web/components/button';
import { FormAlert } from '@/web/components/alert';
import { Page, Section } from '@/web/components/page';
import { SearchPicker } from '@/web/components/search-picker';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useLocale, useT } from '@/web/i18n/use-t';
import { useErrorMessages, type FormErrors } from '@/web/lib/form-errors';
import { formatDate } from '@/web/lib/format';
import { useReference } from '@/web/lib/reference';
import { createSpace, findEvents, useDialoguesMutation, useReports, useSpaces, type EventSummary, type SpaceInput } from '../api';
import { ReportsList } from '../components/reports';
import { ThreadSearch } from '../components/thread-search';

/** /dialogues: the spaces the user may see, with unread counts; the secretariat creates spaces here. */
export function SpacesRoute() {
  const t = useT();
  const spaces = useSpaces();
  const moderates = !!spaces.data?.items.some((s) => s.canModerate);
  const reports = useReports(moderates);
  if (spaces.isPending) return <Loading />;
  return (
    <Page title={t('dialogues.title')} lead={t('dialogues.lead')}>
      <ThreadSearch />
      {spaces.isError ? (
        <QueryError error={spaces.error} onRetry={() => void spaces.refetch()} />
      ) : spaces.data.items.length === 0 ? (
        <p className="empty">{t('dialogues.noSpaces')}</p>
      ) : (
        <ul className="dialogues-list">
          {spaces.data.items.map((s) => (
            <li key={s.id} className="dialogues-card">
              <h2 className="dialogues-card__title">
                <Link to={`/dialogues/${encodeURIComponent(s.id)}`}>{s.name}</Link>
              </h2>
              <p className="dialogues-meta">
                {t(`dialogues.kind.${s.kind}`)}
                {s.event ? ` · ${s.event.title}` : ''} · {t(`dialogues.access.${s.access}`)} · {t('dialogues.threadCount', { count: s.threadCount })} ·{' '}
                {s.unreadThreads > 0 ? <strong className="dialogues-unread">{t('dialogues.unreadThreads', { count: s.unreadThreads })}</strong> : t('dialogues.allRead')}
              </p>
              {s.description ? <p>{s.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {moderates && reports.data ? (
        <Section title={t('dialogues.reports')}>
          <ReportsList reports={reports.data.items} />
        </Section>
      ) : null}
      {spaces.data?.canCreate ? <NewSpaceForm /> : null}
    </Page>
  );
}

function NewSpaceForm() {
  const t = useT();
  const navigate = useNavigate();
  const reference = useReference();
  const form = useRef<HTMLFormElement>(null);
  const toMessages = useErrorMessages();
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const [kind, setKind] = useState<SpaceInput['kind']>('theme');
  const [event, setEvent] = useState<EventSummary | null>(null);
  const locale = useLocale();
  const create = useDialoguesMutation(createSpace);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => {
      const v = f.get(k);
      return typeof v === 'string' ? v : '';
    };
    const body: SpaceInput = {
      name: s('name'), description: s('description'), kind, access: s('access') as SpaceInput['access'],
      ...(kind === 'theme' ? { themeCode: s('themeCode') } : kind === 'working_group' ? { workingGroupCode: s('workingGroupCode') } : { eventId: event?.id ?? '' }),
    };
    create.mutate(body, {
      onSuccess: (space) => void navigate(`/dialogues/${encodeURIComponent(space.id)}`),
      onError: (err) => setErrors(toMessages(err, ['name', 'description', 'themeCode', 'workingGroupCode', 'eventId', 'access'])),
    });
  };
  return (
    <Section title={t('dialogues.newSpace')}>
      <form ref={form} onSubmit={submit} noValidate className="dialogues-form">
        <FormAlert message={errors.form} />
        <TextField label={t('dialogues.field.name')} name="name" required error={errors.fields.name} />
        <TextField label={t('dialogues.field.description')} name="description" error={errors.fields.description} />
        <Select
          label={t('dialogues.field.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as SpaceInput['kind'])}
          options={(['theme', 'working_group', 'event'] as const).map((k) => ({ value: k, label: t(`dialogues.kind.${k}`) }))}
        />
        {kind === 'theme' ? (
          <Select label={t('dialogues.field.theme')} name="themeCode" error={errors.fields.themeCode} options={(reference.data?.themes ?? []).map((x) => ({ value: x.code, label: x.name }))} />
        ) : kind === 'working_group' ? (
          <Select label={t('dialogues.field.workingGroup')} name="workingGroupCode" error={errors.fields.workingGroupCode} options={(reference.data?.workingGroups ?? []).map((x) => ({ value: x.code, label: x.name }))} />
        ) : (
          <SearchPicker<EventSummary>
            label={t('dialogues.field.event')}
            description={t('dialogues.field.eventHint')}
            error={errors.fields.eventId}
            required
            queryKey={['dialogues', 'event-picker']}
            search={findEvents}
            optionId={(ev) => ev.id}
            optionLabel={(ev) => ev.title}
            renderOption={(ev) => <>{ev.title} <span className="dialogues-meta">{formatDate(ev.startsAt, locale)}</span></>}
            value={event}
            onChange={setEvent}
          />
        )}
        <Select label={t('dialogues.field.access')} name="access" options={(['members', 'invited'] as const).map((a) => ({ value: a, label: t(`dialogues.access.${a}`) }))} />
        <Button type="submit" pending={create.isPending}>
          {t('dialogues.createSpace')}
        </Button>
      </form>
    </Section>
  );
}
