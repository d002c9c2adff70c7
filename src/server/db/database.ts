import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import type { DB } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** The PostgreSQL schema in use, when not the default. */
  schema?: string;
  /** The pg pool when on PostgreSQL (the job queue shares it). */
  pgPool?: pg.Pool;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back from pg as strings; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, SQLite otherwise. */
export async function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'SQLITE_PATH'>): Promise<Database> {
  if (config.DATABASE_URL) {
    const schema = config.DATABASE_SCHEMA;
    if (schema) {
      const admin = new pg.Client({ connectionString: config.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await admin.end();
    }
    const pool = new pg.Pool({
      connectionString: config.DATABASE_URL,
      max: 10,
      ...(schema ? { options: `-c search_path="${schema}"` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', schema, pgPool: pool, close: () => db.destroy() };
  }

  if (config.SQLITE_PATH !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(config.SQLITE_PATH)), { recursive: true });
  const sqlite = new SQLite(config.SQLITE_PATH);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  for (const p of SQLITE_READ_PRAGMAS) sqlite.pragma(p);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Read settings for SQLite: a 64 MiB page cache (the default is 2 MiB, a fraction of the directory's and the
 * library's indexes) and reads through a memory map of up to 1 GiB instead of a read call per page. Benchmarks give
 * their raw-SQL baseline connections the same settings, so that the comparison is like for like.
 */
export const SQLITE_READ_PRAGMAS = ['cache_size = -65536', 'mmap_size = 1073741824', 'temp_store = memory'] as const;

/** A cheap round trip, for the health check. */
export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
