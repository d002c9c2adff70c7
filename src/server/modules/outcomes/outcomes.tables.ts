/** The outcomes module's tables, as Kysely sees them (see migrations/007-outcomes.ts). */
export interface OutcomesTables {
  rso_priorities: { code: string; name: string; sort_order: number };
  actions: ActionsTable;
  action_themes: { action_id: string; theme_code: string };
  action_priorities: { action_id: string; priority_code: string };
  action_updates: ActionUpdatesTable;
  action_notices: { action_id: string; state: string; due_date: string; sent_at: string };
}

export interface ActionsTable {
  id: string;
  event_id: string;
  text: string;
  owner_kind: string;
  owner_code: string;
  due_date: string | null;
  status: string;
  progress: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ActionUpdatesTable {
  id: string;
  action_id: string;
  dated: string;
  text: string;
  progress: number | null;
  status_from: string | null;
  status_to: string | null;
  evidence_url: string | null;
  evidence_note: string | null;
  author_id: string | null;
  created_at: string;
}
