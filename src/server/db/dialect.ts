import { sql, type ColumnDefinitionBuilder, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from './database';
import type { DB } from './schema';

/** The few places where SQLite and PostgreSQL differ live here. */
export function autoIncrementColumn(dialect: DialectName): { type: 'integer' | 'serial'; build: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder } {
  return dialect === 'sqlite'
    ? { type: 'integer', build: (c) => c.primaryKey().autoIncrement() }
    : { type: 'serial', build: (c) => c.primaryKey() };
}

/**
 * Serialises writers of the audit chain. SQLite runs one write transaction at a time already;
 * on PostgreSQL a transaction-scoped advisory lock keeps two instances from forking the chain.
 */
export async function lockAuditChain(trx: Kysely<DB> | Transaction<DB>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7253001)`.execute(trx);
}

/** Case-insensitive "contains" that works on both databases. */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
