import type { Breakout, EventFormat, EventStatus, EventSummary, EventType, EventVisibility, Session, Speaker, SpeakerRole } from '@/contracts/events';
import type { EventBreakoutsTable, EventSessionsTable } from './events.tables';
import type { BreakoutMemberRow, SpeakerRow } from './agenda.repository';
import type { EventRow } from './events.repository';
import { zonedParts } from './zoned-time';

export function parseThemes(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function presentEventSummary(e: EventRow): EventSummary {
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    titleLocal: e.title_local,
    summary: e.summary,
    type: e.type as EventType,
    format: e.format as EventFormat,
    place: e.place,
    timeZone: e.time_zone,
    startDate: e.start_date,
    endDate: e.end_date,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    visibility: e.visibility as EventVisibility,
    status: e.status as EventStatus,
    workingGroupCode: e.working_group_code,
    workingGroupName: e.working_group_name,
    series: e.series,
    themes: parseThemes(e.themes),
  };
}

export function presentSpeaker(s: SpeakerRow, organisations: ReadonlyMap<string, string>): Speaker {
  const person = s.person_id !== null;
  return {
    id: s.id,
    role: s.role as SpeakerRole,
    kind: person ? 'person' : 'guest',
    personId: s.person_id,
    guestSpeakerId: s.guest_speaker_id,
    name: (person ? s.person_name : s.guest_name) ?? '',
    title: person ? s.person_title : s.guest_title,
    organisation: person ? (organisations.get(s.person_id ?? '') ?? null) : s.guest_organisation,
    bio: person ? null : s.guest_bio,
  };
}

/**
 * The local date of an instant in a zone, remembered: an event page names the day of every session, and
 * Intl's formatToParts is the costly part of building it. Bounded, so a long-running server does not grow it.
 */
const localDates = new Map<string, string>();
export function localDateOf(iso: string, zone: string): string {
  const key = `${zone}|${iso}`;
  let date = localDates.get(key);
  if (date === undefined) {
    date = zonedParts(new Date(iso), zone).date;
    if (localDates.size >= 20_000) localDates.clear();
    localDates.set(key, date);
  }
  return date;
}

export function presentSession(s: EventSessionsTable, zone: string, speakers: Speaker[]): Session {
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    date: localDateOf(s.starts_at, zone),
    room: s.room,
    onlineUrl: s.online_url,
    speakers,
  };
}

/** `everyone`: the secretariat sees every member; others only those who agreed to be listed. */
export function presentBreakout(b: EventBreakoutsTable, members: BreakoutMemberRow[], everyone: boolean): Breakout {
  return {
    id: b.id,
    name: b.name,
    description: b.description,
    sessionId: b.session_id,
    members: members
      .filter((m) => everyone || m.consent_listed === 1)
      .map((m) => ({ participantId: m.participant_id, name: m.name, organisation: m.organisation, memberCode: m.member_code })),
    memberCount: members.length,
  };
}
