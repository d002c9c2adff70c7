import '@/web/styles/reports.css';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/web/components/button';
import { Page } from '@/web/components/page';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { intlLocale, useLocale, useT } from '@/web/i18n/use-t';
import { formatDate, formatSize, languageName } from '@/web/lib/format';
import { PAGE, usePublications, type Publication } from '../api';

/** /reports: the outcome reports published to the public, across events, newest first; anyone may look. */
export function ReportsRoute() {
  const t = useT();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const list = usePublications(year, offset);
  const set = (changes: { year?: string; offset?: number }) => {
    const next = new URLSearchParams(params);
    if (changes.year !== undefined) {
      if (changes.year) next.set('year', changes.year);
      else next.delete('year');
      next.delete('offset');
    }
    if (changes.offset !== undefined) {
      if (changes.offset > 0) next.set('offset', String(changes.offset));
      else next.delete('offset');
    }
    setParams(next);
  };
  const data = list.data;
  const download = (p: Pick<Publication, 'language' | 'file'>) =>
    t('reports.download', { type: p.file.fileType.toUpperCase(), size: formatSize(p.file.sizeBytes, intlLocale(locale)), language: languageName(p.language, intlLocale(locale)) });
  return (
    <Page title={t('reports.title')} lead={t('reports.lead')}>
      {data && data.years.length > 1 ? (
        <Select
          label={t('reports.year')} value={year ? String(year) : ''} onChange={(e) => set({ year: e.target.value })}
          options={[{ value: '', label: t('reports.allYears') }, ...data.years.map((y) => ({ value: String(y), label: String(y) }))]}
        />
      ) : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <Loading /> : null}
      {data ? <p role="status" aria-live="polite">{t('reports.count', { count: data.total })}</p> : null}
      {data && data.items.length === 0 ? <p className="empty">{t('reports.none')}</p> : null}
      <ul className="reports-list">
        {data?.items.map((p) => (
          <li key={p.id} className="reports-card">
            <h2 className="reports-card__title">{p.title}</h2>
            <p className="reports-meta">
              {p.event.open ? <Link to={`/events/${encodeURIComponent(p.event.id)}`}>{p.event.title}</Link> : p.event.title}
              {' · '}{formatDate(p.event.startDate, locale)}{p.event.place ? ` · ${p.event.place}` : ''}
            </p>
            <ul className="reports-files">
              <li><a href={p.file.url} download>{download(p)}</a></li>
              {p.translations.map((tr) => (
                <li key={tr.id} lang={tr.language}><a href={tr.file.url} download>{tr.title}</a> <span lang={locale}>({download(tr)})</span></li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {data && (offset > 0 || data.nextOffset !== null) ? (
        <nav className="reports-pages" aria-label={t('reports.pages')}>
          {offset > 0 ? <Button variant="secondary" onClick={() => set({ offset: Math.max(0, offset - PAGE) })}>{t('reports.previous')}</Button> : null}
          {data.nextOffset !== null ? <Button variant="secondary" onClick={() => set({ offset: data.nextOffset ?? 0 })}>{t('reports.next')}</Button> : null}
        </nav>
      ) : null}
    </Page>
  );
}
