import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { NewPasswordFields } from '@/web/components/new-password-fields';
import { Page } from '@/web/components/page';
import { Loading } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useLocale, useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { formatDateTime } from '@/web/lib/format';
import { checkNewPassword, emptyNewPassword, useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { memberNames, useReference } from '@/web/lib/reference';
import { useAcceptInvitation, useInvitation } from '../api';

const fields = ['displayName', 'password', 'confirm'] as const;

export function InvitationRoute() {
  const t = useT();
  const locale = useLocale();
  const token = useParams().token ?? '';
  const navigate = useNavigate();
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation(token);
  // Public, like the invitation: fetched alongside it to name the Members the account will serve.
  const reference = useReference();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const [displayName, setDisplayName] = useState('');
  const [newPassword, setNewPassword] = useState(emptyNewPassword);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FieldErrors = {};
    if (!displayName.trim()) invalid.displayName = t('validation.nameRequired');
    Object.assign(invalid, checkNewPassword(t, newPassword, 'password'));
    if (!check(invalid)) return;
    accept.mutate(
      { displayName: displayName.trim(), password: newPassword.password },
      {
        onSuccess: (session) => {
          const next = session.user?.mustEnrollTotp ? '/account/two-factor/setup' : '/';
          void navigate(next, { replace: true });
        },
        onError: (error) => fromError(error, fields),
      },
    );
  }

  // The heading waits for the invitation, so the page appears whole: who is invited, and as what.
  if (invitation.isPending) return <Loading />;

  if (invitation.isError) {
    const gone = invitation.error instanceof ApiError && invitation.error.status < 500;
    return (
      <Page title={t('invitation.title')}>
        <Alert kind="error" title={gone ? t('invitation.invalid') : t('error.loadFailed')}>
          {gone ? <p>{t('invitation.invalidDetail')}</p> : null}
        </Alert>
        <p className="after-form">
          <Link to="/sign-in">{t('common.backToSignIn')}</Link>
        </p>
      </Page>
    );
  }

  const preview = invitation.data;
  // Wait for the Member names too; without reference data the codes stand in for them.
  if (preview.memberScopes.length > 0 && reference.isPending) return <Loading />;
  return (
    <Page title={t('invitation.title')} lead={t('invitation.lead')}>
      <dl className="details">
        <div>
          <dt>{t('field.email')}</dt>
          <dd>{preview.email}</dd>
        </div>
        <div>
          <dt>{t('field.role')}</dt>
          <dd>{t(`role.${preview.role}`)}</dd>
        </div>
        {preview.memberScopes.length > 0 ? (
          <div>
            <dt>{t('scopes.label')}</dt>
            <dd>{preview.memberScopes.map(memberNames(reference.data)).join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('invitation.expires')}</dt>
          <dd>{formatDateTime(preview.expiresAt, locale)}</dd>
        </div>
      </dl>
      {preview.requiresTotp ? <Alert kind="info" title={t('invitation.totpNotice')} /> : null}
      <form ref={form} className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={errors.form} />
        <TextField
          label={t('field.yourName')}
          name="displayName"
          autoComplete="name"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errors.fields.displayName}
        />
        <NewPasswordFields
          label={t('field.password')}
          name="password"
          value={newPassword}
          onChange={setNewPassword}
          errors={errors.fields}
        />
        <Button type="submit" pending={accept.isPending}>
          {t('invitation.submit')}
        </Button>
      </form>
    </Page>
  );
}
