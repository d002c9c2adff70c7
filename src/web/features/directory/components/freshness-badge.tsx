import type { Freshness } from '@/contracts/directory';
import { useT } from '@/web/i18n/use-t';

const classes: Record<Freshness, string> = {
  confirmed: 'badge badge--success freshness freshness--confirmed',
  stale: 'badge badge--warning freshness freshness--stale',
  missing: 'badge badge--danger freshness freshness--missing',
};

/** Confirmed / Stale / Missing: the word carries the meaning, the colour and symbol only repeat it. */
export function FreshnessBadge({ freshness }: { freshness: Freshness }) {
  const t = useT();
  return <span className={classes[freshness]}>{t(`freshness.${freshness}`)}</span>;
}
