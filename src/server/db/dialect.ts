import { sql, type ColumnDefinitionBuilder, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { DialectName } from './database';
import type { DB } from './schema';

/** The few places where SQLite and PostgreSQL differ live here. */
export function autoIncrementColumn(dialect: DialectName): { type: 'integer' | 'serial'; build: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder } {
  return dialect === 'sqlite'
    ? { type: 'integer', build: (c) => c.primaryKey().autoIncrement() }
    : { type: 'serial', build: (c) => c.primaryKey() };
}

/**
 * Serialises transactions that check a rule across rows (such as "at least one active administrator") on
 * PostgreSQL, where two such transactions would otherwise each see the other's row unchanged. SQLite runs one
 * write transaction at a time already.
 */
export async function serializeOn(trx: Transaction<DB>, dialect: DialectName, key: string): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/**
 * Serialises writers of the audit chain. SQLite runs one write transaction at a time already;
 * on PostgreSQL a transaction-scoped advisory lock keeps two instances from forking the chain.
 */
export async function lockAuditChain(trx: Kysely<DB> | Transaction<DB>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7253001)`.execute(trx);
}

/**
 * Case-insensitive "contains" on both databases: the search text is matched literally (`%` and `_` are escaped,
 * with an explicit ESCAPE clause, which SQLite needs and PostgreSQL accepts).
 */
export function containsInsensitive(column: string, q: string): RawBuilder<SqlBool> {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
