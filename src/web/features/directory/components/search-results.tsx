import { Link } from 'react-router';
import type { SearchHit } from '@/contracts/directory';
import { useT } from '@/web/i18n/use-t';
import { FreshnessBadge } from './freshness-badge';

/**
 * Where a hit leads. A position has no page of its own: it opens on its agency's page, at its row.
 * (`/directory/positions/:id` still redirects there, for links made before hits named their agency.)
 */
export function hitPath(hit: SearchHit): string {
  const id = encodeURIComponent(hit.id);
  switch (hit.kind) {
    case 'member':
      return `/directory?member=${id}`;
    case 'agency':
      return `/directory/agencies/${id}`;
    case 'position':
      return hit.agencyId ? `/directory/agencies/${encodeURIComponent(hit.agencyId)}#position-${id}` : `/directory/positions/${id}`;
    case 'person':
      return `/directory/people/${id}`;
  }
}

/** The hits as a list: what kind of record, its name (a link), what it belongs to, and how fresh it is. */
export function SearchResults({ items, labelledBy }: { items: readonly SearchHit[]; labelledBy: string }) {
  const t = useT();
  return (
    <ul className="results" aria-labelledby={labelledBy}>
      {items.map((hit) => (
        <li key={`${hit.kind}-${hit.id}`} className="result">
          <span className={`result__kind result__kind--${hit.kind}`}>{t(`kind.${hit.kind}`)}</span>
          <div className="result__main">
            <Link className="result__title" to={hitPath(hit)} dir="auto">
              {hit.title}
            </Link>
            {hit.subtitle ? (
              <p className="result__subtitle" dir="auto">
                {hit.subtitle}
              </p>
            ) : null}
          </div>
          {hit.freshness ? (
            <span className="result__freshness">
              <FreshnessBadge freshness={hit.freshness} />
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
