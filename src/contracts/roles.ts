import { z } from 'zod';

export const roles = [
  'secretariat_admin',
  'secretariat_staff',
  'member_coordinator',
  'official',
  'researcher',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Roles whose accounts must have two-factor authentication before they can use the hub. */
export const rolesRequiringTotp: readonly Role[] = ['secretariat_admin'];

/** Roles whose accounts are tied to one or more Members (ISO alpha-3 or organisation codes). */
export const scopedRoles: readonly Role[] = ['member_coordinator', 'official'];
