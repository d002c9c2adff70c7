import type { Generated } from 'kysely';
import type { DialoguesTables } from '../modules/dialogues/dialogues.tables';
import type { EventsTables } from '../modules/events/events.tables';
import type { ParticipationTables } from '../modules/events/participation.tables';
import type { NotificationsTables } from '../modules/notifications/notifications.tables';
import type { LibraryTables } from '../modules/library/library.tables';
import type { OutcomesTables } from '../modules/outcomes/outcomes.tables';
import type { PapersTables } from '../modules/papers/papers.tables';
import type { PracticesTables } from '../modules/practices/practices.tables';

/**
 * The database as Kysely sees it. Portable types only: ids are text (UUIDs), times are ISO 8601 UTC text
 * (they sort as text), booleans are 0/1 integers and JSON is text, so one query runs on SQLite and PostgreSQL.
 * Each later module keeps its own tables next to its code (modules/<name>/<name>.tables.ts) and they are joined here.
 */
export interface DB extends EventsTables, ParticipationTables, PapersTables, OutcomesTables, NotificationsTables, LibraryTables, PracticesTables, DialoguesTables {
  settings: { key: string; value: string };
  users: UsersTable;
  user_member_scopes: { user_id: string; member_code: string };
  recovery_codes: { id: string; user_id: string; code_hash: string; used_at: string | null; created_at: string };
  sessions: SessionsTable;
  invitations: InvitationsTable;
  password_resets: {
    id: string;
    user_id: string;
    token_hash: string;
    expires_at: string;
    used_at: string | null;
    created_at: string;
  };
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  jobs: JobsTable;
  subregions: { code: string; name: string; region_name: string };
  members: MembersTable;
  working_groups: { code: string; name: string; kind: string; co_chairs: string; sort_order: number };
  themes: { code: string; name: string; sort_order: number };
  mandates: { code: string; name: string; sort_order: number };
  agencies: AgenciesTable;
  agency_mandates: { agency_id: string; mandate_code: string };
  people: PeopleTable;
  contact_channels: ContactChannelsTable;
  positions: PositionsTable & PositionsMaintained;
  position_themes: { position_id: string; theme_code: string };
  position_holders: PositionHoldersTable;
  confirmation_requests: ConfirmationRequestsTable;
  search_tokens: { doc_type: string; doc_id: string; token: string };
  directory_imports: DirectoryImportsTable;
  directory_import_mappings: { header_key: string; mapping_json: string; updated_by: string | null; updated_at: string };
}

interface Confirmable {
  last_confirmed_at: string | null;
  last_confirmed_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgenciesTable extends Confirmable {
  id: string;
  member_code: string;
  name_en: string;
  name_local: string | null;
  acronym: string | null;
  type: string;
  parent_id: string | null;
  website: string | null;
  address: string | null;
}

export interface PeopleTable extends Confirmable {
  id: string;
  name_latin: string;
  name_local: string | null;
  title: string | null;
  /** JSON array of BCP 47 tags. */
  languages: string;
  user_id: string | null;
}

export interface ContactChannelsTable {
  id: string;
  person_id: string;
  kind: string;
  value: string;
  label: string | null;
  visibility: string;
  sort_order: number;
}

export interface PositionsTable extends Confirmable {
  id: string;
  agency_id: string;
  title: string;
  working_group_code: string | null;
}

/** Columns of positions that triggers keep (migration 021), never written by the application. */
export interface PositionsMaintained {
  /** 1 while someone holds the position (a holding without an end date), else 0. */
  has_holder: Generated<number>;
}

export interface PositionHoldersTable {
  id: string;
  position_id: string;
  person_id: string;
  start_date: string;
  end_date: string | null;
  note: string | null;
  created_at: string;
}

export interface ConfirmationRequestsTable {
  id: string;
  position_id: string;
  person_id: string;
  token_hash: string;
  sent_to: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  role: string;
  status: string;
  password_hash: string;
  locale: string;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  ip: string;
  user_agent: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface InvitationsTable {
  id: string;
  email: string;
  role: string;
  member_scopes: string;
  token_hash: string;
  invited_by: string | null;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  kind: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface JobsTable {
  id: string;
  name: string;
  payload: string;
  status: string;
  run_at: string;
  attempts: number;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface MembersTable {
  code: string;
  name: string;
  kind: string;
  participation: string;
  iso3: string | null;
  subregion_code: string | null;
  joined_year: number | null;
  sort_name: string;
}

export interface DirectoryImportsTable {
  id: string;
  created_by: string;
  file_name: string;
  file_kind: string;
  file_size: number;
  file_sha256: string;
  sheet_name: string | null;
  header_row: number;
  header_key: string;
  columns_json: string;
  rows_json: string;
  row_count: number;
  mapping_json: string | null;
  decisions_json: string | null;
  status: string;
  progress_done: number;
  progress_total: number;
  problems_json: string | null;
  duplicates_json: string | null;
  counts_json: string | null;
  error: string | null;
  apply_context_json: string | null;
  created_at: string;
  updated_at: string;
  applied_at: string | null;
}
