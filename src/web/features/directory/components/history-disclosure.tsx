import { useState } from 'react';
import type { MessageKey } from '@/web/i18n/en';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDateTime } from '@/web/lib/format';
import { useCurrentUser } from '@/web/lib/session';
import { Loading, QueryError } from '@/web/components/status';
import { useHistory, type HistoryEntity } from '../api';

const actionKeys: Partial<Record<string, MessageKey>> = {
  'agency.created': 'history.action.agencyCreated',
  'agency.updated': 'history.action.agencyUpdated',
  'agency.confirmed': 'history.action.agencyConfirmed',
  'position.created': 'history.action.positionCreated',
  'position.updated': 'history.action.positionUpdated',
  'position.confirmed': 'history.action.positionConfirmed',
  'position.handed_over': 'history.action.handedOver',
  'position.vacated': 'history.action.vacated',
  'position.confirmation_requested': 'history.action.linkSent',
  'position.confirmed_by_holder': 'history.action.confirmedByHolder',
  'position.holder_left': 'history.action.holderLeft',
  'person.created': 'history.action.personCreated',
  'person.updated': 'history.action.personUpdated',
};

const fieldKeys: Partial<Record<string, MessageKey>> = {
  name_en: 'agency.nameEn',
  name_local: 'field.nameLocal',
  name_latin: 'person.nameLatin',
  acronym: 'agency.acronym',
  type: 'agency.type',
  member_code: 'directory.member',
  mandates: 'agency.mandates',
  parent_id: 'agency.parent',
  website: 'agency.website',
  address: 'agency.address',
  title: 'field.title',
  working_group_code: 'directory.workingGroup',
  themes: 'position.themes',
  holder_id: 'position.holder',
  person_id: 'position.holder',
  start_date: 'handover.startDate',
  end_date: 'history.field.endDate',
  note: 'handover.note',
  last_confirmed_at: 'position.lastConfirmed',
  languages: 'person.languages',
  channels: 'person.channels',
  agency_id: 'history.field.agency',
  expires_at: 'history.field.expiresAt',
  corrected: 'history.field.corrected',
  via: 'history.field.via',
};

interface HistoryDisclosureProps {
  entity: HistoryEntity;
  id: string;
  /** Names the record when a page has several disclosures, e.g. one per position. */
  label?: string;
}

/**
 * "History": who changed the record, when, and which fields. Loaded when opened; only signed-in people
 * may read it, so it is left out for visitors.
 */
export function HistoryDisclosure({ entity, id, label }: HistoryDisclosureProps) {
  const t = useT();
  const locale = useLocale();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const history = useHistory(entity, id, open && !!user);
  if (!user) return null;

  return (
    <details className="history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{label ? t('history.titleFor', { name: label }) : t('history.title')}</summary>
      {!open ? null : history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <p className="empty">{t('history.none')}</p>
      ) : (
        <ol className="history__list">
          {history.data.map((entry, i) => {
            const key = actionKeys[entry.action];
            const fields = entry.changedFields.map((f) => {
              const fk = fieldKeys[f];
              return fk ? t(fk) : f;
            });
            return (
              <li key={`${entry.at}-${i}`}>
                <span className="history__what">{key ? t(key) : entry.action}</span>{' '}
                <span className="muted">
                  {t('history.byAt', { who: entry.actorName ?? t('history.noActor'), at: formatDateTime(entry.at, locale) })}
                </span>
                {fields.length > 0 ? (
                  <p className="history__fields">{t('history.fields', { list: [...new Set(fields)].join(', ') })}</p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
