import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@/web/components/alert';
import { Page, Section } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDateTime } from '@/web/lib/format';
import { useCurrentUser } from '@/web/lib/session';
import { useUser } from '../api';
import { UserActionButtons, UserActionDialog, type ActionRequest } from '../components/user-actions';
import { UserEditForm } from '../components/user-edit-form';

export function UserDetailRoute() {
  const t = useT();
  const locale = useLocale();
  const me = useCurrentUser();
  const id = useParams().id ?? '';
  const user = useUser(id);
  const [request, setRequest] = useState<ActionRequest | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const nameId = useId();

  // The h1 is fixed text so it exists (and takes focus) before the user has loaded.
  return (
    <Page title={t('userDetail.title')}>
      <p>
        <Link to="/admin/users">{t('userDetail.back')}</Link>
      </p>
      {user.isPending ? (
        <Loading />
      ) : user.isError ? (
        <QueryError error={user.error} onRetry={() => void user.refetch()} />
      ) : (
        <>
          {notice ? <Alert kind="success" title={notice} /> : null}
          <dl className="details">
            <div>
              <dt>{t('field.name')}</dt>
              <dd id={nameId}>{user.data.displayName}</dd>
            </div>
            <div>
              <dt>{t('field.email')}</dt>
              <dd>{user.data.email}</dd>
            </div>
            <div>
              <dt>{t('users.status')}</dt>
              <dd>{t(`status.${user.data.status}`)}</dd>
            </div>
            <div>
              <dt>{t('users.totp')}</dt>
              <dd>{user.data.totpEnabled ? t('twoFactor.on') : t('twoFactor.off')}</dd>
            </div>
            <div>
              <dt>{t('users.lastLogin')}</dt>
              <dd>{user.data.lastLoginAt ? formatDateTime(user.data.lastLoginAt, locale) : t('users.never')}</dd>
            </div>
            <div>
              <dt>{t('users.created')}</dt>
              <dd>{formatDateTime(user.data.createdAt, locale)}</dd>
            </div>
          </dl>
          {me ? <UserActionButtons user={user.data} selfId={me.id} onRequest={setRequest} describedBy={nameId} /> : null}
          <Section title={t('userDetail.edit')}>
            {/* Keyed by id: another user must not inherit this one's unsaved edits. */}
            <UserEditForm key={user.data.id} user={user.data} />
          </Section>
        </>
      )}
      <UserActionDialog request={request} onClose={() => setRequest(null)} onDone={setNotice} />
    </Page>
  );
}
