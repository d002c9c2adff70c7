import { useRef, useState, type FormEvent } from 'react';
import { speakerRoles } from '@/contracts/event-kinds';
import type { EventDetail, Session, SpeakerRole } from '@/contracts/events';
import { FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useAddSession, useGuestSpeakerSearch, usePeopleSearch, useUpdateSession, type SessionInput } from '../api';
import { datesOf, formatLocalDate, localParts } from '../time';
import { intlLocale, useLocale } from '@/web/i18n/use-t';
import { TextArea } from '@/web/components/text-area';

const fields = ['title', 'description', 'date', 'startTime', 'endTime', 'startsAt', 'endsAt', 'room', 'onlineUrl', 'speakers', 'personId', 'guestSpeakerId'] as const;

/** A speaker being edited: a directory person or a guest (existing profile or a new one). */
interface DraftSpeaker {
  key: string;
  role: SpeakerRole;
  name: string;
  personId?: string;
  guestSpeakerId?: string;
  guest?: { name: string; title: string; organisation: string; bio: string };
}

function speakersOf(s: Session | undefined): DraftSpeaker[] {
  return (s?.speakers ?? []).map((sp) => ({
    key: sp.id,
    role: sp.role,
    name: sp.name,
    ...(sp.personId ? { personId: sp.personId } : { guestSpeakerId: sp.guestSpeakerId ?? '' }),
  }));
}

const emptyGuest = { name: '', title: '', organisation: '', bio: '' };
let keys = 0;

