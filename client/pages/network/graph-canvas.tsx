import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeRadius, type GraphLayout, type GraphModel, type SizeBy } from './graph-model';
import { edgePath, paintEdges, type EdgeRequest, type EdgeResponse, type EdgeView } from './graph-edges';

/** What the page can ask of the canvas: centre an actor, or show the whole network. */
export interface GraphCanvasHandle {
  centreOn(index: number): void;
  fit(): void;
}

interface GraphCanvasProps {
  model: GraphModel;
  layout: GraphLayout;
  sizeBy: SizeBy;
  /** Fill colour of each node (by sector). */
  colours: string[];
  selected: number | null;
  /** A community to highlight (ignored while an actor is selected). */
  community: number | null;
  clusterLabel: (key: string) => string;
  describe: (index: number) => { name: string; lines: string[] };
  label: string;
  describedBy: string;
  onSelect: (index: number | null) => void;
  onOpen: (index: number) => void;
  ref?: Ref<GraphCanvasHandle>;
}

interface View {
  k: number;
  x: number;
  y: number;
}

/** A painted edge layer: the bitmap, the view it was painted at, and for which layout (scene) and highlight (key). */
interface EdgeBitmap extends EdgeView {
  image: ImageBitmap | HTMLCanvasElement;
  key: string;
  scene: number;
}

// Numbers the layouts, so an edge bitmap is never shown over another layout's nodes.
let sceneCount = 0;

const MAX_ZOOM = 40;
const STEP = 1.5;
// Names appear once nodes are this far apart on screen (world spacing 7 × zoom ≥ ~45 px).
const LABEL_ZOOM = 6.5;
const MAX_LABELS = 400;
// After the last wheel, drag or arrow key, the edges are redrawn sharp at the new zoom.
const SETTLE_MS = 150;
const BROKER = '#b00020';
// An edge bitmap takes 40–250 ms in the worker on a slow machine; after this long without one, paint on the main thread.
const WORKER_PATIENCE_MS = 3000;

/** On-screen radius of a node of world radius r at zoom k: grows slower than the zoom, so zooming in separates nodes. */
function screenRadius(r: number, k: number): number {
  return Math.max(1.5, r * Math.sqrt(k));
}

/**
 * The network drawn on a 2D canvas. Edges are stroked from one Path2D into an offscreen canvas at the current
 * zoom; while the user zooms or pans that bitmap is only shifted and scaled, and it is redrawn sharp once they
 * stop. Nodes are drawn every frame, batched per colour and limited to the visible part. Redraws are throttled
 * to animation frames, hover hit-tests use a quadtree. Each draw is recorded as a `graph-draw` performance
 * measure and the first complete one as the `graph-first-draw` mark (read by bench/graph-browser.ts).
 */
