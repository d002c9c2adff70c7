import { useRef, useState, type FormEvent } from 'react';
import type { Agency, AgencyType } from '@/contracts/directory';
import type { Member } from '@/contracts/reference';
import { FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { useFormErrors, type FieldErrors } from '@/web/lib/form-errors';
import { useReference } from '@/web/lib/reference';
import { useAgencies, useCreateAgency, useUpdateAgency, type AgencyInput, type AgencyPatch } from '../api';
import { agencyTypeList } from '../options';
import { CheckboxGroup } from './checkbox-group';
import { TextArea } from '@/web/components/text-area';

const fields = ['memberCode', 'nameEn', 'nameLocal', 'acronym', 'type', 'mandates', 'parentId', 'website', 'address'] as const;

interface Draft {
  memberCode: string;
  nameEn: string;
  nameLocal: string;
  acronym: string;
  type: AgencyType;
  mandates: string[];
  parentId: string;
  website: string;
  address: string;
}

function draftOf(agency: Agency | undefined, memberCode: string): Draft {
  return {
    memberCode: agency?.memberCode ?? memberCode,
    nameEn: agency?.nameEn ?? '',
    nameLocal: agency?.nameLocal ?? '',
    acronym: agency?.acronym ?? '',
    type: agency?.type ?? 'ministry',
    mandates: agency?.mandates ?? [],
    parentId: agency?.parent?.id ?? '',
    website: agency?.website ?? '',
    address: agency?.address ?? '',
  };
}

interface AgencyFormProps {
  /** The agency to edit; without it the form adds a new one. */
  agency?: Agency;
  /** Members a new agency may belong to (a coordinator's own, or all). */
  members?: readonly Member[];
  onSaved: (agency: Agency) => void;
  onCancel?: () => void;
}

/** An agency's fields, for adding one or editing it; mandates are checkboxes. */
export function AgencyForm({ agency, members = [], onSaved, onCancel }: AgencyFormProps) {
  const t = useT();
  const reference = useReference();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const create = useCreateAgency();
  const update = useUpdateAgency();
  const [draft, setDraft] = useState<Draft>(() => draftOf(agency, members.length === 1 ? (members[0]?.code ?? '') : ''));
  const siblings = useAgencies(draft.memberCode);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const pending = create.isPending || update.isPending;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FieldErrors = {};
    if (!agency && !draft.memberCode) invalid.memberCode = t('validation.memberRequired');
    if (!draft.nameEn.trim()) invalid.nameEn = t('validation.agencyNameRequired');
    const website = draft.website.trim();
    if (website && !/^https?:\/\/\S+\.\S+/i.test(website)) invalid.website = t('validation.websiteFormat');
    if (!check(invalid)) return;

    const common = {
      nameEn: draft.nameEn.trim(),
      nameLocal: draft.nameLocal.trim(),
      acronym: draft.acronym.trim(),
      type: draft.type,
      mandates: draft.mandates,
      parentId: draft.parentId || null,
      website: website || null,
      address: draft.address.trim(),
    };
    const onError = (error: unknown) => fromError(error, fields);
    if (!agency) {
      const body: AgencyInput = { memberCode: draft.memberCode, ...common };
      create.mutate(body, { onSuccess: onSaved, onError });
      return;
    }
    // Only what changed is sent, so the history names the fields that really changed.
    const before = draftOf(agency, agency.memberCode);
    const body: AgencyPatch = {};
    if (common.nameEn !== before.nameEn) body.nameEn = common.nameEn;
    if (common.nameLocal !== before.nameLocal) body.nameLocal = common.nameLocal;
    if (common.acronym !== before.acronym) body.acronym = common.acronym;
    if (common.type !== before.type) body.type = common.type;
    if (common.mandates.join() !== before.mandates.join()) body.mandates = common.mandates;
    if ((common.parentId ?? '') !== before.parentId) body.parentId = common.parentId;
    if ((common.website ?? '') !== before.website) body.website = common.website;
    if (common.address !== before.address) body.address = common.address;
    if (Object.keys(body).length === 0) {
      check({ nameEn: t('validation.nothingChanged') });
      return;
    }
    update.mutate({ id: agency.id, body }, { onSuccess: onSaved, onError });
  }

  const parentOptions = (siblings.data?.items ?? []).filter((a) => a.id !== agency?.id);

  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={errors.form} />
      {agency ? null : (
        <Select
          label={t('directory.member')}
          name="memberCode"
          required
          value={draft.memberCode}
          onChange={(e) => setDraft((d) => ({ ...d, memberCode: e.target.value, parentId: '' }))}
          options={[{ value: '', label: t('agency.chooseMember') }, ...members.map((m) => ({ value: m.code, label: m.name }))]}
          error={errors.fields.memberCode}
        />
      )}
      <TextField
        label={t('agency.nameEn')}
        name="nameEn"
        required
        value={draft.nameEn}
        onChange={(e) => set('nameEn', e.target.value)}
        error={errors.fields.nameEn}
      />
      <TextField
        label={t('field.nameLocal')}
        description={t('agency.nameLocalHint')}
        name="nameLocal"
        dir="auto"
        value={draft.nameLocal}
        onChange={(e) => set('nameLocal', e.target.value)}
        error={errors.fields.nameLocal}
      />
      <TextField
        label={t('agency.acronym')}
        name="acronym"
        value={draft.acronym}
        onChange={(e) => set('acronym', e.target.value)}
        error={errors.fields.acronym}
      />
      <Select
        label={t('agency.type')}
        name="type"
        value={draft.type}
        onChange={(e) => set('type', e.target.value as AgencyType)}
        options={agencyTypeList.map((a) => ({ value: a, label: t(`agencyType.${a}`) }))}
        error={errors.fields.type}
      />
      <CheckboxGroup
        legend={t('agency.mandates')}
        name="mandates"
        options={(reference.data?.mandates ?? []).map((m) => ({ value: m.code, label: m.name }))}
        value={draft.mandates}
        onChange={(next) => set('mandates', next)}
        error={errors.fields.mandates}
      />
      <Select
        label={t('agency.parent')}
        description={t('agency.parentHint')}
        name="parentId"
        value={draft.parentId}
        disabled={!draft.memberCode}
        onChange={(e) => set('parentId', e.target.value)}
        options={[
          { value: '', label: t('agency.noParent') },
          // Until the list arrives, keep the current parent on offer so the select does not lose it.
          ...(parentOptions.length === 0 && agency?.parent ? [{ value: agency.parent.id, label: agency.parent.nameEn }] : []),
          ...parentOptions.map((a) => ({ value: a.id, label: a.nameEn })),
        ]}
        error={errors.fields.parentId}
      />
      <TextField
        label={t('agency.website')}
        description={t('agency.websiteHint')}
        name="website"
        type="url"
        inputMode="url"
        value={draft.website}
        onChange={(e) => set('website', e.target.value)}
        error={errors.fields.website}
      />
      <TextArea
        label={t('agency.address')}
        name="address"
        dir="auto"
        value={draft.address}
        onChange={(e) => set('address', e.target.value)}
        error={errors.fields.address}
      />
      <div className="form__actions">
        <Button type="submit" pending={pending}>
          {agency ? t('common.save') : t('agency.create')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
