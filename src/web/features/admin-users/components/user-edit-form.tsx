import { useRef, useState, type FormEvent } from 'react';
import type { User } from '@/contracts/users';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { checkRoleScopes, RoleScopeFields, scopesToSave, type RoleScopes } from '@/web/components/role-scope-fields';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { allRoles } from '@/web/lib/roles';
import { useUpdateUser, type UserUpdate } from '../api';

const fields = ['displayName', 'role', 'memberScopes'] as const;

export function UserEditForm({ user }: { user: User }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const update = useUpdateUser();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [access, setAccess] = useState<RoleScopes>({ role: user.role, memberScopes: user.memberScopes });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.reset();
    const invalid: FieldErrors = {};
    if (!displayName.trim()) invalid.displayName = t('validation.nameRequired');
    Object.assign(invalid, checkRoleScopes(t, access));
    if (!check(invalid)) return;
    const body: UserUpdate = {};
    if (displayName.trim() !== user.displayName) body.displayName = displayName.trim();
    if (access.role !== user.role) body.role = access.role;
    const nextScopes = scopesToSave(access);
    if (nextScopes.join() !== [...user.memberScopes].sort().join()) body.memberScopes = nextScopes;
    if (Object.keys(body).length === 0) {
      check({ displayName: t('validation.nothingChanged') });
      return;
    }
    update.mutate({ id: user.id, body }, { onError: (error) => fromError(error, fields) });
  }

  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={errors.form} />
      {update.isSuccess ? <Alert kind="success" title={t('users.saved')} /> : null}
      <TextField
        label={t('field.name')}
        name="displayName"
        required
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={errors.fields.displayName}
      />
      <RoleScopeFields roles={allRoles} value={access} onChange={setAccess} errors={errors.fields} />
      <Button type="submit" pending={update.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}
