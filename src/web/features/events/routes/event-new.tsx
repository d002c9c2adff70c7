import '@/web/styles/events.css';
import { Link, useNavigate } from 'react-router';
import { Page } from '@/web/components/page';
import { useT } from '@/web/i18n/use-t';
import { EventForm } from '../components/event-form';

/** The secretariat creates an event, then builds its agenda on the edit page. */
export function EventNewRoute() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Page title={t('events.newTitle')} lead={t('events.newLead')}>
      <p>
        <Link to="/events">{t('events.back')}</Link>
      </p>
      <EventForm onSaved={(e) => void navigate(`/events/${encodeURIComponent(e.id)}/edit`)} />
    </Page>
  );
}
