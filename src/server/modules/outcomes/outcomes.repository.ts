import { sql, type Kysely, type Transaction } from 'kysely';
import type { ActionStatus } from '@/contracts/outcomes';
import { openStatuses } from '@/contracts/outcomes';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { eventVisibleTo } from '../events/event-access';
import type { ActionsTable, ActionUpdatesTable } from './outcomes.tables';

type Db = Kysely<DB> | Transaction<DB>;

/** The tracker's filters, after parsing. */
export interface ActionFilter {
  event?: string;
  series?: string;
  workingGroup?: string;
  ownerKind?: string;
  ownerCode?: string;
  status?: ActionStatus;
  theme?: string;
  priority?: string;
  overdue?: boolean;
  q?: string;
  /** Only actions owned by these (kind, code) pairs (the "mine" filter); an empty list matches nothing. */
  owners?: readonly { kind: string; code: string }[];
}

/** Actions with no due date sort after every dated one. */
const NO_DUE = '9999-12-31';
const dueKey = sql<string>`coalesce(actions.due_date, ${NO_DUE})`;

export interface ActionRow extends ActionsTable {
  event_title: string;
  event_start_date: string;
  event_starts_at: string;
  event_series: string | null;
  event_working_group_code: string | null;
  creator_name: string | null;
}

function visibleActions(db: Db, viewer: Actor | null) {
  return db
    .selectFrom('actions')
    .innerJoin('events', 'events.id', 'actions.event_id')
    .where((eb) => eventVisibleTo(viewer)(eb as never));
}

