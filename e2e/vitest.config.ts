import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// CI asks for a JSON report beside the console output, to print one summary line for all runs.
const jsonReport = process.env.VITEST_JSON_REPORT;

// Browser tests against a real server (started by global-setup) and the built client in dist/client.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {}),
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // One server and one demo database for all files: run them one after another.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
