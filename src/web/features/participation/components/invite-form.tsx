import { useRef, useState, type FormEvent } from 'react';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { checkEmail, useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useReference } from '@/web/lib/reference';
import { useAgencies, useCreateInvitation } from '../api';

const fields = ['memberCode', 'agencyId', 'quota', 'email'] as const;
type Kind = 'member' | 'agency' | 'user';

/** The secretariat invites a Member with a quota, one of its agencies, or a person with a hub account. */
export function InviteForm({ eventId }: { eventId: string }) {
  const t = useT();
  const reference = useReference();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const create = useCreateInvitation(eventId);
  const [kind, setKind] = useState<Kind>('member');
  const [memberCode, setMemberCode] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [quota, setQuota] = useState('2');
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const agencies = useAgencies(kind === 'agency' ? memberCode : '');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const invalid: FieldErrors = {};
    const n = Number(quota);
    if (kind !== 'user' && !memberCode) invalid.memberCode = t('participation.validation.member');
    if (kind === 'agency' && !agencyId) invalid.agencyId = t('participation.validation.agency');
    if (kind !== 'user' && !(Number.isInteger(n) && n >= 1 && n <= 500)) invalid.quota = t('participation.validation.quota');
    if (kind === 'user') Object.assign(invalid, checkEmail(t, email));
    if (!check(invalid)) return;
    const body = kind === 'member' ? { kind, memberCode, quota: n } : kind === 'agency' ? { kind, agencyId, quota: n } : { kind, email: email.trim() };
    create.mutate(body, {
      onSuccess: (inv) => {
        setDone(t('participation.invited', { name: inv.agency?.nameEn ?? inv.user?.displayName ?? inv.memberName ?? '' }));
        setEmail('');
        setAgencyId('');
      },
      onError: (error) => fromError(error, fields),
    });
  }

  const members = reference.data?.members ?? [];
  return (
    <form ref={form} className="form participation-form" onSubmit={onSubmit} noValidate aria-label={t('participation.invite')}>
      {done ? <Alert kind="success" title={done} /> : null}
      <FormAlert message={errors.form} />
      <Select
        label={t('participation.inviteKind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as Kind)}
        options={[
          { value: 'member', label: t('participation.inviteMember') },
          { value: 'agency', label: t('participation.inviteAgency') },
          { value: 'user', label: t('participation.inviteUser') },
        ]}
      />
      {kind !== 'user' ? (
        <Select
          label={t('participation.member')}
          name="memberCode"
          value={memberCode}
          onChange={(e) => {
            setMemberCode(e.target.value);
            setAgencyId('');
          }}
          options={[{ value: '', label: t('participation.chooseMember') }, ...members.map((m) => ({ value: m.code, label: m.name }))]}
          error={errors.fields.memberCode}
        />
      ) : null}
      {kind === 'agency' ? (
        <Select
          label={t('participation.agency')}
          name="agencyId"
          value={agencyId}
          onChange={(e) => setAgencyId(e.target.value)}
          options={[{ value: '', label: t('participation.chooseAgency') }, ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.nameEn }))]}
          error={errors.fields.agencyId}
        />
      ) : null}
      {kind !== 'user' ? (
        <TextField
          label={t('participation.quota')}
          description={kind === 'member' ? t('participation.quotaHint') : undefined}
          name="quota"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          value={quota}
          onChange={(e) => setQuota(e.target.value)}
          error={errors.fields.quota}
        />
      ) : (
        <TextField label={t('participation.email')} name="email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} />
      )}
      <div className="form__actions">
        <Button type="submit" pending={create.isPending}>
          {t('participation.sendInvitation')}
        </Button>
      </div>
    </form>
  );
}
