import { useId } from 'react';
import type { AccountSession } from '@/contracts/account';
import { FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { DataTable, type Column } from '@/web/components/data-table';
import { Section } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDateTime } from '@/web/lib/format';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useEndSession, useSessions } from '../api';

export function SessionsSection() {
  const t = useT();
  const locale = useLocale();
  const sessions = useSessions();
  const end = useEndSession();
  const toMessages = useErrorMessages();
  const idPrefix = useId();
  const deviceId = (s: AccountSession) => `${idPrefix}-${s.id}`;

  const columns: Column<AccountSession>[] = [
    {
      key: 'device',
      header: t('sessions.device'),
      cell: (s) => (
        <>
          <span id={deviceId(s)}>{s.device}</span>
          {s.current ? <span className="badge badge--info">{t('sessions.thisDevice')}</span> : null}
        </>
      ),
    },
    { key: 'ip', header: t('sessions.ip'), cell: (s) => s.ip },
    { key: 'lastSeen', header: t('sessions.lastSeen'), cell: (s) => formatDateTime(s.lastSeenAt, locale) },
    { key: 'created', header: t('sessions.started'), cell: (s) => formatDateTime(s.createdAt, locale) },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (s) => (
        // The name stays "End session"; the device it applies to comes as the description.
        <Button
          variant="secondary"
          aria-describedby={deviceId(s)}
          pending={end.isPending && end.variables?.id === s.id}
          onClick={() => end.mutate(s)}
        >
          {t('sessions.end')}
        </Button>
      ),
    },
  ];

  return (
    <Section title={t('sessions.title')}>
      <p>{t('sessions.lead')}</p>
      <FormAlert message={end.isError ? toMessages(end.error, []).form : null} />
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <DataTable
          caption={t('sessions.caption')}
          captionHidden
          columns={columns}
          rows={sessions.data}
          rowKey={(s) => s.id}
          empty={t('sessions.none')}
        />
      )}
    </Section>
  );
}
