import { useRef, useState, type FormEvent } from 'react';
import type { CurrentUser } from '@/contracts/auth';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { checkRoleScopes, RoleScopeFields, scopesToSave, type RoleScopes } from '@/web/components/role-scope-fields';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { checkEmail, useFormErrors } from '@/web/lib/form-errors';
import { can, invitableRoles } from '@/web/lib/roles';
import { useCreateInvitation } from '../api';

const fields = ['email', 'role', 'memberScopes'] as const;

export function InvitationForm({ me }: { me: CurrentUser }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const create = useCreateInvitation();
  const roles = invitableRoles(me.role);
  const [email, setEmail] = useState('');
  const [access, setAccess] = useState<RoleScopes>({
    role: roles.includes('official') ? 'official' : (roles[0] ?? 'official'),
    memberScopes: [],
  });
  const [sentTo, setSentTo] = useState<string | null>(null);
  // Coordinators may only invite for the Members they coordinate.
  const ownMembers = me.role === 'member_coordinator' ? me.memberScopes : undefined;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    if (!check({ ...checkEmail(t, email), ...checkRoleScopes(t, access) })) return;
    const body = { email: email.trim(), role: access.role, memberScopes: scopesToSave(access) };
    create.mutate(body, {
      onSuccess: (invitation) => {
        setSentTo(invitation.email);
        setEmail('');
        setAccess((current) => ({ ...current, memberScopes: [] }));
      },
      onError: (error) => fromError(error, fields),
    });
  }

  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={errors.form} />
      {sentTo ? (
        // No link to the outbox here: the navigation has one, and a second would only repeat it.
        <Alert kind="success" title={t('invitations.sent', { email: sentTo })}>
          {can(me.role, 'outbox') ? <p>{t('invitations.outboxHint')}</p> : null}
        </Alert>
      ) : null}
      <TextField
        label={t('field.email')}
        name="email"
        type="email"
        autoComplete="off"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.fields.email}
      />
      <RoleScopeFields roles={roles} value={access} onChange={setAccess} errors={errors.fields} limitTo={ownMembers} />
      <Button type="submit" pending={create.isPending}>
        {t('invitations.submit')}
      </Button>
    </form>
  );
}
