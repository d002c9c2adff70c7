import { Select, type SelectOption } from '@/web/components/select';
import { useT } from '@/web/i18n/use-t';
import { useReference } from '@/web/lib/reference';
import type { DirectoryFilters } from '../api';
import { agencyTypeList, freshnessList } from '../options';

type FilterKey = keyof DirectoryFilters;

interface DirectoryFilterFieldsProps {
  value: DirectoryFilters;
  onChange: (next: DirectoryFilters) => void;
  /** Which filters to offer (the network view has no agency type or freshness); all six when omitted. */
  fields?: readonly FilterKey[];
}

/** The six filters of the directory list; each applies as soon as it changes. */
export function DirectoryFilterFields({ value, onChange, fields }: DirectoryFilterFieldsProps) {
  const t = useT();
  const reference = useReference();
  const data = reference.data;
  const any = (label: string): SelectOption => ({ value: '', label });
  const set = (key: FilterKey) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  const shown = (key: FilterKey) => !fields || fields.includes(key);

  return (
    <div className="filters directory-filters">
      {shown('member') ? (
        <Select
          label={t('directory.member')}
          name="member"
          value={value.member}
          onChange={set('member')}
          options={[any(t('directory.anyMember')), ...(data?.members ?? []).map((m) => ({ value: m.code, label: m.name }))]}
        />
      ) : null}
      {shown('subregion') ? (
        <Select
          label={t('directory.subregion')}
          name="subregion"
          value={value.subregion}
          onChange={set('subregion')}
          options={[any(t('directory.anySubregion')), ...(data?.subregions ?? []).map((s) => ({ value: s.code, label: s.name }))]}
        />
      ) : null}
      {shown('mandate') ? (
        <Select
          label={t('directory.mandate')}
          name="mandate"
          value={value.mandate}
          onChange={set('mandate')}
          options={[any(t('directory.anyMandate')), ...(data?.mandates ?? []).map((m) => ({ value: m.code, label: m.name }))]}
        />
      ) : null}
      {shown('workingGroup') ? (
        <Select
          label={t('directory.workingGroup')}
          name="workingGroup"
          value={value.workingGroup}
          onChange={set('workingGroup')}
          options={[any(t('directory.anyWorkingGroup')), ...(data?.workingGroups ?? []).map((w) => ({ value: w.code, label: w.name }))]}
        />
      ) : null}
      {shown('agencyType') ? (
        <Select
          label={t('agency.type')}
          name="agencyType"
          value={value.agencyType}
          onChange={set('agencyType')}
          options={[any(t('directory.anyAgencyType')), ...agencyTypeList.map((a) => ({ value: a, label: t(`agencyType.${a}`) }))]}
        />
      ) : null}
      {shown('freshness') ? (
        <Select
          label={t('directory.freshness')}
          name="freshness"
          value={value.freshness}
          onChange={set('freshness')}
          options={[any(t('directory.anyFreshness')), ...freshnessList.map((f) => ({ value: f, label: t(`freshness.${f}`) }))]}
        />
      ) : null}
    </div>
  );
}
