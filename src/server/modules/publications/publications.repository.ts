import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { eventVisibleTo } from '../events/event-access';

type Db = Kysely<DB> | Transaction<DB>;

export interface ReportRow {
  id: string;
  title: string;
  language: string;
  translation_of: string | null;
  event_id: string;
  event_title: string;
  event_type: string;
  start_date: string;
  end_date: string;
  place: string | null;
  number: number;
  file_type: string;
  size_bytes: number;
  uploaded_at: string;
}

/**
 * Published reports (papers.policy isPublishedReport, the same rule in SQL): public outcome reports of published
 * meetings that were not by invitation, each with its latest version. Withdrawn papers and versions are deleted
 * rows, so they never appear.
 */
function publicReports(db: Db) {
  return db
    .selectFrom('papers as p')
    .innerJoin('events', 'events.id', 'p.event_id')
    .innerJoin('paper_versions as v', 'v.paper_id', 'p.id')
    .where('p.kind', '=', 'outcome_report')
    .where('p.sensitivity', '=', 'public')
    .where('events.status', '!=', 'draft')
    .where('events.visibility', '!=', 'invited')
    .where('v.number', '=', (eb) => eb.selectFrom('paper_versions as l').select((l) => l.fn.max('l.number').as('n')).whereRef('l.paper_id', '=', 'p.id'));
}

const columns = [
  'p.id', 'p.title', 'p.language', 'p.translation_of', 'p.event_id', 'events.title as event_title', 'events.type as event_type', 'events.start_date', 'events.end_date',
  'events.place', 'v.number', 'v.file_type', 'v.size_bytes', 'v.uploaded_at',
] as const;

export const publicationsRepository = {
  /** The originals (reports that are not a translation of a listed report), newest event first. */
  originals(db: Db, page: { year?: number | undefined; limit: number; offset: number }): Promise<(ReportRow & { total: number })[]> {
    return publicReports(db)
      .select([...columns, sql<number>`count(*) over ()`.as('total')])
      // A translation is listed under its original, or on its own when the original is not public.
      .where((eb) => eb.or([
        eb('p.translation_of', 'is', null),
        eb('p.translation_of', 'not in', eb.selectFrom('papers as o').select('o.id').where('o.kind', '=', 'outcome_report').where('o.sensitivity', '=', 'public')),
      ]))
      .$if(page.year !== undefined, (qb) => qb.where('events.start_date', '>=', `${page.year}-01-01`).where('events.start_date', '<=', `${page.year}-12-31`))
      .orderBy('events.start_date', 'desc')
      .orderBy('p.title')
      .orderBy('p.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  },

  /** Public translations of the given originals. */
  translations(db: Db, originalIds: readonly string[]): Promise<ReportRow[]> {
    if (originalIds.length === 0) return Promise.resolve([]);
    return publicReports(db).select([...columns]).where('p.translation_of', 'in', [...originalIds]).orderBy('p.language').execute();
  },

  /** Which of these events the viewer may open (the events module's rule). */
  async openEvents(db: Db, viewer: Actor | null, eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows = await db.selectFrom('events').select('events.id').where('events.id', 'in', [...eventIds]).where(eventVisibleTo(viewer)).execute();
    return new Set(rows.map((r) => r.id));
  },

  async years(db: Db): Promise<number[]> {
    const rows = await publicReports(db).select(sql<string>`substr(events.start_date, 1, 4)`.as('y')).distinct().execute();
    return rows.map((r) => Number(r.y)).filter(Number.isFinite).sort((a, b) => b - a);
  },
};
