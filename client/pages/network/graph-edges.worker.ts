// Paints the graph's edges on an OffscreenCanvas off the main thread; the page shows the bitmaps it sends back.
import { edgePath, paintEdges, type EdgeRequest, type EdgeResponse, type EdgeScene } from './graph-edges';

let scene: EdgeScene | null = null;
let all: Path2D | null = null;
let highlightEdges: Int32Array | null = null;
let highlight: Path2D | null = null;
let canvas: OffscreenCanvas | null = null;

self.onmessage = (event: MessageEvent<EdgeRequest>) => {
  const message = event.data;
  if (message.type === 'scene') {
    scene = message.scene;
    all = edgePath(scene, null);
    highlight = highlightEdges ? edgePath(scene, highlightEdges) : null;
  } else if (message.type === 'highlight') {
    highlightEdges = message.edges;
    highlight = scene && highlightEdges ? edgePath(scene, highlightEdges) : null;
  } else if (all) {
    const started = performance.now();
    const { view } = message;
    const width = Math.max(1, Math.round(view.width * view.dpr));
    const height = Math.max(1, Math.round(view.height * view.dpr));
    if (!canvas || canvas.width !== width || canvas.height !== height) canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d')!;
    paintEdges(context, all, highlight, view);
    // For the browser benchmark: make sure the pixels are rasterised inside the timing.
    if (message.flush) context.getImageData(0, 0, 1, 1);
    const bitmap = canvas.transferToImageBitmap();
    const response: EdgeResponse = { id: message.id, bitmap, ms: performance.now() - started };
    self.postMessage(response, { transfer: [bitmap] });
  }
};
