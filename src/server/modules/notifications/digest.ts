import { notificationKinds, type NotificationKind } from '@/contracts/notifications';

export type DigestMode = 'daily' | 'weekly';

const DAY_MS = 86_400_000;

/**
 * The period a digest run covers, as a key unique per user (the digest table's unique key) and the cutoff: items
 * created before it go into the digest.
 * - daily: the UTC days before today (key daily:<yesterday>);
 * - weekly: the ISO weeks (Monday to Sunday, UTC) before the current one (key weekly:<Monday of the week that ended>).
 *   The first run in a new week sends it, so a missed Monday run is made up the next day.
 */
export function digestPeriod(mode: DigestMode, now: Date): { key: string; cutoff: string } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (mode === 'daily') {
    return { key: `daily:${new Date(today - DAY_MS).toISOString().slice(0, 10)}`, cutoff: new Date(today).toISOString() };
  }
  const weekday = (new Date(today).getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  const monday = today - weekday * DAY_MS;
  return { key: `weekly:${new Date(monday - 7 * DAY_MS).toISOString().slice(0, 10)}`, cutoff: new Date(monday).toISOString() };
}

/** Headings in the digest mail; a kind added later without one is headed by its name. */
const kindTitles: Partial<Record<NotificationKind, string>> = {
  event_invitation: 'Invitations',
  nomination_decision: 'Nomination decisions',
  registration_confirmed: 'Registrations',
  paper_published: 'Papers published or updated',
  action_due: 'Actions due or overdue',
};

export interface DigestEntry {
  kind: NotificationKind;
  subject: string;
  text: string;
  link: string;
  at: string;
}

/** The digest mail: entries grouped by kind, oldest first, each with its link. */
export function digestText(mode: DigestMode, entries: readonly DigestEntry[]): { subject: string; text: string } {
  const n = entries.length;
  const subject = `Your ${mode} digest from the Bali Process Hub: ${n} notification${n === 1 ? '' : 's'}`;
  const lines: string[] = [`${n} notification${n === 1 ? '' : 's'} since your last ${mode} digest.`, ''];
  for (const kind of notificationKinds) {
    const of = entries.filter((e) => e.kind === kind);
    if (of.length === 0) continue;
    lines.push(`== ${kindTitles[kind] ?? kind.replace(/_/g, ' ')} (${of.length}) ==`, '');
    for (const e of of) lines.push(`* ${e.subject} (${e.at.slice(0, 16).replace('T', ' ')} UTC)`, ...e.text.split('\n').map((l) => `  ${l}`), `  ${e.link}`, '');
  }
  lines.push('Change how often you receive these on your account page.');
  return { subject, text: lines.join('\n') };
}
