/**
 * Roles, as plain constants: no zod here, so the web app can import them without pulling zod into its
 * bundle. The zod schema is `roleSchema` in ./common.
 */
export const roles = [
  'secretariat_admin',
  'secretariat_staff',
  'member_coordinator',
  'official',
  'researcher',
] as const;
export type Role = (typeof roles)[number];

/** Roles whose accounts must have two-factor authentication before they can use the hub. */
export const rolesRequiringTotp: readonly Role[] = ['secretariat_admin'];

/** Roles whose accounts are tied to one or more Members (ISO alpha-3 or organisation codes). */
export const scopedRoles: readonly Role[] = ['member_coordinator', 'official'];
