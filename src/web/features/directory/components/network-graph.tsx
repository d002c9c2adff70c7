import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/web/components/button';
import { useT, type Translate } from '@/web/i18n/use-t';
import type { Network, NetworkNode } from '../api';
import { createSimulation, nodeRadius, type LayoutResult, type NodeKind, type Point } from '../network-layout';
import { nodePath, type NetworkOutline } from '../network-model';

/** A drawing and the graph it was computed for: while a new layout is computed, the last one stays on screen. */
export interface LaidOut {
  network: Network;
  layout: LayoutResult;
}

/** Milliseconds of layout work per animation frame, so scrolling and typing stay smooth meanwhile. */
const FRAME_BUDGET_MS = 10;

/**
 * Lays the graph out in slices, one per animation frame. Returns the latest finished drawing (possibly of an
 * earlier graph) and whether a newer one is being computed.
 */
export function useNetworkLayout(network: Network | undefined): { laidOut: LaidOut | null; arranging: boolean } {
  const [laidOut, setLaidOut] = useState<LaidOut | null>(null);
  useEffect(() => {
    if (!network) return;
    const simulation = createSimulation(network.nodes, network.edges);
    let frame = 0;
    const run = () => {
      if (simulation.step(FRAME_BUDGET_MS)) setLaidOut({ network, layout: simulation.result() });
      else frame = requestAnimationFrame(run);
    };
    frame = requestAnimationFrame(run);
    return () => cancelAnimationFrame(frame);
  }, [network]);
  return { laidOut, arranging: !!network && laidOut?.network !== network };
}

interface View {
  /** Zoom factor, and the shift applied after it, in drawing units. */
  k: number;
  x: number;
  y: number;
}

const HOME: View = { k: 1, x: 0, y: 0 };
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 8;
const BUTTON_STEP = 1.5;
/** Room around the nodes for the mandates' and working groups' names. */
const PADDING = { x: 120, y: 40 };
/** On-screen size of the names, in CSS pixels, whatever the zoom. */
const LABEL_PX = 13;
/** Longer names are shortened in the drawing; the full name is shown on hover and focus, and is the link's name. */
const LABEL_CHARS = 36;
/**
 * Names larger than this (in drawing units) would cover the drawing, as on a phone before zooming in: then only
 * the name under the pointer or in focus is shown, until the reader zooms in.
 */
const MAX_LABEL_UNITS = 24;

const shorten = (label: string) => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1).trimEnd()}…` : label);

const clampZoom = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

/** Zooms by `factor` keeping the drawing point under `at` (in viewBox units) where it is. */
function zoomAt(view: View, factor: number, at: Point): View {
  const k = clampZoom(view.k * factor);
  const f = k / view.k;
  return { k, x: at.x - (at.x - view.x) * f, y: at.y - (at.y - view.y) * f };
}

function toViewBox(svg: SVGSVGElement, clientX: number, clientY: number): Point | null {
  const matrix = svg.getScreenCTM();
  if (!matrix) return null;
  const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
  return { x: p.x, y: p.y };
}

/** A node's shape: agencies are circles, mandates squares, working groups diamonds. */
export function NodeShape({ kind, className, grow = 0 }: { kind: NodeKind; className?: string; grow?: number }) {
  const r = nodeRadius[kind] + grow;
  switch (kind) {
    case 'agency':
      return <circle className={className} r={r} />;
    case 'mandate':
      return <rect className={className} x={-r} y={-r} width={2 * r} height={2 * r} />;
    case 'working_group':
      return <polygon className={className} points={`0,${-r} ${r},0 0,${r} ${-r},0`} />;
  }
}

interface DrawnNode {
  node: NetworkNode;
  at: Point;
  path: string;
  name: string;
}

function accessibleName(t: Translate, node: NetworkNode, links: number): string {
  const kind = t(`network.kind.${node.kind}`);
  return node.kind === 'agency' ? t('network.nodeName', { kind, label: node.label }) : t('network.hubName', { kind, label: node.label, count: links });
}

interface NodeLayerProps {
  nodes: readonly DrawnNode[];
  onOpen: (path: string) => void;
  onHover: (id: string | null) => void;
  onFocusNode: (id: string | null) => void;
}

/**
 * Every node is a real link (an SVG <a> with an href), named by its kind and label, so it is reached with Tab,
 * opened with Enter or a click, and can be opened in a new tab. Memoised: panning and zooming do not redraw it.
 */
const NodeLayer = memo(function NodeLayer({ nodes, onOpen, onHover, onFocusNode }: NodeLayerProps) {
  return (
    <g className="network__nodes">
      {nodes.map(({ node, at, path, name }) => (
        <g key={node.id} transform={`translate(${at.x} ${at.y})`}>
          <a
            href={path}
            className={`network__node network__node--${node.kind}`}
            tabIndex={0}
            aria-label={name}
            data-node-id={node.id}
            onClick={(e: MouseEvent) => {
              if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
              e.preventDefault();
              onOpen(path);
            }}
            onKeyDown={(e: KeyboardEvent) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              onOpen(path);
            }}
            onFocus={() => onFocusNode(node.id)}
            onBlur={() => onFocusNode(null)}
            onPointerEnter={() => onHover(node.id)}
            onPointerLeave={() => onHover(null)}
          >
            <NodeShape kind={node.kind} className="network__ring" grow={4} />
            <NodeShape kind={node.kind} className="network__shape" />
          </a>
        </g>
      ))}
    </g>
  );
});

const EdgeLayer = memo(function EdgeLayer({ network, points, className }: { network: Pick<Network, 'edges'>; points: LayoutResult['points']; className: string }) {
  return (
    <g className={className} aria-hidden="true">
      {network.edges.map((e) => {
        const a = points.get(e.source);
        const b = points.get(e.target);
        return a && b ? <line key={`${e.source}>${e.target}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} /> : null;
      })}
    </g>
  );
});

