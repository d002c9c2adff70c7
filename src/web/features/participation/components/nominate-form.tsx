import { useRef, useState, type FormEvent } from 'react';
import type { MemberQuota } from '@/contracts/participation';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { rules, useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useCandidates, useNominate } from '../api';

const fields = ['memberCode', 'personId', 'userId', 'name', 'email', 'organisation'] as const;

/**
 * A coordinator nominates someone for one of their invited Members: a person from the directory, one of the
 * Member's hub accounts, or someone typed by name. The server checks the quota again.
 */
export function NominateForm({ eventId, quotas }: { eventId: string; quotas: readonly MemberQuota[] }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const nominate = useNominate(eventId);
  const open = quotas.filter((q) => q.canNominate);
  const [memberCode, setMemberCode] = useState(open.length === 1 ? (open[0]?.memberCode ?? '') : '');
  const [candidate, setCandidate] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const candidates = useCandidates(eventId, memberCode);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const invalid: FieldErrors = {};
    if (!memberCode) invalid.memberCode = t('participation.validation.member');
    if (!candidate && !name.trim()) invalid.name = t('participation.validation.name');
    if (!candidate && email.trim() && !rules.isEmail(email)) invalid.email = t('validation.emailInvalid');
    if (!check(invalid)) return;
    const [kind, id] = candidate.split(':');
    const body = candidate
      ? { memberCode, ...(kind === 'person' ? { personId: id } : { userId: id }) }
      : { memberCode, name: name.trim(), ...(email.trim() ? { email: email.trim() } : {}), ...(organisation.trim() ? { organisation: organisation.trim() } : {}) };
    nominate.mutate(body, {
      onSuccess: (p) => {
        setDone(t('participation.nominated', { name: p.name }));
        setCandidate('');
        setName('');
        setEmail('');
        setOrganisation('');
      },
      onError: (error) => fromError(error, fields),
    });
  }

  return (
    <form ref={form} className="form participation-form" onSubmit={onSubmit} noValidate aria-label={t('participation.nominate')}>
      {done ? <Alert kind="success" title={done} /> : null}
      <FormAlert message={errors.form} />
      <Select
        label={t('participation.member')}
        name="memberCode"
        value={memberCode}
        onChange={(e) => {
          setMemberCode(e.target.value);
          setCandidate('');
        }}
        options={[
          { value: '', label: t('participation.chooseMember') },
          ...open.map((q) => ({ value: q.memberCode, label: `${q.memberName} (${t('participation.quotaUsed', { used: q.used, quota: q.quota })})` })),
        ]}
        error={errors.fields.memberCode}
      />
      {memberCode ? (
        <Select
          label={t('participation.nominee')}
          description={t('participation.nomineeHint')}
          name="personId"
          value={candidate}
          onChange={(e) => setCandidate(e.target.value)}
          options={[
            { value: '', label: t('participation.nomineeOther') },
            ...(candidates.data?.items ?? [])
              .filter((c) => !c.nominated)
              .map((c) => ({
                value: `${c.kind}:${c.id}`,
                label: `${c.name} – ${c.kind === 'person' ? (c.organisation ?? t('participation.fromDirectory')) : t('participation.hubAccount')}`,
              })),
          ]}
          error={errors.fields.personId ?? errors.fields.userId}
        />
      ) : null}
      {!candidate ? (
        <>
          <TextField label={t('participation.name')} name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} />
          <TextField label={t('participation.nomineeEmail')} name="email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} />
          <TextField label={t('participation.organisation')} name="organisation" autoComplete="off" value={organisation} onChange={(e) => setOrganisation(e.target.value)} error={errors.fields.organisation} />
        </>
      ) : null}
      <div className="form__actions">
        <Button type="submit" pending={nominate.isPending}>
          {t('participation.nominateButton')}
        </Button>
      </div>
    </form>
  );
}
