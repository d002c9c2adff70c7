import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { eventFormats, eventStatuses, eventTypes, eventVisibilities } from '@/contracts/event-kinds';
import type { EventDetail, EventFormat, EventStatus, EventType, EventVisibility } from '@/contracts/events';
import { FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Checkbox } from '@/web/components/checkbox';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useReference } from '@/web/lib/reference';
import { useCreateEvent, useUpdateEvent, type EventInput, type EventPatch } from '../api';
import { knownZones } from '../time';
import { TextArea } from '@/web/components/text-area';

const fields = ['title', 'titleLocal', 'slug', 'summary', 'type', 'format', 'place', 'onlineUrl', 'timeZone', 'startDate', 'endDate', 'visibility', 'status', 'workingGroupCode', 'series', 'themes', 'capacity'] as const;

interface Draft {
  title: string;
  titleLocal: string;
  summary: string;
  type: EventType;
  format: EventFormat;
  place: string;
  onlineUrl: string;
  timeZone: string;
  startDate: string;
  endDate: string;
  visibility: EventVisibility;
  status: EventStatus;
  workingGroupCode: string;
  series: string;
  themes: string[];
  capacity: string;
}

function draftOf(e: EventDetail | undefined): Draft {
  return {
    title: e?.title ?? '',
    titleLocal: e?.titleLocal ?? '',
    summary: e?.summary ?? '',
    type: e?.type ?? 'roundtable',
    format: e?.format ?? 'in_person',
    place: e?.place ?? '',
    onlineUrl: e?.onlineUrl ?? '',
    timeZone: e?.timeZone ?? 'Asia/Bangkok',
    startDate: e?.startDate ?? '',
    endDate: e?.endDate ?? '',
    visibility: e?.visibility ?? 'members',
    status: e?.status ?? 'draft',
    workingGroupCode: e?.workingGroupCode ?? '',
    series: e?.series ?? '',
    themes: e?.themes ?? [],
    capacity: e?.capacity ? String(e.capacity) : '',
  };
}

