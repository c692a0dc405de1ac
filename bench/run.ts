import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

/** One measured figure; p95 is what the targets in the issues speak of. */
export interface BenchResult {
  name: string;
  target?: string;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  note?: string;
}

export interface BenchSuite {
  title: string;
  /** Runs against PostgreSQL when databaseUrl is given (the targets are for PostgreSQL), else PGlite. */
  run(options: { databaseUrl?: string }): Promise<BenchResult[]>;
}

/** Percentile of a list of durations in milliseconds. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? 0) * 100) / 100;
}

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
