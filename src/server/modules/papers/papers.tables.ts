/** The papers module's tables, as Kysely sees them (see migrations/006-papers.ts). */
export interface PapersTables {
  papers: PapersTable;
  paper_versions: PaperVersionsTable;
}

export interface PapersTable {
  id: string;
  event_id: string;
  kind: string;
  title: string;
  language: string;
  sensitivity: string;
  translation_of: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PaperVersionsTable {
  id: string;
  paper_id: string;
  number: number;
  storage_key: string;
  file_type: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  original_name: string | null;
  note: string | null;
  uploaded_by: string | null;
  uploaded_at: string;
}
