import { useEffect, useRef, useState } from 'react';
import type { ContactChannel, Visibility } from '@/contracts/directory';
import { Button } from '@/web/components/button';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import type { FieldErrors } from '@/web/lib/form-errors';
import { channelKindList, visibilityList, type ChannelKind } from '../options';

/** One row of the editor; `key` only keeps React's rows apart while they are added and removed. */
export interface ChannelDraft {
  key: string;
  kind: ChannelKind;
  value: string;
  label: string;
  visibility: Visibility;
}

export interface ChannelInput {
  kind: ChannelKind;
  value: string;
  label?: string;
  visibility: Visibility;
}

let nextKey = 0;
const newKey = () => `c${++nextKey}`;

export function toDrafts(channels: readonly ContactChannel[]): ChannelDraft[] {
  return channels.map((c) => ({ key: newKey(), kind: c.kind, value: c.value, label: c.label ?? '', visibility: c.visibility }));
}

export function emptyChannel(kind: ChannelKind = 'email', visibility: Visibility = 'members'): ChannelDraft {
  return { key: newKey(), kind, value: '', label: '', visibility };
}

/** The rows as the API takes them: trimmed, with an empty label left out. */
export function toChannelInputs(drafts: readonly ChannelDraft[]): ChannelInput[] {
  return drafts.map((d) => ({ kind: d.kind, value: d.value.trim(), ...(d.label.trim() ? { label: d.label.trim() } : {}), visibility: d.visibility }));
}

/** Field names the server's errors for row `i` map to (see `channelErrorFields`). */
export const channelField = (i: number, name: 'kind' | 'value' | 'label' | 'visibility') => `channel-${i}-${name}`;

export function channelFieldNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => (['kind', 'value', 'label', 'visibility'] as const).map((n) => channelField(i, n))).flat();
}

/** Empty values, checked before sending. */
export function checkChannels(drafts: readonly ChannelDraft[], message: string): FieldErrors {
  const invalid: FieldErrors = {};
  drafts.forEach((d, i) => {
    if (!d.value.trim()) invalid[channelField(i, 'value')] = message;
  });
  return invalid;
}

interface ChannelsEditorProps {
  value: ChannelDraft[];
  onChange: (next: ChannelDraft[]) => void;
  errors: FieldErrors;
  /** The group's name; "Contact channels" by default. */
  legend?: string;
}

/**
 * Contact channels as rows (kind, address or number, label, who may see it), with buttons to add and
 * remove rows. Focus follows: to the new row after adding, to "Add" after removing.
 */
export function ChannelsEditor({ value, onChange, errors, legend }: ChannelsEditorProps) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<{ target: 'last' | 'add'; n: number } | null>(null);

  useEffect(() => {
    if (!focus) return;
    if (focus.target === 'add') addButton.current?.focus();
    else list.current?.querySelector<HTMLElement>('fieldset:last-of-type select, fieldset:last-of-type input')?.focus();
  }, [focus]);

  const update = (i: number, patch: Partial<ChannelDraft>) => onChange(value.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <fieldset className="channels">
      <legend className="field__label">{legend ?? t('person.channels')}</legend>
      {value.length === 0 ? <p className="empty">{t('channels.none')}</p> : null}
      <div ref={list} className="channels__list">
        {value.map((d, i) => (
          <fieldset key={d.key} className="channel-row">
            <legend>{t('channels.row', { n: i + 1 })}</legend>
            <Select
              label={t('channels.kind')}
              value={d.kind}
              onChange={(e) => update(i, { kind: e.target.value as ChannelKind })}
              options={channelKindList.map((k) => ({ value: k, label: t(`channelKind.${k}`) }))}
              error={errors[channelField(i, 'kind')]}
            />
            <TextField
              label={t('channels.value')}
              value={d.value}
              onChange={(e) => update(i, { value: e.target.value })}
              type={d.kind === 'email' ? 'email' : d.kind === 'phone' || d.kind === 'mobile' || d.kind === 'fax' ? 'tel' : 'text'}
              autoComplete="off"
              required
              error={errors[channelField(i, 'value')]}
            />
            <TextField
              label={t('channels.label')}
              description={t('channels.labelHint')}
              value={d.label}
              onChange={(e) => update(i, { label: e.target.value })}
              error={errors[channelField(i, 'label')]}
            />
            <Select
              label={t('channels.visibility')}
              value={d.visibility}
              onChange={(e) => update(i, { visibility: e.target.value as Visibility })}
              options={visibilityList.map((v) => ({ value: v, label: `${t(`visibility.${v}`)}: ${t(`visibility.${v}.hint`)}` }))}
              error={errors[channelField(i, 'visibility')]}
            />
            <div className="channel-row__actions">
              <Button
                variant="secondary"
                onClick={() => {
                  onChange(value.filter((_, j) => j !== i));
                  setFocus({ target: 'add', n: Date.now() });
                }}
              >
                {t('channels.remove')}
                <span className="visually-hidden"> {t('channels.row', { n: i + 1 })}</span>
              </Button>
            </div>
          </fieldset>
        ))}
      </div>
      <button
        ref={addButton}
        type="button"
        className="button button--secondary"
        onClick={() => {
          onChange([...value, emptyChannel()]);
          setFocus({ target: 'last', n: Date.now() });
        }}
      >
        {t('channels.add')}
      </button>
    </fieldset>
  );
}

/**
 * Rewrites the server's paths for channel rows (`channels.2.value`) to this editor's field names, so the
 * message appears next to the right row: form-errors keeps only a path's last segment.
 */
export function channelErrorFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem.errors) return error;
  const errors = error.problem.errors.map((item) => {
    const m = /(?:^|\.)channels\.(\d+)\.(kind|value|label|visibility)$/.exec(item.field);
    return m ? { ...item, field: `channel-${m[1]}-${m[2]}` } : item;
  });
  return new ApiError(error.status, { ...error.problem, errors }, error.retryAfter);
}
