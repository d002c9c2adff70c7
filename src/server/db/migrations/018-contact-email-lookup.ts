import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * The import's dry run looks for people already in the directory by email, whatever its case
 * (`kind = ? and lower(value) in (...)`, modules/directory/exchange/import.repository.ts): an index on the kind and
 * the lower-cased value, so each look-up reads a few index entries instead of every email channel (the existing
 * (kind, value) index cannot serve lower(value)). Not a partial index (`where kind = 'email'`): SQLite uses one only
 * when the query names the literal, and the kind is a bound parameter. Same statement on both databases.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await sql`CREATE INDEX contact_channels_email_lower ON contact_channels (kind, lower(value))`.execute(db);
}
