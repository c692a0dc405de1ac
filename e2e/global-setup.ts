import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase } from '../server/db/scratch-database.js';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server through `npm start`'s entry point (demo data, fresh PGlite directory) for the browser tests and hands its
 * URL to them; the npm script has built the client into dist/client before.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(root, 'dist/client/index.html'))) {
    throw new Error('dist/client/index.html ontbreekt: run de e2e-tests met `npm run test:e2e` (die bouwt eerst de client).');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'regiekamer-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  // A clean environment: no mail server (so invitations return their link), and the embedded database
  // unless E2E_DATABASE_URL names a PostgreSQL server, on which a fresh database is made for this run.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'SMTP_URL', 'PUBLIC_URL', 'COOKIE_SECURE']) delete env[name];
  const postgres = process.env.E2E_DATABASE_URL ? await createScratchDatabase(process.env.E2E_DATABASE_URL, 'rk_e2e') : null;
  if (postgres) env.DATABASE_URL = postgres.url;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    REGIEKAMER_DATA_DIR: dataDir,
    REGIEKAMER_DEMO: '1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  });

  const server = spawn(process.execPath, ['bin/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(`[server] ${chunk.toString()}`);
  });
  let exited = false;
  server.once('exit', () => (exited = true));

  const stop = async () => {
    if (!exited) {
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await once(server, 'exit').catch(() => undefined);
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`De server stopte bij het opstarten:\n${output}`);
    }
    const healthy = await fetch(`${baseUrl}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`De server antwoordde niet op /api/health binnen 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

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
