import { useId, useState } from 'react';
import type { Invitation } from '@/contracts/users';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { DataTable, type Column } from '@/web/components/data-table';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDateTime } from '@/web/lib/format';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useInvitations, useRevokeInvitation } from '../api';

const statusBadge: Record<Invitation['status'], string> = {
  pending: 'badge badge--info',
  accepted: 'badge badge--success',
  expired: 'badge badge--muted',
  revoked: 'badge badge--muted',
};

export function InvitationList() {
  const t = useT();
  const locale = useLocale();
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const toMessages = useErrorMessages();
  const [target, setTarget] = useState<Invitation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const idPrefix = useId();
  const emailId = (i: Invitation) => `${idPrefix}-${i.id}`;

  const columns: Column<Invitation>[] = [
    { key: 'email', header: t('field.email'), cell: (i) => <span id={emailId(i)}>{i.email}</span> },
    { key: 'role', header: t('field.role'), cell: (i) => t(`role.${i.role}`) },
    { key: 'scopes', header: t('scopes.label'), cell: (i) => i.memberScopes.join(', ') || '—' },
    {
      key: 'status',
      header: t('invitations.status'),
      cell: (i) => <span className={statusBadge[i.status]}>{t(`invitationStatus.${i.status}`)}</span>,
    },
    { key: 'invitedBy', header: t('invitations.invitedBy'), cell: (i) => i.invitedBy?.displayName ?? '—' },
    { key: 'expires', header: t('invitation.expires'), cell: (i) => formatDateTime(i.expiresAt, locale) },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (i) =>
        i.status === 'pending' ? (
          <Button variant="danger" aria-describedby={emailId(i)} onClick={() => setTarget(i)}>
            {t('invitations.revoke')}
          </Button>
        ) : null,
    },
  ];

  function close() {
    revoke.reset();
    setTarget(null);
  }

  return (
    <>
      {notice ? <Alert kind="success" title={notice} /> : null}
      {invitations.isPending ? (
        <Loading />
      ) : invitations.isError ? (
        <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : (
        <DataTable
          caption={t('invitations.listTitle')}
          captionHidden
          columns={columns}
          rows={invitations.data}
          rowKey={(i) => i.id}
          empty={t('invitations.none')}
        />
      )}
      <ConfirmDialog
        open={target !== null}
        title={t('invitations.revokeTitle', { email: target?.email ?? '' })}
        confirmLabel={t('invitations.revoke')}
        danger
        pending={revoke.isPending}
        error={revoke.isError ? toMessages(revoke.error, []).form : null}
        onCancel={close}
        onConfirm={() => {
          if (!target) return;
          const email = target.email;
          revoke.mutate(target.id, {
            onSuccess: () => {
              close();
              setNotice(t('invitations.revoked', { email }));
            },
          });
        }}
      >
        <p>{t('invitations.revokeBody')}</p>
      </ConfirmDialog>
    </>
  );
}
