import crypto from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Transaction } from 'kysely';
import type { Role } from '@/contracts/roles';
import type { DirectoryImport, ImportColumn, ImportCounts, ImportDecision, ImportDuplicate, ImportMapping, ImportProblem, ImportStatus } from '@/contracts/directory-exchange';
import { serializeOn } from '../../../db/dialect';
import type { AgenciesTable, ContactChannelsTable, DB, DirectoryImportsTable, PeopleTable, PositionHoldersTable, PositionsTable } from '../../../db/schema';
import type { AuditEvent } from '../../../platform/audit/audit';
import type { Actor, RequestContext } from '../../../platform/context';
import { newId } from '../../../platform/crypto';
import type { PlatformDeps } from '../../../platform/deps';
import { AppError, errors } from '../../../platform/errors';
import { isSecretariat, requireActor } from '../../../platform/permissions';
import { tokenize } from '../../../platform/search';
import { mustEnrollTotp } from '../../users/users.presenter';
import { directoryRepository } from '../directory.repository';
import { searchIndex, type DocType } from '../search-index';
import { describeColumns, findHeader, headerKey, suggestMapping } from './import-columns';
import { hasErrors, planImport, wantedBy, type ImportPlan, type PlannedPerson } from './import-plan';
import { importRepository } from './import.repository';
import { orderedId } from './ordered-id';
import { readSpreadsheet, type SheetRow } from './spreadsheet-file';
import { directoryCache, type DirectoryCache } from '../directory-cache';

/** The background job that applies an import. */
export const IMPORT_JOB = 'directory.import';
/** Rows written between two progress updates. */
const CHUNK_ROWS = 200;
/** The statuses an import can be cancelled from. */
const CANCELLABLE: readonly string[] = ['uploaded', 'validated', 'failed', 'applying'];
/** A cancel seen by the job between two chunks of rows: everything it wrote is rolled back. */
class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled.');
  }
}
/** Problems and duplicates returned in one response (all are kept). */
const SHOWN = 1000;

type Trx = Transaction<DB>;

/** A plan that no longer holds when the import is applied (the directory or the importer's scope changed). */
class PlanRejected extends Error {
  constructor(readonly plan: ImportPlan) {
    super('The file no longer fits the directory.');
  }
}

/**
 * Importing spreadsheets into the directory: upload (the file is read and its header row found), dry run (every row
 * checked against the directory and the importer's scope, duplicates proposed, nothing written), and apply (a
 * background job that writes everything in one transaction, or nothing). The import's state is kept in the database,
 * so a reload, or another instance, sees where it is.
 */
export class DirectoryImportService {
  /** The directory's answer cache, told when an import has written (see `run`). */
  readonly cache: DirectoryCache;

  constructor(private readonly d: PlatformDeps) {
    this.cache = directoryCache(d);
    d.jobs.work(IMPORT_JOB, (payload) => this.run(String(payload.importId)));
  }

  async upload(ctx: RequestContext, body: unknown, fileName: string | undefined): Promise<DirectoryImport> {
    const actor = this.importer(ctx);
    if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError(400, 'file_empty', 'The file is empty.');
    const parsed = await readSpreadsheet(body);
    const found = findHeader(parsed.sheets);
    const sheet = found ? parsed.sheets[found.sheetIndex] : undefined;
    const header = found ? sheet?.rows[found.rowIndex] : undefined;
    if (!found || !sheet || !header) {
      throw new AppError(400, 'file_unreadable', 'No row of column names was found in the first 20 rows. Put names such as "Member code", "Agency", "Position", "Name" and "Email" above the data.');
    }
    const dataRows = sheet.rows.slice(found.rowIndex + 1);
    if (dataRows.length === 0) throw new AppError(400, 'file_unreadable', `Row ${header.row} names the columns, but there are no rows under it.`);
    const columns = describeColumns(header.cells, dataRows);
    const now = this.d.clock.now().toISOString();
    const row: DirectoryImportsTable = {
      id: newId(),
      created_by: actor.id,
      file_name: cleanFileName(fileName, parsed.kind),
      file_kind: parsed.kind,
      file_size: body.length,
      file_sha256: crypto.createHash('sha256').update(body).digest('hex'),
      sheet_name: sheet.name,
      header_row: header.row,
      header_key: headerKey(header.cells),
      columns_json: JSON.stringify(columns),
      rows_json: JSON.stringify(dataRows.map((r) => [r.row, trimEnd(r.cells)])),
      row_count: dataRows.length,
      mapping_json: null,
      decisions_json: null,
      status: 'uploaded',
      progress_done: 0,
      progress_total: dataRows.length,
      problems_json: null,
      duplicates_json: null,
      counts_json: null,
      error: null,
      apply_context_json: null,
      created_at: now,
      updated_at: now,
      applied_at: null,
    };
    await this.d.db.transaction().execute(async (trx) => {
      await importRepository.insert(trx, row);
      await this.d.audit.record(trx, ctx, {
        action: 'directory.import_created', entity: 'directory_import', entityId: row.id,
        after: { file_name: row.file_name, file_kind: row.file_kind, file_size: row.file_size, file_sha256: row.file_sha256, sheet_name: row.sheet_name, header_row: row.header_row, rows: row.row_count },
      });
    });
    return this.view(ctx, row);
  }

