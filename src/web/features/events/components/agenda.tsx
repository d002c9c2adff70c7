import type { EventDetail, Session } from '@/contracts/events';
import { intlLocale, useLocale, useT } from '@/web/i18n/use-t';
import { formatLocalDate, formatTime, sameOffset, viewerZone, zoneName } from '../time';

/** Sessions grouped by day in the event's zone. */
export function groupByDay(sessions: readonly Session[]): [string, Session[]][] {
  const days = new Map<string, Session[]>();
  for (const s of sessions) days.set(s.date, [...(days.get(s.date) ?? []), s]);
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** A session's times in the event's zone and, when it differs, in the viewer's own. */
export function SessionTimes({ session, zone }: { session: Session; zone: string }) {
  const t = useT();
  const locale = intlLocale(useLocale());
  const mine = viewerZone();
  const local = `${formatTime(session.startsAt, zone, locale)}–${formatTime(session.endsAt, zone, locale)}`;
  return (
    <p className="session__times">
      <time dateTime={session.startsAt}>{local}</time> <span className="muted">({zoneName(session.startsAt, zone, locale)}, {zone})</span>
      {sameOffset(zone, mine, session.startsAt) ? null : (
        <span className="session__yours">
          {t('events.yourTime', { time: `${formatTime(session.startsAt, mine, locale)}–${formatTime(session.endsAt, mine, locale)}`, zone: zoneName(session.startsAt, mine, locale) })}
        </span>
      )}
    </p>
  );
}

/** The agenda: one list per day, sessions with their times, place or link, and speakers. */
export function Agenda({ event }: { event: EventDetail }) {
  const t = useT();
  const locale = intlLocale(useLocale());
  if (event.sessions.length === 0) return <p className="empty">{t('events.noSessions')}</p>;
  return (
    <div className="agenda">
      {groupByDay(event.sessions).map(([day, sessions]) => (
        <div key={day} className="agenda__day">
          <h3>{formatLocalDate(day, locale)}</h3>
          <ol className="agenda__sessions">
            {sessions.map((s) => (
              <li key={s.id} className="session">
                <SessionTimes session={s} zone={event.timeZone} />
                <h4 className="session__title">{s.title}</h4>
                {s.room ? <p className="session__where">{t('events.room', { room: s.room })}</p> : null}
                {s.onlineUrl ? (
                  <p className="session__where">
                    <a href={s.onlineUrl}>{t('events.joinOnline')}</a>
                  </p>
                ) : null}
                {s.description ? <p className="session__description">{s.description}</p> : null}
                {s.speakers.length > 0 ? (
                  <ul className="session__speakers" aria-label={t('events.speakersOf', { title: s.title })}>
                    {s.speakers.map((sp) => (
                      <li key={sp.id}>
                        <span className="speaker__name">{sp.name}</span>
                        {sp.role !== 'speaker' ? ` (${t(`events.role.${sp.role}`)})` : ''}
                        {sp.title || sp.organisation ? <span className="muted">{` — ${[sp.title, sp.organisation].filter(Boolean).join(', ')}`}</span> : null}
                        {sp.bio ? <p className="speaker__bio">{sp.bio}</p> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}

/** Breakout groups and who is in them (only those who agreed to be listed, unless the viewer is the secretariat). */
export function Breakouts({ event }: { event: EventDetail }) {
  const t = useT();
  if (event.breakouts.length === 0) return <p className="empty">{t('events.noBreakouts')}</p>;
  const sessionTitle = new Map(event.sessions.map((s) => [s.id, s.title]));
  return (
    <ul className="breakouts">
      {event.breakouts.map((b) => (
        <li key={b.id} className="breakout">
          <h3>{b.name}</h3>
          {b.sessionId && sessionTitle.get(b.sessionId) ? <p className="muted">{t('events.breakoutDuring', { session: sessionTitle.get(b.sessionId) ?? '' })}</p> : null}
          {b.description ? <p>{b.description}</p> : null}
          <p>{t('events.breakoutCount', { count: b.memberCount })}</p>
          {b.members.length > 0 ? (
            <ul className="breakout__members">
              {b.members.map((m) => (
                <li key={m.participantId}>
                  {m.name}
                  {m.organisation ? <span className="muted">{` — ${m.organisation}`}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
