import { Link } from 'react-router';
import { Section } from '@/web/components/page';
import { useT } from '@/web/i18n/use-t';
import type { NetworkNode } from '../api';
import { nodePath, type HubEntry, type NetworkOutline } from '../network-model';

/**
 * The drawing as text: each mandate and working group, as a link, with the agencies linked to it.
 * For screen readers, for small screens, and for anyone who would rather read than look.
 */
export function NetworkList({ outline }: { outline: NetworkOutline }) {
  const t = useT();
  return (
    <div className="network-list">
      {outline.mandates.length > 0 ? (
        <Section title={t('network.listMandates')}>
          <HubList entries={outline.mandates} />
        </Section>
      ) : null}
      {outline.workingGroups.length > 0 ? (
        <Section title={t('network.listWorkingGroups')}>
          <HubList entries={outline.workingGroups} />
        </Section>
      ) : null}
      {outline.unlinked.length > 0 ? (
        <Section title={t('network.listUnlinked')}>
          <AgencyLinks agencies={outline.unlinked} label={t('network.listUnlinked')} />
        </Section>
      ) : null}
    </div>
  );
}

function HubList({ entries }: { entries: readonly HubEntry[] }) {
  const t = useT();
  return (
    <ul className="network-list__hubs">
      {entries.map(({ hub, agencies }) => (
        <li key={hub.id}>
          <Link to={nodePath(hub)} className="network-list__hub">
            {hub.label}
          </Link>{' '}
          <span className="network-list__count">({agencies.length})</span>
          {agencies.length > 0 ? <AgencyLinks agencies={agencies} label={t('network.listAgencies', { name: hub.label })} /> : null}
        </li>
      ))}
    </ul>
  );
}

function AgencyLinks({ agencies, label }: { agencies: readonly NetworkNode[]; label: string }) {
  return (
    <ul className="network-list__agencies" aria-label={label}>
      {agencies.map((a) => (
        <li key={a.id}>
          <Link to={nodePath(a)} dir="auto">
            {a.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
