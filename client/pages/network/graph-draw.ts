import type { SectorStyle } from '../../components/sector-style';
import type { GraphLayout, GraphModel } from './graph-model';

/** Screen = world × k + (x, y), in CSS pixels. */
export interface GraphView {
  k: number;
  x: number;
  y: number;
}

/** What stands out: levels per node (0 dimmed, 1 community, 2 neighbour, 3 selected) and the edges to highlight. */
export interface GraphEmphasis {
  level: Uint8Array;
  edges: Int32Array;
  key: string;
}

/** Everything one frame of nodes and labels needs. */
export interface NodeFrame {
  model: GraphModel;
  layout: GraphLayout;
  selected: number | null;
  hover: number | null;
  clusterLabel: (key: string) => string;
  radii: Float64Array;
  maxRadius: number;
  styleGroups: [SectorStyle, number[]][];
  isolated: number[];
  brokers: number[];
  emphasis: GraphEmphasis | null;
  width: number;
  height: number;
}

export const MAX_ZOOM = 40;
// Names appear once nodes are this far apart on screen (world spacing 7 × zoom ≥ ~45 px).
export const LABEL_ZOOM = 6.5;
const MAX_LABELS = 400;
const BROKER = '#b00020';
// From this on-screen radius a node carries its sector code, so sectors sharing a colour stay apart.
const CODE_RADIUS = 6;
// A square with the area of the circle of the same radius.
const SQUARE_HALF = Math.sqrt(Math.PI) / 2;

/** On-screen radius of a node of world radius r at zoom k: grows slower than the zoom, so zooming in separates nodes. */
export function screenRadius(r: number, k: number): number {
  return Math.max(1.5, r * Math.sqrt(k));
}

/** Groups the connected nodes by style (colour and shape), so each group is filled as one path. */
export function groupByStyle(model: GraphModel, styles: readonly SectorStyle[], fallback: SectorStyle): [SectorStyle, number[]][] {
  const groups = new Map<string, [SectorStyle, number[]]>();
  model.nodes.forEach((node, i) => {
    if (node.isolated) return;
    const style = styles[i] ?? fallback;
    const key = `${style.colour}/${style.shape}/${style.code}`;
    const group = groups.get(key);
    if (group) group[1].push(i);
    else groups.set(key, [style, [i]]);
  });
  return [...groups.values()];
}

