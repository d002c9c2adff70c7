import ical, { ICalCalendarMethod, ICalEventStatus, type ICalLuxonDateTimeStub } from 'ical-generator';
import { vtimezone } from './vtimezone';

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

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * An instant seen in an IANA zone, in the shape ical-generator accepts for zoned times (its Luxon stub): with a
 * plain Date it would print the server's local time. The wall-clock digits come from Intl, so no date library
 * and no network are needed.
 */
export class ZonedInstant implements ICalLuxonDateTimeStub {
  readonly zone: { type: string };
  constructor(
    private readonly instant: Date,
    private readonly tz: string,
  ) {
    this.zone = { type: tz === 'utc' ? 'fixed' : 'iana' };
  }
  get isValid(): boolean {
    return !Number.isNaN(this.instant.getTime());
  }
  setZone(zone?: string): ZonedInstant {
    return new ZonedInstant(this.instant, zone ?? this.tz);
  }
  toFormat(fmt: string): string {
    const parts = Object.fromEntries(formatterFor(this.tz === 'utc' ? 'UTC' : this.tz).formatToParts(this.instant).map((p) => [p.type, p.value]));
    if (fmt === 'yyyyLLdd') return `${parts.year}${parts.month}${parts.day}`;
    if (fmt === 'HHmmss') return `${parts.hour}${parts.minute}${parts.second}`;
    throw new Error(`unsupported format ${fmt}`);
  }
  toJSDate(): Date {
    return this.instant;
  }
  toJSON(): string {
    return this.instant.toISOString();
  }
}

/** SEQUENCE grows with every change: the seconds from creation to the last change. */
export function sequenceOf(e: Pick<CalendarEntry, 'createdAt' | 'updatedAt'>): number {
  return Math.max(0, Math.floor((Date.parse(e.updatedAt) - Date.parse(e.createdAt)) / 1000));
}

/**
 * Writes an RFC 5545 calendar: one VEVENT per event with DTSTART/DTEND in the event's own zone (TZID) and a
 * VTIMEZONE for each zone used; a stable UID; URL and DESCRIPTION linking to the event page; SEQUENCE and
 * LAST-MODIFIED from the event's changes; STATUS:CANCELLED for cancelled events.
 */
export function writeCalendar(opts: { name: string; publicUrl: string; entries: readonly CalendarEntry[] }): string {
  const host = new URL(opts.publicUrl).hostname;
  // Zones are written for the years the calendar covers, with a year's margin either side.
  let fromYear = Infinity;
  let toYear = -Infinity;
  for (const e of opts.entries) {
    fromYear = Math.min(fromYear, Number(e.start.slice(0, 4)) - 1);
    toYear = Math.max(toYear, Number(e.end.slice(0, 4)) + 1);
  }
  const cal = ical({
    name: opts.name,
    prodId: { company: 'Bali Process Regional Support Office', product: 'Bali Process Hub', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (zone) => vtimezone(zone, fromYear, toYear) },
  });
  for (const e of opts.entries) {
    const url = new URL(`/events/${encodeURIComponent(e.id)}`, opts.publicUrl).toString();
    const lastModified = new Date(e.updatedAt);
    cal.createEvent({
      id: `${e.id}@${host}`,
      sequence: sequenceOf(e),
      stamp: lastModified,
      lastModified,
      created: new Date(e.createdAt),
      start: new ZonedInstant(new Date(e.start), e.timeZone),
      end: new ZonedInstant(new Date(e.end), e.timeZone),
      timezone: e.timeZone,
      summary: e.title,
      description: [e.summary, e.onlineUrl ? `Online: ${e.onlineUrl}` : null, `Event page: ${url}`].filter(Boolean).join('\n\n'),
      location: e.place ?? e.onlineUrl ?? null,
      url,
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
