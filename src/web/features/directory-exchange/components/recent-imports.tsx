import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/web/components/button';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { DataTable, type Column } from '@/web/components/data-table';
import { Loading, QueryError } from '@/web/components/status';
import type { MessageKey } from '@/web/i18n/en';
import { useLocale, useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { formatDateTime } from '@/web/lib/format';
import { useCancelImport, useDeleteImport, useImports, type ImportStatus, type ImportSummary } from '../api';

const statusLabels: Record<ImportStatus, MessageKey> = {
  uploaded: 'exchange.status.uploaded',
  validated: 'exchange.status.validated',
  applying: 'exchange.status.applying',
  applied: 'exchange.status.applied',
  failed: 'exchange.status.failed',
  cancelled: 'exchange.status.cancelled',
};
const statusBadges: Record<ImportStatus, string> = {
  uploaded: 'badge--muted',
  validated: 'badge--info',
  applying: 'badge--info',
  applied: 'badge--success',
  failed: 'badge--danger',
  cancelled: 'badge--muted',
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const t = useT();
  return <span className={`badge ${statusBadges[status]}`}>{t(statusLabels[status])}</span>;
}

/**
 * My imports (the secretariat sees everyone's), newest first, with who uploaded each; each opens where it stands.
 * An import not applied yet can be cancelled, and one not being applied deleted, each after a confirm step.
 */
export function RecentImports() {
  const t = useT();
  const locale = useLocale();
  const list = useImports();
  const cancel = useCancelImport();
  const remove = useDeleteImport();
  const [confirming, setConfirming] = useState<{ action: 'cancel' | 'delete'; item: ImportSummary } | null>(null);
  const n = new Intl.NumberFormat(locale);
  const close = () => {
    setConfirming(null);
    cancel.reset();
    remove.reset();
  };
  const pending = cancel.isPending || remove.isPending;
  const toMessages = useErrorMessages();
  const failure = cancel.error ?? remove.error;
  const columns: Column<ImportSummary>[] = [
    {
      key: 'file',
      header: t('exchange.recent.file'),
      cell: (i) => (
        <Link to={`/directory/import/${encodeURIComponent(i.id)}`} state={{ focusStep: true }}>
          {i.fileName}
        </Link>
      ),
    },
    { key: 'status', header: t('exchange.recent.status'), cell: (i) => <ImportStatusBadge status={i.status} /> },
    { key: 'rows', header: t('exchange.recent.rows'), cell: (i) => n.format(i.rowCount) },
    { key: 'uploaded', header: t('exchange.recent.uploaded'), cell: (i) => formatDateTime(i.createdAt, locale) },
    { key: 'by', header: t('exchange.recent.by'), cell: (i) => i.uploadedBy.name ?? t('exchange.recent.formerAccount') },
    {
      key: 'actions',
      header: t('exchange.recent.actions'),
      cell: (i) => (
        <span className="exchange-actions">
          {i.canCancel ? (
            <Button variant="secondary" aria-label={t('exchange.recent.cancelNamed', { file: i.fileName })} onClick={() => setConfirming({ action: 'cancel', item: i })}>
              {t('exchange.recent.cancel')}
            </Button>
          ) : null}
          {i.canDelete ? (
            <Button variant="secondary" aria-label={t('exchange.recent.deleteNamed', { file: i.fileName })} onClick={() => setConfirming({ action: 'delete', item: i })}>
              {t('exchange.recent.delete')}
            </Button>
          ) : null}
        </span>
      ),
    },
  ];
  return (
    <section className="section">
      <h2 className="section__title">{t('exchange.recent.title')}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable caption={t('exchange.recent.caption')} captionHidden columns={columns} rows={list.data.items} rowKey={(i) => i.id} empty={t('exchange.recent.none')} />
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t(confirming?.action === 'delete' ? 'exchange.recent.deleteTitle' : 'exchange.recent.cancelTitle')}
        confirmLabel={t(confirming?.action === 'delete' ? 'exchange.recent.delete' : 'exchange.recent.cancel')}
        danger
        pending={pending}
        error={failure ? toMessages(failure, []).form : null}
        onCancel={close}
        onConfirm={() => {
          if (!confirming) return;
          const done = { onSuccess: close };
          if (confirming.action === 'delete') remove.mutate(confirming.item.id, done);
          else cancel.mutate(confirming.item.id, done);
        }}
      >
        <p>{confirming ? t(confirming.action === 'delete' ? 'exchange.recent.deleteBody' : 'exchange.recent.cancelBody', { file: confirming.item.fileName }) : null}</p>
      </ConfirmDialog>
    </section>
  );
}
