import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import { CliError, type CliCommand } from '../../cli/command.js';
import { openMigratedDatabase } from '../../bootstrap.js';
import type { DatabaseHandle } from '../../db/client.js';
import { regions } from '../regions/schema.js';
import { flemishAmount } from './export.js';
import { describeImportError, readPlanFile, PlanImportError } from './import/index.js';
import { summarize } from './import/types.js';
import { importParsedPlan, listPlans } from './service.js';

async function withDatabase<T>(fn: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const { database } = await openMigratedDatabase();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function requiredOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`--${name} is verplicht`);
  return value.trim();
}

async function regionBySlug(database: DatabaseHandle, slug: string) {
  const [region] = await database.db.select().from(regions).where(eq(regions.slug, slug));
  if (!region) throw new CliError(`onbekende regio: ${slug}`);
  return region;
}

/** `import-plan` and `plans`: the plan commands of `npx regiekamer`. */
export const planCommands: CliCommand[] = [
  {
    name: 'import-plan',
    summary: 'importeert een plan (XLSX, DOCX, TSV, CSV of tekst) in een regio; --dry-run schrijft niets',
    usage: 'import-plan BESTAND --region SLUG [--title TITEL] [--dry-run] [--json]',
    allowPositionals: true,
    options: { region: { type: 'string' }, title: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    run: async ({ values, positionals }) => {
      const file = positionals[0];
      if (!file) throw new CliError('geef een bestand op: import-plan BESTAND --region SLUG');
      const slug = requiredOption(values, 'region');
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new CliError(`kan ${file} niet lezen`);
      }
      let parsed;
      try {
        parsed = await readPlanFile({ bytes, filename: basename(file), title: typeof values.title === 'string' ? values.title : undefined });
      } catch (error) {
        if (error instanceof PlanImportError) throw new CliError(`${file}: ${describeImportError(error)}`);
        throw error;
      }
      const summary = summarize(parsed);
      const dryRun = values['dry-run'] === true;
      const planId = await withDatabase(async (database) => {
        const region = await regionBySlug(database, slug);
        if (dryRun) return null;
        return (await importParsedPlan(database.db, region, parsed, { userId: null, filename: basename(file) })).id;
      });
      if (values.json === true) {
        process.stdout.write(`${JSON.stringify(summary)}\n`);
        if (planId) process.stderr.write(`Plan ${planId} geïmporteerd in ${slug}.\n`);
        return 0;
      }
      console.log(`${dryRun ? 'Proefimport (er is niets geschreven)' : `Plan geïmporteerd in ${slug}`}: ${parsed.title}`);
      console.log(`  ${summary.goals} SD, ${summary.objectives} OD, ${summary.actions} acties, ${summary.milestones} mijlpalen, ${summary.partners} partners`);
      console.log(`  ${summary.budgetLines} budgetlijnen, totaal € ${flemishAmount(summary.budgetTotalCents)}`);
      if (planId) console.log(`  id: ${planId}`);
      for (const warning of summary.warnings) {
        console.log(`  let op (${warning.code}${warning.line ? `, regel ${warning.line}` : ''}${warning.action ? `, actie ${warning.action}` : ''}): ${warning.text}`);
      }
      return 0;
    },
  },
  {
    name: 'plans',
    summary: 'toont de plannen van een regio',
    usage: 'plans --region SLUG [--json]',
    options: { region: { type: 'string' }, json: { type: 'boolean' } },
    run: ({ values }) =>
      withDatabase(async (database) => {
        const region = await regionBySlug(database, requiredOption(values, 'region'));
        const items = await listPlans(database.db, region, 'admin');
        if (values.json === true) {
          process.stdout.write(`${JSON.stringify({ items })}\n`);
          return 0;
        }
        if (items.length === 0) console.log('Deze regio heeft nog geen plannen.');
        for (const item of items) {
          const period = item.period.start ? ` ${item.period.start}${item.period.end && item.period.end !== item.period.start ? `–${item.period.end}` : ''}` : '';
          console.log(`${item.id}  ${item.status.padEnd(11)} ${item.kind.padEnd(11)} ${item.title}${period}`);
        }
        return 0;
      }),
  },
];
