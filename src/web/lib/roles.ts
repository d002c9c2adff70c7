import type { Role } from '@/contracts/roles';

// Mirrors src/contracts/roles.ts. Importing its values would bring zod into the sign-in bundle;
// the Record below makes adding a role there a type error here until it is listed.
const roleFlags: Record<Role, { requiresTotp: boolean; scoped: boolean }> = {
  secretariat_admin: { requiresTotp: true, scoped: false },
  secretariat_staff: { requiresTotp: false, scoped: false },
  member_coordinator: { requiresTotp: false, scoped: true },
  official: { requiresTotp: false, scoped: true },
  researcher: { requiresTotp: false, scoped: false },
};

export const allRoles = Object.keys(roleFlags) as Role[];

/** Roles tied to one or more Members. */
export function isScopedRole(role: Role): boolean {
  return roleFlags[role].scoped;
}

export function roleRequiresTotp(role: Role): boolean {
  return roleFlags[role].requiresTotp;
}

/** What each role may open in the web app; the server enforces the same rules on every call. */
export type Area = 'users' | 'manageUsers' | 'invitations' | 'outbox' | 'audit';

const access: Record<Area, readonly Role[]> = {
  users: ['secretariat_admin', 'secretariat_staff'],
  manageUsers: ['secretariat_admin'],
  invitations: ['secretariat_admin', 'member_coordinator'],
  outbox: ['secretariat_admin'],
  audit: ['secretariat_admin'],
};

export function can(role: Role, area: Area): boolean {
  return access[area].includes(role);
}

/** Roles a user of `role` may invite; coordinators only bring in officials of their own Members. */
export function invitableRoles(role: Role): Role[] {
  if (role === 'secretariat_admin') return allRoles;
  if (role === 'member_coordinator') return ['official'];
  return [];
}
