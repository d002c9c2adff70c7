import '@/web/styles/outcomes.css';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '@/web/components/button';
import { Checkbox } from '@/web/components/checkbox';
import { Page, Section } from '@/web/components/page';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useReference } from '@/web/lib/reference';
import { useSession } from '@/web/lib/session';
import { exportUrl, filterKeys, statuses, useEventChoices, usePriorities, useTracker, type TrackerFilters } from '../api';
import { ActionsTable } from '../components/action-bits';
import { ImportForm } from '../components/import-form';

function readFilters(params: URLSearchParams): TrackerFilters {
  return Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])) as unknown as TrackerFilters;
}

/** The outcomes tracker: every action the viewer may see, filtered, with counts by status and CSV export/import. */
export function TrackerRoute() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const applied = readFilters(params);
  const [draft, setDraft] = useState<TrackerFilters>(applied);
  const reference = useReference();
  const priorities = usePriorities();
  const events = useEventChoices();
  const tracker = useTracker(applied);
  const user = useSession().data?.user;
  const secretariat = user?.role === 'secretariat_admin' || user?.role === 'secretariat_staff';
  const set = (k: keyof TrackerFilters, v: string) => setDraft((d) => ({ ...d, [k]: v }));

  function apply(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const k of filterKeys) if (draft[k]) next.set(k, draft[k]);
    setParams(next);
  }

  const ownerValue = draft.ownerKind ? `${draft.ownerKind}:${draft.ownerCode}` : '';
  const ownerOptions = [
    { value: '', label: t('outcomes.filter.anyOwner') },
    { value: 'rso:RSO', label: t('outcomes.ownerKind.rso') },
    ...(reference.data?.workingGroups ?? []).map((w) => ({ value: `working_group:${w.code}`, label: w.name })),
    ...(reference.data?.members ?? []).map((m) => ({ value: `member:${m.code}`, label: `${m.name} (${m.code})` })),
  ];
  const first = tracker.data?.pages[0];
  const items = tracker.data?.pages.flatMap((p) => p.items) ?? [];
  const chosenEvent = applied.event ? (events.data?.items.find((e) => e.id === applied.event)?.title ?? items[0]?.event.title ?? applied.event) : null;

  return (
    <Page title={t('outcomes.title')} lead={t('outcomes.lead')}>
      <form className="filters" onSubmit={apply} aria-label={t('outcomes.filters')}>
        <TextField label={t('outcomes.filter.q')} type="search" value={draft.q} onChange={(e) => set('q', e.target.value)} />
        <Select label={t('outcomes.filter.event')} value={draft.event} onChange={(e) => set('event', e.target.value)} options={[{ value: '', label: t('outcomes.filter.anyEvent') }, ...(events.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.title} (${e.startDate})` })), ...(draft.event && !events.data?.items.some((e) => e.id === draft.event) ? [{ value: draft.event, label: chosenEvent ?? draft.event }] : [])]} />
        <TextField label={t('outcomes.filter.series')} value={draft.series} onChange={(e) => set('series', e.target.value)} />
        <Select label={t('outcomes.filter.workingGroup')} value={draft.workingGroup} onChange={(e) => set('workingGroup', e.target.value)} options={[{ value: '', label: t('outcomes.filter.anyGroup') }, ...(reference.data?.workingGroups ?? []).map((w) => ({ value: w.code, label: w.name }))]} />
        <Select
          label={t('outcomes.filter.owner')}
          value={ownerValue}
          onChange={(e) => {
            const [kind = '', code = ''] = e.target.value.split(':');
            setDraft((d) => ({ ...d, ownerKind: kind, ownerCode: code }));
          }}
          options={ownerOptions}
        />
        <Select label={t('outcomes.filter.status')} value={draft.status} onChange={(e) => set('status', e.target.value)} options={[{ value: '', label: t('outcomes.filter.anyStatus') }, ...statuses.map((s) => ({ value: s, label: t(`outcomes.status.${s}`) }))]} />
        <Select label={t('outcomes.filter.theme')} value={draft.theme} onChange={(e) => set('theme', e.target.value)} options={[{ value: '', label: t('outcomes.filter.anyTheme') }, ...(reference.data?.themes ?? []).map((x) => ({ value: x.code, label: x.name }))]} />
        <Select label={t('outcomes.filter.priority')} value={draft.priority} onChange={(e) => set('priority', e.target.value)} options={[{ value: '', label: t('outcomes.filter.anyPriority') }, ...(priorities.data?.items ?? []).map((x) => ({ value: x.code, label: x.name }))]} />
        <Checkbox label={t('outcomes.filter.overdue')} checked={draft.overdue === 'true'} onChange={(e) => set('overdue', e.target.checked ? 'true' : '')} />
        <Checkbox label={t('outcomes.filter.mine')} checked={draft.mine === 'true'} onChange={(e) => set('mine', e.target.checked ? 'true' : '')} />
        <div className="actions">
          <Button type="submit">{t('outcomes.filter.apply')}</Button>
          <Button
            variant="secondary"
            onClick={() => {
              setDraft(readFilters(new URLSearchParams()));
              setParams(new URLSearchParams());
            }}
          >
            {t('outcomes.filter.clear')}
          </Button>
        </div>
      </form>

      {tracker.isPending ? (
        <Loading />
      ) : tracker.isError ? (
        <QueryError error={tracker.error} onRetry={() => void tracker.refetch()} />
      ) : (
        <>
          <h2 className="section__title">{t('outcomes.counts')}</h2>
          <ul className="outcome-counts">
            {statuses.map((s) => (
              <li key={s}>
                {t(`outcomes.status.${s}`)}: <strong>{first?.counts[s] ?? 0}</strong>
              </li>
            ))}
            <li>
              <span className="outcome-overdue">{t('outcomes.countsOverdue', { n: first?.overdue ?? 0 })}</span>
            </li>
          </ul>
          <p role="status">{t('outcomes.total', { n: first?.total ?? 0 })}</p>
          <p>
            <a href={exportUrl(applied)} download>
              {t('outcomes.export')}
            </a>
          </p>
          <ActionsTable actions={items} caption={t('outcomes.tableCaption')} empty={t('outcomes.empty')} />
          {tracker.hasNextPage ? (
            <Button variant="secondary" pending={tracker.isFetchingNextPage} onClick={() => void tracker.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </>
      )}

      {secretariat ? (
        <Section title={t('outcomes.import.title')}>
          <p>{t('outcomes.import.lead')}</p>
          {applied.event && chosenEvent ? <ImportForm eventId={applied.event} eventTitle={chosenEvent} /> : <p>{t('outcomes.import.pickEvent')}</p>}
        </Section>
      ) : null}
    </Page>
  );
}
