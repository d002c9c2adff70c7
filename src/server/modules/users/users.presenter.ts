import type { CurrentUser } from '@/contracts/auth';
import type { Locale } from '@/contracts/common';
import { rolesRequiringTotp, type Role } from '@/contracts/roles';
import type { User } from '@/contracts/users';
import type { UserRow } from './users.repository';

export function mustEnrollTotp(row: Pick<UserRow, 'role' | 'totp_enabled'>): boolean {
  return rolesRequiringTotp.includes(row.role as Role) && row.totp_enabled !== 1;
}

export function presentCurrentUser(row: UserRow, memberScopes: string[]): CurrentUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    memberScopes,
    locale: row.locale as Locale,
    totpEnabled: row.totp_enabled === 1,
    mustEnrollTotp: mustEnrollTotp(row),
  };
}

export function presentUser(row: UserRow, memberScopes: string[]): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    memberScopes,
    status: row.status as User['status'],
    locale: row.locale as Locale,
    totpEnabled: row.totp_enabled === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

/** The fields of an account that the audit trail records (secrets are never among them). */
export function auditedUser(row: UserRow, memberScopes?: string[]): Record<string, unknown> {
  return {
    email: row.email,
    display_name: row.display_name,
    role: row.role,
    status: row.status,
    totp_enabled: row.totp_enabled === 1,
    ...(memberScopes ? { member_scopes: memberScopes } : {}),
  };
}
