import type { z } from 'zod';
import type { Role } from '@/contracts/roles';
import {
  type Action, type ActionDetail, type ActionList, type ActionStatus, type EventActions, type PriorityList, actionStatuses,
  RSO_CODE,
  type actionFilterSchema, type actionInputSchema, type actionListQuerySchema, type actionPatchSchema, type actionUpdateInputSchema,
} from '@/contracts/outcomes';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor, RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import type { PlatformDeps } from '../../platform/deps';
import { AppError, errors, type FieldError } from '../../platform/errors';
import { requireActor } from '../../platform/permissions';
import { findVisibleEvent } from '../events/event-access';
import { outcomesPolicy } from './outcomes.policy';
import { isOverdue, presentAction, presentUpdate, type Names } from './outcomes.presenter';
import { outcomesRepository, type ActionFilter, type ActionRow } from './outcomes.repository';
import type { ActionsTable } from './outcomes.tables';

export type ActionInputParsed = z.output<typeof actionInputSchema>;
type ActionPatchParsed = z.output<typeof actionPatchSchema>;
type UpdateInput = z.output<typeof actionUpdateInputSchema>;
export type FilterParsed = z.output<typeof actionFilterSchema>;
type ListQuery = z.output<typeof actionListQuerySchema>;

/** What owner codes, themes and priorities exist, loaded once per request (or once per import). */
export interface References extends Names {
  themes: ReadonlySet<string>;
  priorities: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;

/** Actions from outcome reports: recording, editing, owners' updates, the tracker and its reads. */
export class OutcomesService {
  constructor(private readonly d: PlatformDeps) {}

  /** Today as a UTC date: an action due today is not overdue until tomorrow. */
  today(): string {
    return this.d.clock.now().toISOString().slice(0, 10);
  }

  async references(): Promise<References> {
    const db = this.d.db;
    const [members, workingGroups, themes, priorities] = await Promise.all([
      outcomesRepository.memberNames(db),
      outcomesRepository.workingGroups(db),
      outcomesRepository.themeCodes(db),
      outcomesRepository.priorities(db),
    ]);
    return { members, workingGroups, themes, priorities: new Set(priorities.map((p) => p.code)) };
  }

  async priorities(): Promise<PriorityList> {
    return { items: await outcomesRepository.priorities(this.d.db) };
  }

  /** Normalises the owner and checks owner, themes and priorities against the reference data. */
  checkReferences(input: { owner?: { kind: string; code?: string | undefined } | undefined; themes?: readonly string[] | undefined; priorities?: readonly string[] | undefined }, refs: References): { owner?: { kind: string; code: string }; problems: FieldError[] } {
    const problems: FieldError[] = [];
    let owner: { kind: string; code: string } | undefined;
    if (input.owner) {
      const code = (input.owner.code ?? '').trim().toUpperCase();
      if (input.owner.kind === 'rso') {
        if (code && code !== RSO_CODE) problems.push({ field: 'owner.code', message: `The RSO's owner code is ${RSO_CODE}.` });
        owner = { kind: 'rso', code: RSO_CODE };
      } else if (input.owner.kind === 'member') {
        if (!refs.members.has(code)) problems.push({ field: 'owner.code', message: code ? `Unknown Member code: ${code}.` : 'Choose the Member that owns the action.' });
        owner = { kind: 'member', code };
      } else {
        if (!refs.workingGroups.has(code)) problems.push({ field: 'owner.code', message: code ? `Unknown working group: ${code}.` : 'Choose the working group that owns the action.' });
        owner = { kind: 'working_group', code };
      }
    }
    const badThemes = (input.themes ?? []).filter((t) => !refs.themes.has(t));
    if (badThemes.length) problems.push({ field: 'themes', message: `Unknown theme: ${badThemes.join(', ')}.` });
    const badPriorities = (input.priorities ?? []).filter((p) => !refs.priorities.has(p));
    if (badPriorities.length) problems.push({ field: 'priorities', message: `Unknown RSO priority: ${badPriorities.join(', ')}.` });
    return { ...(owner ? { owner } : {}), problems };
  }

  // ---- reads -------------------------------------------------------------------------------------------

