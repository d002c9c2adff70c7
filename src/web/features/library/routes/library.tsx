import '@/web/styles/library.css';
import { startTransition, useOptimistic, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Checkbox } from '@/web/components/checkbox';
import { Page } from '@/web/components/page';
import { TextField } from '@/web/components/text-field';
import type { MessageKey } from '@/web/i18n/en';
import { intlLocale, useLocale, useT } from '@/web/i18n/use-t';
import { memberNames, useReference } from '@/web/lib/reference';
import { useCurrentUser } from '@/web/lib/session';
import { useLibrarySearch, type LibraryHit, type LibrarySearch } from '../api';
import { MarkedText } from '@/web/components/marked-text';
import { languageName } from '@/web/lib/format';

const facetKeys = ['type', 'theme', 'country', 'language', 'year'] as const;
type FacetKey = (typeof facetKeys)[number];

export function LibraryRoute() {
  const t = useT();
  const locale = intlLocale(useLocale());
  const [params, setParams] = useSearchParams();
  const search: LibrarySearch = { q: params.get('q') ?? '', theme: params.get('theme') ?? '', country: params.get('country') ?? '', type: params.get('type') ?? '', year: params.get('year') ?? '', language: params.get('language') ?? '' };
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const result = useLibrarySearch(search, cursor);
  const reference = useReference();
  const member = memberNames(reference.data);
  const themes = new Map((reference.data?.themes ?? []).map((th) => [th.code, th.name]));
  const user = useCurrentUser();
  const [q, setQ] = useState(search.q);
  // A ticked filter shows as ticked at once, while its results load.
  const [shown, setShown] = useOptimistic(search);

  const update = (changes: Partial<LibrarySearch>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setCursors([null]);
    startTransition(() => {
      setShown({ ...search, ...changes });
      setParams(next);
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: q.trim() });
  };
  const label = (f: FacetKey, v: string) =>
    f === 'type' ? t(`library.type.${v}` as MessageKey) : f === 'theme' ? themes.get(v) ?? v : f === 'country' ? member(v) : f === 'language' ? languageName(v, locale) : v;
  const data = result.data;
  const filtered = facetKeys.some((f) => search[f]);

  return (
    <Page title={t('library.title')} lead={t('library.lead')}>
      <form role="search" className="library__search" onSubmit={submit}>
        <TextField label={t('library.search')} description={t('library.searchHint')} type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
        <Button type="submit">{t('library.searchButton')}</Button>
        {data?.canCreate ?? (user?.role === 'secretariat_admin' || user?.role === 'secretariat_staff') ? <Link className="button button--secondary" to="/library/new">{t('library.new')}</Link> : null}
      </form>
      <div className="library">
        <section className="library__facets" aria-labelledby="library-filters">
          <h2 id="library-filters">{t('library.filters')}</h2>
          {facetKeys.map((f) => {
            const values = data?.facets[f] ?? [];
            const chosen = shown[f];
            const listed = chosen && !values.some((v) => v.value === chosen) ? [{ value: chosen, count: 0 }, ...values] : values;
            if (listed.length === 0) return null;
            return (
              <fieldset key={f}>
                <legend>{t(`library.facet.${f}`)}</legend>
                {listed.slice(0, 12).map((v) => (
                  <Checkbox key={v.value} label={`${label(f, v.value)} (${v.count})`} checked={chosen === v.value} onChange={(e) => update({ [f]: e.target.checked ? v.value : '' })} />
                ))}
              </fieldset>
            );
          })}
          {filtered ? <Button variant="link" onClick={() => update({ theme: '', country: '', type: '', year: '', language: '' })}>{t('library.clear')}</Button> : null}
        </section>
        <section aria-labelledby="library-results">
          <h2 id="library-results" aria-live="polite">{data ? t('library.results', { count: data.total }) : '…'}</h2>
          {result.isError ? <Alert kind="error">{t('library.loadFailed')}</Alert> : null}
          {data && data.items.length === 0 ? <p>{t('library.noResults')}</p> : null}
          <ul className="library__results">
            {data?.items.map((hit) => <Hit key={hit.id} hit={hit} locale={locale} />)}
          </ul>
          {data?.nextCursor ? <Button variant="secondary" onClick={() => setCursors([...cursors, data.nextCursor])}>{t('library.more')}</Button> : null}
        </section>
      </div>
    </Page>
  );
}

function Hit({ hit, locale }: { hit: LibraryHit; locale: string }) {
  const t = useT();
  return (
    <li className="library__hit">
      <h2>
        <Link to={`/library/${encodeURIComponent(hit.id)}`}>
          <MarkedText text={hit.title} marks={hit.titleMarks} />
        </Link>
      </h2>
      <p className="library__meta">
        {[t(`library.type.${hit.type}`), hit.year, hit.languages.map((l) => languageName(l, locale)).join(', '), hit.sensitivity !== 'public' ? t(`library.sensitivity.${hit.sensitivity}`) : null].filter(Boolean).join(' · ')}
      </p>
      {hit.snippet ? (
        <p className="library__snippet">
          <span className="visually-hidden">{t(`library.foundIn.${hit.snippet.source}`)} </span>
          <MarkedText text={hit.snippet.text} marks={hit.snippet.marks} />
        </p>
      ) : hit.description ? <p className="library__snippet">{hit.description.length > 240 ? `${hit.description.slice(0, 240)}…` : hit.description}</p> : null}
    </li>
  );
}