  async get(ctx: RequestContext, id: string): Promise<DirectoryImport> {
    return this.view(ctx, await this.readable(ctx, id));
  }

  /** The importer's own imports (the secretariat sees everyone's), newest first. */
  async list(ctx: RequestContext) {
    const actor = this.importer(ctx);
    const rows = await importRepository.list(this.d.db, isSecretariat(actor) ? null : actor.id, 50);
    return {
      items: rows.map((r) => ({
        id: r.id, status: r.status as ImportStatus, fileName: r.file_name, fileKind: r.file_kind as 'csv' | 'xlsx', rowCount: r.row_count,
        progress: { done: r.progress_done, total: r.progress_total }, createdAt: r.created_at, updatedAt: r.updated_at, appliedAt: r.applied_at,
        uploadedBy: { id: r.created_by, name: r.created_by_name ?? null }, canCancel: CANCELLABLE.includes(r.status), canDelete: r.status !== 'applying',
      })),
    };
  }

  /**
   * Cancels an import that is not applied yet: checked or queued files, and one being applied (PostgreSQL: the job
   * sees it between two chunks of rows and rolls everything back; SQLite holds its one connection for the whole
   * write, so there a cancel is answered once the write has ended, and is refused if it was applied). Nothing of
   * a cancelled import is written to the directory. The uploader and the secretariat may cancel.
   */
  async cancel(ctx: RequestContext, id: string): Promise<DirectoryImport> {
    const record = await this.readable(ctx, id);
    const now = this.d.clock.now().toISOString();
    const patch: Partial<DirectoryImportsTable> = { status: 'cancelled', progress_done: 0, error: null, updated_at: now };
    // Not in one transaction with the audit entry: a running apply holds the audit chain until it ends, and must
    // first see the cancel (committed at once here) to end early and roll back.
    if (!(await importRepository.transition(this.d.db, id, CANCELLABLE, patch))) {
      const current = await importRepository.get(this.d.db, id);
      throw errors.conflict(current?.status === 'applied' ? 'This import has been applied already: it can no longer be cancelled.' : 'This import has been cancelled already.');
    }
    await this.d.audit.record(this.d.db, ctx, { action: 'directory.import_cancelled', entity: 'directory_import', entityId: id, before: { status: record.status }, after: { status: 'cancelled', file_name: record.file_name } });
    return this.view(ctx, { ...record, ...patch });
  }

