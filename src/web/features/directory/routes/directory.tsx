import '@/web/styles/directory.css';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Button } from '@/web/components/button';
import { Page } from '@/web/components/page';
import { QueryError } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { can } from '@/web/lib/roles';
import { DirectoryExchangeTools } from '@/web/features/directory-exchange/components/export-links';
import { useCurrentUser } from '@/web/lib/session';
import { hasCriteria, useDirectorySearch, type DirectoryFilters, type DirectorySearch } from '../api';
import { DirectoryFilterFields } from '../components/directory-filters';
import { SearchResults } from '../components/search-results';
import { isAgencyType, isFreshness } from '../options';

const DEBOUNCE_MS = 250;
const filterKeys = ['member', 'subregion', 'mandate', 'workingGroup', 'agencyType', 'freshness'] as const;

/** The search lives in the address, so a reload, the back button and a shared link all show the same list. */
function readSearch(params: URLSearchParams): DirectorySearch {
  const agencyType = params.get('agencyType') ?? '';
  const freshness = params.get('freshness') ?? '';
  return {
    q: params.get('q') ?? '',
    member: (params.get('member') ?? '').toUpperCase(),
    subregion: params.get('subregion') ?? '',
    mandate: params.get('mandate') ?? '',
    workingGroup: params.get('workingGroup') ?? '',
    agencyType: isAgencyType(agencyType) ? agencyType : '',
    freshness: isFreshness(freshness) ? freshness : '',
  };
}

function writeSearch(s: DirectorySearch): URLSearchParams {
  const next = new URLSearchParams();
  // The words go in as typed: scripts such as Thai or Khmer, and accents, are the server's to match.
  if (s.q) next.set('q', s.q);
  for (const key of filterKeys) if (s[key]) next.set(key, s[key]);
  return next;
}

export function DirectoryRoute() {
  const t = useT();
  const user = useCurrentUser();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const [text, setText] = useState(search.q);
  // The words last written to the address: typing updates it after a pause, the address updates the box.
  const written = useRef(search.q);
  const resultsHeading = useId();

  useEffect(() => {
    if (search.q !== written.current) {
      written.current = search.q;
      setText(search.q);
    }
  }, [search.q]);

  useEffect(() => {
    if (text === written.current) return;
    const timer = setTimeout(() => {
      written.current = text;
      // Replace, not push: one entry in the history per search, not one per key.
      setParams((prev) => writeSearch({ ...readSearch(prev), q: text }), { replace: true });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, setParams]);

  const query: DirectorySearch = { ...search, q: search.q.trim() };
  const results = useDirectorySearch(query);
  const active = hasCriteria(query);
  const filtered = filterKeys.some((k) => search[k] !== '');

  function applyFilters(next: DirectoryFilters) {
    written.current = text;
    setParams(writeSearch({ ...next, q: text }));
  }

  function onSubmit(event: FormEvent) {
    // Enter searches at once, without waiting for the pause.
    event.preventDefault();
    if (text !== written.current) {
      written.current = text;
      setParams(writeSearch({ ...search, q: text }), { replace: true });
    }
  }

  const count = results.data?.items.length ?? 0;
  const total = results.data?.total ?? 0;
  const status = !active
    ? ''
    : results.isPending || (results.isPlaceholderData && results.isFetching)
      ? t('directory.searching')
      : results.isError
        ? ''
        : total === 0
          ? t('directory.noResults')
          : total > count
            ? t('directory.someResults', { shown: count, total })
            : t('directory.results', { count: total });

  return (
    <Page title={t('directory.title')} lead={t('directory.lead')}>
      {user && can(user.role, 'directoryEdit') ? (
        <p>
          <Link to="/directory/agencies/new">{t('directory.addAgency')}</Link>
        </p>
      ) : null}
      {!user ? (
        <p>
          <Link to="/sign-in" state={{ from: location.pathname + location.search }}>
            {t('directory.signInForMore')}
          </Link>
        </p>
      ) : null}
      <form className="directory-search" role="search" aria-label={t('directory.searchLabel')} onSubmit={onSubmit}>
        <TextField
          label={t('directory.search')}
          description={t('directory.searchHint')}
          name="q"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          // Scripts without spaces between words (Thai, Khmer, Lao, Burmese) are typed as they are.
          autoCapitalize="off"
        />
        <DirectoryFilterFields value={search} onChange={applyFilters} />
        {filtered ? (
          <p>
            <Button variant="link" onClick={() => applyFilters({ member: '', subregion: '', mandate: '', workingGroup: '', agencyType: '', freshness: '' })}>
              {t('directory.clearFilters')}
            </Button>
          </p>
        ) : null}
      </form>
      <DirectoryExchangeTools />

      {active ? (
        <h2 id={resultsHeading} className="section__title">
          {t('directory.resultsTitle')}
        </h2>
      ) : null}
      {/* Always present, so screen readers announce each new count. */}
      <p role="status" className="directory-status">
        {status}
      </p>
      {!active ? (
        <div className="directory-intro">
          <p>{t('directory.explain')}</p>
          <p>{t('directory.explainFilters')}</p>
        </div>
      ) : results.isError ? (
        <QueryError error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data && results.data.items.length > 0 ? (
        <SearchResults items={results.data.items} labelledBy={resultsHeading} />
      ) : null}
    </Page>
  );
}
