import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Role } from '@/contracts/roles';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/context';
import { isSecretariat } from '../../platform/permissions';
import { eventVisibleTo } from '../events/event-access';
import type { DialogueSpacesTable } from './dialogues.tables';

/**
 * Who takes part in dialogues.
 * - Anonymous visitors never see a space.
 * - Spaces open to Members are seen by officials, Member coordinators and the secretariat. Researchers are not
 *   Members: they see only the invite-only spaces whose member list names them (the secretariat may add them to
 *   any space, open or not; listed members always see their space).
 * - Invite-only spaces are seen by their member list and the secretariat; to everyone else they do not exist (404).
 * - An event space is, on top of that, seen only by those who may see the event (the events module's one rule).
 * - Moderators: the secretariat everywhere, and the space's appointed moderators. The secretariat creates spaces
 *   and appoints moderators.
 */
export const memberRoles: readonly Role[] = ['secretariat_admin', 'secretariat_staff', 'member_coordinator', 'official'];

export const isMemberRole = (a: Actor): boolean => memberRoles.includes(a.role);

export function spaceVisibleTo(viewer: Actor): (eb: ExpressionBuilder<DB, 'dialogue_spaces'>) => Expression<SqlBool> {
  return (eb) => {
    if (isSecretariat(viewer)) return eb.lit(true);
    const listed = eb.exists(
      eb.selectFrom('dialogue_space_members as sm').select('sm.user_id').whereRef('sm.space_id', '=', 'dialogue_spaces.id').where('sm.user_id', '=', viewer.id),
    );
    const open = isMemberRole(viewer) ? eb.or([eb('dialogue_spaces.access', '=', 'members'), listed]) : listed;
    const eventOk = eb.or([
      eb('dialogue_spaces.event_id', 'is', null),
      eb.exists(eb.selectFrom('events').select('events.id').whereRef('events.id', '=', 'dialogue_spaces.event_id').where(eventVisibleTo(viewer))),
    ]);
    return eb.and([open, eventOk]);
  };
}

export interface SpaceStanding {
  space: DialogueSpacesTable;
  /** The viewer's row in the member list, if any. */
  role: 'member' | 'moderator' | null;
}

export const canModerate = (a: Actor, s: SpaceStanding): boolean => isSecretariat(a) || s.role === 'moderator';
export const canManageSpaces = (a: Actor): boolean => isSecretariat(a);
