import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from './bench-kit.js';

export type { BenchResult, BenchSuite } from './bench-kit.js';
export { percentile } from './bench-kit.js';

// Each domain adds its suite here.
const suites: { file: string; load: () => Promise<BenchSuite> }[] = [
  { file: 'network', load: async () => (await import('./network.js')).networkBench },
  { file: 'plans', load: async () => (await import('./plans.js')).plansBench },
];

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const lines = [
    '# Benchmarks',
    '',
    `Measured with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, database: ${databaseUrl ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'PGlite'}.`,
    'Times are server-side (in-process requests, no network), in milliseconds.',
    '',
  ];
  for (const suite of suites) {
    const loaded = await suite.load();
    console.error(`→ ${loaded.title}`);
    const results = await loaded.run({ databaseUrl });
    lines.push(`## ${loaded.title}`, '', '| measurement | target | samples | p50 ms | p95 ms | note |', '|---|---|---|---|---|---|');
    for (const r of results) lines.push(`| ${r.name} | ${r.target ?? ''} | ${r.samples} | ${r.p50Ms} | ${r.p95Ms} | ${r.note ?? ''} |`);
    lines.push('');
  }
  if (suites.length === 0) lines.push('No benchmark suites yet.');
  const out = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
  writeFileSync(out, lines.join('\n') + '\n');
  console.error(`written to ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
