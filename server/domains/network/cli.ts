import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import { CliError, type CliCommand } from '../../cli/command.js';
import { openMigratedDatabase } from '../../bootstrap.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import { regions } from '../regions/schema.js';
import { ImportFileError, importActors, parseActorFile } from './import.js';

/** `import-actors`: the network commands of `npx regiekamer`. */
export const networkCommands: CliCommand[] = [
  {
    name: 'import-actors',
    summary: 'importeert actoren (CSV of XLSX) in een regio; --dry-run schrijft niets, --json geeft één JSON-document',
    usage: 'import-actors BESTAND --region SLUG [--dry-run] [--json] [--only-valid] [--skip-duplicates]',
    allowPositionals: true,
    options: {
      region: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'only-valid': { type: 'boolean' },
      'skip-duplicates': { type: 'boolean' },
    },
    run: async ({ values, positionals }) => {
      const file = positionals[0];
      if (!file) throw new CliError('geef een bestand op: import-actors BESTAND --region SLUG');
      const slug = typeof values.region === 'string' ? values.region.trim() : '';
      if (!slug) throw new CliError('--region is verplicht');
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new CliError(`kan ${file} niet lezen`);
      }
      const t = translatorFor('nl');
      let parsed;
      try {
        parsed = await parseActorFile(basename(file), bytes);
      } catch (error) {
        if (error instanceof ImportFileError) throw new CliError(`${file}: ${t(error.messageKey, error.params)}`);
        throw error;
      }
      const { database } = await openMigratedDatabase();
      try {
        const [region] = await database.db.select().from(regions).where(eq(regions.slug, slug));
        if (!region) throw new CliError(`onbekende regio: ${slug}`);
        const dryRun = values['dry-run'] === true;
        console.error(`${parsed.rows.length} rijen gelezen uit ${basename(file)}${dryRun ? ' (proef, er wordt niets geschreven)' : ''}.`);
        if (parsed.unknownColumns.length > 0) console.error(`Onbekende kolommen (genegeerd): ${parsed.unknownColumns.join(', ')}`);
        let lastShown = 0;
        const result = await importActors(database.db, region.id, parsed, {
          dryRun,
          onlyValid: values['only-valid'] === true,
          updateDuplicates: values['skip-duplicates'] !== true,
          userId: null,
          t,
          onProgress: (done, total, phase) => {
            if (phase === 'write' && (done === total || done - lastShown >= 1000)) {
              lastShown = done;
              console.error(`  ${done}/${total} weggeschreven`);
            }
          },
        });
        const blocked = result.errors.length > 0 && values['only-valid'] !== true;
        if (values.json === true) {
          const { created, updated, skipped, errors } = result;
          process.stdout.write(JSON.stringify({ created, updated, skipped, errors }) + '\n');
        } else {
          for (const error of result.errors) console.log(`rij ${error.row}, ${error.field}: ${error.message}`);
          for (const warning of result.warnings) console.log(`rij ${warning.row}: ${warning.message}`);
          console.log(`${dryRun ? 'Proef: ' : ''}${result.created} nieuw, ${result.updated} bijgewerkt, ${result.skipped} overgeslagen, ${result.errors.length} fouten.`);
        }
        if (blocked) console.error(`${t('network.import.notImported')} Gebruik --only-valid om enkel de correcte rijen in te lezen.`);
        return blocked ? 1 : 0;
      } finally {
        await database.close();
      }
    },
  },
];