/** An event's own fields, for creating it or editing it (the agenda is edited apart). */
export function EventForm({ event, onSaved }: { event?: EventDetail; onSaved: (e: EventDetail) => void }) {
  const t = useT();
  const reference = useReference();
  const form = useRef<HTMLFormElement>(null);
  const zonesId = useId();
  const { errors, check, fromError } = useFormErrors(form);
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const [draft, setDraft] = useState<Draft>(() => draftOf(event));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const zones = useMemo(knownZones, []);
  const [saved, setSaved] = useState(false);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const invalid: FieldErrors = {};
    if (!draft.title.trim()) invalid.title = t('events.validation.title');
    if (!draft.startDate) invalid.startDate = t('events.validation.startDate');
    if (!draft.endDate) invalid.endDate = t('events.validation.endDate');
    else if (draft.startDate && draft.endDate < draft.startDate) invalid.endDate = t('events.validation.endBeforeStart');
    if (!draft.timeZone.trim()) invalid.timeZone = t('events.validation.timeZone');
    if (!check(invalid)) return;
    const body: EventInput = {
      title: draft.title.trim(),
      titleLocal: draft.titleLocal.trim() || null,
      summary: draft.summary.trim() || null,
      type: draft.type,
      format: draft.format,
      place: draft.place.trim() || null,
      onlineUrl: draft.onlineUrl.trim() || null,
      timeZone: draft.timeZone.trim(),
      startDate: draft.startDate,
      endDate: draft.endDate,
      visibility: draft.visibility,
      status: draft.status,
      workingGroupCode: draft.workingGroupCode || null,
      series: draft.series.trim() || null,
      themes: draft.themes,
      capacity: draft.capacity ? Number(draft.capacity) : null,
    };
    const onError = (error: unknown) => fromError(error, fields);
    if (!event) {
      create.mutate(body, { onSuccess: onSaved, onError });
      return;
    }
    const patch: EventPatch = { ...body };
    update.mutate({ id: event.id, body: patch }, { onSuccess: (saved) => { setSaved(true); onSaved(saved); }, onError });
  }

  return (
    <form ref={form} className="form form--wide" onSubmit={onSubmit} noValidate>
      <FormAlert message={errors.form} />
      {saved ? <p role="status" className="alert alert--success">{t('events.saved')}</p> : null}
      <TextField label={t('events.field.title')} name="title" required value={draft.title} onChange={(e) => set('title', e.target.value)} error={errors.fields.title} />
      <TextField label={t('events.field.titleLocal')} name="titleLocal" dir="auto" value={draft.titleLocal} onChange={(e) => set('titleLocal', e.target.value)} error={errors.fields.titleLocal} />
      <TextArea label={t('events.field.summary')} name="summary" rows={4} value={draft.summary} onChange={(e) => set('summary', e.target.value)} error={errors.fields.summary} />
      <div className="form-row">
        <Select label={t('events.field.type')} name="type" value={draft.type} onChange={(e) => set('type', e.target.value as EventType)} options={eventTypes.map((v) => ({ value: v, label: t(`events.type.${v}`) }))} error={errors.fields.type} />
        <Select label={t('events.field.format')} name="format" value={draft.format} onChange={(e) => set('format', e.target.value as EventFormat)} options={eventFormats.map((v) => ({ value: v, label: t(`events.format.${v}`) }))} error={errors.fields.format} />
      </div>
      <TextField label={t('events.field.place')} name="place" value={draft.place} onChange={(e) => set('place', e.target.value)} error={errors.fields.place} />
      <TextField label={t('events.field.onlineUrl')} name="onlineUrl" type="url" inputMode="url" value={draft.onlineUrl} onChange={(e) => set('onlineUrl', e.target.value)} error={errors.fields.onlineUrl} />
      <TextField label={t('events.field.timeZone')} description={t('events.timeZoneHint')} name="timeZone" required list={zonesId} autoComplete="off" value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)} error={errors.fields.timeZone} />
      <datalist id={zonesId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div className="form-row">
        <TextField label={t('events.field.startDate')} name="startDate" type="date" required value={draft.startDate} onChange={(e) => set('startDate', e.target.value)} error={errors.fields.startDate} />
        <TextField label={t('events.field.endDate')} name="endDate" type="date" required value={draft.endDate} onChange={(e) => set('endDate', e.target.value)} error={errors.fields.endDate} />
      </div>
      <div className="form-row">
        <Select label={t('events.field.visibility')} name="visibility" value={draft.visibility} onChange={(e) => set('visibility', e.target.value as EventVisibility)} options={eventVisibilities.map((v) => ({ value: v, label: t(`events.visibility.${v}`) }))} error={errors.fields.visibility} />
        <Select label={t('events.field.status')} name="status" value={draft.status} onChange={(e) => set('status', e.target.value as EventStatus)} options={eventStatuses.map((v) => ({ value: v, label: t(`events.status.${v}`) }))} error={errors.fields.status} />
      </div>
      <Select
        label={t('events.field.workingGroup')}
        name="workingGroupCode"
        value={draft.workingGroupCode}
        onChange={(e) => set('workingGroupCode', e.target.value)}
        options={[{ value: '', label: t('events.organisedByRso') }, ...(reference.data?.workingGroups ?? []).map((w) => ({ value: w.code, label: w.name }))]}
        error={errors.fields.workingGroupCode}
      />
      <TextField label={t('events.field.series')} description={t('events.seriesHint')} name="series" value={draft.series} onChange={(e) => set('series', e.target.value)} error={errors.fields.series} />
      <fieldset className="checkbox-group" aria-describedby={errors.fields.themes ? 'event-themes-error' : undefined}>
        <legend>{t('events.field.themes')}</legend>
        {(reference.data?.themes ?? []).map((th) => (
          <Checkbox
            key={th.code}
            label={th.name}
            name="themes"
            value={th.code}
            checked={draft.themes.includes(th.code)}
            onChange={(e) => set('themes', e.target.checked ? [...draft.themes, th.code] : draft.themes.filter((c) => c !== th.code))}
          />
        ))}
        {errors.fields.themes ? <p className="field__error" id="event-themes-error">{errors.fields.themes}</p> : null}
      </fieldset>
      <TextField label={t('events.field.capacity')} name="capacity" type="number" inputMode="numeric" min={1} value={draft.capacity} onChange={(e) => set('capacity', e.target.value)} error={errors.fields.capacity} />
      <div className="form__actions">
        <Button type="submit" pending={create.isPending || update.isPending}>
          {event ? t('events.saveDetails') : t('events.create')}
        </Button>
      </div>
    </form>
  );
}
