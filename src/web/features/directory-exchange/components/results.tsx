import type { ReactNode } from 'react';
import { DataTable, type Column } from '@/web/components/data-table';
import type { MessageKey } from '@/web/i18n/en';
import { useLocale, useT } from '@/web/i18n/use-t';
import type { DirectoryImport } from '../api';

type Counts = NonNullable<DirectoryImport['counts']>;
type Problem = DirectoryImport['problems'][number];

const countLabels: Record<keyof Counts, MessageKey> = {
  rows: 'exchange.count.rows',
  agenciesCreated: 'exchange.count.agenciesCreated',
  agenciesUpdated: 'exchange.count.agenciesUpdated',
  positionsCreated: 'exchange.count.positionsCreated',
  positionsUpdated: 'exchange.count.positionsUpdated',
  peopleCreated: 'exchange.count.peopleCreated',
  peopleUpdated: 'exchange.count.peopleUpdated',
  holdersChanged: 'exchange.count.holdersChanged',
};

/** What the import would do (after a dry run) or did (once applied). */
export function CountList({ counts }: { counts: Counts }) {
  const t = useT();
  const locale = useLocale();
  const n = new Intl.NumberFormat(locale);
  return (
    <dl className="details import-counts">
      {(Object.keys(countLabels) as (keyof Counts)[]).map((k) => (
        <div key={k}>
          <dt>{t(countLabels[k])}</dt>
          <dd>{n.format(counts[k])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The problems found, one row each, with the row and column as the spreadsheet shows them. */
export function ProblemTable({ imp }: { imp: DirectoryImport }) {
  const t = useT();
  const locale = useLocale();
  const n = new Intl.NumberFormat(locale);
  const total = imp.problemCounts.errors + imp.problemCounts.warnings;
  const rows = imp.problems.map((p, i) => ({ ...p, key: String(i) }));
  const columns: Column<Problem & { key: string }>[] = [
    { key: 'row', header: t('exchange.problems.row'), cell: (p) => (p.row === null ? t('exchange.problems.wholeFile') : n.format(p.row)), className: 'import-problems__row' },
    { key: 'column', header: t('exchange.problems.column'), cell: (p) => p.column ?? '—' },
    {
      key: 'severity',
      header: t('exchange.problems.severity'),
      cell: (p) => <span className={p.severity === 'error' ? 'badge badge--danger' : 'badge badge--warning'}>{t(p.severity === 'error' ? 'exchange.problems.error' : 'exchange.problems.warning')}</span>,
    },
    { key: 'message', header: t('exchange.problems.message'), cell: (p) => p.message },
  ];
  if (rows.length === 0) return null;
  return (
    <>
      <DataTable caption={t('exchange.problems.caption')} captionHidden columns={columns} rows={rows} rowKey={(p) => p.key} empty={null} />
      {total > rows.length ? <p className="muted">{t('exchange.problems.more', { shown: n.format(rows.length), total: n.format(total) })}</p> : null}
    </>
  );
}

/** A part of a step: h3, under the step's h2. */
export function SubSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="import-subsection">
      <h3>{title}</h3>
      {children}
    </div>
  );
}
