import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * Spreadsheet imports into the directory: one row per uploaded file, carrying the parsed cells, the column mapping,
 * the problems found by the dry run, the decisions about likely duplicates and the progress of the background apply.
 * The state lives here (not in memory) so that a page reload, or another instance, sees the same import.
 * Column mappings are remembered per header set, so the next file with the same headers is mapped the same way.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('directory_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_kind', 'text', (c) => c.notNull())
    .addColumn('file_size', 'integer', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('sheet_name', 'text')
    .addColumn('header_row', 'integer', (c) => c.notNull())
    .addColumn('header_key', 'text', (c) => c.notNull())
    .addColumn('columns_json', 'text', (c) => c.notNull())
    /** The data rows as parsed from the file; emptied once the import is applied. */
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('mapping_json', 'text')
    .addColumn('decisions_json', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress_done', 'integer', (c) => c.notNull())
    .addColumn('progress_total', 'integer', (c) => c.notNull())
    .addColumn('problems_json', 'text')
    .addColumn('duplicates_json', 'text')
    .addColumn('counts_json', 'text')
    .addColumn('error', 'text')
    /** Request id and IP of the apply request, so that the background job's audit entries name them. */
    .addColumn('apply_context_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .execute();
  await db.schema.createIndex('directory_imports_creator').on('directory_imports').columns(['created_by', 'created_at']).execute();

  await db.schema
    .createTable('directory_import_mappings')
    .addColumn('header_key', 'text', (c) => c.primaryKey())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
