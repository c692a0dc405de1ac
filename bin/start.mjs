#!/usr/bin/env node
// `npm start`: builds the web client when it is missing or older than its sources, then starts the server.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(root, 'dist/client/index.html');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const sources = ['client', 'common', 'vite.config.ts', 'package.json'].map((p) => join(root, p)).filter(existsSync);
const builtRenderer = join(root, 'dist/ssr/ssr-entry.js');
const newestSource = Math.max(...sources.map(newestMtime));
const isStale = (built) => !existsSync(built) || newestSource > statSync(built).mtimeMs;
// The browser's app, and the server-side renderer of the public pages' first view (decision 025).
const builds = [
  { built: builtIndex, args: [] },
  { built: builtRenderer, args: ['--ssr', 'ssr-entry.tsx'] },
].filter(({ built }) => isStale(built));
if (builds.length > 0) console.log('De webtoepassing wordt gebouwd (eenmalig, een halve minuut)…');
for (const { args } of builds) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', ...args, '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('Het bouwen van de webtoepassing is mislukt.');
    process.exit(result.status ?? 1);
  }
}

register();
await import(new URL('../server/main.ts', import.meta.url).href);
