import type { Freshness } from '@/contracts/directory';
import { DAY } from '../../platform/clock';

/**
 * A position is `missing` without a holder; `confirmed` while its last confirmation is younger than the interval;
 * `stale` otherwise (never confirmed, or overdue). `dueAt` is when the confirmation falls (or fell) due.
 */
export function freshnessOf(p: { holder_id: string | null; last_confirmed_at: string | null }, now: Date, intervalDays: number): { freshness: Freshness; dueAt: string | null } {
  const dueAt = p.last_confirmed_at ? new Date(Date.parse(p.last_confirmed_at) + intervalDays * DAY).toISOString() : null;
  if (!p.holder_id) return { freshness: 'missing', dueAt };
  if (dueAt && Date.parse(dueAt) > now.getTime()) return { freshness: 'confirmed', dueAt };
  return { freshness: 'stale', dueAt };
}

/** The oldest confirmation time that still counts as fresh. */
export function freshCutoff(now: Date, intervalDays: number): string {
  return new Date(now.getTime() - intervalDays * DAY).toISOString();
}
