import '@/web/styles/directory.css';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Position } from '@/contracts/directory';
import { Alert } from '@/web/components/alert';
import { Page, Section } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { formatDate } from '@/web/lib/format';
import { useReference } from '@/web/lib/reference';
import { useCurrentUser } from '@/web/lib/session';
import { useAgency, useConfirmAgency, useConfirmPosition, useSendConfirmationLink } from '../api';
import { AgencyForm } from '../components/agency-form';
import { HandoverDialog } from '../components/handover-dialog';
import { HistoryDisclosure } from '../components/history-disclosure';
import { PositionForm } from '../components/position-form';
import { positionAnchor, PositionsTable, type PositionAction } from '../components/positions-table';
import { formatDay } from '../options';

type Notice = { kind: 'success' | 'error'; text: string };

export function AgencyRoute() {
  const t = useT();
  const locale = useLocale();
  const id = useParams().id ?? '';
  const { hash } = useLocation();
  const user = useCurrentUser();
  const agency = useAgency(id);
  const reference = useReference();
  const toMessages = useErrorMessages();
  const confirm = useConfirmPosition();
  const confirmAgency = useConfirmAgency();
  const sendLink = useSendConfirmationLink();
  const [open, setOpen] = useState<'edit' | 'position' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [handover, setHandover] = useState<Position | null>(null);
  const [busy, setBusy] = useState<{ id: string; action: PositionAction } | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const targetId = hash.startsWith('#position-') ? decodeURIComponent(hash.slice('#position-'.length)) : null;
  const focusedTarget = useRef<string | null>(null);

  // A link to one position (from a search hit) lands on its row once the table is there.
  useEffect(() => {
    if (!agency.isSuccess || !targetId || focusedTarget.current === targetId) return;
    focusedTarget.current = targetId;
    const row = document.getElementById(positionAnchor(targetId));
    row?.focus();
    row?.scrollIntoView({ block: 'center' });
  }, [agency.isSuccess, targetId]);

  function close(which: 'edit' | 'position') {
    setOpen(null);
    // Back to the button that opened the form, once it is back on the page.
    setTimeout(() => (which === 'edit' ? editButton : addButton).current?.focus(), 0);
  }

  function onAction(position: Position, action: PositionAction) {
    setNotice(null);
    if (action === 'handover') {
      setHandover(position);
      return;
    }
    setBusy({ id: position.id, action });
    const onError = (error: unknown) => setNotice({ kind: 'error', text: toMessages(error, []).form ?? t('error.network') });
    const onSettled = () => setBusy(null);
    if (action === 'confirm') {
      confirm.mutate(position.id, {
        onSuccess: () => setNotice({ kind: 'success', text: t('position.confirmed', { position: position.title }) }),
        onError,
        onSettled,
      });
    } else {
      sendLink.mutate(position.id, {
        onSuccess: (r) => setNotice({ kind: 'success', text: t('position.linkSent', { email: r.sentTo, date: formatDay(r.expiresAt, locale) }) }),
        onError,
        onSettled,
      });
    }
  }

  const a = agency.data;
  const mandateNames = new Map((reference.data?.mandates ?? []).map((m) => [m.code, m.name]));

  return (
    <Page title={a?.nameEn ?? t('agency.title')}>
      {a?.nameLocal ? (
        <p className="local-title" dir="auto">
          {a.nameLocal}
        </p>
      ) : null}
      <p>
        <Link to={a ? `/directory?member=${encodeURIComponent(a.memberCode)}` : '/directory'}>
          {a ? t('agency.backToMember', { member: a.memberName }) : t('directory.back')}
        </Link>
      </p>
      {agency.isPending ? (
        <Loading />
      ) : agency.isError ? (
        <QueryError error={agency.error} onRetry={() => void agency.refetch()} />
      ) : a ? (
        <>
          <dl className="details">
            <div>
              <dt>{t('directory.member')}</dt>
              <dd>
                <Link to={`/directory?member=${encodeURIComponent(a.memberCode)}`}>{a.memberName}</Link>
              </dd>
            </div>
            {a.acronym ? (
              <div>
                <dt>{t('agency.acronym')}</dt>
                <dd>{a.acronym}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('agency.type')}</dt>
              <dd>{t(`agencyType.${a.type}`)}</dd>
            </div>
            <div>
              <dt>{t('agency.mandates')}</dt>
              <dd>
                {a.mandates.length === 0 ? (
                  t('agency.noMandates')
                ) : (
                  <ul className="inline-list">
                    {a.mandates.map((m) => (
                      <li key={m}>{mandateNames.get(m) ?? m}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
            {a.parent ? (
              <div>
                <dt>{t('agency.parent')}</dt>
                <dd>
                  <Link to={`/directory/agencies/${encodeURIComponent(a.parent.id)}`}>{a.parent.nameEn}</Link>
                </dd>
              </div>
            ) : null}
            {a.website ? (
              <div>
                <dt>{t('agency.website')}</dt>
                <dd>
                  {/^https?:\/\//i.test(a.website) ? (
                    <a href={a.website} rel="noopener noreferrer external" target="_blank">
                      {a.website}
                      <span className="visually-hidden"> {t('common.opensInNewTab')}</span>
                    </a>
                  ) : (
                    a.website
                  )}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('agency.confirmedTitle')}</dt>
              <dd>
                {a.lastConfirmedAt
                  ? t('agency.confirmedOn', { date: formatDate(a.lastConfirmedAt, locale), name: a.lastConfirmedBy?.displayName ?? '—' })
                  : t('agency.neverConfirmed')}
              </dd>
            </div>
            {a.address ? (
              <div>
                <dt>{t('agency.address')}</dt>
                <dd className="address" dir="auto">
                  {a.address}
                </dd>
              </div>
            ) : null}
          </dl>

          {a.canEdit ? (
            <div className="actions page-actions">
              <button
                ref={editButton}
                type="button"
                className="button button--secondary"
                aria-expanded={open === 'edit'}
                onClick={() => setOpen(open === 'edit' ? null : 'edit')}
              >
                {t('agency.edit')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={confirmAgency.isPending}
                onClick={() => {
                  setNotice(null);
                  confirmAgency.mutate(a.id, {
                    onSuccess: () => setNotice({ kind: 'success', text: t('agency.confirmedNotice') }),
                    onError: (e) => setNotice({ kind: 'error', text: toMessages(e, []).form ?? t('error.network') }),
                  });
                }}
              >
                {t('agency.confirm')}
              </button>
              <button
                ref={addButton}
                type="button"
                className="button button--secondary"
                aria-expanded={open === 'position'}
                onClick={() => setOpen(open === 'position' ? null : 'position')}
              >
                {t('position.add')}
              </button>
            </div>
          ) : null}
          {open === 'edit' ? (
            <Section title={t('agency.editTitle')}>
              <AgencyForm
                agency={a}
                onSaved={() => {
                  setNotice({ kind: 'success', text: t('agency.saved') });
                  close('edit');
                }}
                onCancel={() => close('edit')}
              />
            </Section>
          ) : null}
          {open === 'position' ? (
            <Section title={t('position.addTitle')}>
              <PositionForm
                agencyId={a.id}
                onSaved={(p) => {
                  setNotice({ kind: 'success', text: t('position.added', { position: p.title }) });
                  close('position');
                }}
                onCancel={() => close('position')}
              />
            </Section>
          ) : null}

          <Section title={t('agency.positions')}>
            {notice ? <Alert kind={notice.kind} title={notice.text} /> : null}
            <PositionsTable
              positions={a.positions}
              caption={t('agency.positionsCaption', { agency: a.nameEn })}
              canEdit={a.canEdit}
              signedIn={!!user}
              busy={busy}
              onAction={onAction}
              targetId={targetId}
            />
          </Section>

          {user ? (
            <Section title={t('history.title')}>
              <HistoryDisclosure entity="agency" id={a.id} label={a.nameEn} />
              {a.positions.map((p) => (
                <HistoryDisclosure key={p.id} entity="position" id={p.id} label={p.title} />
              ))}
            </Section>
          ) : null}

          <HandoverDialog
            position={handover}
            onClose={() => setHandover(null)}
            onDone={(p) => {
              setHandover(null);
              setNotice({ kind: 'success', text: t('handover.done', { position: p.title, name: p.holder?.nameLatin ?? '' }) });
            }}
          />
        </>
      ) : null}
    </Page>
  );
}