  private async present(viewer: Actor | null, rows: readonly ActionRow[], refs?: Names): Promise<Action[]> {
    if (rows.length === 0) return [];
    const names = refs ?? (await this.references());
    const tags = await outcomesRepository.tags(this.d.db, rows.map((r) => r.id));
    const today = this.today();
    return rows.map((r) =>
      presentAction(r, {
        today,
        names,
        themes: tags.themes.get(r.id) ?? [],
        priorities: tags.priorities.get(r.id) ?? [],
        canUpdate: outcomesPolicy.update(viewer, r, names.workingGroups.get(r.owner_code)?.coChairs ?? []),
        canEdit: outcomesPolicy.record(viewer),
      }),
    );
  }

  /** The owners whose actions the viewer answers for (the "mine" filter). */
  private async ownedBy(viewer: Actor): Promise<{ kind: string; code: string }[]> {
    if (outcomesPolicy.record(viewer)) return [{ kind: 'rso', code: RSO_CODE }];
    if (viewer.role !== 'member_coordinator') return [];
    const groups = await outcomesRepository.coChairedBy(this.d.db, viewer.memberScopes);
    return [...viewer.memberScopes.map((code) => ({ kind: 'member', code })), ...groups.map((code) => ({ kind: 'working_group', code }))];
  }

  private async filterFor(viewer: Actor, f: FilterParsed): Promise<ActionFilter> {
    const { mine, ...rest } = f;
    return { ...rest, ...(mine ? { owners: await this.ownedBy(viewer) } : {}) };
  }

