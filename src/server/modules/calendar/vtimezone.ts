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

/** Offset changes between two instants: sampled every 12 hours, then pinned to the minute by bisection. */
export function transitions(zone: string, from: number, to: number): Transition[] {
  const out: Transition[] = [];
  let t = from;
  let prev = offsetMinutes(zone, t);
  while (t < to) {
    const next = Math.min(t + 12 * HOUR, to);
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

const cache = new Map<string, string>();

/**
 * The VTIMEZONE of a zone for the years from `fromYear` to `toYear` (inclusive). An offset above the year's
 * lowest is daylight time; the rest is standard time.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string | null {
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
  const text = lines.join('\r\n');
  cache.set(key, text);
  return text;
}
