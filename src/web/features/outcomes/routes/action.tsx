import '@/web/styles/outcomes.css';
import { Link, useParams } from 'react-router';
import { Page, Section } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDate, formatDateTime } from '@/web/lib/format';
import { useReference } from '@/web/lib/reference';
import { useAction, usePriorities, type ActionDetail } from '../api';
import { DueDate, ownerLabel, Progress, StatusBadge } from '../components/action-bits';
import { EditActionForm } from '../components/record-action-form';
import { UpdateForm } from '../components/update-form';

/** One action: its details, the timeline of updates with evidence, and the update form for its owners. */
export function ActionRoute() {
  const t = useT();
  const { id = '' } = useParams();
  const action = useAction(id);
  if (action.isPending) return <Loading />;
  if (action.isError) {
    return (
      <Page title={t('outcomes.action.title')}>
        <QueryError error={action.error} onRetry={() => void action.refetch()} />
      </Page>
    );
  }
  return <ActionPage action={action.data} />;
}

function ActionPage({ action }: { action: ActionDetail }) {
  const t = useT();
  const locale = useLocale();
  const reference = useReference();
  const priorities = usePriorities();
  const themeName = new Map((reference.data?.themes ?? []).map((x) => [x.code, x.name]));
  const priorityName = new Map((priorities.data?.items ?? []).map((x) => [x.code, x.name]));
  const title = action.text.length > 80 ? `${action.text.slice(0, 77)}…` : action.text;
  return (
    <Page title={title}>
      <p>
        <Link to="/outcomes">{t('outcomes.backToTracker')}</Link>
      </p>
      <p className="outcome-text">{action.text}</p>
      <dl className="outcome-details">
        <dt>{t('outcomes.field.event')}</dt>
        <dd>
          <Link to={`/events/${encodeURIComponent(action.event.id)}`}>{action.event.title}</Link> ({formatDate(`${action.event.startDate}T12:00:00Z`, locale)})
        </dd>
        <dt>{t('outcomes.field.owner')}</dt>
        <dd>{ownerLabel(action)}</dd>
        <dt>{t('outcomes.field.due')}</dt>
        <dd>
          <DueDate action={action} />
        </dd>
        <dt>{t('outcomes.field.status')}</dt>
        <dd>
          <StatusBadge status={action.status} />
        </dd>
        <dt>{t('outcomes.field.progress')}</dt>
        <dd>
          <Progress value={action.progress} />
        </dd>
        <dt>{t('outcomes.field.themes')}</dt>
        <dd>{action.themes.length ? action.themes.map((c) => themeName.get(c) ?? c).join('; ') : t('outcomes.none')}</dd>
        <dt>{t('outcomes.field.priorities')}</dt>
        <dd>{action.priorities.length ? action.priorities.map((c) => priorityName.get(c) ?? c).join('; ') : t('outcomes.none')}</dd>
        {action.createdBy ? (
          <>
            <dt>{t('outcomes.field.recordedBy')}</dt>
            <dd>
              {action.createdBy.displayName}, {formatDateTime(action.createdAt, locale)}
            </dd>
          </>
        ) : null}
      </dl>
      <Section title={t('outcomes.updates')}>
        {action.updates.length === 0 ? (
          <p className="empty">{t('outcomes.noUpdates')}</p>
        ) : (
          <ol className="outcome-timeline">
            {action.updates.map((u) => (
              <li key={u.id}>
                <p>
                  <strong>{t('outcomes.update.meta', { date: formatDate(`${u.dated}T12:00:00Z`, locale), name: u.author?.displayName ?? '—' })}</strong>
                </p>
                <p className="outcome-text">{u.text}</p>
                {u.statusFrom && u.statusTo ? <p>{t('outcomes.update.statusChange', { from: t(`outcomes.status.${u.statusFrom}`), to: t(`outcomes.status.${u.statusTo}`) })}</p> : null}
                {u.progress !== null ? <p>{t('outcomes.update.progress', { n: u.progress })}</p> : null}
                {u.evidenceUrl || u.evidenceNote ? (
                  <p>
                    {t('outcomes.update.evidence')}:{' '}
                    {u.evidenceUrl ? (
                      <a href={u.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
                        {u.evidenceNote || u.evidenceUrl}
                        <span className="visually-hidden"> ({t('outcomes.update.evidenceLink')})</span>
                      </a>
                    ) : (
                      u.evidenceNote
                    )}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section title={t('outcomes.updateForm')}>{action.canUpdate ? <UpdateForm action={action} /> : <p>{t('outcomes.readOnly')}</p>}</Section>
      {action.canEdit ? (
        <details className="details">
          <summary>{t('outcomes.edit')}</summary>
          {/* Re-read after each posted update, so an edit never writes back an older status or progress. */}
          <EditActionForm key={action.updates.length} action={action} />
        </details>
      ) : null}
    </Page>
  );
}
