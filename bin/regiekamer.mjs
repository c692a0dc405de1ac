#!/usr/bin/env node
// `npx regiekamer <command>`: the CLI, in TypeScript, run through tsx with the server's environment.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import(new URL('../server/cli/main.ts', import.meta.url).href);
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
