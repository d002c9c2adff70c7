/** The practices module's tables, as Kysely sees them (see migrations/012-practices.ts). */
export interface PracticesTables {
  practices: PracticesTable;
  practice_comments: PracticeCommentsTable;
  practice_tokens: PracticeTokensTable;
}

export interface PracticesTable {
  id: string;
  title: string;
  member_code: string;
  themes: string;
  languages: string;
  problem: string;
  action: string;
  results: string;
  evidence: string;
  evidence_links: string;
  lessons: string;
  contact: string;
  contact_person_id: string | null;
  status: string;
  audience: string | null;
  submitter_id: string | null;
  submitted_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PracticeCommentsTable {
  id: string;
  practice_id: string;
  author_id: string | null;
  step: string | null;
  body: string;
  created_at: string;
}

export interface PracticeTokensTable {
  practice_id: string;
  token: string;
  weight: number;
}
