import '@/web/styles/practices.css';
import { useState } from 'react';
import { Alert } from '@/web/components/alert';
import { Page } from '@/web/components/page';
import { Select } from '@/web/components/select';
import { useT } from '@/web/i18n/use-t';
import type { MessageKey } from '@/web/i18n/en';
import { useCurrentUser } from '@/web/lib/session';
import { useReviewQueue } from '../api';
import { PracticeItem } from './practices';

const states = ['submitted', 'changes_requested', 'draft', 'published', 'archived'] as const;

export function PracticeReviewRoute() {
  const t = useT();
  const user = useCurrentUser();
  const [status, setStatus] = useState<string>('submitted');
  const secretariat = user?.role === 'secretariat_admin' || user?.role === 'secretariat_staff';
  const { data, isError } = useReviewQueue(status);
  if (!secretariat) return <Page title={t('practices.reviewQueue')}><Alert kind="error">{t('practices.forbidden')}</Alert></Page>;
  return (
    <Page title={t('practices.reviewQueue')} lead={t('practices.reviewLead')}>
      <Select label={t('practices.state')} value={status} onChange={(e) => setStatus(e.target.value)} options={states.map((s) => ({ value: s, label: t(`practices.status.${s}` as MessageKey) }))} />
      {isError ? <Alert kind="error">{t('practices.loadFailed')}</Alert> : null}
      <p role="status">{data ? t('practices.count', { count: data.total }) : '…'}</p>
      <ul className="practices-list">{(data?.items ?? []).map((p) => <PracticeItem key={p.id} p={p} showStatus />)}</ul>
    </Page>
  );
}
