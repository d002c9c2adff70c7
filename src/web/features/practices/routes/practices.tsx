import '@/web/styles/practices.css';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Page } from '@/web/components/page';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import type { MessageKey } from '@/web/i18n/en';
import { useReference } from '@/web/lib/reference';
import { useCurrentUser } from '@/web/lib/session';
import { useMyPractices, usePractices, type PracticeSearch, type PracticeSummary } from '../api';

export function PracticeItem({ p, showStatus }: { p: PracticeSummary; showStatus?: boolean }) {
  const t = useT();
  return (
    <li>
      <h3><Link to={`/practices/${encodeURIComponent(p.id)}`}>{p.title}</Link></h3>
      <p className="practice__meta">
        {p.memberName}
        {showStatus ? <> · {t(`practices.status.${p.status}` as MessageKey)}</> : null}
      </p>
      {p.snippet ? <p>{p.snippet}</p> : null}
    </li>
  );
}

export function PracticesRoute() {
  const t = useT();
  const user = useCurrentUser();
  const reference = useReference();
  const [params, setParams] = useSearchParams();
  const search: PracticeSearch = { q: params.get('q') ?? '', theme: params.get('theme') ?? '', member: params.get('member') ?? '' };
  const [q, setQ] = useState(search.q);
  const { data, isError } = usePractices(search);
  const mine = useMyPractices(!!user && (user.role === 'official' || user.role === 'member_coordinator'));
  const set = (k: keyof PracticeSearch, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set('q', q.trim());
  };
  const secretariat = user?.role === 'secretariat_admin' || user?.role === 'secretariat_staff';
  return (
    <Page title={t('practices.title')} lead={t('practices.lead')}>
      <div className="practice__actions">
        {data?.canSubmit ? <Link to="/practices/new">{t('practices.new')}</Link> : null}
        {secretariat ? <Link to="/practices/review">{t('practices.reviewQueue')}</Link> : null}
      </div>
      <form role="search" className="practices-filters" onSubmit={submit}>
        <TextField label={t('practices.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <Select label={t('practices.theme')} value={search.theme} onChange={(e) => set('theme', e.target.value)}
          options={[{ value: '', label: t('practices.any') }, ...(reference.data?.themes ?? []).map((th) => ({ value: th.code, label: th.name }))]} />
        <Select label={t('practices.member')} value={search.member} onChange={(e) => set('member', e.target.value)}
          options={[{ value: '', label: t('practices.any') }, ...(reference.data?.members ?? []).map((m) => ({ value: m.code, label: m.name }))]} />
        <Button type="submit">{t('practices.searchButton')}</Button>
      </form>
      {isError ? <Alert kind="error">{t('practices.loadFailed')}</Alert> : null}
      <p role="status">{data ? t('practices.count', { count: data.total }) : '…'}</p>
      <ul className="practices-list">{(data?.items ?? []).map((p) => <PracticeItem key={p.id} p={p} />)}</ul>
      {mine.data && mine.data.items.length > 0 ? (
        <section aria-labelledby="my-practices">
          <h2 id="my-practices">{t('practices.mine')}</h2>
          <ul className="practices-list">{mine.data.items.map((p) => <PracticeItem key={p.id} p={p} showStatus />)}</ul>
        </section>
      ) : null}
    </Page>
  );
}
