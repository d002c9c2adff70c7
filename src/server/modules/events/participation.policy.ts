import type { Actor } from '../../platform/context';
import { inScope, isSecretariat } from '../../platform/permissions';

/**
 * Who may do what with invitations and participants (the event itself must be visible to them first:
 * findVisibleEvent answers 404 otherwise). Unit-tested in participation.policy.spec.ts.
 */
export const participationPolicy = {
  secretariat: (a: Actor) => isSecretariat(a),
  /** Invite, set quotas, approve, decline, check in: the secretariat. */
  manage: (a: Actor) => isSecretariat(a),
  /** Invitations and quotas: the secretariat (all) and coordinators (their Members'). */
  seeInvitations: (a: Actor) => isSecretariat(a) || a.role === 'member_coordinator',
  /** Nominate for a Member: the secretariat, or a coordinator of that Member. */
  nominateFor: (a: Actor, memberCode: string) => isSecretariat(a) || (a.role === 'member_coordinator' && inScope(a, memberCode)),
};
