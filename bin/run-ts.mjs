#!/usr/bin/env node
// Runs a TypeScript entry point of this repository through tsx, so no separate server build is needed.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('gebruik: node bin/run-ts.mjs <bestand.ts> [argumenten]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...rest];
await import(pathToFileURL(resolve(entry)).href);
