import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Role } from '@/contracts/roles';
import type { User } from '@/contracts/users';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { DataTable, type Column } from '@/web/components/data-table';
import { Page } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDateTime } from '@/web/lib/format';
import { allRoles, can } from '@/web/lib/roles';
import { useCurrentUser } from '@/web/lib/session';
import { useUsers, type UserFilters } from '../api';
import { UserActionButtons, UserActionDialog, type ActionRequest } from '../components/user-actions';
import { UserFiltersForm } from '../components/user-filters';

/** Filters live in the address, so a filtered list can be bookmarked and shared. */
function readFilters(params: URLSearchParams): UserFilters {
  const role = params.get('role') ?? '';
  const status = params.get('status') ?? '';
  return {
    q: params.get('q') ?? '',
    role: (allRoles as string[]).includes(role) ? (role as Role) : '',
    status: status === 'active' || status === 'disabled' ? status : '',
  };
}

export function UsersRoute() {
  const t = useT();
  const locale = useLocale();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const users = useUsers(filters);
  const [request, setRequest] = useState<ActionRequest | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const idPrefix = useId();
  if (!me) return null;
  const manage = can(me.role, 'manageUsers');
  const nameId = (u: User) => `${idPrefix}-${u.id}`;

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('field.name'),
      cell: (u) =>
        manage ? (
          <Link id={nameId(u)} to={`/admin/users/${encodeURIComponent(u.id)}`}>
            {u.displayName}
          </Link>
        ) : (
          <span id={nameId(u)}>{u.displayName}</span>
        ),
    },
    { key: 'email', header: t('field.email'), cell: (u) => u.email },
    { key: 'role', header: t('field.role'), cell: (u) => t(`role.${u.role}`) },
    { key: 'scopes', header: t('scopes.label'), cell: (u) => u.memberScopes.join(', ') || '—' },
    {
      key: 'status',
      header: t('users.status'),
      cell: (u) => (
        <span className={u.status === 'active' ? 'badge badge--success' : 'badge badge--muted'}>{t(`status.${u.status}`)}</span>
      ),
    },
    { key: 'totp', header: t('users.totp'), cell: (u) => (u.totpEnabled ? t('twoFactor.on') : t('twoFactor.off')) },
    {
      key: 'lastLogin',
      header: t('users.lastLogin'),
      cell: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t('users.never')),
    },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (u) => <UserActionButtons user={u} selfId={me.id} onRequest={setRequest} describedBy={nameId(u)} />,
    });
  }

  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page title={t('users.title')} lead={manage ? t('users.lead') : t('users.leadReadOnly')}>
      <UserFiltersForm
        key={params.toString()}
        value={filters}
        onApply={(next) => {
          setNotice(null);
          setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== '')));
        }}
      />
      {notice ? <Alert kind="success" title={notice} /> : null}
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <>
          <DataTable
            caption={t('users.tableCaption')}
            captionHidden
            columns={columns}
            rows={rows}
            rowKey={(u) => u.id}
            empty={t('users.none')}
          />
          {users.hasNextPage ? (
            <Button variant="secondary" pending={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </>
      )}
      <UserActionDialog request={request} onClose={() => setRequest(null)} onDone={setNotice} />
    </Page>
  );
}
