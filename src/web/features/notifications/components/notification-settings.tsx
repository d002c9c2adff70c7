import { useEffect, useState, type FormEvent } from 'react';
import { deliveryModes, notificationKinds, type DeliveryMode, type NotificationKind } from '@/contracts/notifications';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { Section } from '@/web/components/page';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDateTime } from '@/web/lib/format';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useCalendarFeed, useCreateCalendarFeed, useNotificationPreferences, useRevokeCalendarFeed, useSaveNotificationPreferences } from '../api';
import type { notificationsEn } from '../messages';
import '@/web/styles/notifications.css';

/** Labels of the kinds; a kind added later without one is shown by its name. */
const kindKeys: Partial<Record<NotificationKind, keyof typeof notificationsEn>> = {
  event_invitation: 'notifications.kind.event_invitation',
  nomination_decision: 'notifications.kind.nomination_decision',
  registration_confirmed: 'notifications.kind.registration_confirmed',
  paper_published: 'notifications.kind.paper_published',
  action_due: 'notifications.kind.action_due',
  nomination_received: 'notifications.kind.nomination_received',
  mention: 'notifications.kind.mention',
  thread_activity: 'notifications.kind.thread_activity',
  practice_status: 'notifications.kind.practice_status',
  space_membership: 'notifications.kind.space_membership',
};

/** The account page's sections: how often each kind of notification arrives, and the private calendar feed. */
export function NotificationSettings() {
  return (
    <>
      <NotificationPreferencesSection />
      <CalendarFeedSection />
    </>
  );
}

function NotificationPreferencesSection() {
  const t = useT();
  const prefs = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const toMessages = useErrorMessages();
  const [draft, setDraft] = useState<Partial<Record<NotificationKind, DeliveryMode>>>({});

  useEffect(() => {
    if (prefs.data) setDraft(Object.fromEntries(prefs.data.preferences.map((p) => [p.kind, p.mode])));
  }, [prefs.data]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ preferences: notificationKinds.map((kind) => ({ kind, mode: draft[kind] ?? 'immediately' })) });
  }

  const kindLabel = (kind: NotificationKind) => {
    const key = kindKeys[kind];
    return key ? t(key) : kind.replace(/_/g, ' ');
  };
  const modeOptions = deliveryModes.map((m) => ({ value: m, label: t(`notifications.mode.${m}`) }));
  return (
    <Section title={t('notifications.title')}>
      <p>{t('notifications.lead')}</p>
      {prefs.isPending ? (
        <Loading />
      ) : prefs.isError ? (
        <QueryError error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <form className="form notification-settings" onSubmit={onSubmit} noValidate>
          <FormAlert message={save.isError ? toMessages(save.error, []).form : null} />
          {save.isSuccess ? <Alert kind="success" title={t('notifications.saved')} /> : null}
          {notificationKinds.map((kind) => (
            <Select
              key={kind}
              name={`notification-${kind}`}
              label={kindLabel(kind)}
              options={modeOptions}
              value={draft[kind] ?? 'immediately'}
              onChange={(e) => {
                save.reset();
                setDraft((d) => ({ ...d, [kind]: e.target.value as DeliveryMode }));
              }}
            />
          ))}
          <div className="form__actions">
            <Button type="submit" pending={save.isPending}>
              {t('notifications.save')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

function CalendarFeedSection() {
  const t = useT();
  const locale = useLocale();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const toMessages = useErrorMessages();
  const [confirm, setConfirm] = useState<'rotate' | 'revoke' | null>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const url = create.data?.url ?? null;

  function makeFeed() {
    setCopied(null);
    revoke.reset();
    create.mutate(undefined, { onSuccess: () => setConfirm(null) });
  }

  function copy() {
    if (!url) return;
    navigator.clipboard.writeText(url).then(
      () => setCopied('ok'),
      () => setCopied('failed'),
    );
  }

  return (
    <Section title={t('notifications.feed.title')}>
      <p>{t('notifications.feed.lead')}</p>
      {feed.isPending ? (
        <Loading />
      ) : feed.isError ? (
        <QueryError error={feed.error} onRetry={() => void feed.refetch()} />
      ) : (
        <div className="calendar-feed">
          <FormAlert message={create.isError && !confirm ? toMessages(create.error, []).form : null} />
          {revoke.isSuccess && !feed.data.active ? <Alert kind="success" title={t('notifications.feed.revoked')} /> : null}
          {url ? (
            <div className="calendar-feed__url">
              <TextField label={t('notifications.feed.url')} description={t('notifications.feed.urlHint')} value={url} readOnly onFocus={(e) => e.target.select()} />
              <div className="actions">
                <Button variant="secondary" onClick={copy}>
                  {t('notifications.feed.copy')}
                </Button>
              </div>
              {copied ? <p role="status" className={copied === 'ok' ? 'calendar-feed__copied' : 'muted'}>{copied === 'ok' ? t('notifications.feed.copied') : t('notifications.feed.copyFailed')}</p> : null}
            </div>
          ) : (
            <p>{feed.data.active && feed.data.createdAt ? t('notifications.feed.active', { date: formatDateTime(feed.data.createdAt, locale) }) : t('notifications.feed.none')}</p>
          )}
          <div className="actions">
            {feed.data.active ? (
              <>
                <Button variant="secondary" onClick={() => setConfirm('rotate')}>
                  {t('notifications.feed.rotate')}
                </Button>
                <Button variant="danger" onClick={() => setConfirm('revoke')}>
                  {t('notifications.feed.revoke')}
                </Button>
              </>
            ) : (
              <Button onClick={makeFeed} pending={create.isPending}>
                {t('notifications.feed.create')}
              </Button>
            )}
          </div>
          <p className="muted">
            {t('notifications.feed.public')} <a href="/api/calendar/public.ics">{t('notifications.feed.publicLink')}</a>
          </p>
        </div>
      )}
      <ConfirmDialog
        open={confirm === 'rotate'}
        title={t('notifications.feed.rotateTitle')}
        confirmLabel={t('notifications.feed.rotate')}
        onConfirm={makeFeed}
        onCancel={() => setConfirm(null)}
        pending={create.isPending}
        error={create.isError && confirm === 'rotate' ? toMessages(create.error, []).form : null}
      >
        <p>{t('notifications.feed.rotateBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'revoke'}
        title={t('notifications.feed.revokeTitle')}
        confirmLabel={t('notifications.feed.revoke')}
        danger
        onConfirm={() => {
          create.reset();
          setCopied(null);
          revoke.mutate(undefined, { onSuccess: () => setConfirm(null) });
        }}
        onCancel={() => setConfirm(null)}
        pending={revoke.isPending}
        error={revoke.isError ? toMessages(revoke.error, []).form : null}
      >
        <p>{t('notifications.feed.revokeBody')}</p>
      </ConfirmDialog>
    </Section>
  );
}
