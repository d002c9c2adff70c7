import '@/web/styles/directory.css';
import { Navigate, useParams } from 'react-router';
import { Page } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { usePosition } from '../api';

/** A position has no page of its own: it is shown in its agency's table, where this sends the visitor. */
export function PositionRedirectRoute() {
  const t = useT();
  const id = useParams().id ?? '';
  const position = usePosition(id);
  if (position.isSuccess) {
    return <Navigate to={`/directory/agencies/${encodeURIComponent(position.data.agencyId)}#position-${encodeURIComponent(id)}`} replace />;
  }
  return (
    <Page title={t('position.title')}>
      {position.isError ? <QueryError error={position.error} onRetry={() => void position.refetch()} /> : <Loading />}
    </Page>
  );
}
