import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database';
import * as m001 from './migrations/001-foundation';
import * as m002 from './migrations/002-directory';
import * as m004 from './migrations/004-imports';
import * as m005 from './migrations/005-events';
import * as m006 from './migrations/006-papers';
import * as m007 from './migrations/007-outcomes';
import * as m008 from './migrations/008-notifications';
import * as m009 from './migrations/009-directory-perf';
import * as m010 from './migrations/010-participation';
import * as m011 from './migrations/011-library';
import * as m012 from './migrations/012-practices';
import * as m013 from './migrations/013-dialogues';
import * as m014 from './migrations/014-library-perf';
import * as m015 from './migrations/015-directory-cache';
import * as m016 from './migrations/016-dialogue-search';
import * as m017 from './migrations/017-library-prefix';
import * as m018 from './migrations/018-contact-email-lookup';
import * as m019 from './migrations/019-library-search-heap';
import * as m020 from './migrations/020-library-match-lists';
import * as m021 from './migrations/021-positions-held';

/** Migrations in order. Each takes the dialect so the few differences stay explicit. */
const migrations = { '001-foundation': m001, '002-directory': m002, '004-imports': m004,
  '005-events': m005,
  '006-papers': m006,
  '007-outcomes': m007,
  '008-notifications': m008,
  '009-directory-perf': m009,
  '010-participation': m010,
  '011-library': m011,
  '012-practices': m012,
  '013-dialogues': m013,
  '014-library-perf': m014,
  '015-directory-cache': m015,
  '016-dialogue-search': m016,
  '017-library-prefix': m017,
  '018-contact-email-lookup': m018,
  '019-library-search-heap': m019,
  '020-library-match-lists': m020,
  '021-positions-held': m021,
} as const;

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
  let { error, results } = await migrator.migrateToLatest();
  // Before it migrates, Kysely lists the tables of every schema to find its own; a schema that another process drops
  // meanwhile (PostgreSQL: invalid_schema_name, 3F000) fails that listing although nothing was migrated yet. Seen when
  // test files create and drop schemas side by side. Nothing ran, so it is tried again.
  for (let retry = 0; error && !results && retry < 3 && pgCode(error) === '3F000'; retry++) ({ error, results } = await migrator.migrateToLatest());
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