/** Adds a session to the agenda or edits one: times in the event's zone, room or link, speakers. */
export function SessionForm({ event, session, onDone }: { event: EventDetail; session?: Session; onDone: () => void }) {
  const t = useT();
  const locale = intlLocale(useLocale());
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const add = useAddSession();
  const update = useUpdateSession();
  const start = session ? localParts(session.startsAt, event.timeZone) : null;
  const end = session ? localParts(session.endsAt, event.timeZone) : null;
  const [draft, setDraft] = useState({
    title: session?.title ?? '',
    description: session?.description ?? '',
    date: start?.date ?? event.startDate,
    startTime: start?.time ?? '09:00',
    endTime: end?.time ?? '10:00',
    room: session?.room ?? '',
    onlineUrl: session?.onlineUrl ?? '',
  });
  const [speakers, setSpeakers] = useState<DraftSpeaker[]>(() => speakersOf(session));
  const [personQuery, setPersonQuery] = useState('');
  const people = usePeopleSearch(personQuery);
  const [guestQuery, setGuestQuery] = useState('');
  const guests = useGuestSpeakerSearch(guestQuery);
  // A profile already among the speakers is not offered again.
  const guestsOnFile = (guests.data?.items ?? []).filter((g) => !speakers.some((s) => s.guestSpeakerId === g.id));
  const [guest, setGuest] = useState(emptyGuest);
  const [guestError, setGuestError] = useState<string | undefined>();
  const set = (key: keyof typeof draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const days = datesOf(event.startDate, event.endDate);

  function addGuest() {
    if (!guest.name.trim()) {
      setGuestError(t('events.validation.guestName'));
      return;
    }
    setGuestError(undefined);
    setSpeakers((s) => [...s, { key: `new-${++keys}`, role: 'speaker', name: guest.name.trim(), guest: { ...guest, name: guest.name.trim() } }]);
    setGuest(emptyGuest);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const invalid: FieldErrors = {};
    if (!draft.title.trim()) invalid.title = t('events.validation.sessionTitle');
    if (!/^\d{2}:\d{2}$/.test(draft.startTime)) invalid.startTime = t('events.validation.time');
    if (!/^\d{2}:\d{2}$/.test(draft.endTime)) invalid.endTime = t('events.validation.time');
    else if (draft.endTime <= draft.startTime) invalid.endTime = t('events.validation.endBeforeStartTime');
    if (!check(invalid)) return;
    const body: SessionInput = {
      title: draft.title.trim(),
      description: draft.description.trim() || null,
      date: draft.date,
      startTime: draft.startTime,
      endTime: draft.endTime,
      room: draft.room.trim() || null,
      onlineUrl: draft.onlineUrl.trim() || null,
      speakers: speakers.map((s) =>
        s.personId ? { personId: s.personId, role: s.role } : s.guest ? { guest: { name: s.guest.name, title: s.guest.title || null, organisation: s.guest.organisation || null, bio: s.guest.bio || null }, role: s.role } : { guestSpeakerId: s.guestSpeakerId ?? '', role: s.role },
      ),
    };
    const onError = (error: unknown) => fromError(error, fields);
    if (session) update.mutate({ id: event.id, sessionId: session.id, body }, { onSuccess: onDone, onError });
    else add.mutate({ id: event.id, body }, { onSuccess: onDone, onError });
  }

  return (
    <form ref={form} className="form form--wide subform" onSubmit={onSubmit} noValidate aria-label={session ? t('events.editSessionNamed', { title: session.title }) : t('events.addSession')}>
      <FormAlert message={errors.form} />
      <TextField label={t('events.session.title')} name="title" required value={draft.title} onChange={(e) => set('title', e.target.value)} error={errors.fields.title} />
      <div className="form-row">
        <Select label={t('events.session.day')} name="date" value={draft.date} onChange={(e) => set('date', e.target.value)} options={days.map((d) => ({ value: d, label: formatLocalDate(d, locale) }))} error={errors.fields.date} />
        <TextField label={t('events.session.start', { zone: event.timeZone })} name="startTime" type="time" required value={draft.startTime} onChange={(e) => set('startTime', e.target.value)} error={errors.fields.startTime} />
        <TextField label={t('events.session.end', { zone: event.timeZone })} name="endTime" type="time" required value={draft.endTime} onChange={(e) => set('endTime', e.target.value)} error={errors.fields.endTime} />
      </div>
      <TextField label={t('events.session.room')} name="room" value={draft.room} onChange={(e) => set('room', e.target.value)} error={errors.fields.room} />
      <TextField label={t('events.session.onlineUrl')} name="onlineUrl" type="url" value={draft.onlineUrl} onChange={(e) => set('onlineUrl', e.target.value)} error={errors.fields.onlineUrl} />
      <TextArea label={t('events.session.description')} name="description" value={draft.description} onChange={(e) => set('description', e.target.value)} error={errors.fields.description} />

      <fieldset className="speakers-editor">
        <legend>{t('events.speakers')}</legend>
        {errors.fields.personId || errors.fields.guestSpeakerId ? <p className="field__error">{errors.fields.personId ?? errors.fields.guestSpeakerId}</p> : null}
        {speakers.length === 0 ? <p className="empty">{t('events.noSpeakers')}</p> : null}
        <ul className="inline-list speakers-editor__list">
          {speakers.map((s, i) => (
            <li key={s.key} className="speakers-editor__item">
              <span>
                {s.name} <span className="muted">({s.personId ? t('events.speakerKind.person') : t('events.speakerKind.guest')})</span>
              </span>
              <Select
                label={t('events.speakerRoleOf', { name: s.name })}
                value={s.role}
                onChange={(e) => setSpeakers((list) => list.map((x, j) => (j === i ? { ...x, role: e.target.value as SpeakerRole } : x)))}
                options={speakerRoles.map((r) => ({ value: r, label: t(`events.role.${r}`) }))}
              />
              <Button variant="secondary" onClick={() => setSpeakers((list) => list.filter((_, j) => j !== i))}>
                {t('events.removeSpeaker', { name: s.name })}
              </Button>
            </li>
          ))}
        </ul>
        <div className="subform">
          <TextField label={t('events.findPerson')} type="search" value={personQuery} onChange={(e) => setPersonQuery(e.target.value)} description={t('events.findPersonHint')} />
          {people.data && people.data.items.length > 0 ? (
            <ul className="inline-list">
              {people.data.items.map((p) => (
                <li key={p.id}>
                  <Button variant="link" onClick={() => { setSpeakers((s) => [...s, { key: `p-${++keys}`, role: 'speaker', name: p.title, personId: p.id }]); setPersonQuery(''); }}>
                    {t('events.addPerson', { name: p.title })}
                  </Button>
                  {p.subtitle ? <span className="muted"> {p.subtitle}</span> : null}
                </li>
              ))}
            </ul>
          ) : personQuery.trim().length >= 2 && people.isSuccess ? (
            <p className="empty">{t('events.noPeople')}</p>
          ) : null}
        </div>
        <div className="subform">
          <TextField label={t('events.findGuest')} type="search" value={guestQuery} onChange={(e) => setGuestQuery(e.target.value)} description={t('events.findGuestHint')} />
          {guestsOnFile.length > 0 ? (
            <ul className="inline-list">
              {guestsOnFile.map((g) => (
                <li key={g.id}>
                  <Button variant="link" onClick={() => { setSpeakers((s) => [...s, { key: `g-${++keys}`, role: 'speaker', name: g.name, guestSpeakerId: g.id }]); setGuestQuery(''); }}>
                    {t('events.addGuestProfile', { name: g.name })}
                  </Button>
                  {g.title || g.organisation ? <span className="muted"> {[g.title, g.organisation].filter(Boolean).join(', ')}</span> : null}
                </li>
              ))}
            </ul>
          ) : guestQuery.trim().length >= 2 && guests.isSuccess ? (
            <p className="empty">{t('events.noGuests')}</p>
          ) : null}
        </div>
        <div className="subform">
          <p className="subform__title">{t('events.guestSpeaker')}</p>
          <TextField label={t('events.guest.name')} value={guest.name} onChange={(e) => setGuest((g) => ({ ...g, name: e.target.value }))} error={guestError} />
          <TextField label={t('events.guest.title')} value={guest.title} onChange={(e) => setGuest((g) => ({ ...g, title: e.target.value }))} />
          <TextField label={t('events.guest.organisation')} value={guest.organisation} onChange={(e) => setGuest((g) => ({ ...g, organisation: e.target.value }))} />
          <TextArea label={t('events.guest.bio')} value={guest.bio} onChange={(e) => setGuest((g) => ({ ...g, bio: e.target.value }))} />
          <Button variant="secondary" onClick={addGuest}>
            {t('events.addGuest')}
          </Button>
        </div>
      </fieldset>
      <div className="form__actions">
        <Button type="submit" pending={add.isPending || update.isPending}>
          {session ? t('events.saveSession') : t('events.addSession')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
