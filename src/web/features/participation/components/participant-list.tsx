import type { Participant } from '@/contracts/participation';
import { DataTable, type Column } from '@/web/components/data-table';
import { Loading, QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { useParticipants } from '../api';

/** Who is coming, for registered participants: those who agreed to be listed (name, organisation, Member). */
export function ParticipantList({ eventId }: { eventId: string }) {
  const t = useT();
  const list = useParticipants(eventId);
  const columns: Column<Participant>[] = [
    { key: 'name', header: t('participation.col.name'), cell: (p) => p.name },
    { key: 'organisation', header: t('participation.col.organisation'), cell: (p) => p.organisation ?? '—' },
    { key: 'member', header: t('participation.col.member'), cell: (p) => p.memberName ?? '—' },
  ];
  return (
    <div className="participation-panel">
      <h3>{t('participation.list')}</h3>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable caption={t('participation.listCaption')} captionHidden columns={columns} rows={list.data.items} rowKey={(p) => p.id} empty={t('participation.listEmpty')} />
      )}
    </div>
  );
}
