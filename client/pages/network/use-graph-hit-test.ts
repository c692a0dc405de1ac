import { useRef, type RefObject } from 'react';
import { screenRadius, type GraphView } from './graph-draw';
import type { GraphLayout } from './graph-model';

/** Finds the node under a screen point through the layout's quadtree; each test is a `graph-hit-test` measure. */
export function useGraphHitTest(layout: GraphLayout, radii: Float64Array, maxRadius: number, view: RefObject<GraphView>) {
  const hits = useRef(0);
  return (sx: number, sy: number): number | null => {
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
}
