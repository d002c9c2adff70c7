import { useState } from 'react';
import type { OutboxMessage } from '@/contracts/outbox';
import { Button } from '@/web/components/button';
import { DataTable, type Column } from '@/web/components/data-table';
import { Page } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDateTime } from '@/web/lib/format';
import { useOutbox } from '../api';
import { MessageReader } from '../components/message-reader';

export function OutboxRoute() {
  const t = useT();
  const locale = useLocale();
  const outbox = useOutbox();
  const [openId, setOpenId] = useState<string | null>(null);
  const open = outbox.data?.find((m) => m.id === openId) ?? null;

  const columns: Column<OutboxMessage>[] = [
    {
      key: 'subject',
      header: t('outbox.subject'),
      cell: (m) => (
        <Button variant="link" aria-pressed={m.id === openId} onClick={() => setOpenId(m.id)}>
          {m.subject}
        </Button>
      ),
    },
    { key: 'to', header: t('outbox.to'), cell: (m) => m.to },
    { key: 'kind', header: t('outbox.kind'), cell: (m) => m.kind },
    { key: 'status', header: t('outbox.status'), cell: (m) => t(`outboxStatus.${m.status}`) },
    { key: 'created', header: t('outbox.created'), cell: (m) => formatDateTime(m.createdAt, locale) },
    { key: 'sent', header: t('outbox.sent'), cell: (m) => (m.sentAt ? formatDateTime(m.sentAt, locale) : '—') },
  ];

  return (
    <Page title={t('outbox.title')} lead={t('outbox.lead')}>
      {outbox.isPending ? (
        <Loading />
      ) : outbox.isError ? (
        <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : (
        <>
          <div className="form__actions">
            <Button variant="secondary" pending={outbox.isFetching} onClick={() => void outbox.refetch()}>
              {t('common.refresh')}
            </Button>
          </div>
          <DataTable
            caption={t('outbox.caption')}
            captionHidden
            columns={columns}
            rows={outbox.data}
            rowKey={(m) => m.id}
            empty={t('outbox.none')}
          />
          {open ? <MessageReader message={open} onClose={() => setOpenId(null)} /> : null}
        </>
      )}
    </Page>
  );
}
