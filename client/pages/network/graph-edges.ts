/** The edges of the graph as positions and index pairs: what the edge painter needs, in the page or in its worker. */
export interface EdgeScene {
  x: Float64Array;
  y: Float64Array;
  source: Int32Array;
  target: Int32Array;
}

/** Screen = world × k + (x, y), in CSS pixels; the bitmap is width × height CSS pixels at dpr. */
export interface EdgeView {
  k: number;
  x: number;
  y: number;
  width: number;
  height: number;
  dpr: number;
}

/** The worker's protocol (graph-edges.worker.ts). */
export type EdgeRequest =
  | { type: 'scene'; scene: EdgeScene }
  | { type: 'highlight'; edges: Int32Array | null }
  | { type: 'render'; id: number; view: EdgeView; flush: boolean };
export interface EdgeResponse {
  id: number;
  bitmap: ImageBitmap;
  ms: number;
}

/** One path with the given edges (all when `only` is null), in world units. */
export function edgePath(scene: EdgeScene, only: Int32Array | null): Path2D {
  const path = new Path2D();
  const count = only ? only.length : scene.source.length;
  for (let n = 0; n < count; n++) {
    const e = only ? only[n]! : n;
    const a = scene.source[e]!;
    const b = scene.target[e]!;
    path.moveTo(scene.x[a]!, scene.y[a]!);
    path.lineTo(scene.x[b]!, scene.y[b]!);
  }
  return path;
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Paints the edges at a view: all of them faint (fainter the further out, or else thousands of edges become a
 * grey blanket), the highlighted ones dark. Lines are exactly hairlines: Skia draws strokes of at most one device
 * pixel with its hairline rasteriser, while anything wider goes through the general stroker, which measured 30 to
 * 100 times slower on 20,000 segments (seconds instead of tens of milliseconds).
 */
export function paintEdges(context: Context2D, all: Path2D, highlight: Path2D | null, view: EdgeView): void {
  const { k, x, y, dpr } = view;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, Math.round(view.width * dpr), Math.round(view.height * dpr));
  context.setTransform(dpr * k, 0, 0, dpr * k, dpr * x, dpr * y);
  context.lineWidth = 0.98 / (k * dpr);
  const alpha = Math.min(0.45, 0.04 + 0.05 * k);
  context.strokeStyle = `rgba(60, 60, 60, ${highlight ? alpha * 0.35 : alpha})`;
  context.stroke(all);
  if (highlight) {
    context.strokeStyle = 'rgba(27, 35, 48, 0.9)';
    context.stroke(highlight);
  }
}
