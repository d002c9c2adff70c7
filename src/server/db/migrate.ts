import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database';
import * as m001 from './migrations/001-foundation';
import * as m002 from './migrations/002-directory';
import * as m004 from './migrations/004-imports';

/** Migrations in order. Each takes the dialect so the few differences stay explicit. */
const migrations = { '001-foundation': m001, '002-directory': m002, '004-imports': m004 } as const;

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: () =>
      Promise.resolve(
        Object.fromEntries(
          Object.entries(migrations).map(([name, m]): [string, Migration] => [
            name,
            { up: (db) => m.up(db, database.dialect) },
          ]),
        ),
      ),
  };
  // Name the schema explicitly: Kysely otherwise finds another schema's migration table and trips over it.
  const migrator = new Migrator({ db: database.db, provider, ...(database.schema ? { migrationTableSchema: database.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
