import '@/web/styles/events.css';
import { Link, useParams } from 'react-router';
import { Page, Section } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { EventOutcomes } from '@/web/features/outcomes/components/event-outcomes';
import { EventPapers } from '@/web/features/papers/components/event-papers';
import { EventParticipation } from '@/web/features/participation/components/event-participation';
import { intlLocale, useLocale, useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { useReference } from '@/web/lib/reference';
import { useCurrentUser } from '@/web/lib/session';
import { useEvent } from '../api';
import { Agenda, Breakouts } from '../components/agenda';
import { formatDateRange } from '../time';

/** An event's page: details, the agenda by day, breakout groups, then participation, papers and outcomes. */
export function EventRoute() {
  const t = useT();
  const locale = intlLocale(useLocale());
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const reference = useReference();
  const event = useEvent(id);

  if (event.isPending) return <Loading />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) {
      return (
        <Page title={t('events.notFound')}>
          <p>{t('events.notFoundBody')}</p>
          <p>
            <Link to="/events">{t('events.back')}</Link>
          </p>
        </Page>
      );
    }
    return (
      <Page title={t('events.title')}>
        <QueryError error={event.error} onRetry={() => void event.refetch()} />
      </Page>
    );
  }
  const e = event.data;
  const themeName = new Map((reference.data?.themes ?? []).map((th) => [th.code, th.name]));
  return (
    <Page title={e.title} lead={e.titleLocal ?? undefined}>
      <p>
        <Link to="/events">{t('events.back')}</Link>
      </p>
      {e.status !== 'published' ? <p className={e.status === 'cancelled' ? 'badge badge--danger' : 'badge badge--warning'}>{t(`events.status.${e.status}`)}</p> : null}
      {e.canEdit ? (
        <p className="page-actions">
          <Link className="button button--secondary" to={`/events/${encodeURIComponent(e.id)}/edit`}>
            {t('events.edit')}
          </Link>
        </p>
      ) : null}
      <dl className="details event-details">
        <dt>{t('events.field.dates')}</dt>
        <dd>
          {formatDateRange(e.startDate, e.endDate, locale)} <span className="muted">({e.timeZone})</span>
        </dd>
        <dt>{t('events.field.type')}</dt>
        <dd>{t(`events.type.${e.type}`)}</dd>
        <dt>{t('events.field.format')}</dt>
        <dd>{t(`events.format.${e.format}`)}</dd>
        {e.place ? (
          <>
            <dt>{t('events.field.place')}</dt>
            <dd>{e.place}</dd>
          </>
        ) : null}
        {e.onlineUrl ? (
          <>
            <dt>{t('events.field.onlineUrl')}</dt>
            <dd>
              <a href={e.onlineUrl}>{e.onlineUrl}</a>
            </dd>
          </>
        ) : null}
        <dt>{t('events.field.visibility')}</dt>
        <dd>{t(`events.visibility.${e.visibility}`)}</dd>
        {e.workingGroupName ? (
          <>
            <dt>{t('events.field.workingGroup')}</dt>
            <dd>{e.workingGroupName}</dd>
          </>
        ) : null}
        {e.themes.length > 0 ? (
          <>
            <dt>{t('events.field.themes')}</dt>
            <dd>{e.themes.map((c) => themeName.get(c) ?? c).join('; ')}</dd>
          </>
        ) : null}
      </dl>
      {e.summary ? <p className="event-summary">{e.summary}</p> : null}
      <Section title={t('events.agenda')}>
        <Agenda event={e} />
      </Section>
      {e.breakouts.length > 0 ? (
        <Section title={t('events.breakouts')}>
          <Breakouts event={e} />
        </Section>
      ) : null}
      <EventParticipation eventId={e.id} />
      <EventPapers eventId={e.id} />
      <EventOutcomes eventId={e.id} />
      <ul className="inline-list event-links">
        <li>
          <a href={`/api/events/${encodeURIComponent(e.id)}/calendar.ics`}>{t('events.addToCalendar')}</a>
        </li>
        {user ? (
          <li>
            <Link to={`/events/${encodeURIComponent(e.id)}/pre-briefing`}>{t('events.preBriefing')}</Link>
          </li>
        ) : null}
      </ul>
    </Page>
  );
}
