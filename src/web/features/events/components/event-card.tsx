import { Link } from 'react-router';
import type { EventSummary } from '@/contracts/events';
import { intlLocale, useLocale, useT } from '@/web/i18n/use-t';
import { formatDateRange } from '../time';

/** One event in a list: its title (a link), dates, kind, format, place and who it is for. */
export function EventCard({ event }: { event: EventSummary }) {
  const t = useT();
  const locale = intlLocale(useLocale());
  return (
    <li className="event-card">
      <h3 className="event-card__title">
        <Link to={`/events/${encodeURIComponent(event.id)}`}>{event.title}</Link>
      </h3>
      <p className="event-card__when">
        <time dateTime={event.startDate}>{formatDateRange(event.startDate, event.endDate, locale)}</time>
        {' · '}
        {t(`events.type.${event.type}`)}
        {' · '}
        {t(`events.format.${event.format}`)}
        {event.place ? ` · ${event.place}` : ''}
      </p>
      <p className="event-card__badges">
        <span className="badge badge--info">{t(`events.visibility.${event.visibility}`)}</span>
        {event.status !== 'published' ? <span className={event.status === 'cancelled' ? 'badge badge--danger' : 'badge badge--warning'}>{t(`events.status.${event.status}`)}</span> : null}
        {event.workingGroupName ? <span className="badge badge--muted">{event.workingGroupName}</span> : null}
      </p>
    </li>
  );
}