/** Draws the nodes (in view only, one path per style; dimmed ones first, faded), the rings and the labels. */
export function drawNodes(context: CanvasRenderingContext2D, frame: NodeFrame, view: GraphView): void {
  const { k, x, y } = view;
  const { layout: lay, model: mod, width, height } = frame;
  const level = frame.emphasis?.level ?? null;
  const rootK = Math.sqrt(k);
  const margin = (frame.maxRadius * rootK + 4) / k;
  const minX = -x / k - margin;
  const minY = -y / k - margin;
  const maxX = (width - x) / k + margin;
  const maxY = (height - y) / k + margin;
  const visible = (i: number) => {
    const wx = lay.x[i]!;
    const wy = lay.y[i]!;
    return wx >= minX && wx <= maxX && wy >= minY && wy <= maxY;
  };
  const radiusOf = (i: number) => Math.max(1.5, frame.radii[i]! * rootK);
  const marks = (path: Path2D, indices: number[], pass: 'dim' | 'bright', shape: 'circle' | 'square', extra = 0, coded?: number[]) => {
    let count = 0;
    for (const i of indices) {
      if (level && (pass === 'dim') !== (level[i] === 0)) continue;
      if (!visible(i)) continue;
      const r = radiusOf(i) + extra;
      const sx = lay.x[i]! * k + x;
      const sy = lay.y[i]! * k + y;
      if (shape === 'square') {
        path.rect(sx - r * SQUARE_HALF, sy - r * SQUARE_HALF, 2 * r * SQUARE_HALF, 2 * r * SQUARE_HALF);
      } else {
        path.moveTo(sx + r, sy);
        path.arc(sx, sy, r, 0, 2 * Math.PI);
      }
      if (coded && r >= CODE_RADIUS) coded.push(i);
      count++;
    }
    return count;
  };
  for (const pass of level ? (['dim', 'bright'] as const) : (['bright'] as const)) {
    context.globalAlpha = pass === 'dim' ? 0.2 : 1;
    const outline = new Path2D();
    const codes: [string, number[]][] = [];
    for (const [style, members] of frame.styleGroups) {
      const path = new Path2D();
      const coded: number[] = [];
      if (marks(path, members, pass, style.shape, 0, coded) === 0) continue;
      context.fillStyle = style.colour;
      context.fill(path);
      if (rootK > 1.2) outline.addPath(path);
      if (coded.length > 0) codes.push([style.code, coded]);
    }
    if (rootK > 1.2) {
      context.lineWidth = 1;
      context.strokeStyle = '#ffffff';
      context.stroke(outline);
    }
    // Sector codes in white inside nodes large enough to hold them.
    context.fillStyle = '#ffffff';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    for (const [code, members] of codes) {
      for (const i of members) {
        const r = radiusOf(i);
        context.font = `700 ${Math.round(Math.min(14, r * (code.length > 1 ? 0.85 : 1.05)))}px system-ui, sans-serif`;
        context.fillText(code, lay.x[i]! * k + x, lay.y[i]! * k + y + 0.5);
      }
    }
    const hollow = new Path2D();
    if (marks(hollow, frame.isolated, pass, 'circle') > 0) {
      context.fillStyle = '#ffffff';
      context.fill(hollow);
      context.lineWidth = 1.5;
      context.strokeStyle = '#333333';
      context.stroke(hollow);
    }
    const rings = new Path2D();
    if (marks(rings, frame.brokers, pass, 'circle', 2) > 0) {
      context.lineWidth = 2.5;
      context.strokeStyle = BROKER;
      context.stroke(rings);
    }
  }
  context.globalAlpha = 1;

  const ring = (i: number, extra: number, lineWidth: number, colour: string) => {
    const r = radiusOf(i) + extra;
    context.beginPath();
    context.arc(lay.x[i]! * k + x, lay.y[i]! * k + y, r, 0, 2 * Math.PI);
    context.lineWidth = lineWidth;
    context.strokeStyle = colour;
    context.stroke();
  };
  const selectedIndex = frame.selected;
  if (selectedIndex !== null) {
    for (const n of mod.neighbours[selectedIndex] ?? []) if (visible(n)) ring(n, 1.5, 1.5, '#1b2330');
    ring(selectedIndex, 5, 3, '#000000');
  }
  if (frame.hover !== null) ring(frame.hover, 3, 2, '#000000');

  // Labels: cluster names when zoomed out, actor names once there is room for them.
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  const text = (value: string, sx: number, sy: number, align: CanvasTextAlign) => {
    context.textAlign = align;
    context.lineWidth = 4;
    context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    context.strokeText(value, sx, sy);
    context.fillStyle = '#1b2330';
    context.fillText(value, sx, sy);
  };
  if (k < LABEL_ZOOM) {
    // Each cluster's name just outside it, away from the middle of the ring (above it when there is one cluster).
    context.font = '600 13px system-ui, sans-serif';
    const placed: { left: number; right: number; y: number }[] = [];
    for (const cluster of lay.clusters) {
      const distance = Math.hypot(cluster.x, cluster.y);
      const ux = distance > 1 ? cluster.x / distance : 0;
      const uy = distance > 1 ? cluster.y / distance : -1;
      const sx = (cluster.x + ux * cluster.radius) * k + x + ux * 8;
      const sy = (cluster.y + uy * cluster.radius) * k + y + uy * 12;
      if (sx < -200 || sx > width + 200 || sy < -20 || sy > height + 20) continue;
      // Small neighbouring clusters would print their names over each other: the larger one (first) keeps its name.
      const label = frame.clusterLabel(cluster.key);
      const align = ux > 0.35 ? 'left' : ux < -0.35 ? 'right' : 'center';
      const labelWidth = context.measureText(label).width;
      // Kept inside the canvas, so a long name at the edge ("Langemark-Poelkapelle") is not cut off.
      const wanted = align === 'left' ? sx : align === 'right' ? sx - labelWidth : sx - labelWidth / 2;
      const left = Math.max(4, Math.min(wanted, width - 4 - labelWidth));
      if (placed.some((box) => left < box.right + 4 && left + labelWidth > box.left - 4 && Math.abs(sy - box.y) < 16)) continue;
      placed.push({ left, right: left + labelWidth, y: sy });
      text(label, left, sy, 'left');
    }
  } else {
    context.font = '12px system-ui, sans-serif';
    let labels = 0;
    for (let i = 0; i < mod.nodes.length && labels < MAX_LABELS; i++) {
      if (!visible(i) || (level && level[i] === 0)) continue;
      text(mod.nodes[i]!.name, lay.x[i]! * k + x + radiusOf(i) + 3, lay.y[i]! * k + y, 'left');
      labels++;
    }
  }
  if (selectedIndex !== null && visible(selectedIndex)) {
    context.font = '700 14px system-ui, sans-serif';
    text(mod.nodes[selectedIndex]!.name, lay.x[selectedIndex]! * k + x + radiusOf(selectedIndex) + 8, lay.y[selectedIndex]! * k + y, 'left');
  }
}

// Suggested connections: a dark violet, dashed, so they read as "not yet" next to the grey relations (contrast > 3:1 on white).
export const SUGGESTED_EDGE = '#6a1b9a';

/** Draws suggested connections as dashed lines (few, so drawn every frame rather than cached). */
export function drawSuggestedEdges(context: CanvasRenderingContext2D, layout: GraphLayout, pairs: readonly (readonly [number, number])[], view: GraphView): void {
  const { k, x, y } = view;
  context.save();
  context.strokeStyle = SUGGESTED_EDGE;
  context.lineWidth = 2;
  context.setLineDash([7, 5]);
  context.beginPath();
  for (const [a, b] of pairs) {
    context.moveTo(layout.x[a]! * k + x, layout.y[a]! * k + y);
    context.lineTo(layout.x[b]! * k + x, layout.y[b]! * k + y);
  }
  context.stroke();
  context.restore();
}
