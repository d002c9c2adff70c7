/** The library module's tables, as Kysely sees them (see migrations/011-library.ts; the full-text index is in library.fts.ts). */
export interface LibraryTables {
  library_resources: LibraryResourcesTable;
  library_texts: LibraryTextsTable;
  /** One row (id 1): bumped by every library write (migration 014). */
  library_version: { id: number; version: number };
}

export interface LibraryResourcesTable {
  id: string;
  seq: number;
  type: string;
  title: string;
  description: string;
  themes: string;
  countries: string;
  languages: string;
  year: number | null;
  publisher: string;
  sensitivity: string;
  translation_of: string | null;
  link_url: string | null;
  storage_key: string | null;
  file_type: string | null;
  content_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  original_name: string | null;
  extraction_status: string;
  extraction_error: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LibraryTextsTable {
  resource_id: string;
  text: string;
  extracted_at: string;
}
