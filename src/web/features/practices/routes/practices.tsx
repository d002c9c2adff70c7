import '@/web/styles/practices.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
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
import { PAGE_SIZE, useMyPractices, usePractices, type PracticeSearch, type PracticeSummary } from '../api';

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
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const search: PracticeSearch = { q: params.get('q') ?? '', theme: params.get('theme') ?? '', member: params.get('member') ?? '', page };
  const [q, setQ] = useState(search.q);
  const { data, isError } = usePractices(search);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const pageHref = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    const qs = next.toString();
    return qs ? `?${qs}` : '?';
  };
  // After moving to another page, the count ("21–40 of 57") takes focus, so keyboard and screen reader users start there.
  const countRef = useRef<HTMLParagraphElement>(null);
  const shownPage = useRef(page);
  useEffect(() => {
    if (shownPage.current !== page && data) {
      shownPage.current = page;
      countRef.current?.focus();
    }
  }, [page, data]);
  const mine = useMyPractices(!!user && (user.role === 'official' || user.role === 'member_coordinator'));
  const set = (k: keyof PracticeSearch, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
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
      <p role="status" ref={countRef} tabIndex={-1}>
        {!data ? '…' : data.total > PAGE_SIZE && data.items.length > 0
          ? t('practices.countRange', { from: (page - 1) * PAGE_SIZE + 1, to: (page - 1) * PAGE_SIZE + data.items.length, count: data.total })
          : t('practices.count', { count: data.total })}
      </p>
      <ul className="practices-list">{(data?.items ?? []).map((p) => <PracticeItem key={p.id} p={p} />)}</ul>
      {data && (pages > 1 || page > 1) ? (
        <nav className="practice__actions" aria-label={t('practices.pages')}>
          {page > 1 ? <Link to={pageHref(Math.min(page - 1, pages))} rel="prev">{t('practices.previous')}</Link> : null}
          <span>{t('practices.pageOf', { page, pages })}</span>
          {page < pages ? <Link to={pageHref(page + 1)} rel="next">{t('practices.next')}</Link> : null}
        </nav>
      ) : null}
      {mine.data && mine.data.items.length > 0 ? (
        <section aria-labelledby="my-practices">
          <h2 id="my-practices">{t('practices.mine')}</h2>
          <ul className="practices-list">{mine.data.items.map((p) => <PracticeItem key={p.id} p={p} showStatus />)}</ul>
        </section>
      ) : null}
    </Page>
  );
}
