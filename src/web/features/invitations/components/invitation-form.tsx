import { useRef, useState, type FormEvent } from 'react';
import type { CurrentUser } from '@/contracts/auth';
import type { Role } from '@/contracts/roles';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { MemberScopePicker } from '@/web/components/member-scope-picker';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { rules, useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useReference } from '@/web/lib/reference';
import { can, invitableRoles, isScopedRole } from '@/web/lib/roles';
import { useCreateInvitation } from '../api';

const fields = ['email', 'role', 'memberScopes'] as const;

export function InvitationForm({ me }: { me: CurrentUser }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const create = useCreateInvitation();
  const reference = useReference();
  const roles = invitableRoles(me.role);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles.includes('official') ? 'official' : (roles[0] ?? 'official'));
  const [scopes, setScopes] = useState<string[]>([]);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const scoped = isScopedRole(role);

  // Coordinators may only invite for the Members they coordinate.
  const members =
    me.role === 'member_coordinator'
      ? (reference.data?.members ?? []).filter((m) => me.memberScopes.includes(m.code))
      : (reference.data?.members ?? []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    const invalid: FieldErrors = {};
    if (!email.trim()) invalid.email = t('validation.emailRequired');
    else if (!rules.isEmail(email)) invalid.email = t('validation.emailInvalid');
    if (scoped && scopes.length === 0) invalid.memberScopes = t('validation.scopesRequired');
    if (!check(invalid)) return;
    const body = { email: email.trim(), role, memberScopes: scoped ? scopes : [] };
    create.mutate(body, {
      onSuccess: (invitation) => {
        setSentTo(invitation.email);
        setEmail('');
        setScopes([]);
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
      <Select
        label={t('field.role')}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        error={errors.fields.role}
      />
      {scoped ? (
        reference.isPending ? (
          <Loading />
        ) : reference.isError ? (
          <QueryError error={reference.error} onRetry={() => void reference.refetch()} />
        ) : (
          <MemberScopePicker members={members} value={scopes} onChange={setScopes} error={errors.fields.memberScopes} />
        )
      ) : null}
      <Button type="submit" pending={create.isPending}>
        {t('invitations.submit')}
      </Button>
    </form>
  );
}
