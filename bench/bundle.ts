import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchSuite } from './bench-kit.js';

/** The first page may load at most this much gzipped JavaScript (issue #8). */
export const FIRST_PAGE_BUDGET_KB = 120;

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

// Key routes and the page module each one loads lazily (client/app.tsx); public pages first.
const ROUTES: { route: string; page: string; budgeted: boolean }[] = [
  { route: 'home /', page: 'pages/home/home-page.tsx', budgeted: true },
  { route: 'region overview /r/:slug', page: 'pages/regions/region-overview-page.tsx', budgeted: true },
  { route: 'actor list /r/:slug/netwerk', page: 'pages/network/actor-list-page.tsx', budgeted: true },
  { route: 'login /aanmelden', page: 'pages/auth/login-page.tsx', budgeted: true },
  { route: 'bubble scheme', page: 'pages/network/bubble-page.tsx', budgeted: false },
  { route: 'network graph', page: 'pages/network/graph-page.tsx', budgeted: false },
  { route: 'plan', page: 'pages/plans/plan-page.tsx', budgeted: false },
  { route: 'action', page: 'pages/plans/action-page.tsx', budgeted: false },
];

/** The JavaScript files a route loads before it shows: the entry and the route's page chunk, with their static imports. */
export function initialFiles(manifest: Manifest, page: string): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key]!.imports ?? []) visit(imported);
  };
  if (entry) visit(entry);
  visit(page);
  return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
}

const kB = (bytes: number) => Math.round(bytes / 102.4) / 10;

export const bundleBench: BenchSuite = {
  title: 'SPA bundle per route (gzipped JavaScript before the page shows)',
  notes: [],
  async run() {
    const dist = fileURLToPath(new URL('../dist/client/', import.meta.url));
    const manifestPath = `${dist}.vite/manifest.json`;
    // Always measure the current sources: build first (a stale dist would measure an old bundle).
    execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--logLevel', 'error'], {
      stdio: 'inherit',
    });
    if (!existsSync(manifestPath)) throw new Error(`no ${manifestPath}: is build.manifest on in vite.config.ts?`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const gzipped = new Map<string, { raw: number; gzip: number }>();
    const weigh = (file: string) => {
      let size = gzipped.get(file);
      if (!size) {
        const content = readFileSync(`${dist}${file}`);
        size = { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
        gzipped.set(file, size);
      }
      return size;
    };
    const all = Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js'));
    const total = all.reduce((sum, chunk) => sum + weigh(chunk.file).gzip, 0);
    const lines = ['| route | JS files | raw kB | gzip kB | budget |', '|---|---|---|---|---|'];
    const over: string[] = [];
    for (const { route, page, budgeted } of ROUTES) {
      if (!manifest[page]) throw new Error(`${page} is not a chunk of its own: is it still loaded lazily in client/app.tsx?`);
      const files = initialFiles(manifest, page);
      const raw = files.reduce((sum, file) => sum + weigh(file).raw, 0);
      const gzip = files.reduce((sum, file) => sum + weigh(file).gzip, 0);
      const verdict = budgeted ? (kB(gzip) <= FIRST_PAGE_BUDGET_KB ? `≤ ${FIRST_PAGE_BUDGET_KB} kB ✓` : `≤ ${FIRST_PAGE_BUDGET_KB} kB ✗`) : '';
      if (budgeted && kB(gzip) > FIRST_PAGE_BUDGET_KB) over.push(route);
      lines.push(`| ${route} | ${files.length} | ${kB(raw)} | ${kB(gzip)} | ${verdict} |`);
    }
    this.notes = [
      lines.join('\n'),
      'Before the split per route (issue #8) every page loaded one 733 kB bundle, 206 kB gzipped. What is left on the first page: React DOM (~60 kB), ' +
        'React Router and React (~19 kB), i18next with the core Dutch catalog (shell and network); English, French, Arabic and Ukrainian, and the catalogs of plans and the newer domains, are chunks of their own, loaded with the language or the page that needs them.',
      `All ${all.length} JS chunks together: ${kB(total)} kB gzipped (gzip level 9, as @fastify/compress would serve them; the server may also send brotli, which is smaller). ` +
        'Counted per route: the entry chunk, the route\'s page chunk and their static imports from dist/client/.vite/manifest.json; the edge worker and other lazy chunks load later. ' +
        `Measured on ${new Date().toISOString().slice(0, 10)} (${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}); sizes do not depend on the machine. ` +
        'e2e/network-visuals.e2e.ts checks the same budget in Chromium from the bytes actually transferred. Run alone with `npm run bench -- bundle`.',
    ];
    // The budget is a requirement: a bench run that exceeds it fails.
    if (over.length > 0) {
      console.error(`over the ${FIRST_PAGE_BUDGET_KB} kB budget: ${over.join(', ')}`);
      process.exitCode = 1;
    }
    return [];
  },
};
