import type { Role } from '@/contracts/roles';
import { useT, type Translate } from '@/web/i18n/use-t';
import type { FieldErrors } from '@/web/lib/form-errors';
import { useReference } from '@/web/lib/reference';
import { isScopedRole } from '@/web/lib/roles';
import { MemberScopePicker } from './member-scope-picker';
import { Select } from './select';
import { Loading, QueryError } from './status';

/** A role, and the Members it acts for when the role is tied to Members. */
export interface RoleScopes {
  role: Role;
  memberScopes: string[];
}

interface RoleScopeFieldsProps {
  /** The roles on offer. */
  roles: readonly Role[];
  value: RoleScopes;
  onChange: (value: RoleScopes) => void;
  /** Errors for the `role` and `memberScopes` fields. */
  errors: FieldErrors;
  /** Offer only the Members with these codes; all Members when absent. */
  limitTo?: readonly string[] | undefined;
}

/** The role select, then the Member picker for roles tied to Members. */
export function RoleScopeFields({ roles, value, onChange, errors, limitTo }: RoleScopeFieldsProps) {
  const t = useT();
  const reference = useReference();
  return (
    <>
      <Select
        label={t('field.role')}
        name="role"
        value={value.role}
        onChange={(e) => onChange({ ...value, role: e.target.value as Role })}
        options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        error={errors.role}
      />
      {isScopedRole(value.role) ? (
        reference.isPending ? (
          <Loading />
        ) : reference.isError ? (
          <QueryError error={reference.error} onRetry={() => void reference.refetch()} />
        ) : (
          <MemberScopePicker
            members={limitTo ? reference.data.members.filter((m) => limitTo.includes(m.code)) : reference.data.members}
            value={value.memberScopes}
            onChange={(memberScopes) => onChange({ ...value, memberScopes })}
            error={errors.memberScopes}
          />
        )
      ) : null}
    </>
  );
}

/** A role tied to Members needs at least one. */
export function checkRoleScopes(t: Translate, { role, memberScopes }: RoleScopes): FieldErrors {
  return isScopedRole(role) && memberScopes.length === 0 ? { memberScopes: t('validation.scopesRequired') } : {};
}

/** The Member scopes to save: roles without Members keep none, so a later role change cannot revive stale ones. */
export function scopesToSave({ role, memberScopes }: RoleScopes): string[] {
  return isScopedRole(role) ? memberScopes : [];
}
