import { defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the console output, to print one summary line for all runs.
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {}),
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'client/**/*.test.ts', 'bin/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests of a file run in a shuffled (fixed, so reproducible) order: a test that leans on state
    // another test left behind fails here instead of hiding. VITEST_SEED varies it locally.
    sequence: { shuffle: { files: false, tests: true }, seed: Number(process.env.VITEST_SEED ?? 20261202) },
  },
});
