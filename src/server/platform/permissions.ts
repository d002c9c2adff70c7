import type { Role } from '@/contracts/roles';
import type { Actor, RequestContext } from './context';
import { AppError, errors } from './errors';

const secretariat: readonly Role[] = ['secretariat_admin', 'secretariat_staff'];

export const isAdmin = (a: Actor): boolean => a.role === 'secretariat_admin';
export const isSecretariat = (a: Actor): boolean => secretariat.includes(a.role);
export const inScope = (a: Actor, memberCode: string): boolean => a.memberScopes.includes(memberCode);

/**
 * The named policies. Each answers one question about one actor and, where it matters, one resource.
 * Services call `authorize` before touching data; `permissions.test.ts` tests each for every role.
 */
export const policies = {
  'users.list': (a: Actor) => isSecretariat(a),
  'users.manage': (a: Actor) => isAdmin(a),
  'invitations.list': (a: Actor) => isAdmin(a) || a.role === 'member_coordinator',
  /** Administrators invite anyone; a coordinator invites officials of their own Members only. */
  'invitations.create': (a: Actor, r: { role: Role; memberScopes: readonly string[] }) =>
    isAdmin(a) ||
    (a.role === 'member_coordinator' &&
      r.role === 'official' &&
      r.memberScopes.length > 0 &&
      r.memberScopes.every((m) => inScope(a, m))),
  'invitations.revoke': (a: Actor, r: { invitedBy: string | null; memberScopes: readonly string[] }) =>
    isAdmin(a) ||
    (a.role === 'member_coordinator' && r.memberScopes.length > 0 && r.memberScopes.every((m) => inScope(a, m))),
  'members.accounts': (a: Actor, r: { memberCode: string }) =>
    isSecretariat(a) || (a.role === 'member_coordinator' && inScope(a, r.memberCode)),
  'audit.read': (a: Actor) => isAdmin(a),
  'outbox.read': (a: Actor) => isAdmin(a),
  'reference.update': (a: Actor) => isAdmin(a),
  'directory.edit': (a: Actor, r: { memberCode: string }) => isSecretariat(a) || (a.role === 'member_coordinator' && inScope(a, r.memberCode)),
  /** The list of records due for confirmation: the secretariat (all) and coordinators (their Members). */
  'directory.due': (a: Actor) => isSecretariat(a) || a.role === 'member_coordinator',
  'directory.coverage': (a: Actor) => isSecretariat(a) || a.role === 'member_coordinator',
} as const;

export type PolicyName = keyof typeof policies;
type PolicyResource<P extends PolicyName> = Parameters<(typeof policies)[P]>[1];

export function can<P extends PolicyName>(actor: Actor, policy: P, ...resource: PolicyResource<P> extends undefined ? [] : [PolicyResource<P>]): boolean {
  const fn = policies[policy] as (a: Actor, r?: unknown) => boolean;
  return fn(actor, resource[0]);
}

/** The signed-in actor, or 401; an account that still has to set up two-factor gets 403 until it does. */
export function requireActor(ctx: RequestContext, opts: { allowPendingTotp?: boolean } = {}): Actor {
  if (!ctx.actor) throw errors.unauthenticated();
  if (ctx.actor.mustEnrollTotp && !opts.allowPendingTotp) {
    throw new AppError(403, 'second_factor_enrollment_required', 'Set up two-factor authentication to continue.');
  }
  return ctx.actor;
}

/** Throws 401/403 unless the actor passes the policy. Returns the actor for convenience. */
export function authorize<P extends PolicyName>(ctx: RequestContext, policy: P, ...resource: PolicyResource<P> extends undefined ? [] : [PolicyResource<P>]): Actor {
  const actor = requireActor(ctx);
  if (!can(actor, policy, ...resource)) throw errors.forbidden();
  return actor;
}

/** Roles that read the `members` tier of contact details: officials of Member and Observer agencies, and the secretariat. */
const memberTierRoles: readonly Role[] = ['secretariat_admin', 'secretariat_staff', 'member_coordinator', 'official'];

/**
 * Whether a viewer (null: anonymous) may see a contact channel of a given tier. `private` channels are for the
 * person themselves (when their record is linked to their account) and the secretariat.
 */
export function canSeeChannel(viewer: Actor | null, visibility: string, personUserId: string | null): boolean {
  switch (visibility) {
    case 'public':
      return true;
    case 'members':
      return !!viewer && memberTierRoles.includes(viewer.role);
    case 'secretariat':
      return !!viewer && isSecretariat(viewer);
    case 'private':
      return !!viewer && (isSecretariat(viewer) || viewer.id === personUserId);
    default:
      return false;
  }
}

/** The directory's editing rule: the secretariat edits everything, a coordinator their own Members' records. */
export function canEditDirectory(actor: Actor | null, memberCode: string): boolean {
  return !!actor && !actor.mustEnrollTotp && policies['directory.edit'](actor, { memberCode });
}
