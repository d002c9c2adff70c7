import '@/web/styles/directory.css';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { DueItem } from '@/contracts/directory';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { DataTable, type Column } from '@/web/components/data-table';
import { Page } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { memberNames, useReference } from '@/web/lib/reference';
import { useConfirmPosition, useDue } from '../api';
import { FreshnessBadge } from '../components/freshness-badge';
import { positionAnchor } from '../components/positions-table';
import { formatDay } from '../options';

export function DueRoute() {
  const t = useT();
  const locale = useLocale();
  const due = useDue();
  const reference = useReference();
  const memberName = memberNames(reference.data);
  const toMessages = useErrorMessages();
  // Confirmed rows stay in place, showing their new state, until the list is next loaded.
  const confirm = useConfirmPosition({ keepDueList: true });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const idPrefix = useId();
  const titleId = (d: DueItem) => `${idPrefix}-${d.positionId}`;
  const agencyPath = (d: DueItem) => `/directory/agencies/${encodeURIComponent(d.agencyId)}#${positionAnchor(d.positionId)}`;

  function onConfirm(d: DueItem) {
    setNotice(null);
    setBusyId(d.positionId);
    confirm.mutate(d.positionId, {
      onSuccess: () => setNotice({ kind: 'success', text: t('position.confirmed', { position: `${d.title} (${d.agencyName})` }) }),
      onError: (error) => setNotice({ kind: 'error', text: toMessages(error, []).form ?? t('error.network') }),
      onSettled: () => setBusyId(null),
    });
  }

  const columns: Column<DueItem>[] = [
    { key: 'member', header: t('directory.member'), cell: (d) => memberName(d.memberCode) },
    {
      key: 'agency',
      header: t('kind.agency'),
      cell: (d) => <Link to={`/directory/agencies/${encodeURIComponent(d.agencyId)}`}>{d.agencyName}</Link>,
    },
    { key: 'position', header: t('kind.position'), cell: (d) => <span id={titleId(d)}>{d.title}</span> },
    {
      key: 'holder',
      header: t('position.holder'),
      cell: (d) =>
        d.holder ? (
          <>
            <Link to={`/directory/people/${encodeURIComponent(d.holder.id)}`}>{d.holder.nameLatin}</Link>
            {d.holder.nameLocal ? (
              <span className="local-name" dir="auto">
                {d.holder.nameLocal}
              </span>
            ) : null}
          </>
        ) : (
          <span className="muted">{t('position.vacant')}</span>
        ),
    },
    { key: 'freshness', header: t('directory.freshness'), cell: (d) => <FreshnessBadge freshness={d.freshness} /> },
    { key: 'dueAt', header: t('due.dueDate'), cell: (d) => (d.dueAt ? formatDay(d.dueAt, locale) : d.holder ? t('due.now') : '—') },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (d) => (
        <div className="actions actions--compact">
          {d.holder && d.freshness !== 'confirmed' ? (
            <Button variant="secondary" aria-describedby={titleId(d)} pending={busyId === d.positionId} onClick={() => onConfirm(d)}>
              {t('position.confirm')}
            </Button>
          ) : null}
          <Link to={agencyPath(d)} aria-describedby={titleId(d)}>
            {d.holder ? t('due.correct') : t('due.handOver')}
          </Link>
        </div>
      ),
    },
  ];

  return (
    <Page title={t('due.title')} lead={t('due.lead')}>
      {notice ? <Alert kind={notice.kind} title={notice.text} /> : null}
      {due.isPending ? (
        <Loading />
      ) : due.isError ? (
        <QueryError error={due.error} onRetry={() => void due.refetch()} />
      ) : (
        <DataTable caption={t('due.caption')} captionHidden columns={columns} rows={due.data} rowKey={(d) => d.positionId} empty={t('due.none')} />
      )}
    </Page>
  );
}
