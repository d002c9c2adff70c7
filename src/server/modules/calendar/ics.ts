import { zoneInfo, type ZoneInfo } from './vtimezone';

/** An event as the calendar writes it. */
export interface CalendarEntry {
  id: string;
  title: string;
  summary: string | null;
  place: string | null;
  onlineUrl: string | null;
  timeZone: string;
  /** UTC instants (ISO): the first session's start and the last one's end, or the event's first and last moment. */
  start: string;
  end: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

/** Written VEVENTs by everything they are written from, so feeds polled again and again are mostly joins. */
export class VeventCache {
  private readonly map = new Map<string, string>();
  constructor(private readonly max = 20_000) {}
  get(key: string): string | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      // Most recently used last: the oldest entries are the first to go.
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: string): void {
    this.map.set(key, value);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }
}

/** SEQUENCE grows with every change: the seconds from creation to the last change. */
export function sequenceOf(e: Pick<CalendarEntry, 'createdAt' | 'updatedAt'>): number {
  return Math.max(0, Math.floor((Date.parse(e.updatedAt) - Date.parse(e.createdAt)) / 1000));
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const ascii = /^[\x20-\x7e]*$/;

/** UTF-8 length of one code point. */
function octetsOf(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function fold(line: string): string {
  if (line.length <= 75 && ascii.test(line)) return line;
  if (ascii.test(line)) {
    const parts = [line.slice(0, 75)];
    for (let i = 75; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
    return parts.join('\r\n ');
  }
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = octetsOf(ch);
    // The first line holds 75 octets; each continuation line starts with a space, so 74 more.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A UTC DATE-TIME (20260907T020000Z). */
export function utcStamp(iso: string | number): string {
  const d = new Date(iso).toISOString();
  return `${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}T${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}Z`;
}

/**
 * Writes an RFC 5545 calendar: one VEVENT per event with DTSTART/DTEND in the event's own zone (TZID) and a
 * VTIMEZONE for each zone used (from the runtime's zone data, see vtimezone.ts); a stable UID; URL and
 * DESCRIPTION linking to the event page; SEQUENCE and LAST-MODIFIED from the event's changes; STATUS:CANCELLED
 * for cancelled events. Written by hand rather than with a library: a feed of 1,000 events must take a few
 * milliseconds, and the format needs only escaping, folding and CRLF.
 */
export function writeCalendar(opts: { name: string; publicUrl: string; entries: readonly CalendarEntry[]; cache?: VeventCache }): string {
  const host = new URL(opts.publicUrl).hostname;
  const origin = opts.publicUrl.replace(/\/+$/, '');
  // Zones are written for the years the calendar covers, with a year's margin either side.
  let fromYear = Infinity;
  let toYear = -Infinity;
  for (const e of opts.entries) {
    fromYear = Math.min(fromYear, Number(e.start.slice(0, 4)) - 1);
    toYear = Math.max(toYear, Number(e.end.slice(0, 4)) + 1);
  }
  const zones = new Map<string, ZoneInfo | null>();
  const zoneOf = (tz: string) => {
    if (!zones.has(tz)) zones.set(tz, zoneInfo(tz, fromYear, toYear));
    return zones.get(tz) ?? null;
  };
  const events: string[] = [];
  for (const e of opts.entries) {
    const zone = zoneOf(e.timeZone);
    // Everything a VEVENT is written from is in the key, so a cached one is never stale.
    const key = opts.cache ? `${origin}|${e.id}|${e.updatedAt}|${e.start}|${e.end}|${e.status}|${e.timeZone}|${e.createdAt}|${e.title}|${e.place ?? ''}|${e.onlineUrl ?? ''}|${e.summary ?? ''}` : '';
    const cached = opts.cache?.get(key);
    if (cached) {
      events.push(cached);
      continue;
    }
    const url = `${origin}/events/${encodeURIComponent(e.id)}`;
    const start = Date.parse(e.start);
    const end = Date.parse(e.end);
    const description = [e.summary, e.onlineUrl ? `Online: ${e.onlineUrl}` : null, `Event page: ${url}`].filter(Boolean).join('\n\n');
    const location = e.place ?? e.onlineUrl;
    const lines = [
      'BEGIN:VEVENT',
      `UID:${e.id}@${host}`,
      `SEQUENCE:${sequenceOf(e)}`,
      `DTSTAMP:${utcStamp(e.updatedAt)}`,
      `CREATED:${utcStamp(e.createdAt)}`,
      `LAST-MODIFIED:${utcStamp(e.updatedAt)}`,
      zone ? `DTSTART;TZID=${e.timeZone}:${zone.local(start)}` : `DTSTART:${utcStamp(start)}`,
      zone ? `DTEND;TZID=${e.timeZone}:${zone.local(end)}` : `DTEND:${utcStamp(end)}`,
      `SUMMARY:${escapeText(e.title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      ...(location ? [`LOCATION:${escapeText(location)}`] : []),
      `URL;VALUE=URI:${url}`,
      `STATUS:${e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    ];
    const text = lines.map(fold).join('\r\n');
    opts.cache?.set(key, text);
    events.push(text);
  }
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Bali Process Regional Support Office//Bali Process Hub//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    fold(`NAME:${escapeText(opts.name)}`),
    fold(`X-WR-CALNAME:${escapeText(opts.name)}`),
  ];
  const timezones = [...zones.values()].filter((z): z is ZoneInfo => z !== null).map((z) => z.vtimezone);
  return [...head, ...timezones, ...events, 'END:VCALENDAR'].join('\r\n') + '\r\n';
}
