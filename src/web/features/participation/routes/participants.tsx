import { Link, useParams } from 'react-router';
import { Page } from '@/web/components/page';
import { useT } from '@/web/i18n/use-t';
import { useEventTitle } from '../api';
import { EventParticipation } from '../components/event-participation';

/** The participation part of an event on a page of its own (also reached from notifications and the event page). */
export function ParticipantsRoute() {
  const t = useT();
  const { id = '' } = useParams();
  const event = useEventTitle(id);
  return (
    <Page title={event.data ? t('participation.pageTitle', { event: event.data.title }) : t('participation.pageTitleFallback')}>
      <p>
        <Link to={`/events/${encodeURIComponent(id)}`}>{t('participation.backToEvent')}</Link>
      </p>
      <EventParticipation eventId={id} />
    </Page>
  );
}
