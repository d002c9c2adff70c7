import { useSearchParams } from 'react-router';
import type { AuditEntry } from '@/contracts/audit';
import { Button } from '@/web/components/button';
import { DataTable, type Column } from '@/web/components/data-table';
import { Page } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDateTime } from '@/web/lib/format';
import { auditFilterNames, useAudit, type AuditFilters } from '../api';
import { AuditFiltersForm } from '../components/audit-filters';
import { Changes } from '../components/changes';

/** Filters live in the address, so a search through the trail can be shared and revisited. */
function readFilters(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = { actorId: '', entity: '', action: '', from: '', to: '' };
  for (const name of auditFilterNames) filters[name] = params.get(name) ?? '';
  return filters;
}

export function AuditRoute() {
  const t = useT();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const audit = useAudit(filters);

  const columns: Column<AuditEntry>[] = [
    {
      key: 'at',
      header: t('audit.time'),
      cell: (e) => <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>,
    },
    {
      key: 'actor',
      header: t('audit.actor'),
      cell: (e) => e.actorName ?? e.actorId ?? <span className="muted">{t('audit.system')}</span>,
    },
    { key: 'action', header: t('audit.action'), cell: (e) => <code>{e.action}</code> },
    { key: 'entity', header: t('audit.entity'), cell: (e) => e.entity },
    { key: 'entityId', header: t('audit.entityId'), cell: (e) => (e.entityId ? <code>{e.entityId}</code> : '—') },
    { key: 'changes', header: t('audit.changes'), cell: (e) => <Changes before={e.before} after={e.after} /> },
  ];

  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page title={t('audit.title')} lead={t('audit.lead')}>
      <AuditFiltersForm
        key={params.toString()}
        value={filters}
        onApply={(next) => setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== '')))}
      />
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <>
          <DataTable
            caption={t('audit.caption')}
            columns={columns}
            rows={rows}
            rowKey={(e) => String(e.seq)}
            empty={t('audit.none')}
          />
          {audit.hasNextPage ? (
            <Button variant="secondary" pending={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </Page>
  );
}