  async list(ctx: RequestContext, q: ListQuery): Promise<ActionList> {
    const viewer = requireActor(ctx);
    const { limit, cursor, ...filter } = q;
    const f = await this.filterFor(viewer, filter);
    const today = this.today();
    const after = cursor ? decodeCursor(cursor) : undefined;
    const rows = await outcomesRepository.page(this.d.db, viewer, f, today, { ...(after ? { after } : {}), limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const { byStatus, overdue } = await outcomesRepository.counts(this.d.db, viewer, f, today);
    const counts = Object.fromEntries(actionStatuses.map((s) => [s, byStatus.get(s) ?? 0])) as Record<ActionStatus, number>;
    return {
      items: await this.present(viewer, page),
      nextCursor: rows.length > limit && last ? encodeCursor(last.due_date ?? '9999-12-31', last.id) : null,
      counts,
      overdue,
      total: f.status ? counts[f.status] : Object.values(counts).reduce((a, b) => a + b, 0),
    };
  }

  /** Every action of the filtered view (for the CSV export), at most `max`. */
  async all(ctx: RequestContext, filter: FilterParsed, max = 50_000): Promise<{ actions: Action[]; truncated: boolean }> {
    const viewer = requireActor(ctx);
    const f = await this.filterFor(viewer, filter);
    const rows = await outcomesRepository.page(this.d.db, viewer, f, this.today(), { limit: max + 1 });
    return { actions: await this.present(viewer, rows.slice(0, max)), truncated: rows.length > max };
  }

  async get(ctx: RequestContext, id: string): Promise<ActionDetail> {
    const viewer = requireActor(ctx);
    const row = await outcomesRepository.visible(this.d.db, viewer, id);
    if (!row) throw errors.notFound('The action');
    const [action] = await this.present(viewer, [row]);
    const updates = await outcomesRepository.updates(this.d.db, id);
    return { ...(action as Action), updates: updates.map(presentUpdate) };
  }

  async forEvent(ctx: RequestContext, eventId: string): Promise<EventActions> {
    const viewer = requireActor(ctx);
    await findVisibleEvent(this.d.db, viewer, eventId);
    const rows = await outcomesRepository.forEvent(this.d.db, eventId);
    return { items: await this.present(viewer, rows), canRecord: outcomesPolicy.record(viewer) };
  }

  /** Open actions of earlier events of the same series or working group, as the viewer may see them. */
  async earlierOpen(viewer: Actor, event: { id: string; starts_at: string; series: string | null; working_group_code: string | null }): Promise<Action[]> {
    const rows = await outcomesRepository.earlierOpen(this.d.db, viewer, { eventId: event.id, startsAt: event.starts_at, series: event.series, workingGroup: event.working_group_code });
    return this.present(viewer, rows);
  }

  // ---- writes ------------------------------------------------------------------------------------------

  private requireRecorder(ctx: RequestContext): Actor {
    const actor = requireActor(ctx);
    if (!outcomesPolicy.record(actor)) throw errors.forbidden('Only the secretariat records and edits actions.');
    return actor;
  }

  /** Builds the row for a checked input, or returns its problems. */
  buildAction(input: ActionInputParsed, refs: References, o: { eventId: string; actorId: string; now: string }): { row?: { action: ActionsTable; themes: string[]; priorities: string[] }; problems: FieldError[] } {
    const { owner, problems } = this.checkReferences(input, refs);
    if (problems.length || !owner) return { problems };
    return {
      problems: [],
      row: {
        action: {
          id: newId(), event_id: o.eventId, text: input.text, owner_kind: owner.kind, owner_code: owner.code, due_date: input.dueDate,
          status: input.status, progress: input.status === 'done' && input.progress === 0 ? 100 : input.progress, created_by: o.actorId, created_at: o.now, updated_at: o.now,
        },
        themes: [...new Set(input.themes)],
        priorities: [...new Set(input.priorities)],
      },
    };
  }

  async create(ctx: RequestContext, eventId: string, input: ActionInputParsed): Promise<ActionDetail> {
    const actor = this.requireRecorder(ctx);
    await findVisibleEvent(this.d.db, actor, eventId);
    const built = this.buildAction(input, await this.references(), { eventId, actorId: actor.id, now: this.d.clock.now().toISOString() });
    if (!built.row) throw errors.validation(built.problems);
    const row = built.row;
    await this.d.db.transaction().execute(async (trx) => {
      await outcomesRepository.insert(trx, [row]);
      await this.d.audit.record(trx, ctx, { action: 'action.created', entity: 'action', entityId: row.action.id, after: { ...row.action, themes: row.themes, priorities: row.priorities } });
    });
    return this.get(ctx, row.action.id);
  }

  async update(ctx: RequestContext, id: string, patch: ActionPatchParsed): Promise<ActionDetail> {
    const actor = this.requireRecorder(ctx);
    const visible = await outcomesRepository.visible(this.d.db, actor, id);
    const before = visible ? await outcomesRepository.row(this.d.db, id) : undefined;
    if (!before) throw errors.notFound('The action');
    const { owner, problems } = this.checkReferences(patch, await this.references());
    if (problems.length) throw errors.validation(problems);
    const next: ActionsTable = {
      ...before,
      ...(patch.text !== undefined ? { text: patch.text } : {}),
      ...(owner ? { owner_kind: owner.kind, owner_code: owner.code } : {}),
      ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.progress !== undefined ? { progress: patch.progress } : {}),
      updated_at: this.d.clock.now().toISOString(),
    };
    const tags = await outcomesRepository.tags(this.d.db, [id]);
    await this.d.db.transaction().execute(async (trx) => {
      await outcomesRepository.update(trx, id, next, { ...(patch.themes ? { themes: [...new Set(patch.themes)] } : {}), ...(patch.priorities ? { priorities: [...new Set(patch.priorities)] } : {}) });
      await this.d.audit.record(trx, ctx, {
        action: 'action.updated', entity: 'action', entityId: id,
        before: { ...before, themes: tags.themes.get(id) ?? [], priorities: tags.priorities.get(id) ?? [] },
        after: { ...next, themes: patch.themes ?? tags.themes.get(id) ?? [], priorities: patch.priorities ?? tags.priorities.get(id) ?? [] },
      });
    });
    return this.get(ctx, id);
  }

  /** An owner's (or the secretariat's) dated update: text, progress, status and evidence. */
  async addUpdate(ctx: RequestContext, id: string, input: UpdateInput): Promise<ActionDetail> {
    const actor = requireActor(ctx);
    const visible = await outcomesRepository.visible(this.d.db, actor, id);
    const before = visible ? await outcomesRepository.row(this.d.db, id) : undefined;
    if (!before) throw errors.notFound('The action');
    const groups = await outcomesRepository.workingGroups(this.d.db);
    if (!outcomesPolicy.update(actor, before, groups.get(before.owner_code)?.coChairs ?? [])) throw errors.forbidden('Only the owner of this action, or the secretariat, may update it.');
    if (input.status && input.status !== before.status && !outcomesPolicy.setStatus(actor, input.status)) {
      const message = 'Only the secretariat may drop an action or send it back to proposed.';
      throw new AppError(403, 'forbidden', message, [{ field: 'status', message }]);
    }
    const today = this.today();
    if (input.dated && input.dated > today) throw errors.field('dated', 'The date of an update cannot be in the future.');
    const status = input.status ?? before.status;
    const progress = input.progress ?? (status === 'done' && before.status !== 'done' ? 100 : undefined);
    const now = this.d.clock.now().toISOString();
    const update = {
      id: newId(), action_id: id, dated: input.dated ?? today, text: input.text, progress: progress ?? null,
      status_from: status !== before.status ? before.status : null, status_to: status !== before.status ? status : null,
      evidence_url: input.evidenceUrl ?? null, evidence_note: input.evidenceNote || null, author_id: actor.id, created_at: now,
    };
    const next = { status, progress: progress ?? before.progress, updated_at: now };
    await this.d.db.transaction().execute(async (trx) => {
      await outcomesRepository.insertUpdate(trx, update);
      await outcomesRepository.update(trx, id, next);
      await this.d.audit.record(trx, ctx, { action: 'action.update_added', entity: 'action', entityId: id, before: { status: before.status, progress: before.progress }, after: { ...update, status, progress: next.progress } });
    });
    return this.get(ctx, id);
  }

  /** Inserts checked rows in the caller's transaction, with one audit entry for the lot. */
  async insertImported(trx: Transaction<DB>, ctx: RequestContext, eventId: string, rows: { action: ActionsTable; themes: string[]; priorities: string[] }[]): Promise<void> {
    await outcomesRepository.insert(trx, rows);
    await this.d.audit.record(trx, ctx, { action: 'actions.imported', entity: 'event', entityId: eventId, after: { count: rows.length, action_ids: rows.map((r) => r.action.id) } });
  }

  // ---- the daily due/overdue notices -------------------------------------------------------------------

  /**
   * Tells owners about open actions due within 7 days, or overdue: once per action, state and due date (the
   * notices table remembers what was sent, so running daily, or twice, never repeats one). Only accounts that can
   * see the action's event hear about it.
   */
  async sendDueNotices(): Promise<number> {
    const ctx: RequestContext = { actor: null, requestId: 'job:outcomes.due', ip: '', userAgent: '' };
    const today = this.today();
    const until = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10);
    const candidates = await outcomesRepository.dueForNotice(this.d.db, until);
    const groups = await outcomesRepository.workingGroups(this.d.db);
    let sent = 0;
    for (const a of candidates) {
      const due = a.due_date ?? today;
      const state = isOverdue({ due_date: due, status: 'agreed' }, today) ? 'overdue' : 'due';
      if (await outcomesRepository.noticeSent(this.d.db, a.id, state, due)) continue;
      const accounts = await outcomesRepository.ownerAccounts(this.d.db, {
        secretariat: a.owner_kind === 'rso',
        coordinatorsOf: a.owner_kind === 'member' ? [a.owner_code] : a.owner_kind === 'working_group' ? (groups.get(a.owner_code)?.coChairs ?? []) : [],
      });
      const userIds: string[] = [];
      for (const u of accounts) {
        const viewer: Actor = { id: u.id, role: u.role as Role, memberScopes: u.scopes, sessionId: '', mustEnrollTotp: false };
        if (await outcomesRepository.eventVisible(this.d.db, viewer, a.event_id)) userIds.push(u.id);
      }
      if (userIds.length === 0) continue; // nobody to tell yet; a coordinator added later still hears of it
      const subject = state === 'overdue' ? `Overdue action: ${short(a.text)}` : `Action due on ${due}: ${short(a.text)}`;
      const text = `${state === 'overdue' ? `This action was due on ${due} and is not done yet.` : `This action is due on ${due}.`}\n\n${a.text}\n\nFrom: ${a.event_title}\n\nPlease post an update (progress, status and evidence) on its page.`;
      const mailIds = await this.d.db.transaction().execute(async (trx) => {
        await outcomesRepository.recordNotice(trx, { action_id: a.id, state, due_date: due, sent_at: this.d.clock.now().toISOString() });
        await this.d.audit.record(trx, ctx, { action: 'action.due_notified', entity: 'action', entityId: a.id, after: { state, due_date: due, user_ids: userIds } });
        return this.d.notifier.notify(trx, { kind: 'action_due', userIds, subject, text, link: `/outcomes/${a.id}` });
      });
      await this.d.mailer.dispatch(mailIds);
      sent++;
    }
    return sent;
  }
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
