import '@/web/styles/events.css';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { eventTypes } from '@/contracts/event-kinds';
import { Button } from '@/web/components/button';
import { Page } from '@/web/components/page';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useReference } from '@/web/lib/reference';
import { can } from '@/web/lib/roles';
import { useCurrentUser } from '@/web/lib/session';
import { useEventList, type EventFilters } from '../api';
import { EventCard } from '../components/event-card';

function filtersFrom(params: URLSearchParams): EventFilters {
  return {
    when: params.get('when') === 'past' ? 'past' : 'upcoming',
    type: params.get('type') ?? '',
    workingGroup: params.get('workingGroup') ?? '',
    theme: params.get('theme') ?? '',
    q: params.get('q') ?? '',
  };
}

/** Events, upcoming or past, narrowed by kind, working group, theme and words; anyone may look. */
export function EventsRoute() {
  const t = useT();
  const user = useCurrentUser();
  const reference = useReference();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [q, setQ] = useState(filters.q);
  const list = useEventList(filters);

  const set = (changes: Partial<EventFilters>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v && !(k === 'when' && v === 'upcoming')) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    set({ q: q.trim() });
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page title={t('events.title')} lead={t('events.lead')}>
      {user && can(user.role, 'eventsManage') ? (
        <p className="page-actions">
          <Link className="button button--primary" to="/events/new">
            {t('events.new')}
          </Link>
        </p>
      ) : null}
      <nav aria-label={t('events.whenLabel')} className="events-tabs">
        <ul className="inline-list">
          {(['upcoming', 'past'] as const).map((w) => (
            <li key={w}>
              <Link to={`/events${w === 'past' ? '?when=past' : ''}`} aria-current={filters.when === w ? 'page' : undefined} className="events-tabs__tab" onClick={(e) => { e.preventDefault(); set({ when: w }); }}>
                {t(`events.when.${w}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form className="filters" role="search" aria-label={t('events.filters')} onSubmit={onSearch}>
        <TextField label={t('events.search')} type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
        <Select
          label={t('events.field.type')}
          name="type"
          value={filters.type}
          onChange={(e) => set({ type: e.target.value })}
          options={[{ value: '', label: t('events.anyType') }, ...eventTypes.map((v) => ({ value: v, label: t(`events.type.${v}`) }))]}
        />
        <Select
          label={t('events.field.workingGroup')}
          name="workingGroup"
          value={filters.workingGroup}
          onChange={(e) => set({ workingGroup: e.target.value })}
          options={[{ value: '', label: t('events.anyGroup') }, ...(reference.data?.workingGroups ?? []).map((w) => ({ value: w.code, label: w.name }))]}
        />
        <Select
          label={t('events.field.theme')}
          name="theme"
          value={filters.theme}
          onChange={(e) => set({ theme: e.target.value })}
          options={[{ value: '', label: t('events.anyTheme') }, ...(reference.data?.themes ?? []).map((w) => ({ value: w.code, label: w.name }))]}
        />
        <div className="form__actions">
          <Button type="submit" variant="secondary">
            {t('events.searchButton')}
          </Button>
        </div>
      </form>
      <h2 className="visually-hidden">{t(`events.when.${filters.when}`)}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t(filters.when === 'past' ? 'events.nonePast' : 'events.noneUpcoming')}</p>
      ) : (
        <>
          <ul className="event-list" aria-live="polite">
            {items.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
          </ul>
          {list.hasNextPage ? (
            <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('events.more')}
            </Button>
          ) : null}
        </>
      )}
    </Page>
  );
}
