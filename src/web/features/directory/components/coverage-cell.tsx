import { Link } from 'react-router';
import { useT } from '@/web/i18n/use-t';
import { freshnessList } from '../options';

interface CoverageCellProps {
  memberCode: string;
  memberName: string;
  mandateCode: string;
  mandateName: string;
  counts: { confirmed: number; stale: number; missing: number };
}

/**
 * One Member × mandate: a stacked bar of confirmed / stale / missing focal points with the numbers beside
 * it, as a link to that Member's agencies under the mandate.
 */
export function CoverageCell({ memberCode, memberName, mandateCode, mandateName, counts }: CoverageCellProps) {
  const t = useT();
  const total = counts.confirmed + counts.stale + counts.missing;
  const to = `/directory?member=${encodeURIComponent(memberCode)}&mandate=${encodeURIComponent(mandateCode)}`;
  // The link is named by its own text, the numbers included, so what is seen and what is heard agree:
  // "Thailand, Counter trafficking: 2 confirmed, 1 stale, 0 missing".
  return (
    <Link to={to} className="coverage-cell">
      <span className="visually-hidden">{t('coverage.cellPrefix', { member: memberName, mandate: mandateName })} </span>
      <span className="coverage-bar" aria-hidden="true">
        {total === 0
          ? null
          : freshnessList.map((f) =>
              counts[f] > 0 ? <span key={f} className={`coverage-bar__seg coverage-bar__seg--${f}`} style={{ flexGrow: counts[f] }} /> : null,
            )}
      </span>
      <span className="coverage-counts">
        {freshnessList.map((f, i) => (
          <span key={f} className={`coverage-count coverage-count--${f}`}>
            {counts[f]}
            <span className="visually-hidden">
              {' '}
              {t(`coverage.count.${f}`)}
              {i < freshnessList.length - 1 ? ', ' : ''}
            </span>
          </span>
        ))}
      </span>
    </Link>
  );
}

/** What the bars' colours and symbols mean, in words. */
export function CoverageLegend() {
  const t = useT();
  return (
    <ul className="coverage-legend" aria-label={t('coverage.legend')}>
      {freshnessList.map((f) => (
        <li key={f}>
          <span className={`coverage-legend__swatch coverage-bar__seg--${f}`} aria-hidden="true" />
          <span className={`coverage-count coverage-count--${f}`} aria-hidden="true" />
          {t(`coverage.legend.${f}`)}
        </li>
      ))}
    </ul>
  );
}