export function GraphCanvas(props: GraphCanvasProps) {
  const { model, layout, sizeBy, colours, selected, community } = props;
  const { t } = useTranslation();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const view = useRef<View>({ k: 1, x: 0, y: 0 });
  const frame = useRef(0);
  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const interactingUntil = useRef(0);
  const drag = useRef<{ id: number; startX: number; startY: number; x: number; y: number; moved: boolean } | null>(null);
  const edgeCache = useRef<EdgeBitmap | null>(null);
  const worker = useRef<Worker | null>(null);
  // The edge bitmap being painted (by the worker) and whether a newer view is wanted once it arrives.
  const inFlight = useRef<{ id: number; sent: number; key: string; scene: number; view: EdgeView } | null>(null);
  const requestId = useRef(0);
  const watchdog = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mainPaths = useRef<{ scene: number; key: string; all: Path2D; highlight: Path2D | null } | null>(null);
  const draws = useRef(0);
  const hits = useRef(0);
  const firstDrawn = useRef(false);
  const hoverIndex = useRef<number | null>(null);

  const radii = useMemo(() => Float64Array.from(model.nodes, (node) => nodeRadius(model, node, sizeBy)), [model, sizeBy]);
  const maxRadius = useMemo(() => radii.reduce((max, r) => Math.max(max, r), 0), [radii]);
  const colourGroups = useMemo(() => {
    const groups = new Map<string, number[]>();
    model.nodes.forEach((node, i) => {
      if (node.isolated) return;
      const colour = colours[i] ?? '#555555';
      const members = groups.get(colour);
      if (members) members.push(i);
      else groups.set(colour, [i]);
    });
    return [...groups.entries()];
  }, [model, colours]);
  const isolated = useMemo(() => model.nodes.flatMap((node, i) => (node.isolated ? [i] : [])), [model]);
  const brokers = useMemo(() => model.nodes.flatMap((node, i) => (node.broker ? [i] : [])), [model]);

  // The edges' positions, once per layout (sent to the edge worker), and all edges as one path for painting here.
  const scene = useMemo(() => ({ id: ++sceneCount, x: layout.x, y: layout.y, source: model.edgeSource, target: model.edgeTarget }), [model, layout]);

  // What stands out: the selected actor and its neighbours, or one community; the rest is dimmed.
  const emphasis = useMemo(() => {
    if (selected === null && community === null) return null;
    const level = new Uint8Array(model.nodes.length);
    if (selected !== null) {
      level[selected] = 3;
      for (const n of model.neighbours[selected] ?? []) level[n] = 2;
    } else {
      model.nodes.forEach((node, i) => {
        if (node.community === community) level[i] = 1;
      });
    }
    const edges: number[] = [];
    for (let e = 0; e < model.edgeSource.length; e++) {
      const a = model.edgeSource[e]!;
      const b = model.edgeTarget[e]!;
      if (selected !== null ? a === selected || b === selected : level[a]! > 0 && level[b]! > 0) edges.push(e);
    }
    return { level, edges: Int32Array.from(edges), key: `${selected ?? ''}/${selected === null ? community : ''}` };
  }, [model, selected, community]);

  // The latest props and derived data, for the imperative draw loop.
  const latest = useRef({ props, radii, maxRadius, colourGroups, isolated, brokers, scene, emphasis, size });
  latest.current = { props, radii, maxRadius, colourGroups, isolated, brokers, scene, emphasis, size };

  // Redraws are throttled to one per animation frame.
  const drawRef = useRef<() => void>(() => {});
  const requestDraw = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      drawRef.current();
    });
  }, []);

  // Paints the edges for a view: in the worker when there is one (the main thread stays free), else here once the
  // user has stopped moving. Either way the result becomes the cached bitmap and triggers a redraw.
  const paintEdgesFor = useCallback(
    (target: EdgeView, key: string) => {
      const current = latest.current;
      const flush = Boolean((window as unknown as { rkGraphFlush?: boolean }).rkGraphFlush);
      if (worker.current && inFlight.current && performance.now() - inFlight.current.sent > WORKER_PATIENCE_MS) {
        // No answer in time: stop relying on the worker and paint here from now on.
        worker.current.terminate();
        worker.current = null;
        inFlight.current = null;
      }
      if (worker.current) {
        if (inFlight.current) return; // its answer triggers a redraw, which asks again for the then-current view
        const id = ++requestId.current;
        inFlight.current = { id, sent: performance.now(), key, scene: current.scene.id, view: target };
        const request: EdgeRequest = { type: 'render', id, view: target, flush };
        worker.current.postMessage(request);
        clearTimeout(watchdog.current);
        watchdog.current = setTimeout(() => requestDraw(), WORKER_PATIENCE_MS + 50);
        return;
      }
      if (performance.now() < interactingUntil.current) {
        clearTimeout(settleTimer.current);
        settleTimer.current = setTimeout(() => requestDraw(), SETTLE_MS);
        return;
      }
      const started = performance.now();
      let paths = mainPaths.current;
      if (!paths || paths.scene !== current.scene.id || paths.key !== key) {
        const all = paths && paths.scene === current.scene.id ? paths.all : edgePath(current.scene, null);
        paths = { scene: current.scene.id, key, all, highlight: current.emphasis ? edgePath(current.scene, current.emphasis.edges) : null };
        mainPaths.current = paths;
      }
      const layer = edgeCache.current?.image instanceof HTMLCanvasElement ? edgeCache.current.image : document.createElement('canvas');
      layer.width = Math.round(target.width * target.dpr);
      layer.height = Math.round(target.height * target.dpr);
      const context = layer.getContext('2d')!;
      paintEdges(context, paths.all, paths.highlight, target);
      if (flush) context.getImageData(0, 0, 1, 1);
      performance.measure('graph-edges', { start: started, end: performance.now(), detail: { renderMs: performance.now() - started, worker: false } });
      edgeCache.current = { image: layer, key, scene: current.scene.id, ...target };
      requestDraw();
    },
    [requestDraw],
  );

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    const current = latest.current;
    const { width, height } = current.size;
    if (!canvas || !context || width === 0) return;
    const started = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const { k, x, y } = view.current;
    const { layout: lay, model: mod } = current.props;
    const level = current.emphasis?.level ?? null;

    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);

    // Edges: the bitmap when it matches the view; else the last one shifted and scaled (while a sharp one is painted).
    const edgeKey = `${current.scene.id}/${current.emphasis?.key ?? ''}`;
    const cache = edgeCache.current;
    const sameSize = cache !== null && cache.width === width && cache.height === height && cache.dpr === dpr;
    const exact = sameSize && cache!.key === edgeKey && cache!.k === k && cache!.x === x && cache!.y === y;
    const complete = exact;
    if (exact) {
      context.drawImage(cache!.image, 0, 0, width, height);
    } else {
      // Same layout: the old bitmap is in the right place (only the highlight may lag a moment). New layout: no edges yet.
      if (sameSize && cache!.scene === current.scene.id) {
        const s = k / cache!.k;
        context.drawImage(cache!.image, x - cache!.x * s, y - cache!.y * s, width * s, height * s);
      }
      paintEdgesFor({ k, x, y, width, height, dpr }, edgeKey);
    }

    // Nodes in view only, one path per colour; dimmed ones first, faded.
    const rootK = Math.sqrt(k);
    const margin = (current.maxRadius * rootK + 4) / k;
    const minX = -x / k - margin;
    const minY = -y / k - margin;
    const maxX = (width - x) / k + margin;
    const maxY = (height - y) / k + margin;
    const visible = (i: number) => {
      const wx = lay.x[i]!;
      const wy = lay.y[i]!;
      return wx >= minX && wx <= maxX && wy >= minY && wy <= maxY;
    };
    const circles = (path: Path2D, indices: number[], pass: 'dim' | 'bright', extra = 0) => {
      let count = 0;
      for (const i of indices) {
        if (level && (pass === 'dim') !== (level[i] === 0)) continue;
        if (!visible(i)) continue;
        const r = Math.max(1.5, current.radii[i]! * rootK) + extra;
        const sx = lay.x[i]! * k + x;
        const sy = lay.y[i]! * k + y;
        path.moveTo(sx + r, sy);
        path.arc(sx, sy, r, 0, 2 * Math.PI);
        count++;
      }
      return count;
    };
    for (const pass of level ? (['dim', 'bright'] as const) : (['bright'] as const)) {
      context.globalAlpha = pass === 'dim' ? 0.2 : 1;
      const outline = new Path2D();
      for (const [colour, members] of current.colourGroups) {
        const path = new Path2D();
        if (circles(path, members, pass) === 0) continue;
        context.fillStyle = colour;
        context.fill(path);
        if (rootK > 1.2) outline.addPath(path);
      }
      if (rootK > 1.2) {
        context.lineWidth = 1;
        context.strokeStyle = '#ffffff';
        context.stroke(outline);
      }
      const hollow = new Path2D();
      if (circles(hollow, current.isolated, pass) > 0) {
        context.fillStyle = '#ffffff';
        context.fill(hollow);
        context.lineWidth = 1.5;
        context.strokeStyle = '#333333';
        context.stroke(hollow);
      }
      const rings = new Path2D();
      if (circles(rings, current.brokers, pass, 2) > 0) {
        context.lineWidth = 2.5;
        context.strokeStyle = BROKER;
        context.stroke(rings);
      }
    }
    context.globalAlpha = 1;

    const ring = (i: number, extra: number, lineWidth: number, colour: string) => {
      const r = Math.max(1.5, current.radii[i]! * rootK) + extra;
      context.beginPath();
      context.arc(lay.x[i]! * k + x, lay.y[i]! * k + y, r, 0, 2 * Math.PI);
      context.lineWidth = lineWidth;
      context.strokeStyle = colour;
      context.stroke();
    };
    const selectedIndex = current.props.selected;
    if (selectedIndex !== null) {
      for (const n of mod.neighbours[selectedIndex] ?? []) if (visible(n)) ring(n, 1.5, 1.5, '#1b2330');
      ring(selectedIndex, 5, 3, '#000000');
    }
    if (hoverIndex.current !== null) ring(hoverIndex.current, 3, 2, '#000000');

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
        const label = current.props.clusterLabel(cluster.key);
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
        const r = Math.max(1.5, current.radii[i]! * rootK);
        text(mod.nodes[i]!.name, lay.x[i]! * k + x + r + 3, lay.y[i]! * k + y, 'left');
        labels++;
      }
    }
    if (selectedIndex !== null && visible(selectedIndex)) {
      context.font = '700 14px system-ui, sans-serif';
      const r = Math.max(1.5, current.radii[selectedIndex]! * rootK);
      text(mod.nodes[selectedIndex]!.name, lay.x[selectedIndex]! * k + x + r + 8, lay.y[selectedIndex]! * k + y, 'left');
    }

    // Only for the browser benchmark: force the canvas to rasterise now, so the measure includes the pixels.
    if ((window as unknown as { rkGraphFlush?: boolean }).rkGraphFlush) context.getImageData(0, 0, 1, 1);
    const ended = performance.now();
    performance.measure('graph-draw', { start: started, end: ended, detail: { complete, clusterBy: lay.clusterBy, zoom: k } });
    if (complete && !firstDrawn.current) {
      firstDrawn.current = true;
      performance.mark('graph-first-draw', { detail: { nodes: mod.nodes.length, edges: mod.edgeSource.length } });
    }
    // Measures are for observers; keep the timeline from growing without end.
    if (++draws.current % 500 === 0) {
      performance.clearMeasures('graph-draw');
      performance.clearMeasures('graph-edges');
    }
  }, [paintEdgesFor]);
  drawRef.current = draw;

  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      clearTimeout(settleTimer.current);
      clearTimeout(watchdog.current);
    },
    [],
  );

  // The edge worker: one per canvas; without OffscreenCanvas support the edges are painted on the main thread.
  const sentScene = useRef(0);
  const sentEmphasis = useRef<typeof emphasis | undefined>(undefined);
  useEffect(() => {
    if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return;
    const edgeWorker = new Worker(new URL('./graph-edges.worker.ts', import.meta.url), { type: 'module' });
    edgeWorker.onmessage = (event: MessageEvent<EdgeResponse>) => {
      const request = inFlight.current;
      if (!request || request.id !== event.data.id) {
        event.data.bitmap.close();
        return;
      }
      inFlight.current = null;
      clearTimeout(watchdog.current);
      const old = edgeCache.current?.image;
      if (old instanceof ImageBitmap) old.close();
      edgeCache.current = { image: event.data.bitmap, key: request.key, scene: request.scene, ...request.view };
      performance.measure('graph-edges', { start: request.sent, end: performance.now(), detail: { renderMs: event.data.ms, worker: true } });
      requestDraw();
    };
    edgeWorker.onerror = () => {
      // Fall back to painting here (e.g. a browser that cannot load module workers).
      edgeWorker.terminate();
      worker.current = null;
      inFlight.current = null;
      requestDraw();
    };
    worker.current = edgeWorker;
    const { scene: current, emphasis: emphasised } = latest.current;
    edgeWorker.postMessage({ type: 'scene', scene: { x: current.x, y: current.y, source: current.source, target: current.target } } satisfies EdgeRequest);
    edgeWorker.postMessage({ type: 'highlight', edges: emphasised?.edges ?? null } satisfies EdgeRequest);
    sentScene.current = current.id;
    sentEmphasis.current = emphasised;
    return () => {
      edgeWorker.terminate();
      worker.current = null;
      inFlight.current = null;
    };
  }, [requestDraw]);

  // A new layout or highlight goes to the worker before the next paint request (messages keep their order).
  useEffect(() => {
    if (worker.current && sentScene.current !== scene.id) {
      worker.current.postMessage({ type: 'scene', scene: { x: scene.x, y: scene.y, source: scene.source, target: scene.target } } satisfies EdgeRequest);
    }
    sentScene.current = scene.id;
    requestDraw();
  }, [scene, requestDraw]);
  useEffect(() => {
    if (worker.current && sentEmphasis.current !== undefined && sentEmphasis.current !== emphasis) {
      worker.current.postMessage({ type: 'highlight', edges: emphasis?.edges ?? null } satisfies EdgeRequest);
    }
    sentEmphasis.current = emphasis;
    requestDraw();
  }, [emphasis, requestDraw]);

  const fitView = useCallback(() => {
    const { width, height } = latest.current.size;
    const { bounds } = latest.current.props.layout;
    if (width === 0) return;
    const k = Math.min(MAX_ZOOM, (0.94 * width) / (bounds.maxX - bounds.minX), (0.9 * height) / (bounds.maxY - bounds.minY));
    view.current = { k, x: width / 2 - ((bounds.minX + bounds.maxX) / 2) * k, y: height / 2 - ((bounds.minY + bounds.maxY) / 2) * k + 8 };
    requestDraw();
  }, [requestDraw]);

  const minZoom = useCallback(() => {
    const { width, height } = latest.current.size;
    const { bounds } = latest.current.props.layout;
    return 0.5 * Math.min(width / (bounds.maxX - bounds.minX), height / (bounds.maxY - bounds.minY));
  }, []);

  const zoomAt = useCallback(
    (sx: number, sy: number, factor: number, interactive: boolean) => {
      const { k, x, y } = view.current;
      const next = Math.min(MAX_ZOOM, Math.max(minZoom(), k * factor));
      view.current = { k: next, x: sx - ((sx - x) * next) / k, y: sy - ((sy - y) * next) / k };
      if (interactive) interactingUntil.current = performance.now() + SETTLE_MS;
      requestDraw();
    },
    [minZoom, requestDraw],
  );

  const panBy = useCallback(
    (dx: number, dy: number) => {
      view.current = { ...view.current, x: view.current.x + dx, y: view.current.y + dy };
      interactingUntil.current = performance.now() + SETTLE_MS;
      requestDraw();
    },
    [requestDraw],
  );

  useImperativeHandle(
    props.ref,
    () => ({
      centreOn(index: number) {
        const { width, height } = latest.current.size;
        const { layout: lay } = latest.current.props;
        const k = Math.max(view.current.k, Math.min(MAX_ZOOM, LABEL_ZOOM * 0.6));
        view.current = { k, x: width / 2 - lay.x[index]! * k, y: height / 2 - lay.y[index]! * k };
        requestDraw();
      },
      fit: fitView,
    }),
    [fitView, requestDraw],
  );

  // Responsive width; the height follows, within limits.
  useEffect(() => {
    const wrapper = wrapperRef.current;
    if (!wrapper) return;
    const measureSize = () => {
      const width = Math.floor(wrapper.clientWidth);
      setSize((old) => (old.width === width ? old : { width, height: Math.round(Math.min(720, Math.max(360, width * 0.7))) }));
    };
    measureSize();
    const observer = new ResizeObserver(measureSize);
    observer.observe(wrapper);
    return () => observer.disconnect();
  }, []);

  // A new layout (or first size) shows everything; a new size keeps the world point in the middle.
  const fitted = useRef<{ layout: GraphLayout | null; width: number; height: number }>({ layout: null, width: 0, height: 0 });
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * dpr);
    canvas.height = Math.round(size.height * dpr);
    const before = fitted.current;
    if (before.layout !== layout || before.width === 0) fitView();
    else {
      const { k, x, y } = view.current;
      const cx = (before.width / 2 - x) / k;
      const cy = (before.height / 2 - y) / k;
      view.current = { k, x: size.width / 2 - cx * k, y: size.height / 2 - cy * k };
    }
    fitted.current = { layout, width: size.width, height: size.height };
    draw();
  }, [size, layout, fitView, draw]);

  useEffect(() => requestDraw(), [radii, colourGroups, requestDraw]);

  // The wheel zooms around the pointer (a non-passive listener, so the page does not scroll instead).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = canvas.getBoundingClientRect();
      const delta = event.deltaMode === 1 ? event.deltaY * 33 : event.deltaY;
      zoomAt(event.clientX - rect.left, event.clientY - rect.top, Math.exp(-delta * 0.0015), true);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  const hitTest = (sx: number, sy: number): number | null => {
    const { k, x, y } = view.current;
    const started = performance.now();
    const wx = (sx - x) / k;
    const wy = (sy - y) / k;
    const found = layout.tree.find(wx, wy, (screenRadius(maxRadius, k) + 3) / k);
    let hit: number | null = null;
    if (found !== undefined) {
      const r = screenRadius(radii[found]!, k) + 3;
      if (Math.hypot(layout.x[found]! * k + x - sx, layout.y[found]! * k + y - sy) <= r) hit = found;
    }
    performance.measure('graph-hit-test', { start: started, end: performance.now() });
    if (++hits.current % 500 === 0) performance.clearMeasures('graph-hit-test');
    return hit;
  };

  const pointer = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { sx: event.clientX - rect.left, sy: event.clientY - rect.top };
  };

  const onPointerDown = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { id: event.pointerId, startX: event.clientX, startY: event.clientY, x: view.current.x, y: view.current.y, moved: false };
  };

  const onPointerMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const current = drag.current;
    if (current && current.id === event.pointerId) {
      const dx = event.clientX - current.startX;
      const dy = event.clientY - current.startY;
      if (!current.moved && Math.hypot(dx, dy) > 3) {
        current.moved = true;
        hoverIndex.current = null;
        setHover(null);
      }
      if (current.moved) {
        view.current = { ...view.current, x: current.x + dx, y: current.y + dy };
        interactingUntil.current = performance.now() + SETTLE_MS;
        requestDraw();
      }
      return;
    }
    const { sx, sy } = pointer(event);
    const hit = hitTest(sx, sy);
    if (hit !== hoverIndex.current) {
      hoverIndex.current = hit;
      requestDraw();
    }
    setHover((old) => (hit === null ? null : old && old.index === hit && Math.abs(old.x - sx) < 1 && Math.abs(old.y - sy) < 1 ? old : { index: hit, x: sx, y: sy }));
  };

  const onPointerUp = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const current = drag.current;
    drag.current = null;
    if (!current || current.id !== event.pointerId || current.moved) return;
    const { sx, sy } = pointer(event);
    const hit = hitTest(sx, sy);
    // A first click selects; a click on the selected actor opens its page.
    if (hit !== null && hit === props.selected) props.onOpen(hit);
    else props.onSelect(hit);
  };

  const onPointerLeave = () => {
    if (hoverIndex.current !== null) {
      hoverIndex.current = null;
      requestDraw();
    }
    setHover(null);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLCanvasElement>) => {
    const step = event.shiftKey ? 240 : 60;
    const { width, height } = size;
    const handled = (() => {
      switch (event.key) {
        case '+':
        case '=':
          zoomAt(width / 2, height / 2, STEP, false);
          return true;
        case '-':
        case '_':
          zoomAt(width / 2, height / 2, 1 / STEP, false);
          return true;
        case '0':
        case 'Home':
          fitView();
          return true;
        case 'ArrowLeft':
          panBy(step, 0);
          return true;
        case 'ArrowRight':
          panBy(-step, 0);
          return true;
        case 'ArrowUp':
          panBy(0, step);
          return true;
        case 'ArrowDown':
          panBy(0, -step);
          return true;
        case 'Enter':
          if (props.selected === null) return false;
          props.onOpen(props.selected);
          return true;
        case 'Escape':
          if (props.selected === null) return false;
          props.onSelect(null);
          return true;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  const tip = hover ? props.describe(hover.index) : null;
  return (
    <div className="graph-view">
      <div className="button-row graph-view__toolbar" role="group" aria-label={t('network.graph.viewControls')}>
        <button type="button" className="button button--small" onClick={() => zoomAt(size.width / 2, size.height / 2, STEP, false)}>
          <span aria-hidden="true">+ </span>
          {t('network.graph.zoomIn')}
        </button>
        <button type="button" className="button button--small" onClick={() => zoomAt(size.width / 2, size.height / 2, 1 / STEP, false)}>
          <span aria-hidden="true">− </span>
          {t('network.graph.zoomOut')}
        </button>
        <button type="button" className="button button--small" onClick={fitView}>
          {t('network.graph.fit')}
        </button>
      </div>
      <div ref={wrapperRef} className="graph-view__stage">
        <canvas
          ref={canvasRef}
          className="network-graph"
          style={{ width: size.width, height: size.height }}
          role="img"
          aria-label={props.label}
          aria-describedby={props.describedBy}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (drag.current = null)}
          onPointerLeave={onPointerLeave}
          onKeyDown={onKeyDown}
        />
        {tip && hover ? (
          <div
            className="graph-tooltip"
            aria-hidden="true"
            style={{
              left: Math.min(hover.x + 14, Math.max(0, size.width - 260)),
              top: hover.y + 14 > size.height - 90 ? Math.max(0, hover.y - 90) : hover.y + 14,
            }}
          >
            <strong>{tip.name}</strong>
            {tip.lines.map((line) => (
              <span key={line}>{line}</span>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
