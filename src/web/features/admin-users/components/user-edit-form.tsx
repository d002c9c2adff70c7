import { useRef, useState, type FormEvent } from 'react';
import type { Role } from '@/contracts/roles';
import type { User } from '@/contracts/users';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { MemberScopePicker } from '@/web/components/member-scope-picker';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useReference } from '@/web/lib/reference';
import { allRoles, isScopedRole } from '@/web/lib/roles';
import { useUpdateUser, type UserUpdate } from '../api';

const fields = ['displayName', 'role', 'memberScopes'] as const;

export function UserEditForm({ user }: { user: User }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const update = useUpdateUser();
  const reference = useReference();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [scopes, setScopes] = useState<string[]>(user.memberScopes);
  const scoped = isScopedRole(role);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.reset();
    const invalid: FieldErrors = {};
    if (!displayName.trim()) invalid.displayName = t('validation.nameRequired');
    if (scoped && scopes.length === 0) invalid.memberScopes = t('validation.scopesRequired');
    if (!check(invalid)) return;
    const body: UserUpdate = {};
    if (displayName.trim() !== user.displayName) body.displayName = displayName.trim();
    if (role !== user.role) body.role = role;
    // Roles without Members keep none, so a later role change cannot revive stale scopes.
    const nextScopes = scoped ? scopes : [];
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
      <Select
        label={t('field.role')}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        options={allRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        error={errors.fields.role}
      />
      {scoped ? (
        reference.isPending ? (
          <Loading />
        ) : reference.isError ? (
          <QueryError error={reference.error} onRetry={() => void reference.refetch()} />
        ) : (
          <MemberScopePicker
            members={reference.data.members}
            value={scopes}
            onChange={setScopes}
            error={errors.fields.memberScopes}
          />
        )
      ) : null}
      <Button type="submit" pending={update.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}
