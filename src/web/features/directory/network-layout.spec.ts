import { describe, expect, it } from 'vitest';
import type { Network } from './api';
import { createSimulation, layoutNetwork, nodeRadius, type LayoutEdge, type LayoutNode } from './network-layout';
import { nodePath, outline } from './network-model';

/** A graph like the demo data's: a few hubs, many agencies with one to four links each (a fixed pseudo-random mix). */
function graph(agencies: number): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  for (let m = 0; m < 7; m++) nodes.push({ id: `mandate:m${m}`, kind: 'mandate' });
  for (let w = 0; w < 9; w++) nodes.push({ id: `wg:w${w}`, kind: 'working_group' });
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let a = 0; a < agencies; a++) {
    nodes.push({ id: `agency:a${a}`, kind: 'agency' });
    const links = Math.floor(next() * 5);
    for (let l = 0; l < links; l++) edges.push({ source: `agency:a${a}`, target: next() < 0.5 ? `mandate:m${Math.floor(next() * 7)}` : `wg:w${Math.floor(next() * 9)}` });
  }
  return { nodes, edges };
}

describe('layoutNetwork', () => {
  it('places every node, the same way whatever the order of the input', () => {
    const { nodes, edges } = graph(120);
    const a = layoutNetwork(nodes, edges);
    const b = layoutNetwork([...nodes].reverse(), [...edges].reverse());
    expect(a.points.size).toBe(nodes.length);
    expect([...a.points].sort()).toEqual([...b.points].sort());
    for (const p of a.points.values()) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    }
  });

  it('keeps shapes from sitting on top of each other and the bounds around them all', () => {
    const { nodes, edges } = graph(200);
    const { points, bounds } = layoutNetwork(nodes, edges);
    const placed = nodes.map((n) => ({ ...points.get(n.id)!, r: nodeRadius[n.kind] }));
    for (let i = 0; i < placed.length; i++) {
      const p = placed[i]!;
      expect(p.x - p.r).toBeGreaterThanOrEqual(bounds.minX);
      expect(p.y + p.r).toBeLessThanOrEqual(bounds.maxY);
      for (let j = i + 1; j < placed.length; j++) {
        const q = placed[j]!;
        expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan((p.r + q.r) / 2);
      }
    }
  });

  it('runs in slices and reports its progress', () => {
    const { nodes, edges } = graph(50);
    const simulation = createSimulation(nodes, edges);
    expect(simulation.step(0)).toBe(false);
    expect(simulation.progress()).toBeGreaterThan(0);
    expect(simulation.progress()).toBeLessThan(1);
    while (!simulation.step(5));
    expect(simulation.progress()).toBe(1);
    expect(simulation.result().points).toEqual(layoutNetwork(nodes, edges).points);
  });

  it('copes with an empty graph, a lone node and links to nodes it was not given', () => {
    expect(layoutNetwork([], []).points.size).toBe(0);
    const lone = layoutNetwork([{ id: 'agency:x', kind: 'agency' }], [{ source: 'agency:x', target: 'mandate:gone' }]);
    expect(lone.points.get('agency:x')).toEqual({ x: expect.any(Number), y: expect.any(Number) });
  });
});

describe('network model', () => {
  const network: Network = {
    nodes: [
      { id: 'agency:a1', kind: 'agency', label: 'IMB (THA)', memberCode: 'THA' },
      { id: 'agency:a2', kind: 'agency', label: 'DSW (THA)', memberCode: 'THA' },
      { id: 'agency:a3', kind: 'agency', label: 'Lone (THA)', memberCode: 'THA' },
      { id: 'mandate:counter-trafficking', kind: 'mandate', label: 'Counter trafficking', memberCode: null },
      { id: 'wg:WG-TIP', kind: 'working_group', label: 'Working Group on Trafficking in Persons', memberCode: null },
    ],
    edges: [
      { source: 'agency:a1', target: 'mandate:counter-trafficking' },
      { source: 'agency:a2', target: 'mandate:counter-trafficking' },
      { source: 'agency:a1', target: 'wg:WG-TIP' },
      { source: 'agency:a1', target: 'wg:WG-TIP' },
    ],
    truncated: false,
  };

  it('opens each kind of node on its own page', () => {
    expect(nodePath(network.nodes[0]!)).toBe('/directory/agencies/a1');
    expect(nodePath(network.nodes[3]!)).toBe('/directory?mandate=counter-trafficking');
    expect(nodePath(network.nodes[4]!)).toBe('/directory?workingGroup=WG-TIP');
  });

  it('lists each hub with its agencies in name order, and the agencies linked to none', () => {
    const o = outline(network);
    expect(o.mandates.map((e) => [e.hub.label, e.agencies.map((a) => a.label)])).toEqual([['Counter trafficking', ['DSW (THA)', 'IMB (THA)']]]);
    expect(o.workingGroups.map((e) => e.agencies.map((a) => a.label))).toEqual([['IMB (THA)']]);
    expect(o.unlinked.map((a) => a.label)).toEqual(['Lone (THA)']);
    expect(o.agencyCount).toBe(3);
    expect(o.linkCount).toBe(3);
  });
});
