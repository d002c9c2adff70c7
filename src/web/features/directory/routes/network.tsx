import '@/web/styles/directory.css';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Page } from '@/web/components/page';
import { QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { useNetwork, type DirectoryFilters, type NetworkFilters } from '../api';
import { DirectoryFilterFields } from '../components/directory-filters';
import { NetworkGraph, NodeShape, useNetworkLayout } from '../components/network-graph';
import { NetworkList } from '../components/network-list';
import type { NodeKind } from '../network-layout';
import { outline as toOutline } from '../network-model';

const filterKeys = ['member', 'subregion', 'mandate', 'workingGroup'] as const satisfies readonly (keyof NetworkFilters)[];
const kinds: readonly NodeKind[] = ['agency', 'mandate', 'working_group'];

/** The filters and the choice of drawing or list live in the address, like the directory's search. */
function readFilters(params: URLSearchParams): NetworkFilters {
  return {
    member: (params.get('member') ?? '').toUpperCase(),
    subregion: params.get('subregion') ?? '',
    mandate: params.get('mandate') ?? '',
    workingGroup: params.get('workingGroup') ?? '',
  };
}

function writeParams(filters: NetworkFilters, asList: boolean): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of filterKeys) if (filters[key]) next.set(key, filters[key]);
  if (asList) next.set('view', 'list');
  return next;
}

export function NetworkRoute() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const asList = params.get('view') === 'list';
  const network = useNetwork(filters);
  const data = network.data;
  const outline = useMemo(() => (data ? toOutline(data) : null), [data]);
  // The drawing is laid out only when it is shown.
  const { laidOut, arranging } = useNetworkLayout(asList ? undefined : data);
  const drawnOutline = useMemo(() => (laidOut ? (laidOut.network === data ? outline : toOutline(laidOut.network)) : null), [laidOut, data, outline]);
  const filtered = filterKeys.some((k) => filters[k] !== '');

  function applyFilters(next: DirectoryFilters) {
    setParams(writeParams({ member: next.member, subregion: next.subregion, mandate: next.mandate, workingGroup: next.workingGroup }, asList));
  }

  const loading = network.isPending || (network.isPlaceholderData && network.isFetching);
  const status = network.isError
    ? ''
    : loading
      ? t('common.loading')
      : !asList && arranging
        ? t('network.arranging')
        : outline && outline.agencyCount > 0
          ? t('network.summary', { agencies: outline.agencyCount, mandates: outline.mandates.length, groups: outline.workingGroups.length, links: outline.linkCount })
          : '';

  return (
    <Page title={t('network.title')} lead={t('network.lead')}>
      <form className="network-filters" role="search" aria-label={t('network.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <DirectoryFilterFields value={{ ...filters, agencyType: '', freshness: '' }} onChange={applyFilters} fields={filterKeys} />
        {filtered ? (
          <p>
            <Button variant="link" onClick={() => applyFilters({ member: '', subregion: '', mandate: '', workingGroup: '', agencyType: '', freshness: '' })}>
              {t('directory.clearFilters')}
            </Button>
          </p>
        ) : null}
      </form>

      {data?.truncated ? <Alert kind="info" title={t('network.truncated')} /> : null}
      {/* Always present, so screen readers hear each new count. */}
      <p role="status" className="directory-status">
        {status}
      </p>

      {network.isError ? (
        <QueryError error={network.error} onRetry={() => void network.refetch()} />
      ) : !data || !outline ? null : outline.agencyCount === 0 ? (
        <p className="empty">{t('network.none')}</p>
      ) : (
        <>
          <div className="network-toolbar">
            <Button variant="secondary" aria-pressed={asList} onClick={() => setParams(writeParams(filters, !asList), { replace: true })}>
              {t('network.showAsList')}
            </Button>
          </div>
          {asList ? (
            <NetworkList outline={outline} />
          ) : (
            <>
              <ul className="network-legend" aria-label={t('network.legend')}>
                {kinds.map((kind) => (
                  <li key={kind}>
                    <svg className="network-legend__shape" viewBox="-15 -15 30 30" aria-hidden="true" focusable="false">
                      <g className={`network__node--${kind}`}>
                        <NodeShape kind={kind} className="network__shape" />
                      </g>
                    </svg>
                    {t(`network.legend.${kind}`)}
                  </li>
                ))}
              </ul>
              {/* Until the first layout is ready, the status line above says it is being arranged. */}
              {laidOut && drawnOutline ? <NetworkGraph laidOut={laidOut} outline={drawnOutline} busy={arranging} /> : null}
            </>
          )}
        </>
      )}
    </Page>
  );
}
