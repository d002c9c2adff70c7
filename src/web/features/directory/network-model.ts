import type { Network, NetworkNode } from './api';

/** The record behind a node id: `agency:<id>`, `mandate:<code>` or `wg:<code>`. */
export function nodeCode(node: Pick<NetworkNode, 'id'>): string {
  const colon = node.id.indexOf(':');
  return colon < 0 ? node.id : node.id.slice(colon + 1);
}

/** Where a node leads: an agency to its page, a mandate or working group to the directory filtered by it. */
export function nodePath(node: Pick<NetworkNode, 'id' | 'kind'>): string {
  const code = encodeURIComponent(nodeCode(node));
  switch (node.kind) {
    case 'agency':
      return `/directory/agencies/${code}`;
    case 'mandate':
      return `/directory?mandate=${code}`;
    case 'working_group':
      return `/directory?workingGroup=${code}`;
  }
}

export interface HubEntry {
  hub: NetworkNode;
  agencies: NetworkNode[];
}

export interface NetworkOutline {
  mandates: HubEntry[];
  workingGroups: HubEntry[];
  /** Agencies linked to no mandate and no working group. */
  unlinked: NetworkNode[];
  /** Node id to the ids it is linked to, both ways. */
  neighbours: ReadonlyMap<string, ReadonlySet<string>>;
  agencyCount: number;
  linkCount: number;
}

const byLabel = (a: NetworkNode, b: NetworkNode) => a.label.localeCompare(b.label);

/** The graph as a tree: each mandate and working group with its agencies, for the list and the counts. */
export function outline(network: Network): NetworkOutline {
  const nodes = new Map(network.nodes.map((n) => [n.id, n]));
  const neighbours = new Map<string, Set<string>>(network.nodes.map((n) => [n.id, new Set()]));
  let linkCount = 0;
  for (const e of network.edges) {
    const a = neighbours.get(e.source);
    const b = neighbours.get(e.target);
    if (!a || !b || a.has(e.target)) continue;
    a.add(e.target);
    b.add(e.source);
    linkCount++;
  }
  const entry = (hub: NetworkNode): HubEntry => ({
    hub,
    agencies: [...(neighbours.get(hub.id) ?? [])]
      .map((id) => nodes.get(id))
      .filter((n): n is NetworkNode => n?.kind === 'agency')
      .sort(byLabel),
  });
  const agencies = network.nodes.filter((n) => n.kind === 'agency');
  return {
    mandates: network.nodes.filter((n) => n.kind === 'mandate').sort(byLabel).map(entry),
    workingGroups: network.nodes.filter((n) => n.kind === 'working_group').sort(byLabel).map(entry),
    unlinked: agencies.filter((n) => (neighbours.get(n.id)?.size ?? 0) === 0).sort(byLabel),
    neighbours,
    agencyCount: agencies.length,
    linkCount,
  };
}
