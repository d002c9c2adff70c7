import '@/web/styles/directory.css';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from '@/web/components/page';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { useReference } from '@/web/lib/reference';
import { useCoverage, type CoverageFilters } from '../api';
import { CoverageCell, CoverageLegend } from '../components/coverage-cell';

export function CoverageRoute() {
  const t = useT();
  const reference = useReference();
  const [params, setParams] = useSearchParams();
  const filters: CoverageFilters = { subregion: params.get('subregion') ?? '', workingGroup: params.get('workingGroup') ?? '' };
  const coverage = useCoverage(filters);
  const captionId = useId();

  function set(key: keyof CoverageFilters, value: string) {
    const next = { ...filters, [key]: value };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== '')));
  }

  const data = coverage.data;
  return (
    <Page title={t('coverage.title')} lead={t('coverage.lead')}>
      <form className="filters coverage-filters" role="search" aria-label={t('coverage.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <Select
          label={t('directory.subregion')}
          name="subregion"
          value={filters.subregion}
          onChange={(e) => set('subregion', e.target.value)}
          options={[{ value: '', label: t('directory.anySubregion') }, ...(reference.data?.subregions ?? []).map((s) => ({ value: s.code, label: s.name }))]}
        />
        <Select
          label={t('directory.workingGroup')}
          name="workingGroup"
          value={filters.workingGroup}
          onChange={(e) => set('workingGroup', e.target.value)}
          options={[{ value: '', label: t('directory.anyWorkingGroup') }, ...(reference.data?.workingGroups ?? []).map((w) => ({ value: w.code, label: w.name }))]}
        />
      </form>
      <CoverageLegend />
      {coverage.isPending ? (
        <Loading />
      ) : coverage.isError ? (
        <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : data && data.rows.length === 0 ? (
        <p className="empty">{t('coverage.none')}</p>
      ) : data ? (
        <div className="table-scroll coverage-scroll" role="region" aria-label={t('coverage.regionLabel')} tabIndex={0}>
          <table className="table coverage" aria-busy={coverage.isFetching || undefined}>
            <caption id={captionId}>{t('coverage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.member')}</th>
                {data.mandates.map((m) => (
                  <th key={m.code} scope="col">
                    {m.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.memberCode}>
                  <th scope="row">{r.memberName}</th>
                  {data.mandates.map((m) => {
                    const counts = r.cells[m.code] ?? { confirmed: 0, stale: 0, missing: 0 };
                    return (
                      <td key={m.code}>
                        <CoverageCell memberCode={r.memberCode} memberName={r.memberName} mandateCode={m.code} mandateName={m.name} counts={counts} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
