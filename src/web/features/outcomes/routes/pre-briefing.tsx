import '@/web/styles/outcomes.css';
import { Link, useParams } from 'react-router';
import type { Locale } from '@/contracts/common';
import { DataTable, type Column } from '@/web/components/data-table';
import { Page, Section } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { Alert } from '@/web/components/alert';
import { intlLocale, useLocale, useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { formatDate } from '@/web/lib/format';
import { usePreBriefing, type PreBriefing } from '../api';
import { ActionsTable } from '../components/action-bits';

type Participant = PreBriefing['participants'][number];

/** A session's times in the event's own zone (the agenda is set there). */
function sessionTime(startsAt: string, endsAt: string, zone: string, locale: string): string {
  const fmt = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const end = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  return `${fmt.format(new Date(startsAt))}–${end.format(new Date(endsAt))}`;
}

/** A file size as people read it (kB, MB), said before the download starts. */
function fileSize(bytes: number, locale: Locale): string {
  const fmt = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${fmt.format(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${fmt.format(bytes / (1024 * 1024))} MB`;
}

/** The participant's pre-briefing: the event, agenda, who is coming, and open actions from earlier meetings. */
export function PreBriefingRoute() {
  const t = useT();
  const { id = '' } = useParams();
  const brief = usePreBriefing(id);
  if (brief.isPending) return <Loading />;
  if (brief.isError) {
    const forbidden = brief.error instanceof ApiError && brief.error.status === 403;
    return (
      <Page title={t('outcomes.pb.title', { title: '' }).replace(/:\s*$/, '')}>
        {forbidden ? <Alert kind="info" title={t('outcomes.pb.forbidden')} /> : <QueryError error={brief.error} onRetry={() => void brief.refetch()} />}
        <p>
          <Link to={`/events/${encodeURIComponent(id)}`}>{t('outcomes.pb.backToEvent')}</Link>
        </p>
      </Page>
    );
  }
  return <PreBriefingPage brief={brief.data} />;
}

function PreBriefingPage({ brief }: { brief: PreBriefing }) {
  const t = useT();
  const locale = useLocale();
  const e = brief.event;
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, locale);
  const columns: Column<Participant>[] = [
    { key: 'name', header: t('outcomes.pb.name'), cell: (p) => p.name },
    { key: 'organisation', header: t('outcomes.pb.organisation'), cell: (p) => p.organisation ?? '—' },
    { key: 'member', header: t('outcomes.pb.member'), cell: (p) => p.memberName ?? p.memberCode ?? '—' },
  ];
  return (
    <Page title={t('outcomes.pb.title', { title: e.title })} lead={t('outcomes.pb.lead')}>
      <p>
        <Link to={`/events/${encodeURIComponent(e.id)}`}>{t('outcomes.pb.backToEvent')}</Link>
      </p>
      <dl className="outcome-details">
        <dt>{t('outcomes.pb.when')}</dt>
        <dd>{e.startDate === e.endDate ? day(e.startDate) : `${day(e.startDate)} – ${day(e.endDate)}`}</dd>
        <dt>{t('outcomes.pb.where')}</dt>
        <dd>{[e.place, e.onlineUrl ? t('outcomes.pb.online') : null].filter(Boolean).join(' · ') || '—'}</dd>
      </dl>
      {e.summary ? <p className="outcome-text">{e.summary}</p> : null}

      <Section title={t('outcomes.pb.openActions')}>
        <p>{t('outcomes.pb.openActionsLead')}</p>
        <ActionsTable actions={brief.openActions} caption={t('outcomes.pb.openActions')} empty={t('outcomes.pb.noOpen')} captionHidden />
      </Section>

      <Section title={t('outcomes.pb.agenda')}>
        {brief.agenda.length === 0 ? (
          <p className="empty">{t('outcomes.pb.noAgenda')}</p>
        ) : (
          <>
            <p className="muted">{t('outcomes.pb.timeZone', { zone: e.timeZone })}</p>
            <ol className="outcome-agenda">
              {brief.agenda.map((s) => (
                <li key={s.id}>
                  <strong>{sessionTime(s.startsAt, s.endsAt, e.timeZone, intlLocale(locale))}</strong> {s.title}
                  {s.room ? <> · {t('outcomes.pb.room', { room: s.room })}</> : null}
                  {s.speakers.length ? <div>{t('outcomes.pb.speakers', { names: s.speakers.join(', ') })}</div> : null}
                </li>
              ))}
            </ol>
          </>
        )}
      </Section>

      <Section title={t('outcomes.pb.papers')}>
        {brief.papers.length === 0 ? (
          <p className="empty">{t('outcomes.pb.noPapers')}</p>
        ) : (
          <ul className="link-list">
            {brief.papers.map((p) => (
              <li key={p.id}>
                {p.version !== null ? <a href={`/api/papers/${encodeURIComponent(p.id)}/versions/${p.version}/file`}>{p.title}</a> : p.title}{' '}
                <span className="muted">
                  ({[p.language, p.fileType?.toUpperCase(), p.sizeBytes !== null ? fileSize(p.sizeBytes, locale) : null].filter(Boolean).join(', ')})
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('outcomes.pb.coming')}>
        <DataTable caption={t('outcomes.pb.comingCaption')} columns={columns} rows={brief.participants} rowKey={(p) => `${p.name}-${p.organisation ?? ''}-${p.memberCode ?? ''}`} empty={t('outcomes.pb.comingEmpty')} />
      </Section>
    </Page>
  );
}
