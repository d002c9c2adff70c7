import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DialectName } from '../../db/database';
import { lockAuditChain } from '../../db/dialect';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import type { RequestContext } from '../context';

export interface AuditEvent {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Overrides the actor from the context (a sign-in failure names the account it targeted). */
  actorId?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_HEAD = 'audit_head';

interface ChainFields {
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
}

/** The hash of one entry covers every field and the previous entry's hash, so a change anywhere breaks the chain. */
export function entryHash(e: ChainFields): string {
  const canonical = JSON.stringify([
    e.at, e.actor_id, e.action, e.entity, e.entity_id, e.before_json, e.after_json, e.request_id, e.ip, e.prev_hash,
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

/** Fields never written to the trail, even when they change. */
const redacted = new Set(['password_hash', 'passwordHash', 'totp_secret', 'totp_pending_secret', 'token_hash', 'code_hash']);

function clean(v: Record<string, unknown> | null | undefined): string | null {
  if (!v) return null;
  return JSON.stringify(Object.fromEntries(Object.entries(v).filter(([k]) => !redacted.has(k))));
}

/** Appends entries to the tamper-evident audit trail, always inside the caller's transaction. */
export class AuditTrail {
  constructor(
    private readonly dialect: DialectName,
    private readonly clock: Clock,
  ) {}

  async record(trx: Transaction<DB> | Kysely<DB>, ctx: RequestContext | null, event: AuditEvent): Promise<void> {
    await lockAuditChain(trx, this.dialect);
    const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const fields: ChainFields = {
      at: this.clock.now().toISOString(),
      actor_id: event.actorId !== undefined ? event.actorId : (ctx?.actor?.id ?? null),
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId ?? null,
      before_json: clean(event.before),
      after_json: clean(event.after),
      request_id: ctx?.requestId ?? null,
      ip: ctx?.ip ?? null,
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const hash = entryHash(fields);
    const { seq } = await trx.insertInto('audit_log').values({ ...fields, hash }).returning('seq').executeTakeFirstOrThrow();
    // The head is kept apart from the rows, so that removing the newest entries is detected too.
    await trx
      .insertInto('settings')
      .values({ key: AUDIT_HEAD, value: `${seq}:${hash}` })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: `${seq}:${hash}` }))
      .execute();
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first entry whose hash or link does not hold. */
  brokenAt?: number;
  reason?: string;
}

/** Walks the whole chain in order. An edited row fails its own hash; a removed row breaks the next link. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  const pageSize = 1000;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      if (row.prev_hash !== prev) return { ok: false, checked, brokenAt: row.seq, reason: 'link to the previous entry does not match (an entry was removed or altered)' };
      if (entryHash(row) !== row.hash) return { ok: false, checked, brokenAt: row.seq, reason: 'entry content does not match its hash (the entry was altered)' };
      prev = row.hash;
      lastSeq = row.seq;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('settings').select('value').where('key', '=', AUDIT_HEAD).executeTakeFirst();
  const expected = checked === 0 ? undefined : `${lastSeq}:${prev}`;
  if (head?.value !== expected) {
    return { ok: false, checked, brokenAt: lastSeq, reason: 'the newest entries were removed (the recorded head does not match)' };
  }
  return { ok: true, checked };
}
