import { Link } from 'react-router';
import { Section } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { useSession } from '@/web/lib/session';
import { useEventActions } from '../api';
import { ActionsTable } from './action-bits';
import { RecordActionForm } from './record-action-form';

/** The actions recorded from one event's outcome report, shown on the event page (signed-in users). */
export function EventOutcomes({ eventId }: { eventId: string }) {
  const user = useSession().data?.user;
  if (!user || user.mustEnrollTotp) return null;
  return <SignedInEventOutcomes eventId={eventId} />;
}

function SignedInEventOutcomes({ eventId }: { eventId: string }) {
  const t = useT();
  const actions = useEventActions(eventId);
  return (
    <Section title={t('outcomes.eventSection')}>
      {actions.isPending ? (
        <Loading />
      ) : actions.isError ? (
        <QueryError error={actions.error} onRetry={() => void actions.refetch()} />
      ) : (
        <>
          <ActionsTable actions={actions.data.items} caption={t('outcomes.eventSection')} showEvent={false} empty={t('outcomes.eventEmpty')} captionHidden />
          <p>
            <Link to={`/outcomes?event=${encodeURIComponent(eventId)}`}>{t('outcomes.viewAll')}</Link>
          </p>
          {actions.data.canRecord ? (
            <details className="details">
              <summary>{t('outcomes.record')}</summary>
              <RecordActionForm eventId={eventId} />
            </details>
          ) : null}
        </>
      )}
    </Section>
  );
}
