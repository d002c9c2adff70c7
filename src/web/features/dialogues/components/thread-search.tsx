import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/web/components/button';
import { MarkedText } from '@/web/components/marked-text';
import { Section } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDateTime } from '@/web/lib/format';
import { useThreadSearch } from '../api';

/**
 * The search box of the dialogues (all spaces on /dialogues, one space on its page). The words live in the address
 * (`?q=`), so a search can be shared and survives a reload; results replace nothing else on the page.
 */
export function ThreadSearch({ spaceId }: { spaceId?: string }) {
  const t = useT();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  const results = useThreadSearch(q, spaceId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    setParams(next, { replace: true });
  };
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const total = results.data?.pages[0]?.total ?? 0;
  return (
    <>
      <form role="search" className="dialogues-search" onSubmit={submit}>
        <TextField label={spaceId ? t('dialogues.searchSpace') : t('dialogues.search')} description={t('dialogues.searchHint')} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="submit">{t('dialogues.searchButton')}</Button>
      </form>
      {q ? (
        <Section title={t('dialogues.searchResults', { q })}>
          <p role="status" aria-live="polite">{results.data ? t('dialogues.searchCount', { count: total }) : ''}</p>
          {results.isError ? <QueryError error={results.error} onRetry={() => void results.refetch()} /> : null}
          {results.isPending ? <Loading /> : null}
          <ul className="dialogues-list">
            {items.map((hit) => (
              <li key={hit.id} className="dialogues-card">
                <h3 className="dialogues-card__title">
                  <Link to={`/dialogues/threads/${encodeURIComponent(hit.id)}`}><MarkedText text={hit.title} marks={hit.titleMarks} /></Link>
                </h3>
                {hit.snippet ? <p><MarkedText text={hit.snippet.text} marks={hit.snippet.marks} /></p> : null}
                <p className="dialogues-meta">
                  {spaceId ? '' : `${hit.space.name} · `}{t('dialogues.posts', { count: hit.postCount })} · {t('dialogues.lastActivity', { when: formatDateTime(hit.lastPostAt, locale) })}
                </p>
              </li>
            ))}
          </ul>
          {results.hasNextPage ? (
            <Button variant="secondary" pending={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
              {t('dialogues.loadMore')}
            </Button>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}
