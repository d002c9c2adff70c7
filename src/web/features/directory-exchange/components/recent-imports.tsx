import { Link } from 'react-router';
import { DataTable, type Column } from '@/web/components/data-table';
import { Loading, QueryError } from '@/web/components/status';
import type { MessageKey } from '@/web/i18n/en';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDateTime } from '@/web/lib/format';
import { useImports, type ImportStatus, type ImportSummary } from '../api';

const statusLabels: Record<ImportStatus, MessageKey> = {
  uploaded: 'exchange.status.uploaded',
  validated: 'exchange.status.validated',
  applying: 'exchange.status.applying',
  applied: 'exchange.status.applied',
  failed: 'exchange.status.failed',
};
const statusBadges: Record<ImportStatus, string> = {
  uploaded: 'badge--muted',
  validated: 'badge--info',
  applying: 'badge--info',
  applied: 'badge--success',
  failed: 'badge--danger',
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const t = useT();
  return <span className={`badge ${statusBadges[status]}`}>{t(statusLabels[status])}</span>;
}

/** My imports (the secretariat sees everyone's), newest first; each opens where it stands. */
export function RecentImports() {
  const t = useT();
  const locale = useLocale();
  const list = useImports();
  const n = new Intl.NumberFormat(locale);
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
    </section>
  );
}
