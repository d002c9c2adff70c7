/**
 * Local dates and times in an IANA zone <-> UTC instants, with Intl only (no tz library): the offset at an
 * instant is read from Intl.DateTimeFormat, and a local wall time is found by correcting a first guess twice
 * (enough across DST changes; a time skipped by a DST jump lands just after the gap).
 */

let zones: Set<string> | null = null;

/** Whether `zone` is an IANA time zone this runtime knows (canonical names, their aliases, and UTC). */
export function isKnownTimeZone(zone: string): boolean {
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']);
  if (zones.has(zone)) return true;
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    return zones.has(resolved);
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone. */
export function zonedParts(instant: Date, zone: string): { date: string; time: string; y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = Object.fromEntries(formatter(zone).formatToParts(instant).map((p) => [p.type, p.value]));
  const y = Number(parts.year), mo = Number(parts.month), d = Number(parts.day), h = Number(parts.hour) % 24, mi = Number(parts.minute), s = Number(parts.second);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}`, time: `${pad(h)}:${pad(mi)}`, y, mo, d, h, mi, s };
}

/** Milliseconds the zone is ahead of UTC at an instant. */
export function zoneOffsetMs(instant: Date, zone: string): number {
  const p = zonedParts(instant, zone);
  const asUtc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
  return asUtc - (instant.getTime() - instant.getUTCMilliseconds());
}

/** The UTC instant of a local date (YYYY-MM-DD) and time (HH:MM) in a zone. */
export function zonedToUtc(date: string, time: string, zone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wall - zoneOffsetMs(new Date(wall), zone);
  guess = wall - zoneOffsetMs(new Date(guess), zone);
  return new Date(guess);
}

/** The day after a local date (YYYY-MM-DD). */
export function nextDate(date: string): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + 1)).toISOString().slice(0, 10);
}

/** The UTC span of local dates [startDate, endDate] in a zone: from 00:00 of the first day to 24:00 of the last. */
export function eventSpan(startDate: string, endDate: string, zone: string): { startsAt: string; endsAt: string } {
  return { startsAt: zonedToUtc(startDate, '00:00', zone).toISOString(), endsAt: zonedToUtc(nextDate(endDate), '00:00', zone).toISOString() };
}
