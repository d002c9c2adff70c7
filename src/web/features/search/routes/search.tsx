import '@/web/styles/search.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { GlobalSearchResult, SearchKind } from '@/contracts/search';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Checkbox } from '@/web/components/checkbox';
import { Page } from '@/web/components/page';
import { TextField } from '@/web/components/text-field';
import { MarkedText } from '@/web/components/marked-text';
import { useT } from '@/web/i18n/use-t';
import type { MessageKey } from '@/web/i18n/en';
import { api, toQueryString } from '@/web/lib/api-client';

const kinds: readonly SearchKind[] = ['library', 'practice', 'dialogue', 'agency', 'person'];

/** One box over the library, good practices, agencies and people; each result labelled by kind. */
export function SearchRoute() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const chosen = (params.get('kinds') ?? '').split(',').filter((k): k is SearchKind => (kinds as readonly string[]).includes(k));
  const [text, setText] = useState(q);
  const [selected, setSelected] = useState<SearchKind[]>(chosen.length ? chosen : [...kinds]);
  const { data, isError, isFetching } = useQuery({
    queryKey: ['search', q, chosen.join(',')],
    queryFn: ({ signal }) => api<GlobalSearchResult>(`/api/search${toQueryString({ q, kinds: chosen.join(',') || undefined, perKind: 5 })}`, { signal }),
    enabled: q.trim() !== '',
    placeholderData: keepPreviousData,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    if (selected.length && selected.length < kinds.length) next.set('kinds', selected.join(','));
    setParams(next);
  };
  const total = data?.totals.reduce((n, k) => n + k.total, 0) ?? 0;
  return (
    <Page title={t('search.title')} lead={t('search.lead')}>
      <form role="search" className="search-form" onSubmit={submit}>
        <TextField label={t('search.box')} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <fieldset className="search-form__kinds">
          <legend>{t('search.kinds')}</legend>
          {kinds.map((k) => (
            <Checkbox key={k} label={t(`search.kind.${k}` as MessageKey)} checked={selected.includes(k)}
              onChange={(e) => setSelected(e.target.checked ? [...selected, k] : selected.filter((s) => s !== k))} />
          ))}
        </fieldset>
        <Button type="submit">{t('search.button')}</Button>
      </form>
      {isError ? <Alert kind="error">{t('search.failed')}</Alert> : null}
      <p role="status" aria-live="polite">
        {q && data ? t('search.summary', { count: total, q }) : q && isFetching ? '…' : ''}
      </p>
      {data && q ? (
        <>
          <p className="search-totals">
            {data.totals.map((k) => t('search.kindCount', { kind: t(`search.kind.${k.kind}` as MessageKey), count: k.total })).join(' · ')}
          </p>
          <ol className="search-results">
            {data.items.map((hit) => (
              <li key={`${hit.kind}:${hit.id}`}>
                <span className={`search-kind search-kind--${hit.kind}`}>{t(`search.kind.${hit.kind}` as MessageKey)}</span>
                <h2><Link to={hit.path}>{hit.title}</Link></h2>
                {hit.snippet ? <p><MarkedText text={hit.snippet.text} marks={hit.snippet.marks} /></p> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </Page>
  );
}
