import type { ParseArgsConfig } from 'node:util';

/** One `npx regiekamer <name>` command; domains list theirs in their module.ts (server/domains/registry.ts). */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options?: ParseArgsConfig['options'];
  allowPositionals?: boolean;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }): Promise<number>;
}

/** An error whose message is shown as the one-line reason for a non-zero exit. */
export class CliError extends Error {}
