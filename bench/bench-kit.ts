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
}

/** Percentile of a list of durations in milliseconds. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? 0) * 100) / 100;
}
