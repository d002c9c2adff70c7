import { useRef, useState, type FormEvent } from 'react';
import type { CurrentUser } from '@/contracts/auth';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Section } from '@/web/components/page';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useFormErrors } from '@/web/lib/form-errors';
import { useUpdateProfile } from '../api';

export function ProfileSection({ user }: { user: CurrentUser }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(user.displayName);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.reset();
    if (!check(displayName.trim() ? {} : { displayName: t('validation.nameRequired') })) return;
    update.mutate({ displayName: displayName.trim() }, { onError: (error) => fromError(error, ['displayName']) });
  }

  return (
    <Section title={t('account.profile')}>
      <dl className="details">
        <div>
          <dt>{t('field.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t('field.role')}</dt>
          <dd>{t(`role.${user.role}`)}</dd>
        </div>
        <div>
          <dt>{t('account.languageLabel')}</dt>
          {/* One language control for the whole app, in the header; it also saves to the profile. */}
          <dd>
            {t(`locale.${user.locale}`)} <span className="muted">{t('account.languageHint')}</span>
          </dd>
        </div>
      </dl>
      <form ref={form} className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={errors.form} />
        {update.isSuccess ? <Alert kind="success" title={t('account.profileSaved')} /> : null}
        <TextField
          label={t('field.yourName')}
          name="displayName"
          autoComplete="name"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errors.fields.displayName}
        />
        <Button type="submit" pending={update.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </Section>
  );
}
