import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Debian's Chromium as CI runs it: headless, software rendering, nothing fetched in the background. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
}

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

export interface RealServer {
  baseUrl: string;
  /** Stops the process (SIGTERM, SIGKILL after 10 s); safe to call twice. */
  stop: () => Promise<void>;
}

/**
 * Starts the real server the way `npm start` does (`bin/start.mjs`) on a free port, in a clean
 * environment (no mail server, no public URL) on the given embedded data directory or PostgreSQL
 * database, and waits until /api/health answers. For the browser tests and the browser benchmark.
 */
export async function startRealServer(options: { dataDir: string; databaseUrl?: string; demo: boolean; timeoutMs: number; echoErrors?: boolean }): Promise<RealServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'SMTP_URL', 'PUBLIC_URL', 'COOKIE_SECURE', 'REGIEKAMER_DEMO']) delete env[name];
  Object.assign(env, { PORT: String(port), HOST: '127.0.0.1', REGIEKAMER_DATA_DIR: options.dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'test' });
  if (options.demo) env.REGIEKAMER_DEMO = '1';
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;

  const child = spawn(process.execPath, ['bin/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (options.echoErrors) process.stderr.write(`[server] ${chunk.toString()}`);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await once(child, 'exit').catch(() => undefined);
    clearTimeout(timer);
  };

  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped while starting:\n${output}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return { baseUrl, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /api/health within ${Math.round(options.timeoutMs / 1000)} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
