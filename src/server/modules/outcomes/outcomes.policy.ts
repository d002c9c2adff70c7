import type { Actor } from '../../platform/context';
import { isSecretariat } from '../../platform/permissions';

/**
 * Who may do what with actions. Reading follows the event (eventVisibleTo): an action is seen by whoever sees its
 * event, and by nobody else.
 *
 * - Recording and editing actions (text, owner, due date, themes, priorities): the secretariat.
 * - Posting an update (progress, status, evidence): the owner, and the secretariat, which keeps the tracker and may
 *   record an update a Member sent by other means. The owner is:
 *   - a Member: that Member's coordinators. Officials read but do not update: the coordinator answers for the Member;
 *   - the RSO: the secretariat;
 *   - a working group: the coordinators of its co-chair Members.
 * - Dropping an action or sending it back to "proposed" changes what was agreed: the secretariat only.
 */
export interface OwnedAction {
  owner_kind: string;
  owner_code: string;
}

export const outcomesPolicy = {
  record: (a: Actor | null): boolean => !!a && !a.mustEnrollTotp && isSecretariat(a),
  /** `coChairs`: the co-chair Members of the owning working group, when the owner is one. */
  update: (a: Actor | null, action: OwnedAction, coChairs: readonly string[]): boolean => {
    if (!a || a.mustEnrollTotp) return false;
    if (isSecretariat(a)) return true;
    if (a.role !== 'member_coordinator') return false;
    if (action.owner_kind === 'member') return a.memberScopes.includes(action.owner_code);
    if (action.owner_kind === 'working_group') return coChairs.some((m) => a.memberScopes.includes(m));
    return false;
  },
  setStatus: (a: Actor, status: string): boolean => isSecretariat(a) || (status !== 'dropped' && status !== 'proposed'),
};
