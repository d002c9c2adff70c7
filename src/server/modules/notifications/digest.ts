import { localeSchema, type Locale } from '@/contracts/common';
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

/**
 * The digest's own words in each interface language (the user's `locale`). The notices inside keep the words their
 * module wrote them in; the frame around them, headings and the closing line, follow the reader. A kind added later
 * without a heading is headed by its name.
 */
const frames: Record<Locale, {
  subject: (mode: DigestMode, n: number) => string;
  intro: (mode: DigestMode, n: number) => string;
  kinds: Partial<Record<NotificationKind, string>>;
  footer: string;
}> = {
  en: {
    subject: (mode, n) => `Your ${mode} digest from the Bali Process Hub: ${n} notification${n === 1 ? '' : 's'}`,
    intro: (mode, n) => `${n} notification${n === 1 ? '' : 's'} since your last ${mode} digest.`,
    kinds: {
      event_invitation: 'Invitations',
      nomination_decision: 'Nomination decisions',
      registration_confirmed: 'Registrations',
      paper_published: 'Papers published or updated',
      action_due: 'Actions due or overdue',
      mention: 'Mentions',
      thread_activity: 'Dialogues you follow',
      practice_status: 'Good practices',
      nomination_received: 'Nominations to decide',
      space_membership: 'Dialogue spaces you were added to',
    },
    footer: 'Change how often you receive these on your account page.',
  },
  id: {
    subject: (mode, n) => `Ringkasan ${mode === 'daily' ? 'harian' : 'mingguan'} Anda dari Bali Process Hub: ${n} pemberitahuan`,
    intro: (mode, n) => `${n} pemberitahuan sejak ringkasan ${mode === 'daily' ? 'harian' : 'mingguan'} terakhir Anda.`,
    kinds: {
      event_invitation: 'Undangan',
      nomination_decision: 'Keputusan nominasi',
      registration_confirmed: 'Pendaftaran',
      paper_published: 'Dokumen yang diterbitkan atau diperbarui',
      action_due: 'Tindakan yang jatuh tempo atau terlambat',
      mention: 'Sebutan',
      thread_activity: 'Dialog yang Anda ikuti',
      practice_status: 'Praktik baik',
      nomination_received: 'Nominasi yang perlu diputuskan',
      space_membership: 'Ruang dialog tempat Anda ditambahkan',
    },
    footer: 'Ubah seberapa sering Anda menerima ini di halaman akun Anda.',
  },
};

export interface DigestEntry {
  kind: NotificationKind;
  subject: string;
  text: string;
  link: string;
  at: string;
}

/** The digest mail in the reader's language: entries grouped by kind, oldest first, each with its link. */
export function digestText(mode: DigestMode, entries: readonly DigestEntry[], locale: string = 'en'): { subject: string; text: string } {
  const frame = frames[localeSchema.safeParse(locale).data ?? 'en'];
  const n = entries.length;
  const subject = frame.subject(mode, n);
  const lines: string[] = [frame.intro(mode, n), ''];
  for (const kind of notificationKinds) {
    const of = entries.filter((e) => e.kind === kind);
    if (of.length === 0) continue;
    lines.push(`== ${frame.kinds[kind] ?? kind.replace(/_/g, ' ')} (${of.length}) ==`, '');
    for (const e of of) lines.push(`* ${e.subject} (${e.at.slice(0, 16).replace('T', ' ')} UTC)`, ...e.text.split('\n').map((l) => `  ${l}`), `  ${e.link}`, '');
  }
  lines.push(frame.footer);
  return { subject, text: lines.join('\n') };
}
