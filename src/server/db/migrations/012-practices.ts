import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/** (placeholder: filled by the module that owns it) */
export async function up(_db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  // nothing yet
}
