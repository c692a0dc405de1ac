import { useRef, useState, type RefObject } from 'react';
import type { GraphView } from './graph-draw';
import { SETTLE_MS } from './use-graph-edge-layer';

interface PointerOptions {
  view: RefObject<GraphView>;
  interactingUntil: RefObject<number>;
  hitTest: (sx: number, sy: number) => number | null;
  requestDraw: () => void;
  selected: number | null;
  onSelect: (index: number | null) => void;
  onOpen: (index: number) => void;
}

/** Dragging pans, hovering shows a node's tooltip, a click selects and a click on the selected node opens it. */
export function useGraphPointer({ view, interactingUntil, hitTest, requestDraw, selected, onSelect, onOpen }: PointerOptions) {
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const hoverIndex = useRef<number | null>(null);
  const drag = useRef<{ id: number; startX: number; startY: number; x: number; y: number; moved: boolean } | null>(null);

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
    if (hit !== null && hit === selected) onOpen(hit);
    else onSelect(hit);
  };

  const onPointerLeave = () => {
    if (hoverIndex.current !== null) {
      hoverIndex.current = null;
      requestDraw();
    }
    setHover(null);
  };

  const onPointerCancel = () => {
    drag.current = null;
  };

  return { hover, hoverIndex, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onPointerLeave } };
}
