import '@/web/styles/directory.css';
import { Link, useNavigate } from 'react-router';
import { Page } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { useReference } from '@/web/lib/reference';
import { isScopedRole } from '@/web/lib/roles';
import { useCurrentUser } from '@/web/lib/session';
import { AgencyForm } from '../components/agency-form';

/** Adding an agency: the secretariat for any Member, a coordinator for their own. */
export function AgencyNewRoute() {
  const t = useT();
  const user = useCurrentUser();
  const reference = useReference();
  const navigate = useNavigate();
  if (!user) return null;
  const members = (reference.data?.members ?? []).filter((m) => !isScopedRole(user.role) || user.memberScopes.includes(m.code));

  return (
    <Page title={t('agency.newTitle')} lead={t('agency.newLead')}>
      <p>
        <Link to="/directory">{t('directory.back')}</Link>
      </p>
      {reference.isPending ? (
        <Loading />
      ) : reference.isError ? (
        <QueryError error={reference.error} onRetry={() => void reference.refetch()} />
      ) : (
        <AgencyForm members={members} onSaved={(a) => void navigate(`/directory/agencies/${encodeURIComponent(a.id)}`)} />
      )}
    </Page>
  );
}
