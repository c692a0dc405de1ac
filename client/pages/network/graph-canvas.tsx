import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { UNKNOWN_SECTOR_STYLE, type SectorStyle } from '../../components/sector-style';
import { nodeRadius, type GraphLayout, type GraphModel, type SizeBy } from './graph-model';
import { drawNodes, drawSuggestedEdges, groupByStyle, LABEL_ZOOM, MAX_ZOOM, type GraphEmphasis } from './graph-draw';
import { GraphTooltip } from './graph-tooltip';
import { useGraphEdgeLayer, type NumberedScene } from './use-graph-edge-layer';
import { useGraphViewport } from './use-graph-viewport';
import { useGraphHitTest } from './use-graph-hit-test';
import { useGraphPointer } from './use-graph-pointer';
import { useGraphKeyboard, ZOOM_STEP } from './use-graph-keyboard';

/** What the page can ask of the canvas: centre an actor, or show the whole network. */
export interface GraphCanvasHandle {
  centreOn(index: number): void;
  fit(): void;
}

interface GraphCanvasProps {
  model: GraphModel;
  layout: GraphLayout;
  sizeBy: SizeBy;
  /** How each node is drawn (by sector): colour, shape and code. */
  styles: SectorStyle[];
  selected: number | null;
  /** A community to highlight (ignored while an actor is selected). */
  community: number | null;
  clusterLabel: (key: string) => string;
  describe: (index: number) => { name: string; lines: string[] };
  label: string;
  describedBy: string;
  onSelect: (index: number | null) => void;
  onOpen: (index: number) => void;
  /** Suggested connections (node index pairs) drawn dashed over the relations: the matching engine's unmet pairs. */
  suggested?: readonly (readonly [number, number])[];
  ref?: Ref<GraphCanvasHandle>;
}

// Numbers the layouts, so an edge bitmap is never shown over another layout's nodes.
let sceneCount = 0;

/**
 * The network drawn on a 2D canvas. Edges are stroked from one Path2D into an offscreen canvas at the current
 * zoom; while the user zooms or pans that bitmap is only shifted and scaled, and it is redrawn sharp once they
 * stop. Nodes are drawn every frame, batched per style and limited to the visible part. Redraws are throttled
 * to animation frames, hover hit-tests use a quadtree. Each draw is recorded as a `graph-draw` performance
 * measure and the first complete one as the `graph-first-draw` mark (read by bench/graph-browser.ts).
 */
export function GraphCanvas(props: GraphCanvasProps) {
  const { model, layout, sizeBy, styles, selected, community } = props;
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frame = useRef(0);
  const draws = useRef(0);
  const firstDrawn = useRef(false);

  const radii = useMemo(() => Float64Array.from(model.nodes, (node) => nodeRadius(model, node, sizeBy)), [model, sizeBy]);
  const maxRadius = useMemo(() => radii.reduce((max, r) => Math.max(max, r), 0), [radii]);
  const styleGroups = useMemo(() => groupByStyle(model, styles, UNKNOWN_SECTOR_STYLE), [model, styles]);
  const isolated = useMemo(() => model.nodes.flatMap((node, i) => (node.isolated ? [i] : [])), [model]);
  const brokers = useMemo(() => model.nodes.flatMap((node, i) => (node.broker ? [i] : [])), [model]);

  // The edges' positions, once per layout (sent to the edge worker), and all edges as one path for painting here.
  const scene = useMemo<NumberedScene>(
    () => ({ id: ++sceneCount, x: layout.x, y: layout.y, source: model.edgeSource, target: model.edgeTarget }),
    [model, layout],
  );

  // What stands out: the selected actor and its neighbours, or one community; the rest is dimmed.
  const emphasis = useMemo<GraphEmphasis | null>(() => {
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

  // Redraws are throttled to one per animation frame.
  const drawRef = useRef<() => void>(() => {});
  const requestDraw = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      drawRef.current();
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const { wrapperRef, size, view, interactingUntil, fitView, zoomAt, panBy } = useGraphViewport(layout, canvasRef, requestDraw);
  const { edgeCache, paintEdgesFor } = useGraphEdgeLayer(scene, emphasis, requestDraw, interactingUntil);
  const hitTest = useGraphHitTest(layout, radii, maxRadius, view);
  const { hover, hoverIndex, handlers } = useGraphPointer({
    view,
    interactingUntil,
    hitTest,
    requestDraw,
    selected,
    onSelect: props.onSelect,
    onOpen: props.onOpen,
  });
  const onKeyDown = useGraphKeyboard({ size, zoomAt, panBy, fitView, selected, onSelect: props.onSelect, onOpen: props.onOpen });

  // The latest props and derived data, for the imperative draw loop.
  const latest = useRef({ props, radii, maxRadius, styleGroups, isolated, brokers, scene, emphasis, size });
  latest.current = { props, radii, maxRadius, styleGroups, isolated, brokers, scene, emphasis, size };

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

    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);

    // Edges: the bitmap when it matches the view; else the last one shifted and scaled (while a sharp one is painted).
    const edgeKey = `${current.scene.id}/${current.emphasis?.key ?? ''}`;
    const cache = edgeCache.current;
    const sameSize = cache !== null && cache.width === width && cache.height === height && cache.dpr === dpr;
    const complete = sameSize && cache!.key === edgeKey && cache!.k === k && cache!.x === x && cache!.y === y;
    if (complete) {
      context.drawImage(cache!.image, 0, 0, width, height);
    } else {
      // Same layout: the old bitmap is in the right place (only the highlight may lag a moment). New layout: no edges yet.
      if (sameSize && cache!.scene === current.scene.id) {
        const s = k / cache!.k;
        context.drawImage(cache!.image, x - cache!.x * s, y - cache!.y * s, width * s, height * s);
      }
      paintEdgesFor({ k, x, y, width, height, dpr }, edgeKey);
    }

    if (current.props.suggested?.length) drawSuggestedEdges(context, lay, current.props.suggested, view.current);

    drawNodes(
      context,
      {
        model: mod,
        layout: lay,
        selected: current.props.selected,
        hover: hoverIndex.current,
        clusterLabel: current.props.clusterLabel,
        radii: current.radii,
        maxRadius: current.maxRadius,
        styleGroups: current.styleGroups,
        isolated: current.isolated,
        brokers: current.brokers,
        emphasis: current.emphasis,
        width,
        height,
      },
      view.current,
    );

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
  }, [paintEdgesFor, edgeCache, hoverIndex, view]);
  drawRef.current = draw;

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
    [fitView, requestDraw, view],
  );

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
  }, [size, layout, fitView, draw, view]);

  useEffect(() => requestDraw(), [radii, styleGroups, props.suggested, requestDraw]);

  const tip = hover ? props.describe(hover.index) : null;
  return (
    <div className="graph-view">
      <div className="button-row graph-view__toolbar" role="group" aria-label={t('network.graph.viewControls')}>
        <button type="button" className="button button--small" onClick={() => zoomAt(size.width / 2, size.height / 2, ZOOM_STEP, false)}>
          <span aria-hidden="true">+ </span>
          {t('network.graph.zoomIn')}
        </button>
        <button type="button" className="button button--small" onClick={() => zoomAt(size.width / 2, size.height / 2, 1 / ZOOM_STEP, false)}>
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
          data-suggested-edges={props.suggested?.length ?? 0}
          {...handlers}
          onKeyDown={onKeyDown}
        />
        {tip && hover ? <GraphTooltip tip={tip} x={hover.x} y={hover.y} width={size.width} height={size.height} /> : null}
      </div>
    </div>
  );
}
