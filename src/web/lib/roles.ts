import { roles, rolesRequiringTotp, scopedRoles, type Role } from '@/contracts/roles';

export const allRoles: readonly Role[] = roles;

/** Roles tied to one or more Members. */
export function isScopedRole(role: Role): boolean {
  return scopedRoles.includes(role);
}

export function roleRequiresTotp(role: Role): boolean {
  return rolesRequiringTotp.includes(role);
}

/** What each role may open in the web app; the server enforces the same rules on every call. */
export type Area =
  | 'users'
  | 'manageUsers'
  | 'invitations'
  | 'outbox'
  | 'audit'
  | 'directoryEdit'
  | 'directoryDue'
  | 'directoryCoverage'
  | 'eventsManage';

const access: Record<Area, readonly Role[]> = {
  users: ['secretariat_admin', 'secretariat_staff'],
  manageUsers: ['secretariat_admin'],
  invitations: ['secretariat_admin', 'member_coordinator'],
  outbox: ['secretariat_admin'],
  audit: ['secretariat_admin'],
  // The directory itself is open to everyone, visitors included; these are the curators' pages.
  // A coordinator edits and follows up the records of their own Members only (the server checks each record).
  directoryEdit: ['secretariat_admin', 'secretariat_staff', 'member_coordinator'],
  directoryDue: ['secretariat_admin', 'secretariat_staff', 'member_coordinator'],
  directoryCoverage: ['secretariat_admin', 'secretariat_staff', 'member_coordinator'],
  // Creating and editing events and their agendas is the secretariat's.
  eventsManage: ['secretariat_admin', 'secretariat_staff'],
};

export function can(role: Role, area: Area): boolean {
  return access[area].includes(role);
}

/** Roles a user of `role` may invite; coordinators only bring in officials of their own Members. */
export function invitableRoles(role: Role): readonly Role[] {
  if (role === 'secretariat_admin') return allRoles;
  if (role === 'member_coordinator') return ['official'];
  return [];
}
