import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { DemoContext } from '../../db/seed/demo-context';

/** The practices module's demo data (called by seedDemo, in its transaction, after the events demo). */
export async function seedPracticesDemo(_trx: Transaction<DB>, _ctx: DemoContext): Promise<Record<string, number>> {
  return {};
}
