import '@/web/styles/events.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Breakout, EventDetail, Session } from '@/contracts/events';
import { Button } from '@/web/components/button';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { Page, Section } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useDeleteBreakout, useDeleteSession, useEvent } from '../api';
import { groupByDay, SessionTimes } from '../components/agenda';
import { BreakoutForm } from '../components/breakout-editor';
import { EventForm } from '../components/event-form';
import { SessionForm } from '../components/session-editor';

type Editing = { kind: 'session'; session?: Session } | { kind: 'breakout'; breakout?: Breakout } | null;
type Removing = { kind: 'session'; id: string; title: string } | { kind: 'breakout'; id: string; title: string } | null;

/** The secretariat edits an event's details and builds its agenda: sessions with speakers, breakout groups. */
export function EventEditRoute() {
  const t = useT();
  const { id = '' } = useParams();
  const event = useEvent(id);
  if (event.isPending) return <Loading />;
  if (event.isError) {
    return (
      <Page title={t('events.editTitle')}>
        <QueryError error={event.error} onRetry={() => void event.refetch()} />
      </Page>
    );
  }
  return <EventEditor event={event.data} />;
}

function EventEditor({ event }: { event: EventDetail }) {
  const t = useT();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Removing>(null);
  const removeSession = useDeleteSession();
  const removeBreakout = useDeleteBreakout();
  const toMessages = useErrorMessages();
  const [removeError, setRemoveError] = useState<string | null>(null);
  const pending = removeSession.isPending || removeBreakout.isPending;

  const confirmRemove = () => {
    if (!removing) return;
    const done = { onSuccess: () => { setRemoving(null); setRemoveError(null); }, onError: (e: unknown) => setRemoveError(toMessages(e, []).form) };
    if (removing.kind === 'session') removeSession.mutate({ id: event.id, sessionId: removing.id }, done);
    else removeBreakout.mutate({ id: event.id, breakoutId: removing.id }, done);
  };

  return (
    <Page title={t('events.editTitleNamed', { title: event.title })}>
      <p>
        <Link to={`/events/${encodeURIComponent(event.id)}`}>{t('events.viewPage')}</Link>
      </p>
      <Section title={t('events.details')}>
        <EventForm key={event.id} event={event} onSaved={() => undefined} />
      </Section>

      <Section title={t('events.agenda')}>
        {event.sessions.length === 0 ? <p className="empty">{t('events.noSessions')}</p> : null}
        {groupByDay(event.sessions).map(([day, sessions]) => (
          <ol key={day} className="agenda__sessions agenda-editor">
            {sessions.map((s) => (
              <li key={s.id} className="session">
                <SessionTimes session={s} zone={event.timeZone} />
                <p className="session__title">{s.title}</p>
                {s.speakers.length > 0 ? <p className="muted">{s.speakers.map((sp) => sp.name).join(', ')}</p> : null}
                {editing?.kind === 'session' && editing.session?.id === s.id ? (
                  <SessionForm event={event} session={s} onDone={() => setEditing(null)} />
                ) : (
                  <div className="actions">
                    <Button variant="secondary" onClick={() => setEditing({ kind: 'session', session: s })}>
                      {t('events.editSessionNamed', { title: s.title })}
                    </Button>
                    <Button variant="danger" onClick={() => setRemoving({ kind: 'session', id: s.id, title: s.title })}>
                      {t('events.removeSessionNamed', { title: s.title })}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ol>
        ))}
        {editing?.kind === 'session' && !editing.session ? (
          <SessionForm event={event} onDone={() => setEditing(null)} />
        ) : (
          <Button onClick={() => setEditing({ kind: 'session' })}>{t('events.addSession')}</Button>
        )}
      </Section>

      <Section title={t('events.breakouts')}>
        {event.breakouts.length === 0 ? <p className="empty">{t('events.noBreakouts')}</p> : null}
        <ul className="breakouts">
          {event.breakouts.map((b) => (
            <li key={b.id} className="breakout">
              <p className="session__title">{b.name}</p>
              <p>{t('events.breakoutCount', { count: b.memberCount })}</p>
              {editing?.kind === 'breakout' && editing.breakout?.id === b.id ? (
                <BreakoutForm event={event} breakout={b} onDone={() => setEditing(null)} />
              ) : (
                <div className="actions">
                  <Button variant="secondary" onClick={() => setEditing({ kind: 'breakout', breakout: b })}>
                    {t('events.editBreakoutNamed', { name: b.name })}
                  </Button>
                  <Button variant="danger" onClick={() => setRemoving({ kind: 'breakout', id: b.id, title: b.name })}>
                    {t('events.removeBreakoutNamed', { name: b.name })}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
        {editing?.kind === 'breakout' && !editing.breakout ? (
          <BreakoutForm event={event} onDone={() => setEditing(null)} />
        ) : (
          <Button onClick={() => setEditing({ kind: 'breakout' })}>{t('events.addBreakout')}</Button>
        )}
      </Section>

      <ConfirmDialog
        open={removing !== null}
        title={removing?.kind === 'breakout' ? t('events.removeBreakoutTitle') : t('events.removeSessionTitle')}
        confirmLabel={t('events.remove')}
        danger
        pending={pending}
        error={removeError}
        onConfirm={confirmRemove}
        onCancel={() => { setRemoving(null); setRemoveError(null); }}
      >
        <p>{t('events.removeBody', { title: removing?.title ?? '' })}</p>
      </ConfirmDialog>
    </Page>
  );
}