interface NetworkGraphProps {
  laidOut: LaidOut;
  outline: NetworkOutline;
  /** A newer layout is on its way. */
  busy?: boolean;
}

/** The network drawn as SVG: pan by dragging, zoom with the wheel or the buttons, every node a link. */
export function NetworkGraph({ laidOut, outline, busy = false }: NetworkGraphProps) {
  const t = useT();
  const navigate = useNavigate();
  const { network, layout } = laidOut;
  const svgRef = useRef<SVGSVGElement>(null);
  const helpId = useId();
  const [view, setView] = useState<View>(HOME);
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  /** CSS pixels per drawing unit at zoom 1, to keep names readable at any size and zoom. */
  const [pxPerUnit, setPxPerUnit] = useState(1);
  const drag = useRef<{ pointer: number; start: Point; from: View; clientX: number; clientY: number; moved: boolean } | null>(null);
  const swallowClick = useRef(false);
  const [dragging, setDragging] = useState(false);

  const { bounds, points } = layout;
  const box = useMemo(() => {
    const width = Math.max(320, bounds.maxX - bounds.minX + 2 * PADDING.x);
    const height = Math.max(240, bounds.maxY - bounds.minY + 2 * PADDING.y);
    const cx = (bounds.minX + bounds.maxX) / 2;
    const cy = (bounds.minY + bounds.maxY) / 2;
    return { x: cx - width / 2, y: cy - height / 2, width, height };
  }, [bounds]);

  // A new graph starts from the whole picture.
  useEffect(() => setView(HOME), [layout]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const measure = () => setPxPerUnit(svg.getScreenCTM()?.a || svg.clientWidth / box.width || 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => observer.disconnect();
  }, [box.width]);

  // The wheel zooms around the pointer. A native listener: React's wheel handlers cannot cancel the page scroll.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (event: WheelEvent) => {
      const at = toViewBox(svg, event.clientX, event.clientY);
      if (!at) return;
      event.preventDefault();
      const delta = event.deltaY * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1);
      setView((v) => zoomAt(v, Math.exp(-delta * 0.002), at));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  const centre = useMemo(() => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 }), [box]);

  const drawn = useMemo<DrawnNode[]>(() => {
    const list: DrawnNode[] = [];
    // Mandates and working groups first, so Tab meets the hubs before the agencies around them.
    const ordered = [...network.nodes].sort((a, b) => Number(a.kind === 'agency') - Number(b.kind === 'agency') || a.label.localeCompare(b.label));
    for (const node of ordered) {
      const at = points.get(node.id);
      if (at) list.push({ node, at, path: nodePath(node), name: accessibleName(t, node, outline.neighbours.get(node.id)?.size ?? 0) });
    }
    return list;
  }, [network, points, outline, t]);
  const byId = useMemo(() => new Map(drawn.map((d) => [d.node.id, d])), [drawn]);

  const onOpen = useCallback((path: string) => void navigate(path), [navigate]);
  const onFocusNode = useCallback(
    (id: string | null) => {
      setFocused(id);
      const target = id ? points.get(id) : undefined;
      if (!target) return;
      // Keep the focused node on screen: if it is outside the visible part, bring it to the middle.
      setView((v) => {
        const sx = v.x + v.k * target.x;
        const sy = v.y + v.k * target.y;
        const margin = 20;
        const inside = sx > box.x + margin && sx < box.x + box.width - margin && sy > box.y + margin && sy < box.y + box.height - margin;
        return inside ? v : { k: v.k, x: centre.x - v.k * target.x, y: centre.y - v.k * target.y };
      });
    },
    [points, box, centre],
  );

  const active = hovered ?? focused;
  const activeNode = active ? byId.get(active) : undefined;
  const activeEdges = useMemo(() => (active ? { edges: network.edges.filter((e) => e.source === active || e.target === active) } : null), [active, network]);
  const scale = pxPerUnit * view.k || 1;
  const fontSize = LABEL_PX / scale;
  const hubLabels = fontSize <= MAX_LABEL_UNITS;

  function onPointerDown(event: PointerEvent<SVGSVGElement>) {
    if (event.button !== 0) return;
    const start = toViewBox(event.currentTarget, event.clientX, event.clientY);
    if (!start) return;
    drag.current = { pointer: event.pointerId, start, from: view, clientX: event.clientX, clientY: event.clientY, moved: false };
  }

  function onPointerMove(event: PointerEvent<SVGSVGElement>) {
    const d = drag.current;
    if (!d || d.pointer !== event.pointerId) return;
    if (!d.moved) {
      // A small wobble during a click is not a drag.
      if (Math.hypot(event.clientX - d.clientX, event.clientY - d.clientY) < 4) return;
      d.moved = true;
      setDragging(true);
      event.currentTarget.setPointerCapture(event.pointerId);
    }
    const p = toViewBox(event.currentTarget, event.clientX, event.clientY);
    if (p) setView({ k: d.from.k, x: d.from.x + p.x - d.start.x, y: d.from.y + p.y - d.start.y });
  }

  function onPointerEnd(event: PointerEvent<SVGSVGElement>) {
    const d = drag.current;
    if (!d || d.pointer !== event.pointerId) return;
    drag.current = null;
    if (d.moved) {
      setDragging(false);
      // The click that ends a drag must not open the node it ended on.
      swallowClick.current = true;
      setTimeout(() => (swallowClick.current = false), 0);
    }
  }

  return (
    <div className="network">
      {/* Never disabled at the limits: a button that disables itself under the keyboard drops the focus. */}
      <div className="network__controls" role="group" aria-label={t('network.controls')}>
        <Button variant="secondary" onClick={() => setView((v) => zoomAt(v, BUTTON_STEP, centre))}>
          {t('network.zoomIn')}
        </Button>
        <Button variant="secondary" onClick={() => setView((v) => zoomAt(v, 1 / BUTTON_STEP, centre))}>
          {t('network.zoomOut')}
        </Button>
        <Button variant="secondary" onClick={() => setView(HOME)}>
          {t('network.resetView')}
        </Button>
      </div>
      <p id={helpId} className="network__help">
        {t('network.help')}
      </p>
      <svg
        ref={svgRef}
        className={dragging ? 'network__svg is-dragging' : 'network__svg'}
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        style={{ aspectRatio: `${box.width} / ${box.height}` }}
        role="group"
        aria-label={t('network.drawingLabel', { agencies: outline.agencyCount, hubs: outline.mandates.length + outline.workingGroups.length })}
        aria-describedby={helpId}
        aria-busy={busy || undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onClickCapture={(e) => {
          if (!swallowClick.current) return;
          swallowClick.current = false;
          e.preventDefault();
          e.stopPropagation();
        }}
      >
        <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
          <EdgeLayer network={network} points={points} className="network__edges" />
          {activeEdges ? <EdgeLayer network={activeEdges} points={points} className="network__edges network__edges--active" /> : null}
          <NodeLayer nodes={drawn} onOpen={onOpen} onHover={setHovered} onFocusNode={onFocusNode} />
          {/* Names: always for mandates and working groups, and for the agency under the pointer or in focus. */}
          <g className="network__labels" aria-hidden="true" style={{ fontSize }}>
            {drawn.map(({ node, at }) =>
              hubLabels && node.kind !== 'agency' && node.id !== active ? (
                <text key={node.id} x={at.x} y={at.y + nodeRadius[node.kind] + fontSize * 1.1}>
                  {shorten(node.label)}
                </text>
              ) : null,
            )}
            {activeNode ? (
              <text className="network__label--active" x={activeNode.at.x} y={activeNode.at.y - nodeRadius[activeNode.node.kind] - fontSize * 0.5}>
                {activeNode.node.label}
              </text>
            ) : null}
          </g>
        </g>
      </svg>
    </div>
  );
}