  /**
   * Deletes an import: its record and the rows stored from its file (not what an applied import wrote to the
   * directory, which keeps its own history). One being applied must be cancelled first.
   */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    const record = await this.readable(ctx, id);
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await importRepository.remove(trx, id))) throw errors.conflict('This import is being applied: cancel it first.');
      await this.d.audit.record(trx, ctx, {
        action: 'directory.import_deleted', entity: 'directory_import', entityId: id,
        before: { status: record.status, file_name: record.file_name, file_kind: record.file_kind, file_size: record.file_size, file_sha256: record.file_sha256, rows: record.row_count, created_by: record.created_by },
      });
    });
  }

  /** Checks every row with the given mapping and saves the mapping; writes nothing to the directory. */
  async dryRun(ctx: RequestContext, id: string, mapping: ImportMapping): Promise<DirectoryImport> {
    const { actor, record } = await this.own(ctx, id);
    if (!['uploaded', 'validated', 'failed'].includes(record.status)) {
      throw errors.conflict(record.status === 'applied' ? 'This import has been applied already.' : record.status === 'cancelled' ? 'This import has been cancelled: upload the file again.' : 'This import is being applied.');
    }
    const columns = JSON.parse(record.columns_json) as ImportColumn[];
    const outside = Object.entries(mapping).filter(([, index]) => index >= columns.length);
    if (outside.length) throw errors.validation(outside.map(([field]) => ({ field: `mapping.${field}`, message: `The file has ${columns.length} columns.` })));
    const plan = await this.plan(this.d.db, actor, record, mapping, {});
    const now = this.d.clock.now().toISOString();
    const patch: Partial<DirectoryImportsTable> = {
      status: 'validated', mapping_json: JSON.stringify(mapping), decisions_json: null, problems_json: JSON.stringify(plan.problems),
      duplicates_json: JSON.stringify(plan.duplicates), counts_json: JSON.stringify(plan.counts), error: null, progress_done: 0, progress_total: record.row_count, updated_at: now,
    };
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await importRepository.transition(trx, id, ['uploaded', 'validated', 'failed'], patch))) throw errors.conflict('This import is being applied.');
      await importRepository.saveMapping(trx, record.header_key, JSON.stringify(mapping), actor.id, now);
      await this.d.audit.record(trx, ctx, {
        action: 'directory.import_checked', entity: 'directory_import', entityId: id,
        after: { mapping, errors: plan.problems.filter((p) => p.severity === 'error').length, warnings: plan.problems.filter((p) => p.severity === 'warning').length, duplicates: plan.duplicates.length, planned: plan.counts },
      });
    });
    return this.view(ctx, { ...record, ...patch });
  }

  /** Queues the import to be written by a background job; answers at once. */
  async apply(ctx: RequestContext, id: string, decisions: Record<string, ImportDecision>): Promise<DirectoryImport> {
    const { record } = await this.own(ctx, id);
    if (record.status !== 'validated') {
      throw errors.conflict(record.status === 'applied' ? 'This import has been applied already.' : record.status === 'applying' ? 'This import is being applied.' : 'Check the file (dry run) before applying it.');
    }
    const problems = JSON.parse(record.problems_json ?? '[]') as ImportProblem[];
    const errorCount = problems.filter((p) => p.severity === 'error').length;
    if (errorCount) throw errors.conflict(`The file has ${errorCount} ${errorCount === 1 ? 'error' : 'errors'}: correct ${errorCount === 1 ? 'it' : 'them'} and check the file again.`);
    const duplicates = new Map((JSON.parse(record.duplicates_json ?? '[]') as ImportDuplicate[]).map((d) => [String(d.row), d]));
    const refused = Object.entries(decisions).filter(([row, decision]) => decision === 'merge' && duplicates.get(row) && !duplicates.get(row)?.candidates.some((c) => c.canMerge));
    if (refused.length) {
      throw errors.validation(refused.map(([row]) => ({ field: `decisions.${row}`, message: `Row ${row} can only be kept as a new person: the existing record belongs to a Member you do not coordinate.` })));
    }
    const kept = Object.fromEntries(Object.entries(decisions).filter(([row]) => duplicates.has(row)));
    const now = this.d.clock.now().toISOString();
    const patch: Partial<DirectoryImportsTable> = {
      status: 'applying', decisions_json: JSON.stringify(kept), progress_done: 0, progress_total: record.row_count, error: null, updated_at: now,
      apply_context_json: JSON.stringify({ requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent }),
    };
    if (!(await importRepository.transition(this.d.db, id, ['validated'], patch))) throw errors.conflict('This import is being applied.');
    try {
      await this.d.jobs.send(IMPORT_JOB, { importId: id });
    } catch (err) {
      await importRepository.update(this.d.db, id, { status: 'validated', updated_at: now });
      throw err;
    }
    return this.view(ctx, { ...record, ...patch });
  }

  /**
   * The job: builds the plan again from the directory as it is now, with the decisions, and writes it in one
   * transaction. Any failure (a row that no longer fits, a database error) leaves the directory as it was and the
   * import `failed` with the reason. Runs once even if the job is delivered twice.
   */
  async run(importId: string): Promise<void> {
    const record = await importRepository.get(this.d.db, importId);
    if (!record || record.status !== 'applying') return;
    const saved = JSON.parse(record.apply_context_json ?? '{}') as Partial<Omit<RequestContext, 'actor'>>;
    const account = await importRepository.account(this.d.db, record.created_by);
    const actor: Actor | null =
      account && account.status === 'active'
        ? { id: account.id, role: account.role as Role, memberScopes: account.memberScopes, sessionId: '', mustEnrollTotp: mustEnrollTotp({ role: account.role, totp_enabled: account.totp_enabled }) }
        : null;
    const ctx: RequestContext = { actor, requestId: saved.requestId ?? '', ip: saved.ip ?? '', userAgent: saved.userAgent ?? '' };
    const started = Date.now();
    let writing = '';
    try {
      if (!actor) throw new Error('The account that started this import is no longer active.');
      const counts = await this.d.db.transaction().execute(async (trx) => {
        await serializeOn(trx, this.d.dialect, `directory_import:${importId}`);
        const current = await importRepository.get(trx, importId);
        if (!current || current.status !== 'applying') return null;
        const mapping = JSON.parse(current.mapping_json ?? '{}') as ImportMapping;
        const decisions = JSON.parse(current.decisions_json ?? '{}') as Record<string, ImportDecision>;
        const plan = await this.plan(trx, actor, current, mapping, decisions);
        if (hasErrors(plan.problems)) throw new PlanRejected(plan);
        await this.write(trx, ctx, plan, importId, (from, to) => {
          writing = `rows ${from}–${to}`;
        });
        const now = this.d.clock.now().toISOString();
        // Only if nobody cancelled it meanwhile (on PostgreSQL this waits for, and then sees, a cancel being committed).
        const applied = await importRepository.transition(trx, importId, ['applying'], {
          status: 'applied', progress_done: plan.rowCount, progress_total: plan.rowCount, counts_json: JSON.stringify(plan.counts),
          duplicates_json: JSON.stringify(plan.duplicates), problems_json: JSON.stringify(plan.problems), rows_json: '[]', applied_at: now, updated_at: now,
        });
        if (!applied) throw new ImportCancelled();
        await this.d.audit.record(trx, ctx, { action: 'directory.import_applied', entity: 'directory_import', entityId: importId, after: { file_name: current.file_name, ...plan.counts } });
        return plan.counts;
      });
      // A background job answers no request, so the hooks of the directory routes do not see this write.
      this.cache.forget();
      if (counts) this.d.log.info({ importId, ms: Date.now() - started, ...counts }, 'directory import applied');
    } catch (err) {
      if (err instanceof ImportCancelled) {
        this.d.log.info({ importId, ms: Date.now() - started }, 'directory import cancelled while applying: nothing written');
        return;
      }
      const rejected = err instanceof PlanRejected ? err.plan : null;
      const message = rejected
        ? `Nothing was written: the directory or your scope changed since the check, and the file now has ${rejected.problems.filter((p) => p.severity === 'error').length} errors. Check it again.`
        : // A database's own message stays in the log: it may name tables and constraints.
          `Nothing was written: applying stopped${writing ? ` while writing ${writing}` : ''}${err instanceof AppError || !(err instanceof Error) || !actor ? ` (${err instanceof Error ? err.message : String(err)})` : ' because of an error on our side, which has been logged'}. Try again, or ask the secretariat.`;
      if (!rejected) this.d.log.error({ err, importId }, 'directory import failed');
      const now = this.d.clock.now().toISOString();
      await this.d.db.transaction().execute(async (trx) => {
        const marked = await importRepository.transition(trx, importId, ['applying'], {
          status: 'failed', error: message.slice(0, 2000), progress_done: 0, updated_at: now,
          ...(rejected ? { problems_json: JSON.stringify(rejected.problems), duplicates_json: JSON.stringify(rejected.duplicates), counts_json: JSON.stringify(rejected.counts) } : {}),
        });
        // Cancelled meanwhile: it stays cancelled.
        if (!marked) return;
        await this.d.audit.record(trx, ctx, { action: 'directory.import_failed', entity: 'directory_import', entityId: importId, after: { error: message.slice(0, 2000) } });
      });
    }
  }

  private async plan(db: Trx | PlatformDeps['db'], actor: Actor, record: DirectoryImportsTable, mapping: ImportMapping, decisions: Record<string, ImportDecision>): Promise<ImportPlan> {
    const rows = (JSON.parse(record.rows_json) as [number, string[]][]).map(([row, cells]): SheetRow => ({ row, cells }));
    const columns = JSON.parse(record.columns_json) as ImportColumn[];
    const ref = await importRepository.reference(db);
    const existing = await importRepository.existing(db, wantedBy(rows, mapping, ref));
    return planImport({ rows, columns, mapping, actor, ref, existing, decisions, today: this.d.clock.now().toISOString().slice(0, 10) });
  }

  /** Writes the plan in chunks of rows, in foreign-key order within each chunk, with the audit entries of each record. */
  private async write(trx: Trx, ctx: RequestContext, plan: ImportPlan, importId: string, reached: (fromRow: number, toRow: number) => void): Promise<void> {
    const now = this.d.clock.now().toISOString();
    const actorId = ctx.actor?.id ?? null;
    const agencyByKey = new Map(plan.agencies.map((a) => [a.key, a]));
    const positionByKey = new Map(plan.positions.map((p) => [p.key, p]));
    const personByKey = new Map(plan.people.map((p) => [p.key, p]));
    const startsHolding = new Set(plan.holdings.map((h) => h.positionKey));
    const holdsNew = new Set(plan.holdings.map((h) => h.personKey));
    const cursor = { agencies: 0, positions: 0, people: 0, holdings: 0 };
    const take = <T extends { at: number }>(list: readonly T[], name: keyof typeof cursor, end: number): T[] => {
      const from = cursor[name];
      let i = from;
      while (i < list.length && (list[i]?.at ?? Infinity) < end) i++;
      cursor[name] = i;
      return list.slice(from, i);
    };
    // On PostgreSQL, progress is written outside the transaction so that readers see it; on SQLite the single
    // connection is held by the transaction and readers wait for it anyway, so it is written once, when applied
    // (each update there rewrote the import's row with all its stored rows: ~0.9 s of a 10,000-row apply).
    const progress = this.d.dialect === 'postgres' ? this.d.db : null;
    const total = plan.rowCount;
    // The texts of an agency come back with each of its positions: each text is tokenised once.
    const tokenized = new Map<string, string[]>();
    const tokensOf = (text: string): string[] => {
      let tokens = tokenized.get(text);
      if (!tokens) tokenized.set(text, (tokens = tokenize(text)));
      return tokens;
    };

    for (let start = 0; start < Math.max(total, 1); start += CHUNK_ROWS) {
      const end = start + CHUNK_ROWS;
      reached(plan.rowNumbers[start] ?? start + 1, plan.rowNumbers[Math.min(end, total) - 1] ?? end);
      const audit: AuditEvent[] = [];
      const tokens: DB['search_tokens'][] = [];
      const index = (type: DocType, id: string, texts: readonly (string | null | undefined)[]) => {
        const seen = new Set<string>();
        for (const t of texts) if (t) for (const token of tokensOf(t)) if (!seen.has(token)) {
          seen.add(token);
          tokens.push({ doc_type: type, doc_id: id, token });
        }
      };

      // Agencies.
      const agencies = take(plan.agencies, 'agencies', end);
      const newAgencies: AgenciesTable[] = [];
      const mandates: DB['agency_mandates'][] = [];
      for (const a of agencies) {
        const v = a.values;
        if (a.isNew) {
          const row: AgenciesTable = { id: a.id, member_code: a.memberCode, name_en: v.name_en, name_local: v.name_local, acronym: v.acronym, type: v.type ?? 'other', parent_id: null, website: null, address: null, last_confirmed_at: null, last_confirmed_by: null, created_at: now, updated_at: now };
          newAgencies.push(row);
          for (const m of v.mandates ?? []) mandates.push({ agency_id: a.id, mandate_code: m });
          index('agency', a.id, searchIndex.agencyTexts(row, a.memberName));
          audit.push({ action: 'agency.created', entity: 'agency', entityId: a.id, after: { ...auditedAgency(row), mandates: v.mandates ?? [] } });
        }
      }
      await importRepository.insertAgencies(trx, this.d.dialect, newAgencies);
      await importRepository.insertAgencyMandates(trx, this.d.dialect, mandates);
      for (const a of agencies) {
        const b = a.before;
        if (a.isNew || !b || a.changed.length === 0) continue;
        const next = {
          name_en: a.values.name_en, name_local: a.changed.includes('name_local') ? a.values.name_local : b.name_local, acronym: a.changed.includes('acronym') ? a.values.acronym : b.acronym,
          type: a.changed.includes('type') ? (a.values.type ?? b.type) : b.type,
        };
        await directoryRepository.updateAgency(trx, a.id, { ...next, updated_at: now });
        if (a.changed.includes('mandates')) await directoryRepository.setMandates(trx, a.id, a.values.mandates ?? []);
        await searchIndex.put(trx, 'agency', a.id, searchIndex.agencyTexts(next, a.memberName));
        if (a.changed.includes('name_en') || a.changed.includes('acronym')) {
          for (const p of await directoryRepository.positions(trx, { agencyIds: [a.id] })) await searchIndex.put(trx, 'position', p.id, searchIndex.positionTexts(p, next));
        }
        const common = { parent_id: b.parent_id, website: b.website, address: b.address };
        audit.push({
          action: 'agency.updated', entity: 'agency', entityId: a.id,
          before: { member_code: b.member_code, name_en: b.name_en, name_local: b.name_local, acronym: b.acronym, type: b.type, ...common, mandates: b.mandates },
          after: { member_code: b.member_code, ...next, ...common, mandates: a.changed.includes('mandates') ? a.values.mandates : b.mandates },
        });
      }

      // Positions.
      const positions = take(plan.positions, 'positions', end);
      const newPositions: PositionsTable[] = [];
      // The themes of the existing positions this chunk changes, read in one query (they are audited as they stay).
      const themesOf = await directoryRepository.positionThemes(trx, positions.filter((p) => !p.isNew && p.before && p.changed.length).map((p) => p.id));
      for (const p of positions) {
        const agency = agencyByKey.get(p.agencyKey);
        if (!agency) throw new Error(`position without agency (${p.key})`);
        if (p.isNew) {
          const confirmed = startsHolding.has(p.key);
          const row: PositionsTable = { id: p.id, agency_id: agency.id, title: p.title, working_group_code: p.working_group_code, last_confirmed_at: confirmed ? now : null, last_confirmed_by: confirmed ? actorId : null, created_at: now, updated_at: now };
          newPositions.push(row);
          index('position', p.id, searchIndex.positionTexts(row, agency.values));
          audit.push({ action: 'position.created', entity: 'position', entityId: p.id, after: { agency_id: agency.id, title: row.title, working_group_code: row.working_group_code, themes: [] } });
        } else if (p.before && p.changed.length) {
          const next = { title: p.title, working_group_code: p.changed.includes('working_group_code') ? p.working_group_code : p.before.working_group_code };
          await directoryRepository.updatePosition(trx, p.id, { ...next, updated_at: now });
          if (p.changed.includes('title')) await searchIndex.put(trx, 'position', p.id, searchIndex.positionTexts(next, agency.values));
          const themes = themesOf.get(p.id) ?? [];
          audit.push({ action: 'position.updated', entity: 'position', entityId: p.id, before: { title: p.before.title, working_group_code: p.before.working_group_code, themes }, after: { ...next, themes } });
        }
      }
      await importRepository.insertPositions(trx, this.d.dialect, newPositions);

      // People and their contact channels.
      const people = take(plan.people, 'people', end);
      const newPeople: PeopleTable[] = [];
      const channels: ContactChannelsTable[] = [];
      for (const p of people) {
        if (!p.isNew) continue;
        const confirmed = holdsNew.has(p.key);
        const row: PeopleTable = { id: p.id, name_latin: p.values.name_latin, name_local: p.values.name_local, title: p.values.title, languages: '[]', user_id: null, last_confirmed_at: confirmed ? now : null, last_confirmed_by: confirmed ? actorId : null, created_at: now, updated_at: now };
        newPeople.push(row);
        p.newChannels.forEach((c, i) => channels.push({ id: orderedId(), person_id: p.id, kind: c.kind, value: c.value, label: null, visibility: c.visibility, sort_order: i }));
        index('person', p.id, searchIndex.personTexts(row));
        audit.push({ action: 'person.created', entity: 'person', entityId: p.id, after: { name_latin: row.name_latin, name_local: row.name_local, title: row.title, languages: [], channels: p.newChannels.map((c) => ({ ...c, label: null })) } });
      }
      await importRepository.insertPeople(trx, this.d.dialect, newPeople);
      await importRepository.insertChannels(trx, this.d.dialect, channels);
      for (const p of people) if (!p.isNew) await this.mergePerson(trx, p, now, audit);

      // Holders: the previous holding ends, the new one starts (a handover, confirmed by the importer).
      const holdings = take(plan.holdings, 'holdings', end);
      const starts: PositionHoldersTable[] = [];
      // Existing records touched by handovers are updated in bulk, one statement per chunk (they were one per row).
      const ends: { id: string; endDate: string }[] = [];
      const confirmedPositions: string[] = [];
      const confirmedPeople: string[] = [];
      for (const h of holdings) {
        const position = positionByKey.get(h.positionKey);
        const person = personByKey.get(h.personKey);
        if (!position || !person) throw new Error(`holding without position or person (${h.positionKey})`);
        const startDate = h.ends?.endDate ?? now.slice(0, 10);
        if (h.ends) ends.push({ id: h.ends.holdingId, endDate: h.ends.endDate });
        starts.push({ id: orderedId(), position_id: position.id, person_id: person.id, start_date: startDate, end_date: null, note: null, created_at: now });
        if (!position.isNew) confirmedPositions.push(position.id);
        if (!person.isNew) confirmedPeople.push(person.id);
        audit.push({ action: 'position.handed_over', entity: 'position', entityId: position.id, before: { holder_id: h.ends?.personId ?? null }, after: { holder_id: person.id, start_date: startDate, note: null } });
      }
      await importRepository.endHoldings(trx, ends);
      await importRepository.confirm(trx, 'positions', confirmedPositions, now, actorId);
      await importRepository.confirm(trx, 'people', confirmedPeople, now, actorId);
      await importRepository.insertHoldings(trx, this.d.dialect, starts);

      await importRepository.insertTokens(trx, this.d.dialect, tokens);
      await importRepository.appendAudit(trx, this.d.dialect, now, ctx, audit);
      const done = Math.min(end, total);
      // A cancel committed meanwhile shows here as an import no longer `applying`: everything is rolled back.
      if (progress && !(await importRepository.transition(progress, importId, ['applying'], { progress_done: done, updated_at: this.d.clock.now().toISOString() }))) throw new ImportCancelled();
      // Lets other requests in between chunks (on PostgreSQL they run alongside; on SQLite they queue for the connection).
      await yieldToEventLoop();
    }
  }

  /** Merges a row into an existing person: corrected fields, added addresses, changed visibility of known ones. */
  private async mergePerson(trx: Trx, p: PlannedPerson, now: string, audit: AuditEvent[]): Promise<void> {
    const b = p.before;
    if (!b || (p.changed.length === 0 && p.newChannels.length === 0 && p.visibilityChanges.length === 0)) return;
    const next = {
      name_latin: p.values.name_latin,
      name_local: p.changed.includes('name_local') ? p.values.name_local : b.name_local,
      title: p.changed.includes('title') ? p.values.title : b.title,
    };
    if (p.changed.length) {
      await directoryRepository.updatePerson(trx, b.id, { ...next, updated_at: now });
      await searchIndex.put(trx, 'person', b.id, searchIndex.personTexts(next));
    }
    for (const v of p.visibilityChanges) await importRepository.setChannelVisibility(trx, v.channelId, v.to);
    let order = await importRepository.nextChannelOrder(trx, b.id);
    const added = p.newChannels.map((c): ContactChannelsTable => ({ id: orderedId(), person_id: b.id, kind: c.kind, value: c.value, label: null, visibility: c.visibility, sort_order: order++ }));
    await importRepository.insertChannels(trx, this.d.dialect, added);
    const shown = (c: Pick<ContactChannelsTable, 'id' | 'kind' | 'value' | 'label' | 'visibility'>) => ({ id: c.id, kind: c.kind, value: c.value, label: c.label, visibility: c.visibility });
    const changedVisibility = new Map(p.visibilityChanges.map((v) => [v.channelId, v.to]));
    audit.push({
      action: 'person.updated', entity: 'person', entityId: b.id,
      before: { name_latin: b.name_latin, name_local: b.name_local, title: b.title, languages: JSON.parse(b.languages) as unknown, channels: b.channels.map(shown) },
      after: { ...next, languages: JSON.parse(b.languages) as unknown, channels: [...b.channels.map((c) => shown({ ...c, visibility: changedVisibility.get(c.id) ?? c.visibility })), ...added.map(shown)] },
    });
  }

  private view = async (ctx: RequestContext, r: DirectoryImportsTable): Promise<DirectoryImport> => {
    const columns = JSON.parse(r.columns_json) as ImportColumn[];
    const problems = JSON.parse(r.problems_json ?? '[]') as ImportProblem[];
    const duplicates = JSON.parse(r.duplicates_json ?? '[]') as ImportDuplicate[];
    const saved = await importRepository.savedMapping(this.d.db, r.header_key);
    const errorCount = problems.filter((p) => p.severity === 'error').length;
    return {
      id: r.id,
      status: r.status as ImportStatus,
      fileName: r.file_name,
      fileKind: r.file_kind as 'csv' | 'xlsx',
      sheetName: r.sheet_name,
      headerRow: r.header_row,
      rowCount: r.row_count,
      columns,
      suggestedMapping: suggestMapping(columns.map((c) => c.header)).mapping,
      savedMapping: saved ? (JSON.parse(saved) as ImportMapping) : null,
      mapping: r.mapping_json ? (JSON.parse(r.mapping_json) as ImportMapping) : null,
      progress: { done: r.progress_done, total: r.progress_total },
      problems: problems.slice(0, SHOWN),
      problemCounts: { errors: errorCount, warnings: problems.length - errorCount },
      duplicates: duplicates.slice(0, SHOWN),
      duplicateCount: duplicates.length,
      counts: r.counts_json ? (JSON.parse(r.counts_json) as ImportCounts) : null,
      error: r.error,
      canApply: r.status === 'validated' && errorCount === 0 && ctx.actor?.id === r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      appliedAt: r.applied_at,
    };
  };

  /** The secretariat and Member coordinators import; coordinators only rows of their own Members (checked per row). */
  private importer(ctx: RequestContext): Actor {
    const actor = requireActor(ctx);
    if (!isSecretariat(actor) && actor.role !== 'member_coordinator') throw errors.forbidden('Only the secretariat and Member coordinators can import into the directory.');
    return actor;
  }

  /** An import its creator or the secretariat may read; anyone else is told it does not exist. */
  private async readable(ctx: RequestContext, id: string): Promise<DirectoryImportsTable> {
    const actor = this.importer(ctx);
    const record = await importRepository.get(this.d.db, id);
    if (!record || (record.created_by !== actor.id && !isSecretariat(actor))) throw errors.notFound('The import');
    return record;
  }

  /** Only the person who uploaded a file checks and applies it (the rows are judged against their scope). */
  private async own(ctx: RequestContext, id: string): Promise<{ actor: Actor; record: DirectoryImportsTable }> {
    const record = await this.readable(ctx, id);
    const actor = this.importer(ctx);
    if (record.created_by !== actor.id) throw errors.forbidden('Only the person who uploaded this file can check and apply it.');
    return { actor, record };
  }
}

function auditedAgency(a: AgenciesTable): Record<string, unknown> {
  return { member_code: a.member_code, name_en: a.name_en, name_local: a.name_local, acronym: a.acronym, type: a.type, parent_id: a.parent_id, website: a.website, address: a.address };
}

function trimEnd(cells: readonly string[]): string[] {
  let n = cells.length;
  while (n > 0 && !(cells[n - 1] ?? '').trim()) n--;
  return cells.slice(0, n);
}

/** A display name for the file: no path, no control characters, the detected extension when it has none. */
function cleanFileName(given: string | undefined, kind: 'csv' | 'xlsx'): string {
  const base = (given ?? '').split(/[\\/]/).pop()?.replace(/\p{Cc}/gu, '').trim().slice(0, 200) ?? '';
  if (!base) return `upload.${kind}`;
  return /\.[a-z0-9]{2,5}$/i.test(base) ? base : `${base}.${kind}`;
}
