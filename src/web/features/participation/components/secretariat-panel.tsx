import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Invitation, MemberQuota, Participant, ParticipantCounts } from '@/contracts/participation';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { DataTable, type Column } from '@/web/components/data-table';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useDecide, useInvitations, useParticipants, useRemoveInvitation, type ParticipantStatus } from '../api';
import { InviteForm } from './invite-form';
import { NominateForm } from './nominate-form';
import { QuotaEditor } from './quota-editor';
import { StatusBadge } from './status-badge';

type Notice = { kind: 'success' | 'error'; text: string } | null;

function Counts({ counts }: { counts: ParticipantCounts }) {
  const t = useT();
  const items: [string, string | number][] = [
    [t('participation.count.capacity'), counts.capacity ?? t('participation.count.unlimited')],
    [t('participation.count.placesTaken'), counts.placesTaken],
    [t('participation.count.nominated'), counts.nominated],
    [t('participation.count.registered'), counts.registered],
    [t('participation.count.waitlisted'), counts.waitlisted],
    [t('participation.count.checkedIn'), counts.checkedIn],
  ];
  return (
    <dl className="participation-counts">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The secretariat's view: numbers, invitations with quotas, nominations to decide, everyone with their status. */
export function SecretariatPanel({ eventId }: { eventId: string }) {
  const t = useT();
  const toMessages = useErrorMessages();
  const invitations = useInvitations(eventId);
  const [status, setStatus] = useState<ParticipantStatus | ''>('');
  const everyone = useParticipants(eventId, { status });
  const pending = useParticipants(eventId, { status: 'nominated' });
  const decide = useDecide(eventId);
  const remove = useRemoveInvitation(eventId);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [removing, setRemoving] = useState<Invitation | null>(null);
  const idPrefix = useId();
  const nameId = (id: string) => `${idPrefix}-p-${id}`;
  const invitedName = (i: Invitation) => i.agency?.nameEn ?? i.user?.displayName ?? i.memberName ?? i.memberCode ?? '';

  function onDecide(p: Participant, decision: 'approve' | 'decline' | 'cancel') {
    setNotice(null);
    setBusy(p.id);
    decide.mutate(
      { id: p.id, decision },
      {
        onSuccess: (r) =>
          setNotice({ kind: 'success', text: t(decision === 'cancel' ? 'participation.cancelledPlace' : decision === 'decline' ? 'participation.declined' : r.status === 'waitlisted' ? 'participation.approvedWaitlisted' : 'participation.approved', { name: p.name }) }),
        onError: (error) => setNotice({ kind: 'error', text: toMessages(error, []).form ?? t('error.network') }),
        onSettled: () => setBusy(null),
      },
    );
  }

  const quotaColumns: Column<MemberQuota>[] = [
    { key: 'member', header: t('participation.col.member'), cell: (q) => q.memberName },
    { key: 'quota', header: t('participation.col.quota'), cell: (q) => q.quota },
    { key: 'used', header: t('participation.col.used'), cell: (q) => q.used },
  ];

  const invitationColumns: Column<Invitation>[] = [
    { key: 'who', header: t('participation.col.invited'), cell: (i) => <span id={`${idPrefix}-i-${i.id}`}>{invitedName(i)}</span> },
    { key: 'kind', header: t('participation.col.kind'), cell: (i) => t(`participation.kind.${i.kind}`) },
    {
      key: 'quota',
      header: t('participation.col.quota'),
      cell: (i) =>
        i.kind === 'user' ? '—' : <QuotaEditor key={i.id} eventId={eventId} invitation={i} name={invitedName(i)} onDone={(text, ok) => setNotice({ kind: ok ? 'success' : 'error', text })} />,
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (i) => (
        <Button variant="secondary" aria-describedby={`${idPrefix}-i-${i.id}`} onClick={() => setRemoving(i)}>
          {t('participation.remove')}
        </Button>
      ),
    },
  ];

  const pendingColumns: Column<Participant>[] = [
    { key: 'name', header: t('participation.col.name'), cell: (p) => <span id={nameId(p.id)}>{p.name}</span> },
    { key: 'member', header: t('participation.col.member'), cell: (p) => p.memberName ?? '—' },
    { key: 'organisation', header: t('participation.col.organisation'), cell: (p) => p.organisation ?? '—' },
    { key: 'email', header: t('participation.col.email'), cell: (p) => p.email ?? '—' },
    { key: 'by', header: t('participation.col.nominatedBy'), cell: (p) => p.nominatedBy ?? '—' },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (p) => (
        <div className="actions actions--compact">
          <Button aria-describedby={nameId(p.id)} pending={busy === p.id} onClick={() => onDecide(p, 'approve')}>
            {t('participation.approve')}
          </Button>
          <Button variant="secondary" aria-describedby={nameId(p.id)} disabled={busy === p.id} onClick={() => onDecide(p, 'decline')}>
            {t('participation.decline')}
          </Button>
        </div>
      ),
    },
  ];

  const everyoneColumns: Column<Participant>[] = [
    { key: 'name', header: t('participation.col.name'), cell: (p) => <span id={`${idPrefix}-e-${p.id}`}>{p.name}</span> },
    { key: 'member', header: t('participation.col.member'), cell: (p) => p.memberName ?? '—' },
    { key: 'organisation', header: t('participation.col.organisation'), cell: (p) => p.organisation ?? '—' },
    { key: 'email', header: t('participation.col.email'), cell: (p) => p.email ?? '—' },
    { key: 'status', header: t('participation.col.status'), cell: (p) => <StatusBadge participant={p} /> },
    { key: 'consent', header: t('participation.col.consent'), cell: (p) => (p.status === 'registered' ? t(p.consentListed ? 'participation.yes' : 'participation.no') : '—') },
    { key: 'checkedIn', header: t('participation.col.checkedIn'), cell: (p) => (p.checkedInAt ? t('participation.yes') : '—') },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (p) =>
        p.status === 'approved' || p.status === 'registered' || p.status === 'waitlisted' ? (
          <Button variant="secondary" aria-describedby={`${idPrefix}-e-${p.id}`} pending={busy === p.id} onClick={() => onDecide(p, 'cancel')}>
            {t('participation.cancelPlace')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="participation-panel">
      {notice ? <Alert kind={notice.kind} title={notice.text} /> : null}
      <h3>{t('participation.counts')}</h3>
      {everyone.data?.counts ? <Counts counts={everyone.data.counts} /> : null}
      <p>
        <Link to={`/events/${encodeURIComponent(eventId)}/check-in`}>{t('participation.checkInLink')}</Link>
      </p>

      <h3>{t('participation.pending')}</h3>
      {pending.isPending ? (
        <Loading />
      ) : pending.isError ? (
        <QueryError error={pending.error} onRetry={() => void pending.refetch()} />
      ) : (
        <DataTable caption={t('participation.pendingCaption')} captionHidden columns={pendingColumns} rows={pending.data.items} rowKey={(p) => p.id} empty={t('participation.noPending')} />
      )}

      <h3>{t('participation.invitations')}</h3>
      {invitations.isPending ? (
        <Loading />
      ) : invitations.isError ? (
        <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : (
        <DataTable caption={t('participation.invitationsCaption')} captionHidden columns={invitationColumns} rows={invitations.data.items} rowKey={(i) => i.id} empty={t('participation.noInvitations')} />
      )}
      <h3>{t('participation.invite')}</h3>
      <InviteForm eventId={eventId} />

      {invitations.data && invitations.data.quotas.length > 0 ? (
        <>
          <h3>{t('participation.placesPerMember')}</h3>
          <DataTable caption={t('participation.quotasCaption')} captionHidden columns={quotaColumns} rows={invitations.data.quotas} rowKey={(q) => q.memberCode} empty={t('participation.noQuotas')} />
          <h3>{t('participation.nominateFor')}</h3>
          <NominateForm eventId={eventId} quotas={invitations.data.quotas} />
        </>
      ) : null}

      <h3>{t('participation.everyone')}</h3>
      <div className="filters">
        <Select
          label={t('participation.filterStatus')}
          value={status}
          onChange={(e) => setStatus(e.target.value as ParticipantStatus | '')}
          options={[{ value: '', label: t('participation.allStatuses') }, ...(['nominated', 'approved', 'registered', 'waitlisted', 'declined', 'cancelled'] as const).map((s) => ({ value: s, label: t(`participation.status.${s}`) }))]}
        />
      </div>
      {everyone.isPending ? (
        <Loading />
      ) : everyone.isError ? (
        <QueryError error={everyone.error} onRetry={() => void everyone.refetch()} />
      ) : (
        <DataTable caption={t('participation.everyoneCaption')} captionHidden columns={everyoneColumns} rows={everyone.data.items} rowKey={(p) => p.id} empty={t('participation.none')} />
      )}

      <ConfirmDialog
        open={removing !== null}
        title={t('participation.removeTitle')}
        confirmLabel={t('participation.remove')}
        danger
        pending={remove.isPending}
        error={remove.error ? (toMessages(remove.error, []).form ?? null) : null}
        onCancel={() => {
          remove.reset();
          setRemoving(null);
        }}
        onConfirm={() => {
          if (!removing) return;
          const name = invitedName(removing);
          remove.mutate(removing.id, {
            onSuccess: () => {
              setRemoving(null);
              setNotice({ kind: 'success', text: t('participation.removed', { name }) });
            },
          });
        }}
      >
        <p>{removing ? t('participation.removeBody', { name: invitedName(removing) }) : null}</p>
      </ConfirmDialog>
    </div>
  );
}
