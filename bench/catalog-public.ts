// Types only from bench-kit.ts (a value import of ./run.js would deadlock on its top-level await).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { launchChromium, startRealServer, type RealServer } from '../server/test/real-server.js';
import { createScratchDatabase, type ScratchDatabase } from '../server/db/scratch-database.js';
import { percentile, type BenchResult, type BenchSuite } from './bench-kit.js';

const REGION = 'westhoek';
const PHONE = { width: 390, height: 844 };
const COLD_LOADS = 5;
/** The budgets: at most 150 kB of JavaScript (gzip) and results in under 2 s on Slow 4G. */
const BYTES_BUDGET_KB = 150;
const FIRST_CARD_BUDGET_MS = 2_000;

/**
 * Chrome DevTools' "Slow 4G" preset (as Lighthouse's mobile profile): 150 ms RTT × 3.75, 1.6 Mbit/s down and
 * 750 kbit/s up × 0.9. Network only: the CPU is not slowed down.
 */
const SLOW_4G = { offline: false, latency: 150 * 3.75, downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9, uploadThroughput: ((750 * 1024) / 8) * 0.9 };

declare global {
  interface Window {
    rkFirstCard?: number;
  }
}

/**
 * Notes the moment (ms since navigation start) the first offer card is painted, by Element Timing:
 * a card in the server's HTML counts only once its styles have arrived and it is on screen.
 */
function watchFirstCard(): void {
  new PerformanceObserver((list, observer) => {
    const painted = list.getEntries().find((entry) => (entry as PerformanceEntry & { identifier?: string }).identifier === 'offer-card');
    if (!painted || window.rkFirstCard !== undefined) return;
    const { renderTime, loadTime } = painted as PerformanceEntry & { renderTime: number; loadTime: number };
    window.rkFirstCard = renderTime || loadTime || painted.startTime;
    observer.disconnect();
  }).observe({ type: 'element', buffered: true });
}

interface Transfer {
  total: number;
  script: number;
  requests: number;
}

/** Counts the bytes on the wire (headers included, compressed bodies) per resource type through CDP. */
function countTransfers(cdp: CDPSession): Transfer {
  const types = new Map<string, string>();
  const transfer: Transfer = { total: 0, script: 0, requests: 0 };
  cdp.on('Network.responseReceived', (event: { requestId: string; type: string }) => types.set(event.requestId, event.type));
  cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
    transfer.total += event.encodedDataLength;
    transfer.requests += 1;
    if (types.get(event.requestId) === 'Script') transfer.script += event.encodedDataLength;
  });
  return transfer;
}

const kB = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** The public catalog's first view on a phone over Slow 4G: bytes transferred and time to the first offer card, cold cache. */
export const catalogPublicBench: BenchSuite = {
  title: 'Public catalog first view on Slow 4G (Chromium, phone, cold cache)',
  notes: [],
  async run({ databaseUrl }) {
    const notes = (this.notes = [] as string[]);
    const dataDir = mkdtempSync(join(tmpdir(), 'rk-bench-catalog-'));
    let scratch: ScratchDatabase | undefined;
    let server: RealServer | undefined;
    let browser: Browser | undefined;
    try {
      // The demo region's catalog (about 40 offers loaded through the importer), as `npm start` serves it.
      if (databaseUrl) scratch = await createScratchDatabase(databaseUrl, 'rk_bench_catalog');
      server = await startRealServer({ dataDir, databaseUrl: scratch?.url, demo: true, timeoutMs: 180_000 });
      browser = await launchChromium();
      const address = `${server.baseUrl}/r/${REGION}/aanbod`;
      const shots = process.env.BENCH_SCREENSHOTS;
      if (shots) mkdirSync(shots, { recursive: true });

      const firstCard: number[] = [];
      const loaded: number[] = [];
      const transfers: Transfer[] = [];
      for (let i = 0; i < COLD_LOADS; i++) {
        // A new context per load: empty cache and no service worker, as a first visit.
        const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'nl-BE' });
        // tsx compiles with keepNames: functions passed to the page may call its __name helper, which the page lacks.
        await context.addInitScript('window.__name = (fn) => fn;');
        await context.addInitScript(watchFirstCard);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
        const transfer = countTransfers(cdp);
        await page.goto(address, { waitUntil: 'commit', timeout: 120_000 });
        await page.waitForFunction(() => window.rkFirstCard !== undefined, undefined, { timeout: 120_000 });
        firstCard.push(await page.evaluate(() => window.rkFirstCard ?? 0));
        // Everything the first view asked for (tiles are not: the map is a second view).
        await page.waitForLoadState('networkidle', { timeout: 120_000 });
        loaded.push(await page.evaluate(() => performance.now()));
        transfers.push({ ...transfer });
        if (shots && i === 0) await page.screenshot({ path: join(shots, 'catalog-public-slow4g.png'), fullPage: true });
        await context.close();
      }

      const version = browser.version();
      const last = transfers.at(-1)!;
      const results: BenchResult[] = [
        {
          name: 'first offer card on screen (from navigation start)',
          target: `< ${FIRST_CARD_BUDGET_MS} ms`,
          samples: firstCard.length,
          p50Ms: percentile(firstCard, 50),
          p95Ms: percentile(firstCard, 95),
          note: `${COLD_LOADS} cold loads of /r/${REGION}/aanbod; the network idle at p50 ${Math.round(percentile(loaded, 50))} ms`,
        },
      ];
      notes.push(
        `Bytes transferred for the first view (headers and compressed bodies, CDP Network.loadingFinished): ${kB(last.total)} kB in ${last.requests} requests, of which JavaScript ${kB(last.script)} kB (budget ≤ ${BYTES_BUDGET_KB} kB). Largest of the ${COLD_LOADS} loads: ${kB(Math.max(...transfers.map((t) => t.total)))} kB.`,
        `Throttling: CDP Network.emulateNetworkConditions with DevTools' Slow 4G (${SLOW_4G.latency} ms latency, ${kB(SLOW_4G.downloadThroughput)} kB/s down, ${kB(SLOW_4G.uploadThroughput)} kB/s up), cache disabled, CPU not slowed; ${version} headless, viewport ${PHONE.width}×${PHONE.height}. Run alone with \`npm run bench -- catalog-public\`.`,
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
