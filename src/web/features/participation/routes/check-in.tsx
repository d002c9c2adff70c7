import '@/web/styles/participation.css';
import { useDeferredValue, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Participant } from '@/contracts/participation';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { DataTable, type Column } from '@/web/components/data-table';
import { Page } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useLocale, useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { formatDateTime } from '@/web/lib/format';
import { useCurrentUser } from '@/web/lib/session';
import { useCheckIn, useEventTitle, useParticipants } from '../api';

/** The secretariat's check-in list on the day: registered participants, a search box, check in or undo. */
export function CheckInRoute() {
  const t = useT();
  const locale = useLocale();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const allowed = user?.role === 'secretariat_admin' || user?.role === 'secretariat_staff';
  const event = useEventTitle(id);
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const list = useParticipants(id, { status: 'registered', q: query }, allowed);
  const checkIn = useCheckIn(id);
  const toMessages = useErrorMessages();
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const idPrefix = useId();
  const title = event.data ? t('participation.checkIn.title', { event: event.data.title }) : t('participation.checkIn.titleFallback');

  function toggle(p: Participant) {
    const next = !p.checkedInAt;
    setNotice(null);
    checkIn.mutate(
      { id: p.id, checkedIn: next },
      {
        onSuccess: () => setNotice({ kind: 'success', text: t(next ? 'participation.checkIn.done' : 'participation.checkIn.undone', { name: p.name }) }),
        onError: (error) => setNotice({ kind: 'error', text: toMessages(error, []).form ?? t('error.network') }),
      },
    );
  }

  const columns: Column<Participant>[] = [
    { key: 'name', header: t('participation.col.name'), cell: (p) => <span id={`${idPrefix}-${p.id}`}>{p.name}</span> },
    { key: 'organisation', header: t('participation.col.organisation'), cell: (p) => p.organisation ?? '—' },
    { key: 'member', header: t('participation.col.member'), cell: (p) => p.memberName ?? '—' },
    { key: 'checkedIn', header: t('participation.col.checkedIn'), cell: (p) => (p.checkedInAt ? formatDateTime(p.checkedInAt, locale) : '—') },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (p) => (
        <Button
          variant={p.checkedInAt ? 'secondary' : 'primary'}
          aria-describedby={`${idPrefix}-${p.id}`}
          pending={checkIn.isPending && checkIn.variables.id === p.id}
          onClick={() => toggle(p)}
        >
          {p.checkedInAt ? t('participation.checkIn.undo') : t('participation.checkIn.button')}
        </Button>
      ),
    },
  ];

  if (!allowed) {
    return (
      <Page title={t('participation.checkIn.titleFallback')}>
        <Alert kind="error" title={t('participation.checkIn.notAllowed')} />
      </Page>
    );
  }
  const counts = list.data?.counts;
  return (
    <Page title={title} lead={t('participation.checkIn.lead')}>
      <p>
        <Link to={`/events/${encodeURIComponent(id)}`}>{t('participation.backToEvent')}</Link>
      </p>
      <div className="filters" role="search">
        <TextField label={t('participation.checkIn.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      </div>
      {counts ? (
        <p className="check-in__summary" role="status">
          {t('participation.checkIn.summary', { checked: counts.checkedIn, registered: counts.registered })}
        </p>
      ) : null}
      {notice ? <Alert kind={notice.kind} title={notice.text} /> : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable caption={t('participation.checkIn.caption')} captionHidden columns={columns} rows={list.data.items} rowKey={(p) => p.id} empty={t('participation.checkIn.none')} />
      )}
    </Page>
  );
}
