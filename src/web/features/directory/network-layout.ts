/*
 * A small force-directed layout for the network view, written out here rather than taken from a library:
 * all nodes repel each other, each link pulls its two ends to a set length, and a weak pull keeps
 * everything near the middle. It runs a fixed number of steps from fixed starting points, so the same
 * graph is always drawn the same way, and in slices (`step(budgetMs)`) so the page stays responsive.
 */

export type NodeKind = 'agency' | 'mandate' | 'working_group';

export interface LayoutNode {
  id: string;
  kind: NodeKind;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutResult {
  points: ReadonlyMap<string, Point>;
  /** The smallest box around every node, shapes included. */
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

export interface Simulation {
  /** Runs steps until done or until `budgetMs` has passed; true once the layout is finished. */
  step: (budgetMs?: number) => boolean;
  /** Share of the steps run so far, 0 to 1. */
  progress: () => number;
  result: () => LayoutResult;
}

/** Shape sizes (radius, or half the side), in layout units; the drawing uses the same numbers. */
export const nodeRadius: Record<NodeKind, number> = { agency: 7, mandate: 11, working_group: 13 };

const ITERATIONS = 300;
const ALPHA_MIN = 0.001;
const ALPHA_DECAY = 1 - ALPHA_MIN ** (1 / ITERATIONS);
const VELOCITY_KEEP = 0.6;
const LINK_DISTANCE = 55;
const CHARGE: Record<NodeKind, number> = { agency: -45, mandate: -260, working_group: -260 };
/** Pulls towards the middle; weaker sideways, so the drawing comes out wider than tall, like most screens. */
const CENTRE_X = 0.025;
const CENTRE_Y = 0.04;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Mandates and working groups keep at least this far apart, so their names have room. */
const HUB_GAP = 100;

const hubOrder: Record<NodeKind, number> = { mandate: 0, working_group: 1, agency: 2 };

export function createSimulation(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Simulation {
  // Sorted, so the server's order of rows does not change the picture.
  const sorted = [...nodes].sort((a, b) => hubOrder[a.kind] - hubOrder[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted.length;
  const index = new Map(sorted.map((node, i) => [node.id, i]));
  const links: [number, number][] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    const key = `${e.source}\u0000${e.target}`;
    if (s === undefined || t === undefined || s === t || seen.has(key)) continue;
    seen.add(key);
    links.push([s, t]);
  }
  // In a fixed order too: the springs are applied one after the other, so their order counts.
  links.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const degree = new Float64Array(n);
  for (const [s, t] of links) {
    degree[s] = (degree[s] ?? 0) + 1;
    degree[t] = (degree[t] ?? 0) + 1;
  }
  const neighbours: number[][] = sorted.map(() => []);
  for (const [s, t] of links) {
    neighbours[s]?.push(t);
    neighbours[t]?.push(s);
  }

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  const charge = new Float64Array(n);
  const radius = new Float64Array(n);
  sorted.forEach((node, i) => {
    charge[i] = CHARGE[node.kind] * (node.kind === 'agency' ? 1 : 1 + Math.sqrt(degree[i] ?? 0) / 4);
    radius[i] = nodeRadius[node.kind];
  });

  // Starting points: mandates and working groups evenly on an inner circle, each agency near the
  // middle of the ones it is linked to (pushed a little outwards), agencies linked to nothing on an outer ring.
  const hubs = sorted.filter((node) => node.kind !== 'agency').length;
  const hubRing = Math.max(90, (hubs * 70) / (2 * Math.PI));
  for (let i = 0; i < hubs; i++) {
    const angle = (2 * Math.PI * i) / hubs - Math.PI / 2;
    x[i] = hubRing * Math.cos(angle);
    y[i] = hubRing * Math.sin(angle);
  }
  const agencies = n - hubs;
  const outerRing = hubRing * 2 + Math.sqrt(agencies) * 6;
  const crowd = new Map<string, number>();
  let loners = 0;
  for (let i = hubs; i < n; i++) {
    const linked = neighbours[i] ?? [];
    if (linked.length === 0) {
      const angle = GOLDEN_ANGLE * loners++;
      x[i] = outerRing * Math.cos(angle);
      y[i] = outerRing * Math.sin(angle);
      continue;
    }
    let sx = 0;
    let sy = 0;
    for (const j of linked) {
      sx += x[j] ?? 0;
      sy += y[j] ?? 0;
    }
    sx /= linked.length;
    sy /= linked.length;
    // Agencies with the same links start on a small spiral around their common spot, not on top of each other.
    const key = [...linked].sort((a, b) => a - b).join(',');
    const k = crowd.get(key) ?? 0;
    crowd.set(key, k + 1);
    const out = linked.length === 1 ? 1.5 : 1.15;
    const spread = 14 * Math.sqrt(k + 1);
    x[i] = sx * out + spread * Math.cos(GOLDEN_ANGLE * k + i);
    y[i] = sy * out + spread * Math.sin(GOLDEN_ANGLE * k + i);
  }

  // Link strength as in most force layouts: a link to a busy node moves that node less.
  const linkStrength = links.map(([s, t]) => 1 / Math.max(1, Math.min(degree[s] ?? 1, degree[t] ?? 1)));
  const linkBias = links.map(([s, t]) => (degree[s] ?? 1) / ((degree[s] ?? 1) + (degree[t] ?? 1)));

  let alpha = 1;
  let done = 0;

  // Typed arrays of length n, indexed below n: the `!`s only tell the compiler so.
  function tick(): void {
    // Repulsion between every pair, plus a push apart where shapes would overlap.
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      const ci = charge[i]!;
      const ri = radius[i]!;
      for (let j = i + 1; j < n; j++) {
        let dx = x[j]! - xi;
        let dy = y[j]! - yi;
        if (dx === 0 && dy === 0) {
          // Exactly on top of each other: a fixed nudge, never a random one.
          dx = (j - i) * 1e-3;
          dy = (i - j) * 7e-4;
        }
        const d2 = Math.max(1, dx * dx + dy * dy);
        // Charges are negative: each node moves away from the other, by the other's charge.
        const wi = (charge[j]! * alpha) / d2;
        const wj = (ci * alpha) / d2;
        vx[i]! += dx * wi;
        vy[i]! += dy * wi;
        vx[j]! -= dx * wj;
        vy[j]! -= dy * wj;
        // Hubs come first in `sorted`, so both are hubs when j is below their count.
        const min = j < hubs ? HUB_GAP : ri + radius[j]! + 3;
        if (d2 < min * min) {
          const d = Math.sqrt(d2);
          const push = ((min - d) / d) * 0.5;
          vx[i]! -= dx * push;
          vy[i]! -= dy * push;
          vx[j]! += dx * push;
          vy[j]! += dy * push;
        }
      }
    }
    // Springs along the links.
    for (let l = 0; l < links.length; l++) {
      const [s, t] = links[l]!;
      const dx = x[t]! + vx[t]! - x[s]! - vx[s]! || 1e-3;
      const dy = y[t]! + vy[t]! - y[s]! - vy[s]! || 1e-3;
      const d = Math.sqrt(dx * dx + dy * dy);
      const f = ((d - LINK_DISTANCE) / d) * alpha * linkStrength[l]!;
      const bias = linkBias[l]!;
      vx[t]! -= dx * f * bias;
      vy[t]! -= dy * f * bias;
      vx[s]! += dx * f * (1 - bias);
      vy[s]! += dy * f * (1 - bias);
    }
    // Centring, friction, then move.
    for (let i = 0; i < n; i++) {
      vx[i] = (vx[i]! - x[i]! * CENTRE_X * alpha) * VELOCITY_KEEP;
      vy[i] = (vy[i]! - y[i]! * CENTRE_Y * alpha) * VELOCITY_KEEP;
      x[i]! += vx[i]!;
      y[i]! += vy[i]!;
    }
    alpha -= alpha * ALPHA_DECAY;
    done++;
  }

  return {
    step(budgetMs = Infinity) {
      const start = performance.now();
      while (done < ITERATIONS) {
        tick();
        if (performance.now() - start >= budgetMs) break;
      }
      return done >= ITERATIONS;
    },
    progress: () => done / ITERATIONS,
    result() {
      const points = new Map<string, Point>();
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      sorted.forEach((node, i) => {
        const px = Math.round((x[i] ?? 0) * 10) / 10;
        const py = Math.round((y[i] ?? 0) * 10) / 10;
        points.set(node.id, { x: px, y: py });
        const r = radius[i] ?? 0;
        minX = Math.min(minX, px - r);
        minY = Math.min(minY, py - r);
        maxX = Math.max(maxX, px + r);
        maxY = Math.max(maxY, py + r);
      });
      return { points, bounds: n ? { minX, minY, maxX, maxY } : { minX: 0, minY: 0, maxX: 0, maxY: 0 } };
    },
  };
}

/** The whole layout at once (tests, and small graphs). */
export function layoutNetwork(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): LayoutResult {
  const simulation = createSimulation(nodes, edges);
  simulation.step();
  return simulation.result();
}
