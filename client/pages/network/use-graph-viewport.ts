import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { MAX_ZOOM, type GraphView } from './graph-draw';
import type { GraphLayout } from './graph-model';
import { SETTLE_MS } from './use-graph-edge-layer';

/**
 * The part of the world on screen: the view (zoom and offset), the canvas size (responsive width, the height
 * follows within limits), and the ways to change them: fit, zoom around a point, pan, and the wheel.
 */
export function useGraphViewport(layout: GraphLayout, canvasRef: RefObject<HTMLCanvasElement | null>, requestDraw: () => void) {
  const wrapperRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const view = useRef<GraphView>({ k: 1, x: 0, y: 0 });
  const interactingUntil = useRef(0);
  const latest = useRef({ layout, size });
  latest.current = { layout, size };

  const fitView = useCallback(() => {
    const { width, height } = latest.current.size;
    const { bounds } = latest.current.layout;
    if (width === 0) return;
    const k = Math.min(MAX_ZOOM, (0.94 * width) / (bounds.maxX - bounds.minX), (0.9 * height) / (bounds.maxY - bounds.minY));
    view.current = { k, x: width / 2 - ((bounds.minX + bounds.maxX) / 2) * k, y: height / 2 - ((bounds.minY + bounds.maxY) / 2) * k + 8 };
    requestDraw();
  }, [requestDraw]);

  const minZoom = useCallback(() => {
    const { width, height } = latest.current.size;
    const { bounds } = latest.current.layout;
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
  }, [zoomAt, canvasRef]);

  return { wrapperRef, size, view, interactingUntil, fitView, zoomAt, panBy };
}
