import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase } from '../server/db/scratch-database.js';
import { startRealServer, type RealServer } from '../server/test/real-server.js';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts the real server through `npm start`'s entry point (demo data, fresh PGlite directory) for the browser tests and hands its
 * URL to them; the npm script has built the client into dist/client before.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(root, 'dist/client/index.html'))) {
    throw new Error('dist/client/index.html ontbreekt: run de e2e-tests met `npm run test:e2e` (die bouwt eerst de client).');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'regiekamer-e2e-'));
  // The embedded database unless E2E_DATABASE_URL names a PostgreSQL server, on which a fresh database is made for this run.
  const postgres = process.env.E2E_DATABASE_URL ? await createScratchDatabase(process.env.E2E_DATABASE_URL, 'rk_e2e') : null;
  const cleanUp = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  };
  let server: RealServer;
  try {
    server = await startRealServer({ dataDir, databaseUrl: postgres?.url, demo: true, timeoutMs: 90_000, echoErrors: true });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const { baseUrl } = server;
  const stop = async () => {
    await server.stop();
    await cleanUp();
  };

  // The browser tests must run on the backend this run asked for.
  const { database } = (await (await fetch(`${baseUrl}/api/health`)).json()) as { database: string };
  const expected = postgres ? 'postgresql' : 'pglite';
  if (database !== expected) {
    await stop();
    throw new Error(`De server draait op ${database}, verwacht ${expected}.`);
  }
  process.stderr.write(`[e2e] server op ${baseUrl} met ${database}\n`);

  project.provide('baseUrl', baseUrl);
  return stop;
}
