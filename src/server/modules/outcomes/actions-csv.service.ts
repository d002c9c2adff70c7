import type { z } from 'zod';
import { actionCsvColumns, actionInputSchema, ownerKinds, type ActionImportResult, type actionImportBodySchema } from '@/contracts/outcomes';
import type { RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { AppError, errors, type FieldError } from '../../platform/errors';
import { requireActor } from '../../platform/permissions';
import { csvLine, parseCsv, unprotectFormula, UTF8_BOM } from '../directory/exchange/csv';
import { findVisibleEvent } from '../events/event-access';
import { outcomesPolicy } from './outcomes.policy';
import type { FilterParsed, OutcomesService } from './outcomes.service';

const MAX_ROWS = 10_000;
/** Problems listed in one answer; the message says how many more there were. */
const MAX_PROBLEMS = 200;

/** Field paths of the action input, as CSV column names. */
const columnOf: Record<string, string> = { text: 'text', 'owner.kind': 'owner_kind', 'owner.code': 'owner_code', dueDate: 'due_date', status: 'status', progress: 'progress', themes: 'themes', priorities: 'priorities' };

/** Lists in a cell (themes, priorities) are separated by semicolons. */
const list = (cell: string) => cell.split(/[;|]/).map((s) => s.trim()).filter(Boolean);

/** CSV export of the tracker's filtered view, and all-or-nothing CSV import of an event's actions. */
export class ActionsCsvService {
  constructor(
    private readonly d: PlatformDeps,
    private readonly outcomes: OutcomesService,
  ) {}

  async export(ctx: RequestContext, filter: FilterParsed): Promise<{ body: string; rows: number; fileName: string }> {
    const { actions } = await this.outcomes.all(ctx, filter);
    let body = UTF8_BOM + csvLine(actionCsvColumns);
    for (const a of actions) {
      body += csvLine([
        a.id, a.event.id, a.event.title, a.event.startDate, a.text, a.owner.kind, a.owner.code, a.owner.name, a.dueDate ?? '', a.status, String(a.progress),
        a.overdue ? 'yes' : 'no', a.themes.join(';'), a.priorities.join(';'), a.updatedAt,
      ]);
    }
    return { body, rows: actions.length, fileName: `actions-${this.outcomes.today()}.csv` };
  }

  /**
   * Checks every row (problems by row and column; rows are numbered as in a spreadsheet, the header being row 1)
   * and, when all pass and this is not a dry run, writes them all in one transaction. One bad row: nothing written.
   */
  async import(ctx: RequestContext, eventId: string, body: z.output<typeof actionImportBodySchema>): Promise<ActionImportResult> {
    const actor = requireActor(ctx);
    if (!outcomesPolicy.record(actor)) throw errors.forbidden('Only the secretariat imports actions.');
    await findVisibleEvent(this.d.db, actor, eventId);
    const records = parseCsv(body.csv.replace(/^\uFEFF/, ''), undefined, MAX_ROWS + 2).filter((r) => r.some((c) => c.trim() !== ''));
    const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
    const missing = ['text', 'owner_kind'].filter((c) => !header.includes(c));
    if (missing.length) throw errors.validation(missing.map((c) => ({ field: `columns.${c}`, message: `Row 1: the header has no "${c}" column.` })), 'The file needs a header row naming its columns.');
    if (records.length - 1 > MAX_ROWS) throw errors.field('csv', `At most ${MAX_ROWS} rows can be imported at once.`);
    if (records.length < 2) throw errors.field('csv', 'The file has a header but no rows.');
    const at = (r: string[], c: string) => {
      const i = header.indexOf(c);
      return i < 0 ? '' : unprotectFormula((r[i] ?? '').trim());
    };

    const refs = await this.outcomes.references();
    const now = this.d.clock.now().toISOString();
    const problems: FieldError[] = [];
    const rows: NonNullable<ReturnType<OutcomesService['buildAction']>['row']>[] = [];
    const problem = (row: number, column: string, message: string) => problems.push({ field: `rows.${row}.${column}`, message: `Row ${row}, ${column}: ${message}` });
    for (let i = 1; i < records.length; i++) {
      const r = records[i] ?? [];
      const rowNo = i + 1;
      const progressCell = at(r, 'progress');
      if (progressCell && !/^\d+$/.test(progressCell)) {
        problem(rowNo, 'progress', 'Use a whole number from 0 to 100.');
        continue;
      }
      const raw = {
        text: at(r, 'text'),
        owner: { kind: at(r, 'owner_kind').toLowerCase(), code: at(r, 'owner_code') || undefined },
        dueDate: at(r, 'due_date') || null,
        ...(at(r, 'status') ? { status: at(r, 'status').toLowerCase() } : {}),
        ...(progressCell ? { progress: Number(progressCell) } : {}),
        themes: list(at(r, 'themes')),
        priorities: list(at(r, 'priorities')),
      };
      const parsed = actionInputSchema.safeParse(raw);
      if (!parsed.success) {
        const seen = new Set<string>();
        for (const issue of parsed.error.issues) {
          const path = issue.path.filter((p) => typeof p === 'string').join('.');
          seen.add(path);
          problem(rowNo, columnOf[path] ?? path, issue.message);
        }
        // The reference checks too, so that one pass over the file lists every problem of the row.
        const owner = (ownerKinds as readonly string[]).includes(raw.owner.kind) ? raw.owner : undefined;
        for (const p of this.outcomes.checkReferences({ owner, themes: raw.themes, priorities: raw.priorities }, refs).problems) if (!seen.has(p.field)) problem(rowNo, columnOf[p.field] ?? p.field, p.message);
        continue;
      }
      const built = this.outcomes.buildAction(parsed.data, refs, { eventId, actorId: actor.id, now });
      for (const p of built.problems) problem(rowNo, columnOf[p.field] ?? p.field, p.message);
      if (built.row) rows.push(built.row);
    }
    if (problems.length) {
      const shown = problems.slice(0, MAX_PROBLEMS);
      const more = problems.length - shown.length;
      throw new AppError(400, 'validation_failed', `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the file${more ? ` (the first ${MAX_PROBLEMS} are listed)` : ''}. Correct them and import the file again.`, shown);
    }
    if (!body.dryRun) await this.d.db.transaction().execute((trx) => this.outcomes.insertImported(trx, ctx, eventId, rows));
    return { rows: records.length - 1, created: body.dryRun ? 0 : rows.length, dryRun: body.dryRun };
  }
}
