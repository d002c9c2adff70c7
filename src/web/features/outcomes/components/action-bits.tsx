import '@/web/styles/outcomes.css';
import { Link } from 'react-router';
import { DataTable, type Column } from '@/web/components/data-table';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDate } from '@/web/lib/format';
import type { Action, ActionStatus } from '../api';

const statusBadge: Record<ActionStatus, string> = { proposed: 'badge--muted', agreed: 'badge--info', in_progress: 'badge--warning', done: 'badge--success', dropped: 'badge--muted' };

export function StatusBadge({ status }: { status: ActionStatus }) {
  const t = useT();
  return <span className={`badge ${statusBadge[status]}`}>{t(`outcomes.status.${status}`)}</span>;
}

/** Overdue is said in words (and a border), never by colour alone. */
export function OverdueMark({ overdue }: { overdue: boolean }) {
  const t = useT();
  return overdue ? <span className="outcome-overdue">{t('outcomes.overdue')}</span> : null;
}

export function DueDate({ action }: { action: Pick<Action, 'dueDate' | 'overdue'> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {action.dueDate ? <time dateTime={action.dueDate}>{formatDate(`${action.dueDate}T12:00:00Z`, locale)}</time> : <span className="muted">{t('outcomes.noDue')}</span>}
      <OverdueMark overdue={action.overdue} />
    </>
  );
}

export function Progress({ value }: { value: number }) {
  const t = useT();
  return (
    <span className="outcome-progress">
      <progress max={100} value={value} aria-hidden="true" />
      <span>{t('outcomes.percent', { n: value })}</span>
    </span>
  );
}

export function ownerLabel(a: Pick<Action, 'owner'>): string {
  return a.owner.kind === 'member' ? `${a.owner.name} (${a.owner.code})` : a.owner.name;
}

/** The actions as a table: text (linking to the action's page), event, owner, due date, status, progress. */
export function ActionsTable({ actions, caption, showEvent = true, empty, captionHidden = false }: { actions: readonly Action[]; caption: string; showEvent?: boolean; empty: string; captionHidden?: boolean }) {
  const t = useT();
  const columns: Column<Action>[] = [
    { key: 'text', header: t('outcomes.col.text'), cell: (a) => <Link to={`/outcomes/${encodeURIComponent(a.id)}`}>{a.text.length > 160 ? `${a.text.slice(0, 157)}…` : a.text}</Link> },
    ...(showEvent ? [{ key: 'event', header: t('outcomes.col.event'), cell: (a: Action) => <Link to={`/events/${encodeURIComponent(a.event.id)}`}>{a.event.title}</Link> }] : []),
    { key: 'owner', header: t('outcomes.col.owner'), cell: (a) => ownerLabel(a) },
    { key: 'due', header: t('outcomes.col.due'), cell: (a) => <DueDate action={a} /> },
    { key: 'status', header: t('outcomes.col.status'), cell: (a) => <StatusBadge status={a.status} /> },
    { key: 'progress', header: t('outcomes.col.progress'), cell: (a) => <Progress value={a.progress} /> },
  ];
  return <DataTable caption={caption} columns={columns} rows={actions} rowKey={(a) => a.id} empty={empty} captionHidden={captionHidden} />;
}
