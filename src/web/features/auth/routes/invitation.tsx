import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Page } from '@/web/components/page';
import { Loading } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useLocale, useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { formatDateTime } from '@/web/lib/format';
import { rules, useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useAcceptInvitation, useInvitation } from '../api';

const fields = ['displayName', 'password', 'confirm'] as const;

export function InvitationRoute() {
  const t = useT();
  const locale = useLocale();
  const token = useParams().token ?? '';
  const navigate = useNavigate();
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation(token);
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FieldErrors = {};
    if (!displayName.trim()) invalid.displayName = t('validation.nameRequired');
    if (password.length < rules.minPassword) invalid.password = t('validation.passwordLength', { min: rules.minPassword });
    else if (password.length > rules.maxPassword) invalid.password = t('validation.passwordTooLong', { max: rules.maxPassword });
    if (confirm !== password) invalid.confirm = t('validation.passwordsDiffer');
    if (!check(invalid)) return;
    accept.mutate(
      { displayName: displayName.trim(), password },
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
            <dd>{preview.memberScopes.join(', ')}</dd>
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
        <TextField
          label={t('field.password')}
          description={t('field.passwordRule', { min: rules.minPassword })}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
        />
        <TextField
          label={t('field.confirmPassword')}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={errors.fields.confirm}
        />
        <Button type="submit" pending={accept.isPending}>
          {t('invitation.submit')}
        </Button>
      </form>
    </Page>
  );
}
