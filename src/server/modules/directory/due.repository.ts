import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Positions whose confirmation is missing or falls due before a time, optionally for some Members only. */
export const dueRepository = {
  due(db: Kysely<DB>, f: { members: string[] | null; dueBefore: string }) {
    return db
      .selectFrom('positions as p')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .leftJoin('position_holders as h', (j) => j.onRef('h.position_id', '=', 'p.id').on('h.end_date', 'is', null))
      .leftJoin('people as pe', 'pe.id', 'h.person_id')
      .select([
        'p.id', 'p.title', 'p.agency_id', 'p.last_confirmed_at', 'a.name_en as agency_name', 'a.member_code', 'pe.id as holder_id',
        'pe.name_latin as holder_name_latin', 'pe.name_local as holder_name_local', 'pe.title as holder_title',
      ])
      .$if(f.members !== null, (qb) => qb.where('a.member_code', 'in', f.members?.length ? f.members : ['']))
      .where((eb) => eb.or([eb('pe.id', 'is', null), eb('p.last_confirmed_at', 'is', null), eb('p.last_confirmed_at', '<', f.dueBefore)]))
      .orderBy('p.last_confirmed_at')
      .orderBy('a.member_code')
      .orderBy('p.title')
      .limit(500)
      .execute();
  },
};

/** Held positions confirmed before the cutoff (or never) with no confirmation link sent since they fell due. */
export const dueRemindersRepository = {
  async needingReminder(db: Kysely<DB>, cutoff: string): Promise<string[]> {
    const rows = await db
      .selectFrom('positions as p')
      .innerJoin('position_holders as h', (j) => j.onRef('h.position_id', '=', 'p.id').on('h.end_date', 'is', null))
      .select('p.id')
      .where((eb) => eb.or([eb('p.last_confirmed_at', 'is', null), eb('p.last_confirmed_at', '<', cutoff)]))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('confirmation_requests as r')
              .select('r.id')
              .whereRef('r.position_id', '=', 'p.id')
              .whereRef('r.person_id', '=', 'h.person_id')
              .where((w) => w.or([w('p.last_confirmed_at', 'is', null), w('r.created_at', '>', w.ref('p.last_confirmed_at'))])),
          ),
        ),
      )
      .limit(5000)
      .execute();
    return rows.map((r) => r.id);
  },
};
