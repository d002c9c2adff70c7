import { useId, useState } from 'react';
import type { MemberQuota, Participant } from '@/contracts/participation';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { DataTable, type Column } from '@/web/components/data-table';
import { Loading, QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useDecide, useInvitations, useParticipants } from '../api';
import { NominateForm } from './nominate-form';
import { StatusBadge } from './status-badge';

/** A Member coordinator's view: their Members' places, their nominations, and the form to nominate. */
export function CoordinatorPanel({ eventId }: { eventId: string }) {
  const t = useT();
  const toMessages = useErrorMessages();
  const invitations = useInvitations(eventId);
  const nominations = useParticipants(eventId);
  const withdraw = useDecide(eventId);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const idPrefix = useId();

  const quotaColumns: Column<MemberQuota>[] = [
    { key: 'member', header: t('participation.col.member'), cell: (q) => q.memberName },
    { key: 'quota', header: t('participation.col.quota'), cell: (q) => q.quota },
    { key: 'used', header: t('participation.col.used'), cell: (q) => (q.used >= q.quota ? `${q.used} – ${t('participation.quotaFull')}` : q.used) },
  ];
  const columns: Column<Participant>[] = [
    { key: 'name', header: t('participation.col.name'), cell: (p) => <span id={`${idPrefix}-${p.id}`}>{p.name}</span> },
    { key: 'member', header: t('participation.col.member'), cell: (p) => p.memberName ?? '—' },
    { key: 'organisation', header: t('participation.col.organisation'), cell: (p) => p.organisation ?? '—' },
    { key: 'status', header: t('participation.col.status'), cell: (p) => <StatusBadge participant={p} /> },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (p) =>
        p.status === 'declined' || p.status === 'cancelled' ? null : (
          <Button
            variant="secondary"
            aria-describedby={`${idPrefix}-${p.id}`}
            pending={withdraw.isPending && withdraw.variables.id === p.id}
            onClick={() => {
              setNotice(null);
              withdraw.mutate(
                { id: p.id, decision: 'cancel' },
                {
                  onSuccess: () => setNotice({ kind: 'success', text: t('participation.withdrawn', { name: p.name }) }),
                  onError: (error) => setNotice({ kind: 'error', text: toMessages(error, []).form ?? t('error.network') }),
                },
              );
            }}
          >
            {t('participation.withdraw')}
          </Button>
        ),
    },
  ];

  if (invitations.isPending) return <Loading />;
  if (invitations.isError) return <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />;
  const quotas = invitations.data.quotas;
  return (
    <div className="participation-panel">
      {notice ? <Alert kind={notice.kind} title={notice.text} /> : null}
      <h3>{t('participation.quotas')}</h3>
      <DataTable caption={t('participation.quotasCaption')} captionHidden columns={quotaColumns} rows={quotas} rowKey={(q) => q.memberCode} empty={t('participation.noQuotas')} />
      {quotas.length > 0 ? (
        <>
          <h3>{t('participation.nominate')}</h3>
          <NominateForm eventId={eventId} quotas={quotas} />
        </>
      ) : null}
      <h3>{t('participation.yourNominations')}</h3>
      {nominations.isPending ? (
        <Loading />
      ) : nominations.isError ? (
        <QueryError error={nominations.error} onRetry={() => void nominations.refetch()} />
      ) : (
        <DataTable caption={t('participation.yourNominationsCaption')} captionHidden columns={columns} rows={nominations.data.items} rowKey={(p) => p.id} empty={t('participation.none')} />
      )}
    </div>
  );
}
