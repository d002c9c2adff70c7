/** Times of an event, read in the event's own zone and in the viewer's (Intl only). */

/** The viewer's zone, as the browser reports it. */
export function viewerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

/** Whether two zones show the same wall-clock time at this instant (e.g. Asia/Bangkok and Asia/Jakarta). */
export function sameOffset(a: string, b: string, iso: string): boolean {
  if (a === b) return true;
  const at = (zone: string) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', day: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  try {
    return at(a) === at(b);
  } catch {
    return false;
  }
}

export function formatTime(iso: string, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** A short name of the zone at that instant (e.g. "GMT+7"), to say which zone a time is in. */
export function zoneName(iso: string, zone: string, locale: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** A local date (YYYY-MM-DD) as words, without moving it through any zone. */
export function formatLocalDate(date: string, locale: string, style: 'full' | 'medium' = 'full'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "7–8 Sept 2022", or one date for a one-day event. */
export function formatDateRange(start: string, end: string, locale: string): string {
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = end.split('-').map(Number) as [number, number, number];
  const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const a = new Date(Date.UTC(y1, m1 - 1, d1));
  if (start === end) return f.format(a);
  return f.formatRange(a, new Date(Date.UTC(y2, m2 - 1, d2)));
}

/** The local dates from start to end, inclusive (YYYY-MM-DD). */
export function datesOf(start: string, end: string): string[] {
  const out: string[] = [];
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  for (let i = 0; i < 60; i++) {
    const date = new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10);
    if (date > end) break;
    out.push(date);
  }
  return out;
}

/** The local date and HH:MM of an instant in a zone, for editing a session in the event's zone. */
export function localParts(iso: string, zone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${String(Number(parts.hour) % 24).padStart(2, '0')}:${parts.minute}` };
}

/** The IANA zones the browser knows, for the time zone field. */
export function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}
