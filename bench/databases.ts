/**
 * The databases a benchmark runs on: a SQLite file in a temporary folder, then, when reachable, a fresh schema on
 * the PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), dropped afterwards
 * with its job-queue schema.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { SQLITE_READ_PRAGMAS } from '../src/server/db/database';

export const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A read-only connection for a raw-SQL baseline, with the hub's own read settings (page cache, memory map). */
export function sqliteBaseline(file: string): SQLite.Database {
  const db = new SQLite(file, { readonly: true });
  for (const p of SQLITE_READ_PRAGMAS) db.pragma(p);
  return db;
}

export type DatabaseName = 'SQLite' | 'PostgreSQL';

export async function postgresReachable(): Promise<boolean> {
  const probe = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
    await probe.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

/** Runs `run` with the hub settings for each database in turn (SQLite first); PostgreSQL is skipped, and said so, when unreachable. */
export async function onEachDatabase<T>(tag: string, run: (name: DatabaseName, env: Record<string, string>) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hub-${tag}-bench-`));
  try {
    results.push(await run('SQLite', { SQLITE_PATH: path.join(dir, 'hub.sqlite') }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (!(await postgresReachable())) {
    console.log(`\nPostgreSQL not reachable at ${pgUrl}: SQLite only.`);
    return results;
  }
  const schema = `bench_${tag.replace(/\W/g, '_')}_${crypto.randomBytes(5).toString('hex')}`;
  try {
    results.push(await run('PostgreSQL', { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema }));
  } finally {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS "${schema}_jobs" CASCADE`);
    await client.end();
  }
  return results;
}
