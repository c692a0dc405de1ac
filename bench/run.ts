import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from './bench-kit.js';

export type { BenchResult, BenchSuite } from './bench-kit.js';
export { percentile } from './bench-kit.js';

// Each domain adds its suite here.
const suites: { file: string; load: () => Promise<BenchSuite> }[] = [
  { file: 'network', load: async () => (await import('./network.js')).networkBench },
  { file: 'plans', load: async () => (await import('./plans.js')).plansBench },
  { file: 'graph-browser', load: async () => (await import('./graph-browser.js')).graphBrowserBench },
  { file: 'bundle', load: async () => (await import('./bundle.js')).bundleBench },
  { file: 'matching', load: async () => (await import('./matching.js')).matchingBench },
  { file: 'workshop-room', load: async () => (await import('./workshop-room.js')).workshopRoomBench },
  { file: 'lending', load: async () => (await import('./lending.js')).lendingBench },
  { file: 'participation', load: async () => (await import('./participation.js')).participationBench },
  { file: 'catalog-public', load: async () => (await import('./catalog-public.js')).catalogPublicBench },
];

/**
 * `npm run bench` runs every suite and rewrites docs/benchmarks.md; `npm run bench -- graph-browser plans` runs only
 * the named suites and replaces just their sections in it (the other sections and the header stay as they were).
 */
function selectedSuites(names: string[]): typeof suites {
  const unknown = names.filter((name) => !suites.some((suite) => suite.file === name));
  if (unknown.length > 0) throw new Error(`unknown bench suite(s): ${unknown.join(', ')} (choose from ${suites.map((suite) => suite.file).join(', ')})`);
  return names.length === 0 ? suites : suites.filter((suite) => names.includes(suite.file));
}

/** Replaces the `## title` sections of an existing document with the new ones (appending those not there yet). */
function mergeSections(existing: string, sections: { title: string; lines: string[] }[]): string {
  const parts = existing.split(/^(?=## )/m);
  for (const section of sections) {
    const text = section.lines.join('\n') + '\n';
    const at = parts.findIndex((part) => part.startsWith(`## ${section.title}\n`));
    if (at >= 0) parts[at] = text;
    else parts.push(text);
  }
  return parts.map((part) => (part.endsWith('\n\n') ? part : part.endsWith('\n') ? `${part}\n` : `${part}\n\n`)).join('').replace(/\n+$/, '\n');
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const lines = [
    '# Benchmarks',
    '',
    `Measured with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, database: ${databaseUrl ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'PGlite'}.`,
    'Times are server-side (in-process requests, no network), in milliseconds.',
    '',
  ];
  const chosen = selectedSuites(process.argv.slice(2));
  const sections: { title: string; lines: string[] }[] = [];
  for (const suite of chosen) {
    const loaded = await suite.load();
    console.error(`→ ${loaded.title}`);
    const results = await loaded.run({ databaseUrl });
    // A suite without timings (e.g. bundle sizes) prints its own table in its notes.
    const section = [`## ${loaded.title}`, ''];
    if (results.length > 0) section.push('| measurement | target | samples | p50 ms | p95 ms | note |', '|---|---|---|---|---|---|');
    for (const r of results) section.push(`| ${r.name} | ${r.target ?? ''} | ${r.samples} | ${r.p50Ms} | ${r.p95Ms} | ${r.note ?? ''} |`);
    section.push('', ...(loaded.notes ?? []).flatMap((note) => [note, '']));
    sections.push({ title: loaded.title, lines: section });
    lines.push(...section);
  }
  if (suites.length === 0) lines.push('No benchmark suites yet.');
  const out = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
  const partial = chosen.length < suites.length && existsSync(out);
  writeFileSync(out, partial ? mergeSections(readFileSync(out, 'utf8'), sections) : lines.join('\n') + '\n');
  console.error(`written to ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
