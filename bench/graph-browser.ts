// Types only from bench-kit.ts (a value import of ./run.js would deadlock on its top-level await).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startRealServer, type RealServer } from '../server/test/real-server.js';
import { percentile, type BenchResult, type BenchSuite } from './bench-kit.js';
import { generate, WESTHOEK } from './network.js';
import { openDatabase, type DatabaseHandle } from '../server/db/client.js';
import { createScratchDatabase, type ScratchDatabase } from '../server/db/scratch-database.js';
import { migrate } from '../server/db/migrate.js';
import { createRegion } from '../server/domains/regions/service.js';
import { createUserWithRole } from '../server/domains/accounts/service.js';

const ACTORS = 5_000;
const RELATIONS = 20_000;
const SLUG = 'bench-graph';
const ADMIN = { email: 'bench-admin@bench.test', password: 'bench-graph-wachtwoord' };
const VIEWPORT = { width: 1280, height: 900 };
const WARM_LOADS = 5;

/** What the page reports through performance measures (collected by an observer installed before the app runs). */
interface Collected {
  draws: { start: number; duration: number; complete: boolean; clusterBy: string }[];
  hits: number[];
  edges: { latency: number; paint: number; worker: boolean }[];
  layouts: { duration: number; clusterBy: string }[];
  changes: { value: string; at: number }[];
  frames: number[];
}

declare global {
  interface Window {
    rkBench: Collected;
    rkGraphFlush?: boolean;
  }
}

function installCollector(): void {
  const collected: Collected = { draws: [], hits: [], edges: [], layouts: [], changes: [], frames: [] };
  window.rkBench = collected;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceMeasure[]) {
      const detail = (entry.detail ?? {}) as { complete?: boolean; clusterBy?: string; renderMs?: number; worker?: boolean };
      if (entry.name === 'graph-draw') collected.draws.push({ start: entry.startTime, duration: entry.duration, complete: detail.complete === true, clusterBy: detail.clusterBy ?? '' });
      else if (entry.name === 'graph-hit-test') collected.hits.push(entry.duration);
      else if (entry.name === 'graph-edges') collected.edges.push({ latency: entry.duration, paint: detail.renderMs ?? 0, worker: detail.worker === true });
      else if (entry.name === 'graph-layout') collected.layouts.push({ duration: entry.duration, clusterBy: detail.clusterBy ?? '' });
    }
  }).observe({ type: 'measure' });
  document.addEventListener(
    'change',
    (event) => {
      const target = event.target as HTMLSelectElement | null;
      if (target?.id === 'graph-cluster') collected.changes.push({ value: target.value, at: event.timeStamp });
    },
    true,
  );
}

const round = (value: number) => Math.round(value * 100) / 100;

function result(name: string, target: string | undefined, values: number[], note?: string): BenchResult {
  return { name, target, samples: values.length, p50Ms: percentile(values, 50), p95Ms: percentile(values, 95), ...(note ? { note } : {}) };
}

/** Lets the observer callbacks (queued tasks) run and the last frame be drawn. */
function settle(page: Page, ms = 400): Promise<void> {
  return page.evaluate((wait) => new Promise<void>((resolve) => setTimeout(() => requestAnimationFrame(() => setTimeout(resolve, 50)), wait)), ms);
}

