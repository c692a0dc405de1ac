/** Shared types and helpers of the benchmark suites (kept apart from run.ts, whose top-level await would deadlock an import cycle). */

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
  /** Lines printed under the suite's table (filled by run(): conditions, figures that are not durations). */
  notes?: string[];
}

/** Percentile of a list of durations in milliseconds. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? 0) * 100) / 100;
}

/** Runs fn `warmup` times unmeasured, then `samples` times timed, and reports p50/p95. */
export async function measure(
  name: string,
  target: string | undefined,
  samples: number,
  fn: (i: number) => Promise<void>,
  options: { note?: string; warmup?: number } = {},
): Promise<BenchResult> {
  for (let i = 0; i < (options.warmup ?? 5); i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  return { name, target, samples, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), ...(options.note ? { note: options.note } : {}) };
}
