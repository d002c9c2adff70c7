import '@/web/styles/directory.css';
import { Link, useParams } from 'react-router';
import { Page, Section } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { PersonVcardLink } from '@/web/features/directory-exchange/components/export-links';
import { memberNames, useReference } from '@/web/lib/reference';
import { usePerson } from '../api';
import { ChannelList } from '../components/channel-list';
import { HistoryDisclosure } from '../components/history-disclosure';
import { PersonForm } from '../components/person-form';
import { positionAnchor } from '../components/positions-table';
import { formatDay, languageName } from '../options';

export function PersonRoute() {
  const t = useT();
  const locale = useLocale();
  const id = useParams().id ?? '';
  const person = usePerson(id);
  const reference = useReference();
  const memberName = memberNames(reference.data);
  const p = person.data;
  const current = p?.positions.filter((h) => h.to === null) ?? [];
  const past = p?.positions.filter((h) => h.to !== null) ?? [];

  return (
    <Page title={p?.nameLatin ?? t('person.title')}>
      {p?.nameLocal ? (
        <p className="local-title" dir="auto">
          {p.nameLocal}
        </p>
      ) : null}
      <p>
        <Link to="/directory">{t('directory.back')}</Link>
      </p>
      {person.isPending ? (
        <Loading />
      ) : person.isError ? (
        <QueryError error={person.error} onRetry={() => void person.refetch()} />
      ) : p ? (
        <>
          <dl className="details">
            <div>
              <dt>{t('field.title')}</dt>
              <dd>{p.title ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('person.languages')}</dt>
              <dd>{p.languages.length ? p.languages.map((l) => languageName(l, locale)).join(', ') : '—'}</dd>
            </div>
            <div>
              <dt>{t('position.lastConfirmed')}</dt>
              <dd>
                {p.lastConfirmedAt
                  ? `${formatDay(p.lastConfirmedAt, locale)} · ${p.lastConfirmedBy ? t('position.confirmedBy', { name: p.lastConfirmedBy.displayName }) : t('position.confirmedByHolder')}`
                  : t('position.neverConfirmed')}
              </dd>
            </div>
          </dl>

          <Section title={t('person.channels')}>
            <ChannelList channels={p.channels} />
            <PersonVcardLink personId={p.id} />
          </Section>

          <Section title={t('person.positions')}>
            {p.positions.length === 0 ? (
              <p className="empty">{t('person.noPositions')}</p>
            ) : (
              <>
                <h3>{t('person.currentPositions')}</h3>
                {current.length === 0 ? <p className="empty">{t('person.noCurrent')}</p> : <HoldingList items={current} memberName={memberName} />}
                <h3>{t('person.pastPositions')}</h3>
                {past.length === 0 ? <p className="empty">{t('person.noPast')}</p> : <HoldingList items={past} memberName={memberName} />}
              </>
            )}
          </Section>

          {p.canEdit ? (
            <Section title={t('person.edit')}>
              {/* Keyed by id: another person must not inherit this one's unsaved edits. */}
              <PersonForm key={p.id} person={p} />
            </Section>
          ) : null}

          <HistoryDisclosure entity="person" id={p.id} />
        </>
      ) : null}
    </Page>
  );
}

type Holding = NonNullable<ReturnType<typeof usePerson>['data']>['positions'][number];

/** Positions held, with dates: "Focal point, Immigration Bureau (Thailand), 1 Mar 2024 – 5 Jan 2025". */
function HoldingList({ items, memberName }: { items: readonly Holding[]; memberName: (code: string) => string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="holdings">
      {items.map((h) => (
        <li key={`${h.positionId}-${h.from}`}>
          <Link to={`/directory/agencies/${encodeURIComponent(h.agencyId)}#${positionAnchor(h.positionId)}`}>{h.title}</Link>
          {', '}
          {h.agencyName} ({memberName(h.memberCode)})
          <span className="holdings__dates">
            {h.to
              ? t('person.heldFromTo', { from: formatDay(h.from, locale), to: formatDay(h.to, locale) })
              : t('person.heldSince', { from: formatDay(h.from, locale) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
