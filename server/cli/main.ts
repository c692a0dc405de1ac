import { parseArgs } from 'node:util';
import { CliError, type CliCommand } from './command.js';
import { coreCommands } from './core-commands.js';
import { DOMAINS } from '../domains/registry.js';
import { EnvError } from '../config/env.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { BackupError } from '../db/backup.js';
import { AppError } from '../http/errors.js';
import { installValidationMessages } from '../../common/validation.js';

/** Every CLI command: the core ones, then each registered domain's (server/domains/registry.ts). */
export const commands: CliCommand[] = [...coreCommands, ...DOMAINS.flatMap((domain) => domain.cliCommands ?? [])];

function printHelp(): void {
  console.log('Gebruik: npx regiekamer <opdracht> [opties]\n\nOpdrachten:');
  for (const command of commands) console.log(`  ${command.usage.padEnd(60)} ${command.summary}`);
  console.log('\nDe opdrachten gebruiken dezelfde omgeving als de server (DATABASE_URL of REGIEKAMER_DATA_DIR).');
}

function reasonOf(error: unknown): string {
  if (error instanceof CliError || error instanceof EnvError || error instanceof DataDirLockedError || error instanceof BackupError) return error.message;
  if (error instanceof AppError) {
    const field = error.fields?.[0];
    return field ? `${error.code}: ${field.path} ${field.message.replace(/^@/, '')}` : error.code;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Runs one CLI invocation and returns the exit code; errors become a one-line reason on stderr. */
export async function runCli(argv: string[]): Promise<number> {
  installValidationMessages();
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp();
    return name ? 0 : 2;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(`regiekamer: onbekende opdracht "${name}" (zie npx regiekamer help)`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options ?? {},
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return await command.run({ values: values as Record<string, string | boolean | undefined>, positionals });
  } catch (error) {
    const reason = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
      ? `${(error as Error).message} — gebruik: npx regiekamer ${command.usage}`
      : reasonOf(error);
    console.error(`regiekamer ${name}: ${reason.split('\n').join(' ')}`);
    return 1;
  }
}
