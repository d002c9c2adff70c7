import { useState, type FormEvent } from 'react';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { Section } from '@/web/components/page';
import { SearchPicker } from '@/web/components/search-picker';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { useErrorMessages, type FormErrors } from '@/web/lib/form-errors';
import { addMember, dialoguesKeys, findCandidates, removeMember, useDialoguesMutation, useMembers, type MemberCandidate, type Space, type SpaceMember } from '../api';

/**
 * A space's member list, for its moderators and the secretariat; the secretariat adds people (a search picker by
 * name or email, not a typed id) and removes them after confirming.
 */
export function MembersSection({ space }: { space: Space }) {
  const t = useT();
  const members = useMembers(space.id, space.canModerate);
  const [removing, setRemoving] = useState<SpaceMember | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useDialoguesMutation((userId: string) => removeMember(space.id, userId));
  const toMessages = useErrorMessages();
  if (!space.canModerate) return null;
  const items = members.data?.items ?? [];
  return (
    <Section title={t('dialogues.members.title')}>
      <p>{space.access === 'invited' ? t('dialogues.members.leadInvited') : t('dialogues.members.leadOpen')}</p>
      {notice ? <Alert kind="success" title={notice} /> : null}
      {members.isPending ? <Loading /> : null}
      {members.isError ? <QueryError error={members.error} onRetry={() => void members.refetch()} /> : null}
      {members.isSuccess && items.length === 0 ? <p className="empty">{t('dialogues.members.none')}</p> : null}
      <ul className="dialogues-list" aria-label={t('dialogues.members.title')}>
        {items.map((m) => (
          <li key={m.userId} className="dialogues-card">
            <strong>{m.displayName}</strong> · {t(`dialogues.members.role.${m.role}`)}
            <br />
            <span className="dialogues-meta">{m.email}</span>
            {space.canManage ? (
              <div className="dialogues-actions">
                <Button variant="secondary" aria-label={t('dialogues.members.removeNamed', { name: m.displayName })} onClick={() => { remove.reset(); setRemoving(m); }}>
                  {t('dialogues.members.remove')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {space.canManage ? <AddMemberForm spaceId={space.id} onAdded={(name) => setNotice(t('dialogues.members.added', { name }))} /> : null}
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('dialogues.members.removeTitle', { name: removing.displayName }) : ''}
        confirmLabel={t('dialogues.members.remove')}
        danger
        pending={remove.isPending}
        error={remove.isError ? toMessages(remove.error, []).form : null}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          const name = removing.displayName;
          remove.mutate(removing.userId, {
            onSuccess: () => {
              setRemoving(null);
              setNotice(t('dialogues.members.removed', { name }));
            },
          });
        }}
      >
        <p>{removing ? t(space.access === 'invited' ? 'dialogues.members.removeBody' : 'dialogues.members.removeBodyOpen', { name: removing.displayName }) : null}</p>
      </ConfirmDialog>
    </Section>
  );
}

function AddMemberForm({ spaceId, onAdded }: { spaceId: string; onAdded: (name: string) => void }) {
  const t = useT();
  const toMessages = useErrorMessages();
  const [person, setPerson] = useState<MemberCandidate | null>(null);
  const [role, setRole] = useState<SpaceMember['role']>('member');
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const add = useDialoguesMutation((input: { email: string; role: SpaceMember['role'] }) => addMember(spaceId, input));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!person) {
      setErrors({ fields: { person: t('dialogues.members.choose') }, form: null });
      return;
    }
    const name = person.displayName;
    add.mutate({ email: person.email, role }, {
      onSuccess: () => {
        setErrors({ fields: {}, form: null });
        setPerson(null);
        onAdded(name);
      },
      onError: (err) => {
        const m = toMessages(err, ['email', 'role']);
        setErrors({ fields: { person: m.fields.email ?? '', role: m.fields.role ?? '' }, form: m.form });
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate className="dialogues-form" aria-label={t('dialogues.members.add')}>
      <h3>{t('dialogues.members.add')}</h3>
      <FormAlert message={errors.form} />
      <SearchPicker<MemberCandidate>
        label={t('dialogues.members.person')}
        description={t('dialogues.members.personHint')}
        error={errors.fields.person || undefined}
        required
        queryKey={dialoguesKeys.candidates(spaceId)}
        search={(q) => findCandidates(spaceId, q)}
        optionId={(c) => c.userId}
        optionLabel={(c) => c.displayName}
        optionDisabled={(c) => c.role !== null}
        renderOption={(c) => (
          <>
            {c.displayName} <span className="dialogues-meta">{c.email}</span>
            {c.role ? <> ({t('dialogues.members.already', { role: t(`dialogues.members.role.${c.role}`) })})</> : null}
          </>
        )}
        value={person}
        onChange={setPerson}
      />
      <Select
        label={t('dialogues.members.role')}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value as SpaceMember['role'])}
        error={errors.fields.role || undefined}
        options={[
          { value: 'member', label: t('dialogues.members.role.member') },
          { value: 'moderator', label: t('dialogues.members.role.moderator') },
        ]}
      />
      <div>
        <Button type="submit" pending={add.isPending}>
          {t('dialogues.members.addButton')}
        </Button>
      </div>
    </form>
  );
}
