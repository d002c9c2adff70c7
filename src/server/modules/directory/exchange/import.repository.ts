import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from '../../../db/database';
import { lockAuditChain } from '../../../db/dialect';
import type { AgenciesTable, ContactChannelsTable, DB, DirectoryImportsTable, PeopleTable, PositionHoldersTable, PositionsTable } from '../../../db/schema';
import { entryHash, GENESIS_HASH, type AuditEvent } from '../../../platform/audit/audit';
import type { RequestContext } from '../../../platform/context';
import type { ExistingAgency, ExistingData, ExistingPerson, ExistingPosition, ReferenceData, Wanted } from './import-plan';

type Db = Kysely<DB> | Transaction<DB>;

/** Values in one `in (...)` list. */
const IN_CHUNK = 500;
/** Rows sent in one bulk insert. */
const BULK_CHUNK = 5_000;
/** The audit chain's head, as platform/audit keeps it in `settings`. */
const AUDIT_HEAD = 'audit_head';

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Inserts many rows with one parameter per statement: the rows as a JSON array, unpacked by the database
 * (json_populate_recordset on PostgreSQL, json_each on SQLite), in array order. Binding thousands of parameters
 * costs far more, in the driver and in the database, than parsing one JSON text. Column names come from the
 * table's row type, never from input.
 */
async function insertJson<T extends keyof DB>(db: Db, dialect: DialectName, table: T, rows: readonly (DB[T] | Insertable<DB[T]>)[], opts: { returning?: string; chunk?: number } = {}): Promise<Record<string, unknown>[]> {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.keys(first);
  const names = sql.join(columns.map((c) => sql.ref(c)));
  const out: Record<string, unknown>[] = [];
  for (const chunk of chunks(rows, opts.chunk ?? BULK_CHUNK)) {
    // PostgreSQL takes objects (json_populate_recordset types each field by the table); SQLite arrays, which it
    // unpacks faster than objects (~25% on the search tokens of the 10,000-row sample).
    const json = dialect === 'postgres' ? JSON.stringify(chunk) : '';
    // In array order, so that generated keys (the audit chain's seq) follow it.
    const ret = opts.returning ? sql` returning ${sql.ref(opts.returning)}` : sql``;
    const query =
      dialect === 'postgres'
        ? sql<Record<string, unknown>>`insert into ${sql.table(table)} (${names}) select ${names} from json_populate_recordset(null::${sql.table(table)}, ${json}::json) with ordinality as r order by r.ordinality${ret}`
        : sql<Record<string, unknown>>`insert into ${sql.table(table)} (${names}) select ${sql.join(columns.map((_, i) => sql`value ->> ${sql.lit(i)}`))} from json_each(${JSON.stringify(chunk.map((r) => columns.map((c) => (r as Record<string, unknown>)[c])))}) order by key${ret}`;
    out.push(...(await query.execute(db)).rows);
  }
  return out;
}

