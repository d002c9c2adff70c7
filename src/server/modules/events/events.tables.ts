/** The events module's tables, as Kysely sees them (see migrations/005-events.ts). */
export interface EventsTables {
  events: EventsTable;
  event_invitations: EventInvitationsTable;
  event_participants: EventParticipantsTable;
  guest_speakers: GuestSpeakersTable;
  event_sessions: EventSessionsTable;
  event_session_speakers: EventSessionSpeakersTable;
  event_breakouts: EventBreakoutsTable;
  event_breakout_members: { breakout_id: string; participant_id: string; event_id: string };
}

export interface GuestSpeakersTable {
  id: string;
  name: string;
  title: string | null;
  organisation: string | null;
  bio: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventSessionsTable {
  id: string;
  event_id: string;
  title: string;
  description: string | null;
  starts_at: string;
  ends_at: string;
  room: string | null;
  online_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventSessionSpeakersTable {
  id: string;
  session_id: string;
  event_id: string;
  person_id: string | null;
  guest_speaker_id: string | null;
  role: string;
  sort_order: number;
}

export interface EventBreakoutsTable {
  id: string;
  event_id: string;
  name: string;
  description: string | null;
  session_id: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: string;
  slug: string;
  title: string;
  title_local: string | null;
  summary: string | null;
  type: string;
  format: string;
  place: string | null;
  online_url: string | null;
  time_zone: string;
  start_date: string;
  end_date: string;
  starts_at: string;
  ends_at: string;
  visibility: string;
  status: string;
  working_group_code: string | null;
  series: string | null;
  themes: string;
  capacity: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventInvitationsTable {
  id: string;
  event_id: string;
  member_code: string | null;
  agency_id: string | null;
  user_id: string | null;
  quota: number | null;
  created_at: string;
}

export interface EventParticipantsTable {
  id: string;
  event_id: string;
  user_id: string | null;
  person_id: string | null;
  name: string;
  email: string | null;
  organisation: string | null;
  member_code: string | null;
  status: string;
  nominated_by: string | null;
  decided_by: string | null;
  decided_at: string | null;
  registered_at: string | null;
  consent_listed: number;
  checked_in_at: string | null;
  created_at: string;
  updated_at: string;
}
