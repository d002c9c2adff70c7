/** The dialogues module's tables, as Kysely sees them (see migrations/013-dialogues.ts). */
export interface DialoguesTables {
  dialogue_spaces: DialogueSpacesTable;
  dialogue_space_members: { space_id: string; user_id: string; role: string; added_by: string | null; added_at: string };
  dialogue_threads: DialogueThreadsTable;
  dialogue_posts: DialoguePostsTable;
  dialogue_attachments: DialogueAttachmentsTable;
  dialogue_follows: { user_id: string; target_type: string; target_id: string; created_at: string };
  dialogue_reads: { user_id: string; thread_id: string; last_post_at: string; last_post_id: string; updated_at: string };
  dialogue_reports: DialogueReportsTable;
  /** The search index (migrations/016-dialogue-search.ts). */
  dialogue_tokens: { token: string; thread_id: string; source_id: string; weight: number };
}

export interface DialogueSpacesTable {
  id: string;
  name: string;
  description: string;
  kind: string;
  theme_code: string | null;
  working_group_code: string | null;
  event_id: string | null;
  access: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DialogueThreadsTable {
  id: string;
  space_id: string;
  title: string;
  author_id: string | null;
  pinned: number;
  locked: number;
  hidden: number;
  post_count: number;
  last_post_at: string;
  created_at: string;
  updated_at: string;
}

export interface DialoguePostsTable {
  id: string;
  thread_id: string;
  author_id: string | null;
  body_source: string;
  body_html: string;
  quote_post_id: string | null;
  quote_text: string | null;
  hidden: number;
  created_at: string;
  edited_at: string | null;
}

export interface DialogueAttachmentsTable {
  id: string;
  post_id: string;
  storage_key: string;
  file_type: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  original_name: string | null;
  uploaded_by: string | null;
  created_at: string;
}

export interface DialogueReportsTable {
  id: string;
  post_id: string;
  reporter_id: string | null;
  reason: string;
  status: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}
