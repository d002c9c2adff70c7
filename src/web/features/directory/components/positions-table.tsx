import { useId } from 'react';
import { Link } from 'react-router';
import type { Position } from '@/contracts/directory';
import { Button } from '@/web/components/button';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDay } from '../options';
import { FreshnessBadge } from './freshness-badge';

export type PositionAction = 'confirm' | 'handover' | 'link';

interface PositionsTableProps {
  positions: readonly Position[];
  caption: string;
  /** Show the Confirm / Hand over / Send confirmation link buttons. */
  canEdit: boolean;
  signedIn: boolean;
  /** The position (and action) whose request is running, to mark its button busy. */
  busy: { id: string; action: PositionAction } | null;
  onAction: (position: Position, action: PositionAction) => void;
  /** The position named in the address (`#position-…`), highlighted. */
  targetId: string | null;
}

export const positionAnchor = (id: string) => `position-${id}`;

/** An agency's positions: who holds each since when, how fresh the record is, and who last confirmed it. */
export function PositionsTable({ positions, caption, canEdit, signedIn, busy, onAction, targetId }: PositionsTableProps) {
  const t = useT();
  const locale = useLocale();
  const captionId = useId();
  if (positions.length === 0) return <p className="empty">{t('agency.noPositions')}</p>;

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table positions">
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('position.title')}</th>
            <th scope="col">{t('position.holder')}</th>
            <th scope="col">{t('position.since')}</th>
            <th scope="col">{t('directory.freshness')}</th>
            <th scope="col">{t('position.lastConfirmed')}</th>
            {canEdit ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => {
            const titleId = positionAnchor(p.id);
            const isBusy = (action: PositionAction) => busy?.id === p.id && busy.action === action;
            return (
              <tr key={p.id} className={targetId === p.id ? 'is-target' : undefined}>
                <th scope="row" id={titleId} tabIndex={-1}>
                  {p.title}
                </th>
                <td>
                  {p.holder ? (
                    <>
                      <Link to={`/directory/people/${encodeURIComponent(p.holder.id)}`}>{p.holder.nameLatin}</Link>
                      {p.holder.nameLocal ? (
                        <span className="local-name" dir="auto">
                          {p.holder.nameLocal}
                        </span>
                      ) : null}
                    </>
                  ) : p.freshness === 'missing' ? (
                    <span className="muted">{t('position.vacant')}</span>
                  ) : (
                    <span className="muted">{signedIn ? '—' : t('position.holderHidden')}</span>
                  )}
                </td>
                <td>{p.holder?.since ? formatDay(p.holder.since, locale) : '—'}</td>
                <td>
                  <FreshnessBadge freshness={p.freshness} />
                  {p.dueAt && p.freshness !== 'missing' ? (
                    <span className="due-note">{t(p.freshness === 'stale' ? 'position.wasDue' : 'position.dueOn', { date: formatDay(p.dueAt, locale) })}</span>
                  ) : null}
                </td>
                <td>
                  {p.lastConfirmedAt ? (
                    <>
                      {formatDay(p.lastConfirmedAt, locale)}
                      <span className="due-note">
                        {p.lastConfirmedBy ? t('position.confirmedBy', { name: p.lastConfirmedBy.displayName }) : t('position.confirmedByHolder')}
                      </span>
                    </>
                  ) : (
                    t('position.neverConfirmed')
                  )}
                </td>
                {canEdit ? (
                  <td>
                    <div className="actions actions--compact">
                      {p.holder ? (
                        <Button variant="secondary" aria-describedby={titleId} pending={isBusy('confirm')} onClick={() => onAction(p, 'confirm')}>
                          {t('position.confirm')}
                        </Button>
                      ) : null}
                      <Button variant="secondary" aria-describedby={titleId} onClick={() => onAction(p, 'handover')}>
                        {t('handover.button')}
                      </Button>
                      {p.holder ? (
                        <Button variant="secondary" aria-describedby={titleId} pending={isBusy('link')} onClick={() => onAction(p, 'link')}>
                          {t('position.sendLink')}
                        </Button>
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
