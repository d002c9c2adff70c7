import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { eventVisibleTo } from './event-access';
import type { EventsTable } from './events.tables';

type Db = Kysely<DB> | Transaction<DB>;

export type EventRow = EventsTable & { working_group_name: string | null };

export interface EventListFilter {
  when: 'upcoming' | 'past' | 'all';
  now: string;
  type?: string | undefined;
  workingGroup?: string | undefined;
  theme?: string | undefined;
  series?: string | undefined;
  q?: string | undefined;
  /** Keyset position: the last row's starts_at and id. */
  after?: { name: string; id: string } | undefined;
  limit: number;
}

/**
 * LIKE pattern for a substring. SQLite has no default escape character and PostgreSQL uses `\`, so rather than
 * escaping, the wildcard `%` and the backslash are dropped from the text (`_` stays: it matches itself too).
 */
function contains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%]/g, '')}%`;
}

/** All SQL for events themselves (the agenda is in agenda.repository.ts). */
export const eventsRepository = {
  /** Events the viewer may see, by the filter; upcoming soonest first, past and all latest first. */
  list(db: Db, viewer: Actor | null, f: EventListFilter): Promise<EventRow[]> {
    const ascending = f.when === 'upcoming';
    return db
      .selectFrom('events')
      .leftJoin('working_groups', 'working_groups.code', 'events.working_group_code')
      .selectAll('events')
      .select('working_groups.name as working_group_name')
      .where(eventVisibleTo(viewer))
      .$if(f.when === 'upcoming', (q) => q.where('events.ends_at', '>', f.now))
      .$if(f.when === 'past', (q) => q.where('events.ends_at', '<=', f.now))
      .$if(!!f.type, (q) => q.where('events.type', '=', f.type ?? ''))
      .$if(!!f.workingGroup, (q) => q.where('events.working_group_code', '=', f.workingGroup ?? ''))
      .$if(!!f.series, (q) => q.where('events.series', '=', f.series ?? ''))
      // themes is a JSON array of codes; codes never hold quotes, so the quoted code matches one element exactly.
      .$if(!!f.theme, (q) => q.where('events.themes', 'like', contains(`"${f.theme ?? ''}"`)))
      .$if(!!f.q, (q) =>
        q.where((eb) => {
          const pattern = contains(f.q ?? '');
          return eb.or([
            eb(eb.fn('lower', ['events.title']), 'like', pattern),
            eb(eb.fn('lower', ['events.title_local']), 'like', pattern),
            eb(eb.fn('lower', ['events.summary']), 'like', pattern),
            eb(eb.fn('lower', ['events.place']), 'like', pattern),
          ]);
        }),
      )
      .$if(!!f.after, (q) =>
        q.where((eb) => {
          const a = f.after ?? { name: '', id: '' };
          const op = ascending ? '>' : '<';
          return eb.or([eb('events.starts_at', op, a.name), eb.and([eb('events.starts_at', '=', a.name), eb('events.id', op, a.id)])]);
        }),
      )
      .orderBy('events.starts_at', ascending ? 'asc' : 'desc')
      .orderBy('events.id', ascending ? 'asc' : 'desc')
      .limit(f.limit)
      .execute();
  },

  /** One event by id or slug, if the viewer may see it. */
  visible(db: Db, viewer: Actor | null, idOrSlug: string): Promise<EventRow | undefined> {
    return db
      .selectFrom('events')
      .leftJoin('working_groups', 'working_groups.code', 'events.working_group_code')
      .selectAll('events')
      .select('working_groups.name as working_group_name')
      .where((eb) => eb.or([eb('events.id', '=', idOrSlug), eb('events.slug', '=', idOrSlug)]))
      .where(eventVisibleTo(viewer))
      .executeTakeFirst();
  },

  byId(db: Db, id: string): Promise<EventsTable | undefined> {
    return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
    const row = await db.selectFrom('events').select('id').where('slug', '=', slug).$if(!!exceptId, (q) => q.where('id', '!=', exceptId ?? '')).executeTakeFirst();
    return !!row;
  },

  async insert(db: Db, row: EventsTable): Promise<void> {
    await db.insertInto('events').values(row).execute();
  },

  async update(db: Db, id: string, row: Omit<EventsTable, 'id' | 'created_at' | 'created_by'>): Promise<void> {
    await db.updateTable('events').set(row).where('id', '=', id).execute();
  },
};
