import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { edgePath, paintEdges, type EdgeRequest, type EdgeResponse, type EdgeScene, type EdgeView } from './graph-edges';
import type { GraphEmphasis } from './graph-draw';

/** A painted edge layer: the bitmap, the view it was painted at, and for which layout (scene) and highlight (key). */
export interface EdgeBitmap extends EdgeView {
  image: ImageBitmap | HTMLCanvasElement;
  key: string;
  scene: number;
}

/** The edges' positions of one layout, numbered so a bitmap is never shown over another layout's nodes. */
export interface NumberedScene extends EdgeScene {
  id: number;
}

// After the last wheel, drag or arrow key, the edges are redrawn sharp at the new zoom.
export const SETTLE_MS = 150;
// An edge bitmap takes 40–250 ms in the worker on a slow machine; after this long without one, paint on the main thread.
const WORKER_PATIENCE_MS = 3000;

/**
 * The edge layer: painted in a worker on an OffscreenCanvas when the browser can (the main thread stays free),
 * else here once the user has stopped moving. Either way the result becomes the cached bitmap and triggers a redraw.
 */
export function useGraphEdgeLayer(
  scene: NumberedScene,
  emphasis: GraphEmphasis | null,
  requestDraw: () => void,
  interactingUntil: RefObject<number>,
) {
  const edgeCache = useRef<EdgeBitmap | null>(null);
  const worker = useRef<Worker | null>(null);
  // The edge bitmap being painted (by the worker) and whether a newer view is wanted once it arrives.
  const inFlight = useRef<{ id: number; sent: number; key: string; scene: number; view: EdgeView } | null>(null);
  const requestId = useRef(0);
  const watchdog = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mainPaths = useRef<{ scene: number; key: string; all: Path2D; highlight: Path2D | null } | null>(null);
  const latest = useRef({ scene, emphasis });
  latest.current = { scene, emphasis };

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
    [requestDraw, interactingUntil],
  );

  useEffect(
    () => () => {
      clearTimeout(settleTimer.current);
      clearTimeout(watchdog.current);
    },
    [],
  );

  // The edge worker: one per canvas; without OffscreenCanvas support the edges are painted on the main thread.
  const sentScene = useRef(0);
  const sentEmphasis = useRef<GraphEmphasis | null | undefined>(undefined);
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

  return { edgeCache, paintEdgesFor };
}