function filtered(db: Db, viewer: Actor | null, f: ActionFilter, today: string, opts: { ignoreStatus?: boolean } = {}) {
  return visibleActions(db, viewer)
    .$if(!!f.event, (qb) => qb.where('actions.event_id', '=', f.event ?? ''))
    .$if(!!f.series, (qb) => qb.where('events.series', '=', f.series ?? ''))
    .$if(!!f.workingGroup, (qb) =>
      qb.where((eb) => eb.or([eb('events.working_group_code', '=', f.workingGroup ?? ''), eb.and([eb('actions.owner_kind', '=', 'working_group'), eb('actions.owner_code', '=', f.workingGroup ?? '')])])),
    )
    .$if(!!f.ownerKind, (qb) => qb.where('actions.owner_kind', '=', f.ownerKind ?? ''))
    .$if(!!f.ownerCode, (qb) => qb.where('actions.owner_code', '=', f.ownerCode ?? ''))
    .$if(!!f.status && !opts.ignoreStatus, (qb) => qb.where('actions.status', '=', f.status ?? 'proposed'))
    .$if(!!f.theme, (qb) => qb.where((eb) => eb.exists(eb.selectFrom('action_themes as at').select('at.action_id').whereRef('at.action_id', '=', 'actions.id').where('at.theme_code', '=', f.theme ?? ''))))
    .$if(!!f.priority, (qb) =>
      qb.where((eb) => eb.exists(eb.selectFrom('action_priorities as ap').select('ap.action_id').whereRef('ap.action_id', '=', 'actions.id').where('ap.priority_code', '=', f.priority ?? ''))),
    )
    .$if(f.overdue === true, (qb) => qb.where('actions.due_date', '<', today).where('actions.status', 'in', openStatuses))
    .$if(f.overdue === false, (qb) => qb.where((eb) => eb.or([eb('actions.due_date', 'is', null), eb('actions.due_date', '>=', today), eb('actions.status', 'not in', openStatuses)])))
    .$if(!!f.q, (qb) => qb.where(sql<boolean>`lower(actions.text) like ${`%${(f.q ?? '').toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`} escape '\\'`))
    .$if(!!f.owners, (qb) =>
      qb.where((eb) =>
        (f.owners ?? []).length === 0 ? eb.lit(false) : eb.or((f.owners ?? []).map((o) => eb.and([eb('actions.owner_kind', '=', o.kind), eb('actions.owner_code', '=', o.code)]))),
      ),
    );
}

const actionColumns = [
  'actions.id', 'actions.event_id', 'actions.text', 'actions.owner_kind', 'actions.owner_code', 'actions.due_date', 'actions.status', 'actions.progress',
  'actions.created_by', 'actions.created_at', 'actions.updated_at',
  'events.title as event_title', 'events.start_date as event_start_date', 'events.starts_at as event_starts_at', 'events.series as event_series',
  'events.working_group_code as event_working_group_code',
] as const;

export const outcomesRepository = {
  /** One page of the tracker, ordered by due date (undated last), then id. */
  page(db: Db, viewer: Actor | null, f: ActionFilter, today: string, page: { after?: { name: string; id: string }; limit: number }): Promise<ActionRow[]> {
    return filtered(db, viewer, f, today)
      .leftJoin('users as creator', 'creator.id', 'actions.created_by')
      .select([...actionColumns, 'creator.display_name as creator_name'])
      .$if(!!page.after, (qb) =>
        qb.where((eb) => eb.or([eb(dueKey, '>', page.after?.name ?? ''), eb.and([eb(dueKey, '=', page.after?.name ?? ''), eb('actions.id', '>', page.after?.id ?? '')])])),
      )
      .orderBy(dueKey)
      .orderBy('actions.id')
      .limit(page.limit)
      .execute();
  },

  /** How many actions of the filtered view are in each status (the status filter left out), and how many are overdue. */
  async counts(db: Db, viewer: Actor | null, f: ActionFilter, today: string): Promise<{ byStatus: Map<string, number>; overdue: number }> {
    const rows = await filtered(db, viewer, f, today, { ignoreStatus: true })
      .select((eb) => ['actions.status', eb.fn.countAll<string | number>().as('n')])
      .groupBy('actions.status')
      .execute();
    const overdue = await filtered(db, viewer, { ...f, overdue: true }, today)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirst();
    return { byStatus: new Map(rows.map((r) => [r.status, Number(r.n)])), overdue: Number(overdue?.n ?? 0) };
  },

  /** One action if the viewer sees its event. */
  visible(db: Db, viewer: Actor | null, id: string): Promise<ActionRow | undefined> {
    return visibleActions(db, viewer)
      .leftJoin('users as creator', 'creator.id', 'actions.created_by')
      .select([...actionColumns, 'creator.display_name as creator_name'])
      .where('actions.id', '=', id)
      .executeTakeFirst();
  },

  forEvent(db: Db, eventId: string): Promise<ActionRow[]> {
    return db
      .selectFrom('actions')
      .innerJoin('events', 'events.id', 'actions.event_id')
      .leftJoin('users as creator', 'creator.id', 'actions.created_by')
      .select([...actionColumns, 'creator.display_name as creator_name'])
      .where('actions.event_id', '=', eventId)
      .orderBy(dueKey)
      .orderBy('actions.created_at')
      .orderBy('actions.id')
      .execute();
  },

  /** Open actions of events before `before` in the same series or working group, among events the viewer sees. */
  earlierOpen(db: Db, viewer: Actor | null, o: { eventId: string; startsAt: string; series: string | null; workingGroup: string | null }): Promise<ActionRow[]> {
    const { series, workingGroup } = o;
    if (!series && !workingGroup) return Promise.resolve([]);
    return visibleActions(db, viewer)
      .leftJoin('users as creator', 'creator.id', 'actions.created_by')
      .select([...actionColumns, 'creator.display_name as creator_name'])
      .where('events.id', '!=', o.eventId)
      .where('events.starts_at', '<', o.startsAt)
      .where((eb) => eb.or([...(series ? [eb('events.series', '=', series)] : []), ...(workingGroup ? [eb('events.working_group_code', '=', workingGroup)] : [])]))
      .where('actions.status', 'in', openStatuses)
      .orderBy('events.starts_at', 'desc')
      .orderBy(dueKey)
      .orderBy('actions.id')
      .execute();
  },

  row: (db: Db, id: string) => db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirst(),

  async tags(db: Db, ids: readonly string[]): Promise<{ themes: Map<string, string[]>; priorities: Map<string, string[]> }> {
    const themes = new Map<string, string[]>();
    const priorities = new Map<string, string[]>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const t = await db.selectFrom('action_themes').innerJoin('themes', 'themes.code', 'action_themes.theme_code').select(['action_themes.action_id', 'action_themes.theme_code']).where('action_themes.action_id', 'in', chunk).orderBy('themes.sort_order').execute();
      for (const r of t) themes.set(r.action_id, [...(themes.get(r.action_id) ?? []), r.theme_code]);
      const p = await db.selectFrom('action_priorities').innerJoin('rso_priorities', 'rso_priorities.code', 'action_priorities.priority_code').select(['action_priorities.action_id', 'action_priorities.priority_code']).where('action_priorities.action_id', 'in', chunk).orderBy('rso_priorities.sort_order').execute();
      for (const r of p) priorities.set(r.action_id, [...(priorities.get(r.action_id) ?? []), r.priority_code]);
    }
    return { themes, priorities };
  },

  updates(db: Db, actionId: string) {
    return db
      .selectFrom('action_updates')
      .leftJoin('users', 'users.id', 'action_updates.author_id')
      .selectAll('action_updates')
      .select('users.display_name as author_name')
      .where('action_updates.action_id', '=', actionId)
      .orderBy('action_updates.dated', 'desc')
      .orderBy('action_updates.created_at', 'desc')
      .execute();
  },

  /** Inserts actions with their themes and priorities, in chunks that stay under both databases' parameter limits. */
  async insert(db: Db, rows: readonly { action: ActionsTable; themes: readonly string[]; priorities: readonly string[] }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      await db.insertInto('actions').values(chunk.map((r) => r.action)).execute();
      const themes = chunk.flatMap((r) => r.themes.map((t) => ({ action_id: r.action.id, theme_code: t })));
      if (themes.length) await db.insertInto('action_themes').values(themes).execute();
      const priorities = chunk.flatMap((r) => r.priorities.map((p) => ({ action_id: r.action.id, priority_code: p })));
      if (priorities.length) await db.insertInto('action_priorities').values(priorities).execute();
    }
  },

  async update(db: Db, id: string, patch: Partial<ActionsTable>, tags: { themes?: readonly string[]; priorities?: readonly string[] } = {}): Promise<void> {
    await db.updateTable('actions').set(patch).where('id', '=', id).execute();
    if (tags.themes) {
      await db.deleteFrom('action_themes').where('action_id', '=', id).execute();
      if (tags.themes.length) await db.insertInto('action_themes').values(tags.themes.map((t) => ({ action_id: id, theme_code: t }))).execute();
    }
    if (tags.priorities) {
      await db.deleteFrom('action_priorities').where('action_id', '=', id).execute();
      if (tags.priorities.length) await db.insertInto('action_priorities').values(tags.priorities.map((p) => ({ action_id: id, priority_code: p }))).execute();
    }
  },

  insertUpdate: async (db: Db, row: ActionUpdatesTable) => {
    await db.insertInto('action_updates').values(row).execute();
  },

  priorities: (db: Db) => db.selectFrom('rso_priorities').select(['code', 'name']).orderBy('sort_order').execute(),
  themeCodes: async (db: Db) => new Set((await db.selectFrom('themes').select('code').execute()).map((r) => r.code)),
  memberNames: async (db: Db) => new Map((await db.selectFrom('members').select(['code', 'name']).execute()).map((r) => [r.code, r.name])),
  workingGroups: async (db: Db) => new Map((await db.selectFrom('working_groups').select(['code', 'name', 'co_chairs']).execute()).map((r) => [r.code, { name: r.name, coChairs: JSON.parse(r.co_chairs) as string[] }])),

  /** Working groups co-chaired by any of these Members. */
  async coChairedBy(db: Db, members: readonly string[]): Promise<string[]> {
    if (members.length === 0) return [];
    const all = await outcomesRepository.workingGroups(db);
    return [...all].filter(([, w]) => w.coChairs.some((m) => members.includes(m))).map(([code]) => code);
  },

  /** Open actions due on or before `until` that have no notice yet for their state and due date. */
  dueForNotice(db: Db, until: string) {
    return db
      .selectFrom('actions')
      .innerJoin('events', 'events.id', 'actions.event_id')
      .select(['actions.id', 'actions.text', 'actions.owner_kind', 'actions.owner_code', 'actions.due_date', 'actions.event_id', 'events.title as event_title'])
      .where('actions.status', 'in', openStatuses)
      .where('actions.due_date', 'is not', null)
      .where('actions.due_date', '<=', until)
      .orderBy('actions.due_date')
      .orderBy('actions.id')
      .execute();
  },

  noticeSent: async (db: Db, actionId: string, state: string, dueDate: string) =>
    !!(await db.selectFrom('action_notices').select('action_id').where('action_id', '=', actionId).where('state', '=', state).where('due_date', '=', dueDate).executeTakeFirst()),

  recordNotice: async (db: Db, row: { action_id: string; state: string; due_date: string; sent_at: string }) => {
    await db.insertInto('action_notices').values(row).execute();
  },

  /** Active accounts that answer for an owner: coordinators of the Members, or the secretariat. */
  async ownerAccounts(db: Db, o: { secretariat: boolean; coordinatorsOf: readonly string[] }): Promise<{ id: string; role: string; scopes: string[] }[]> {
    const rows = await db
      .selectFrom('users')
      .leftJoin('user_member_scopes as s', 's.user_id', 'users.id')
      .select(['users.id', 'users.role', 's.member_code'])
      .where('users.status', '=', 'active')
      .where((eb) =>
        eb.or([
          ...(o.secretariat ? [eb('users.role', 'in', ['secretariat_admin', 'secretariat_staff'])] : []),
          ...(o.coordinatorsOf.length ? [eb.and([eb('users.role', '=', 'member_coordinator'), eb.exists(eb.selectFrom('user_member_scopes as m').select('m.user_id').whereRef('m.user_id', '=', 'users.id').where('m.member_code', 'in', o.coordinatorsOf))])] : []),
          eb.lit(false),
        ]),
      )
      .orderBy('users.id')
      .execute();
    const byId = new Map<string, { id: string; role: string; scopes: string[] }>();
    for (const r of rows) {
      const u = byId.get(r.id) ?? { id: r.id, role: r.role, scopes: [] };
      if (r.member_code) u.scopes.push(r.member_code);
      byId.set(r.id, u);
    }
    return [...byId.values()];
  },

  eventVisible: async (db: Db, viewer: Actor, eventId: string) =>
    !!(await db.selectFrom('events').select('events.id').where('events.id', '=', eventId).where(eventVisibleTo(viewer)).executeTakeFirst()),
};
