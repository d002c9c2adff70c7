import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from 'kysely';
import type { Role } from '@/contracts/roles';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { errors } from '../../platform/errors';
import { isSecretariat } from '../../platform/permissions';
import type { EventsTable } from './events.tables';

/** Roles that see events open to Members (officials of Member agencies and the secretariat; not researchers). */
const memberEventRoles: readonly Role[] = ['secretariat_admin', 'secretariat_staff', 'member_coordinator', 'official'];

/**
 * Who sees an event. The one rule every module uses (events, papers, outcomes, calendar feeds, search):
 * - the secretariat sees every event, drafts included;
 * - anyone, signed in or not, sees published public events;
 * - officials and coordinators also see events open to Members;
 * - an invited-only event is seen by the users invited by name, the users of an invited Member (their Member
 *   scope), and anyone with a participant record for it. Everyone else cannot tell it exists.
 */
export function eventVisibleTo(viewer: Actor | null): (eb: ExpressionBuilder<DB, 'events'>) => Expression<SqlBool> {
  return (eb) => {
    if (viewer && isSecretariat(viewer)) return eb.lit(true);
    const published = eb('events.status', '!=', 'draft');
    if (!viewer) return eb.and([published, eb('events.visibility', '=', 'public')]);
    const open: Expression<SqlBool>[] = [eb('events.visibility', '=', 'public')];
    if (memberEventRoles.includes(viewer.role)) open.push(eb('events.visibility', '=', 'members'));
    const scopes = [...viewer.memberScopes];
    open.push(
      eb.exists(
        eb.selectFrom('event_invitations').select('event_invitations.id').whereRef('event_invitations.event_id', '=', 'events.id').where((w) => w.or([w('event_invitations.user_id', '=', viewer.id), ...(scopes.length > 0 ? [w('event_invitations.member_code', 'in', scopes)] : [])])),
      ),
    );
    open.push(
      eb.exists(
        eb.selectFrom('event_participants').select('event_participants.id').whereRef('event_participants.event_id', '=', 'events.id').where('event_participants.user_id', '=', viewer.id),
      ),
    );
    return eb.and([published, eb.or(open)]);
  };
}

/** The event if the viewer may see it; otherwise 404 (an invited-only event is not revealed by a 403). */
export async function findVisibleEvent(db: Kysely<DB> | Transaction<DB>, viewer: Actor | null, eventId: string): Promise<EventsTable> {
  const row = await db.selectFrom('events').selectAll().where('events.id', '=', eventId).where(eventVisibleTo(viewer)).executeTakeFirst();
  if (!row) throw errors.notFound('The event');
  return row;
}