/** All SQL of directory imports: the import records, saved mappings, what a plan reads, and the bulk writes of apply. */
export const importRepository = {
  insert: (db: Db, row: DirectoryImportsTable) => db.insertInto('directory_imports').values(row).execute(),

  get: (db: Db, id: string) => db.selectFrom('directory_imports').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Everything but the stored rows, for lists, with the uploader's name. */
  list: (db: Db, createdBy: string | null, limit: number) =>
    db
      .selectFrom('directory_imports as i')
      .leftJoin('users as u', 'u.id', 'i.created_by')
      .select(['i.id', 'i.status', 'i.file_name', 'i.file_kind', 'i.row_count', 'i.progress_done', 'i.progress_total', 'i.created_at', 'i.updated_at', 'i.applied_at', 'i.created_by', 'u.display_name as created_by_name'])
      .$if(createdBy !== null, (qb) => qb.where('i.created_by', '=', createdBy ?? ''))
      .orderBy('i.created_at', 'desc')
      .limit(limit)
      .execute(),

  /** Deletes an import (its stored rows with it) unless it is being applied; false when it was. */
  async remove(db: Db, id: string): Promise<boolean> {
    const r = await db.deleteFrom('directory_imports').where('id', '=', id).where('status', '!=', 'applying').executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },

  async update(db: Db, id: string, patch: Partial<DirectoryImportsTable>): Promise<void> {
    await db.updateTable('directory_imports').set(patch).where('id', '=', id).execute();
  },

  /** Moves an import from one status to another only if it is still in the first; false when someone else moved it. */
  async transition(db: Db, id: string, from: readonly string[], patch: Partial<DirectoryImportsTable>): Promise<boolean> {
    const r = await db.updateTable('directory_imports').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async savedMapping(db: Db, headerKey: string): Promise<string | null> {
    const row = await db.selectFrom('directory_import_mappings').select('mapping_json').where('header_key', '=', headerKey).executeTakeFirst();
    return row?.mapping_json ?? null;
  },

  async saveMapping(db: Db, headerKey: string, mappingJson: string, userId: string, at: string): Promise<void> {
    await db
      .insertInto('directory_import_mappings')
      .values({ header_key: headerKey, mapping_json: mappingJson, updated_by: userId, updated_at: at })
      .onConflict((oc) => oc.column('header_key').doUpdateSet({ mapping_json: mappingJson, updated_by: userId, updated_at: at }))
      .execute();
  },

  async reference(db: Db): Promise<ReferenceData> {
    const [members, mandates, workingGroups] = await Promise.all([
      db.selectFrom('members').select(['code', 'name', 'iso3']).execute(),
      db.selectFrom('mandates').select(['code', 'name']).orderBy('sort_order').execute(),
      db.selectFrom('working_groups').select(['code', 'name']).orderBy('sort_order').execute(),
    ]);
    return { members, mandates, workingGroups };
  },

  /** The current state of every record the rows may touch: their Members' agencies and positions, and the people involved. */
  async existing(db: Db, wanted: Wanted): Promise<ExistingData> {
    const agencyRows = new Map<string, AgenciesTable>();
    for (const codes of chunks([...wanted.memberCodes], IN_CHUNK)) for (const a of await db.selectFrom('agencies').selectAll().where('member_code', 'in', codes).execute()) agencyRows.set(a.id, a);
    const extraAgencies = new Set([...wanted.agencyIds].filter((id) => !agencyRows.has(id)));
    const pinnedPositions: PositionsTable[] = [];
    for (const ids of chunks([...wanted.positionIds], IN_CHUNK)) pinnedPositions.push(...(await db.selectFrom('positions').selectAll().where('id', 'in', ids).execute()));
    for (const p of pinnedPositions) if (!agencyRows.has(p.agency_id)) extraAgencies.add(p.agency_id);
    for (const ids of chunks([...extraAgencies], IN_CHUNK)) for (const a of await db.selectFrom('agencies').selectAll().where('id', 'in', ids).execute()) agencyRows.set(a.id, a);

    const agencyIds = [...agencyRows.keys()];
    const mandates = new Map<string, string[]>(agencyIds.map((id) => [id, []]));
    for (const ids of chunks(agencyIds, IN_CHUNK)) {
      for (const m of await db.selectFrom('agency_mandates').selectAll().where('agency_id', 'in', ids).orderBy('mandate_code').execute()) mandates.get(m.agency_id)?.push(m.mandate_code);
    }
    const agencies = new Map<string, ExistingAgency>();
    for (const a of agencyRows.values()) {
      agencies.set(a.id, { id: a.id, member_code: a.member_code, name_en: a.name_en, name_local: a.name_local, acronym: a.acronym, type: a.type, parent_id: a.parent_id, website: a.website, address: a.address, mandates: mandates.get(a.id) ?? [] });
    }

    const positions = new Map<string, ExistingPosition>();
    for (const ids of chunks(agencyIds, IN_CHUNK)) {
      const rows = await db
        .selectFrom('positions as p')
        .leftJoin('position_holders as h', (j) => j.onRef('h.position_id', '=', 'p.id').on('h.end_date', 'is', null))
        .select(['p.id', 'p.agency_id', 'p.title', 'p.working_group_code', 'h.person_id as holder_id', 'h.id as holding_id', 'h.start_date as holding_start'])
        .where('p.agency_id', 'in', ids)
        .execute();
      for (const p of rows) positions.set(p.id, p);
    }

    const personIds = new Set<string>([...wanted.personIds]);
    for (const p of positions.values()) if (p.holder_id) personIds.add(p.holder_id);
    for (const emails of chunks([...wanted.emails], IN_CHUNK)) {
      const rows = await db.selectFrom('contact_channels').select('person_id').where('kind', '=', 'email').where(sql<string>`lower(value)`, 'in', emails).execute();
      for (const r of rows) personIds.add(r.person_id);
    }
    const people = new Map<string, ExistingPerson>();
    const emails = new Map<string, string[]>();
    for (const ids of chunks([...personIds], IN_CHUNK)) {
      const [rows, channels, holdings] = await Promise.all([
        db.selectFrom('people').selectAll().where('id', 'in', ids).execute(),
        db.selectFrom('contact_channels').selectAll().where('person_id', 'in', ids).orderBy('sort_order').execute(),
        db
          .selectFrom('position_holders as h')
          .innerJoin('positions as p', 'p.id', 'h.position_id')
          .innerJoin('agencies as a', 'a.id', 'p.agency_id')
          .select(['h.person_id', 'a.member_code', 'a.name_en'])
          .where('h.person_id', 'in', ids)
          .where('h.end_date', 'is', null)
          .orderBy('h.start_date')
          .execute(),
      ]);
      for (const p of rows) people.set(p.id, { ...pick(p), members: [], agency_name: null, channels: [] });
      for (const c of channels) {
        people.get(c.person_id)?.channels.push(c);
        if (c.kind === 'email') {
          const k = c.value.trim().toLowerCase();
          const list = emails.get(k);
          if (list) {
            if (!list.includes(c.person_id)) list.push(c.person_id);
          } else emails.set(k, [c.person_id]);
        }
      }
      for (const h of holdings) {
        const p = people.get(h.person_id);
        if (!p) continue;
        if (!p.members.includes(h.member_code)) p.members.push(h.member_code);
        p.agency_name ??= h.name_en;
      }
    }
    return { agencies, positions, people, emails };
  },

  insertAgencies: (db: Db, dialect: DialectName, rows: readonly AgenciesTable[]) => insertJson(db, dialect, 'agencies', rows),
  insertAgencyMandates: (db: Db, dialect: DialectName, rows: readonly DB['agency_mandates'][]) => insertJson(db, dialect, 'agency_mandates', rows),
  insertPositions: (db: Db, dialect: DialectName, rows: readonly PositionsTable[]) => insertJson(db, dialect, 'positions', rows),
  insertPeople: (db: Db, dialect: DialectName, rows: readonly PeopleTable[]) => insertJson(db, dialect, 'people', rows),
  insertChannels: (db: Db, dialect: DialectName, rows: readonly ContactChannelsTable[]) => insertJson(db, dialect, 'contact_channels', rows),
  insertHoldings: (db: Db, dialect: DialectName, rows: readonly PositionHoldersTable[]) => insertJson(db, dialect, 'position_holders', rows),

  /** Ends current holdings, by end date (one statement per date and chunk of ids). */
  async endHoldings(db: Db, ends: readonly { id: string; endDate: string }[]): Promise<void> {
    const byDate = new Map<string, string[]>();
    for (const e of ends) {
      const ids = byDate.get(e.endDate);
      if (ids) ids.push(e.id);
      else byDate.set(e.endDate, [e.id]);
    }
    for (const [endDate, all] of byDate) for (const ids of chunks(all, IN_CHUNK)) await db.updateTable('position_holders').set({ end_date: endDate }).where('id', 'in', ids).execute();
  },

  /** Marks positions or people as confirmed now by the importer (one statement per chunk of ids). */
  async confirm(db: Db, table: 'positions' | 'people', all: readonly string[], at: string, by: string | null): Promise<void> {
    for (const ids of chunks(all, IN_CHUNK)) {
      if (table === 'positions') await db.updateTable('positions').set({ last_confirmed_at: at, last_confirmed_by: by, updated_at: at }).where('id', 'in', ids).execute();
      else await db.updateTable('people').set({ last_confirmed_at: at, last_confirmed_by: by }).where('id', 'in', ids).execute();
    }
  },

  async setChannelVisibility(db: Db, channelId: string, visibility: string): Promise<void> {
    await db.updateTable('contact_channels').set({ visibility }).where('id', '=', channelId).execute();
  },

  async nextChannelOrder(db: Db, personId: string): Promise<number> {
    const r = await db.selectFrom('contact_channels').select((eb) => eb.fn.max('sort_order').as('n')).where('person_id', '=', personId).executeTakeFirst();
    return r?.n === null || r?.n === undefined ? 0 : Number(r.n) + 1;
  },

  /** Search tokens of records that were not indexed before (new records: nothing to delete first). */
  async insertTokens(db: Db, dialect: DialectName, rows: readonly DB['search_tokens'][]): Promise<void> {
    // In primary-key order: the index is then filled page by page instead of at random places.
    const sorted = [...rows].sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
    if (dialect === 'sqlite') {
      await insertJson(db, dialect, 'search_tokens', sorted, { chunk: 50_000 });
      return;
    }
    // On PostgreSQL three text arrays unnested: ~30% faster than json_populate_recordset for these rows.
    for (const part of chunks(sorted, 50_000)) {
      await sql`insert into search_tokens (doc_type, doc_id, token) select * from unnest(${part.map((r) => r.doc_type)}::text[], ${part.map((r) => r.doc_id)}::text[], ${part.map((r) => r.token)}::text[])`.execute(db);
    }
  },

  /**
   * Appends many entries to the audit chain in one go, exactly as AuditTrail.record would one by one (same fields,
   * same hash, same head), so that `audit:verify` walks them like any other. The caller's transaction holds the
   * chain lock until it commits.
   */
  async appendAudit(db: Db, dialect: DialectName, at: string, ctx: RequestContext, events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    await lockAuditChain(db, dialect);
    const last = await db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let prev = last?.hash ?? GENESIS_HASH;
    const rows = events.map((e) => {
      const fields = {
        at,
        actor_id: e.actorId !== undefined ? e.actorId : (ctx.actor?.id ?? null),
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId ?? null,
        before_json: e.before ? JSON.stringify(e.before) : null,
        after_json: e.after ? JSON.stringify(e.after) : null,
        request_id: ctx.requestId || null,
        ip: ctx.ip || null,
        prev_hash: prev,
      };
      prev = entryHash(fields);
      return { ...fields, hash: prev };
    });
    const seqs = await insertJson(db, dialect, 'audit_log', rows as DB['audit_log'][], { returning: 'seq' });
    const lastSeq = Math.max(...seqs.map((r) => Number(r.seq)));
    const head = `${lastSeq}:${prev}`;
    await db.insertInto('settings').values({ key: AUDIT_HEAD, value: head }).onConflict((oc) => oc.column('key').doUpdateSet({ value: head })).execute();
  },

  /** The account an import acts for, as it is now (role and scopes may have changed since the upload). */
  async account(db: Db, userId: string) {
    const user = await db.selectFrom('users').select(['id', 'role', 'status', 'totp_enabled']).where('id', '=', userId).executeTakeFirst();
    if (!user) return undefined;
    const scopes = await db.selectFrom('user_member_scopes').select('member_code').where('user_id', '=', userId).orderBy('member_code').execute();
    return { ...user, memberScopes: scopes.map((s) => s.member_code) };
  },
};

function pick(p: PeopleTable): Omit<ExistingPerson, 'members' | 'agency_name' | 'channels'> {
  return { id: p.id, name_latin: p.name_latin, name_local: p.name_local, title: p.title, languages: p.languages, user_id: p.user_id };
}