/** Records the interval between animation frames until stopped (the frame rate the user would see). */
async function startFrameRecorder(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window as unknown as { rkFrames?: boolean };
    state.rkFrames = true;
    let last = performance.now();
    const tick = (now: number) => {
      window.rkBench.frames.push(now - last);
      last = now;
      if (state.rkFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
}

/** 60 wheel steps (in to label zoom and back out, twice) and 60 drags in changing directions, as fast as the browser takes them. */
async function zoomAndPan(page: Page, centre: { x: number; y: number }): Promise<void> {
  const pattern = [...Array<number>(20).fill(-100), ...Array<number>(20).fill(100), ...Array<number>(10).fill(-100), ...Array<number>(10).fill(100)];
  for (const [i, deltaY] of pattern.entries()) {
    await page.mouse.move(centre.x + 120 * Math.cos(i / 5), centre.y + 80 * Math.sin(i / 5));
    await page.mouse.wheel(0, deltaY);
  }
  for (let i = 0; i < 60; i++) {
    const angle = i * 2.4;
    const from = { x: centre.x - 60 * Math.cos(angle), y: centre.y - 60 * Math.sin(angle) };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 120 * Math.cos(angle), from.y + 120 * Math.sin(angle), { steps: 4 });
    await page.mouse.up();
  }
}

async function drawsDuring(page: Page, action: () => Promise<void>): Promise<Pick<Collected, 'draws' | 'frames' | 'edges'>> {
  await page.evaluate(() => {
    window.rkBench.draws.length = 0;
    window.rkBench.frames.length = 0;
    window.rkBench.edges.length = 0;
  });
  await startFrameRecorder(page);
  await action();
  await settle(page);
  return page.evaluate(() => {
    (window as unknown as { rkFrames?: boolean }).rkFrames = false;
    return { draws: [...window.rkBench.draws], frames: [...window.rkBench.frames], edges: [...window.rkBench.edges] };
  });
}

/** Network graph in Chromium: 5,000 actors and 20,000 relations on the real server, the built client and a headless browser. */
export const graphBrowserBench: BenchSuite = {
  title: `Network graph in the browser (${ACTORS.toLocaleString('en')} actors, ${RELATIONS.toLocaleString('en')} relations)`,
  notes: [],
  async run({ databaseUrl }) {
    const notes = (this.notes = [] as string[]);
    const dataDir = mkdtempSync(join(tmpdir(), 'rk-bench-graph-'));
    let scratch: ScratchDatabase | undefined;
    let server: RealServer | undefined;
    let browser: Browser | undefined;
    try {
      // 1. The data: one region, generated like the network suite's, and an admin to see every actor.
      if (databaseUrl) scratch = await createScratchDatabase(databaseUrl, 'rk_bench_graph');
      const database: DatabaseHandle = await openDatabase(scratch ? { databaseUrl: scratch.url } : { dataDir });
      try {
        await migrate(database);
        const region = await createRegion(database.db, { slug: SLUG, name: 'Bench Graph', municipalities: WESTHOEK });
        await generate(database, region.id, { actors: ACTORS, relations: RELATIONS });
        await createUserWithRole(database.db, { ...ADMIN, name: 'Bench Admin', regionSlug: SLUG, role: 'admin' });
        const [counts] = await database.raw.query<{ actors: number; relations: number }>(
          'SELECT (SELECT count(*)::int FROM actors) AS actors, (SELECT count(*)::int FROM relations) AS relations',
        );
        console.error(`  generated ${counts?.actors} actors and ${counts?.relations} relations`);
      } finally {
        await database.close();
      }

      // 2. The real server, as `npm start` runs it (it builds the client first when dist/client is stale),
      // and Chromium as the browser tests launch it (software rendering: --disable-gpu).
      server = await startRealServer({ dataDir, databaseUrl: scratch?.url, demo: false, timeoutMs: 180_000 });
      const { baseUrl } = server;
      browser = await launchChromium();
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
      context.setDefaultTimeout(120_000);
      // tsx compiles with keepNames: functions passed to the page may call its __name helper, which the page lacks.
      await context.addInitScript('window.__name = (fn) => fn;');
      await context.addInitScript(installCollector);
      const page = await context.newPage();
      const login = await page.request.post(`${baseUrl}/api/auth/login`, { data: ADMIN });
      if (!login.ok()) throw new Error(`login failed: ${login.status()} ${await login.text()}`);
      const graphUrl = `${baseUrl}/r/${SLUG}/netwerk/grafiek`;

      // First complete draw, measured from navigation start (the page's `graph-first-draw` mark).
      const load = async () => {
        await page.goto(graphUrl);
        await page.waitForFunction(() => performance.getEntriesByName('graph-first-draw').length > 0, undefined, { timeout: 120_000 }).catch(async (error: unknown) => {
          const state = await page.evaluate(() => ({ draws: window.rkBench.draws.slice(0, 5), edges: window.rkBench.edges, text: document.querySelector('main')?.textContent?.slice(0, 300) }));
          throw new Error(`no complete draw of the graph: ${JSON.stringify(state)}`, { cause: error });
        });
        return page.evaluate(() => {
          const resource = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/network/graph')) as PerformanceResourceTiming | undefined;
          return {
            firstDraw: performance.getEntriesByName('graph-first-draw')[0]!.startTime,
            response: resource?.responseEnd ?? 0,
            bytes: resource?.encodedBodySize ?? 0,
            layout: window.rkBench.layouts[0]?.duration ?? 0,
          };
        });
      };
      const cold = await load();
      const warm = [];
      for (let i = 0; i < WARM_LOADS; i++) warm.push(await load());
      const shots = process.env.BENCH_SCREENSHOTS;
      if (shots) mkdirSync(shots, { recursive: true });
      if (shots) await page.screenshot({ path: join(shots, 'graph-fit.png'), fullPage: true });

      const canvas = page.getByRole('img', { name: /^(Netwerkgrafiek|Network graph) / });
      await canvas.scrollIntoViewIfNeeded();
      const box = (await canvas.boundingBox())!;
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

      // Zoom and pan, once timing the draw calls only, once forcing the canvas to rasterise inside each measure.
      const plain = await drawsDuring(page, () => zoomAndPan(page, centre));
      if (shots) await page.screenshot({ path: join(shots, 'graph-after-pan.png') });
      await page.getByRole('button', { name: /^(Alles tonen|Show all)$/ }).click();
      await settle(page);
      await page.evaluate(() => (window.rkGraphFlush = true));
      const flushed = await drawsDuring(page, () => zoomAndPan(page, centre));
      await page.getByRole('button', { name: /^(Alles tonen|Show all)$/ }).click();
      await settle(page);

      // Hover: 400 pointer positions over the whole canvas at the "show all" zoom, where it is densest.
      await page.evaluate(() => (window.rkBench.hits.length = 0));
      for (let i = 0; i < 400; i++) {
        await page.mouse.move(box.x + ((i % 20) + 0.5) * (box.width / 20), box.y + (Math.floor(i / 20) + 0.5) * (box.height / 20));
      }
      await settle(page, 100);
      const hits = await page.evaluate(() => [...window.rkBench.hits]);

      // Switch clustering: from the change event to the next complete draw with the new layout.
      const switches: number[] = [];
      const layouts: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const value of ['sector', 'community', 'municipality']) {
          await page.selectOption('#graph-cluster', value);
          const measured = await page.waitForFunction(
            (chosen) => {
              const change = window.rkBench.changes.at(-1);
              const draw = window.rkBench.draws.find((d) => d.complete && d.clusterBy === chosen && change && d.start >= change.at);
              const layout = window.rkBench.layouts.filter((l) => l.clusterBy === chosen).at(-1);
              return change && draw && layout ? { total: draw.start + draw.duration - change.at, layout: layout.duration } : null;
            },
            value,
          );
          const { total, layout } = (await measured.jsonValue())!;
          switches.push(total);
          layouts.push(layout);
          await settle(page, 50);
        }
        if (shots && round === 0) await page.screenshot({ path: join(shots, 'graph-municipality.png') });
      }

      // Memory: the JS heap after a garbage collection (Chrome DevTools Protocol).
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
      const version = browser.version();

      const split = (draws: Collected['draws']) => ({ all: draws.map((d) => d.duration), complete: draws.filter((d) => d.complete).map((d) => d.duration) });
      const a = split(plain.draws);
      const b = split(flushed.draws);
      const frame = '< 16.7 ms p95 (60 fps)';
      const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
      const where = flushed.edges.every((e) => e.worker) ? 'in the worker (off the main thread)' : 'on the main thread (no worker)';
      const results: BenchResult[] = [
        result(
          'first complete draw after navigation (graph cached on the server)',
          undefined,
          warm.map((w) => w.firstDraw),
          `from navigation start to nodes and edges on screen; graph JSON (${mb(warm[0]!.bytes)}) received at p50 ${Math.round(percentile(warm.map((w) => w.response), 50))} ms, layout ${round(percentile(warm.map((w) => w.layout), 50))} ms; very first visit ${Math.round(cold.firstDraw)} ms (server computes the metrics)`,
        ),
        result(
          'redraw during zoom and pan, draw calls (60 wheel steps + 60 drags)',
          frame,
          a.all,
          `main thread; ${plain.draws.length} draws for 120 gestures (throttled to animation frames), ${a.complete.length} with a sharp edge bitmap for the current view`,
        ),
        result('redraw during zoom and pan, rasterised in the measure', frame, b.all, `same sequence with a 1-pixel getImageData at the end of every draw, so Skia's rasterisation is inside the measure`),
        result(
          `edge layer repaint (20,000 edges) ${where}`,
          undefined,
          flushed.edges.map((e) => e.paint),
          `rasterised; ${flushed.edges.length} repaints during the sequence, from request to bitmap on the page p50 ${round(percentile(flushed.edges.map((e) => e.latency), 50))} ms, p95 ${round(percentile(flushed.edges.map((e) => e.latency), 95))} ms; meanwhile the last bitmap is shifted and scaled`,
        ),
        result('frame interval during zoom and pan (requestAnimationFrame)', frame, plain.frames, 'first sequence (no forced rasterisation); includes frames where nothing was drawn'),
        result('hover hit-test (d3-quadtree)', undefined, hits, `400 pointer positions at "show all" zoom; mean ${(hits.reduce((s, v) => s + v, 0) / Math.max(1, hits.length)).toFixed(3)} ms (Chromium's timer resolution is 0.1 ms)`),
        result('switch clustering (change → complete draw with the new layout)', undefined, switches, `3 × sector, community, municipality, edges included; layout itself p50 ${round(percentile(layouts, 50))} ms, p95 ${round(percentile(layouts, 95))} ms`),
      ];
      notes.push(
        `Browser-side, in milliseconds: ${version} headless with \`--disable-gpu\` (software canvas), viewport ${VIEWPORT.width}×${VIEWPORT.height} at devicePixelRatio 1, ${cpus().length} cores, measured on ${new Date().toISOString().slice(0, 10)}. Run alone with \`npm run bench -- graph-browser\`.`,
        `JS heap after load, the gestures and a garbage collection: ${mb(heap.usedSize)} used of ${mb(heap.totalSize)} (CDP Runtime.getHeapUsage).`,
        'How the page draws (client/pages/network/graph-canvas.tsx): nodes every animation frame on the main thread, batched per colour and culled to the view; the 20,000 edges as one hairline Path2D painted into an ImageBitmap by a worker (OffscreenCanvas), shifted and scaled while a fresh one is painted. Edges wider than one device pixel took seconds per repaint in Skia\'s software stroker, hence hairlines.',
      );
      return results;
    } finally {
      await browser?.close();
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
      await scratch?.drop();
    }
  },
};
