/**
 * VTIMEZONE components (RFC 5545 §3.6.5) built from the time-zone data of the running Node (ICU), so they are as
 * current as the runtime: no network, no copied rule tables that go stale (Fiji, for one, stopped daylight
 * saving in 2022). Each offset change in the years a calendar covers is written as its own observance with an
 * explicit DTSTART (no RRULE), which every client reads the same way.
 */

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset in minutes at an instant. */
export function offsetMinutes(zone: string, at: number): number {
  let f = offsetFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormatters.set(zone, f);
  }
  const name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Offset changes between two instants: sampled every 3 days, then pinned to the minute by bisection. */
export function transitions(zone: string, from: number, to: number): Transition[] {
  const out: Transition[] = [];
  let t = from;
  let prev = offsetMinutes(zone, t);
  while (t < to) {
    const next = Math.min(t + 3 * DAY, to);
    const off = offsetMinutes(zone, next);
    if (off !== prev) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (offsetMinutes(zone, mid) === prev) lo = mid;
        else hi = mid;
      }
      // Offsets change on a minute: the first whole minute that has the new offset.
      const floor = Math.floor(hi / 60_000) * 60_000;
      const at = floor > lo && offsetMinutes(zone, floor) !== prev ? floor : floor + 60_000;
      out.push({ at, from: prev, to: off });
      prev = off;
    }
    t = next;
  }
  return out;
}

function fmtOffset(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}

/** Local wall-clock time of an instant at a given offset, as iCalendar's floating DATE-TIME. */
function localStamp(at: number, offset: number): string {
  const d = new Date(at + offset * 60_000).toISOString();
  return `${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}T${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}`;
}

/** A zone over a span of years: its VTIMEZONE text, and the offset at any instant in the span (fast). */
export interface ZoneInfo {
  zone: string;
  vtimezone: string;
  /** Offset in minutes at an instant (binary search over the changes; outside the span, the nearest end's). */
  offsetAt(at: number): number;
  /** The instant as local wall-clock time in the zone, iCalendar style (20260907T090000). */
  local(at: number): string;
}

const cache = new Map<string, ZoneInfo>();

/**
 * The zone for the years from `fromYear` to `toYear` (inclusive), cached. An offset above the year's lowest is
 * daylight time; the rest is standard time.
 */
export function zoneInfo(zone: string, fromYear: number, toYear: number): ZoneInfo | null {
  if (!isKnownZone(zone)) return null;
  const key = `${zone}|${fromYear}|${toYear}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const changes = transitions(zone, start, end);
  const yearMin = new Map<number, number>();
  const lowest = (at: number) => {
    const y = new Date(at).getUTCFullYear();
    let v = yearMin.get(y);
    if (v === undefined) {
      v = Math.min(...Array.from({ length: 12 }, (_, m) => offsetMinutes(zone, Date.UTC(y, m, 1))));
      yearMin.set(y, v);
    }
    return v;
  };
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  const observance = (at: number, from: number, to: number) => {
    const kind = to > lowest(at) ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(at, from)}`, `TZOFFSETFROM:${fmtOffset(from)}`, `TZOFFSETTO:${fmtOffset(to)}`, `END:${kind}`);
  };
  const initial = offsetMinutes(zone, start);
  observance(start - DAY, initial, initial);
  for (const c of changes) observance(c.at, c.from, c.to);
  lines.push('END:VTIMEZONE');
  const offsetAt = (at: number): number => {
    let lo = 0;
    let hi = changes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((changes[mid]?.at ?? Infinity) <= at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? initial : (changes[found]?.to ?? initial);
  };
  const info: ZoneInfo = { zone, vtimezone: lines.join('\r\n'), offsetAt, local: (at) => localStamp(at, offsetAt(at)) };
  cache.set(key, info);
  return info;
}

/** The VTIMEZONE text of a zone for a span of years, or null for an unknown zone. */
export function vtimezone(zone: string, fromYear: number, toYear: number): string | null {
  return zoneInfo(zone, fromYear, toYear)?.vtimezone ?? null;
}
