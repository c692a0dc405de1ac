import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { CliError, type CliCommand } from '../../cli/command.js';
import { openMigratedDatabase } from '../../bootstrap.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import { regions } from '../regions/schema.js';
import { ImportFileError, importOffers } from './import.js';

/** `import-offers`: UiTdatabank JSON-LD into a region's catalog. */
export const catalogCommands: CliCommand[] = [
  {
    name: 'import-offers',
    summary: 'importeert aanbod uit UiTdatabank (JSON-LD) in een regio; --dry-run schrijft niets, --json geeft één JSON-document',
    usage: 'import-offers BESTAND --region SLUG [--dry-run] [--json] [--create-organizers]',
    allowPositionals: true,
    options: {
      region: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'create-organizers': { type: 'boolean' },
    },
    run: async ({ values, positionals }) => {
      const file = positionals[0];
      if (!file) throw new CliError('geef een bestand op: import-offers BESTAND --region SLUG');
      const slug = typeof values.region === 'string' ? values.region.trim() : '';
      if (!slug) throw new CliError('--region is verplicht');
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch {
        throw new CliError(`kan ${file} niet lezen`);
      }
      const t = translatorFor('nl');
      const { database } = await openMigratedDatabase();
      try {
        const [region] = await database.db.select().from(regions).where(eq(regions.slug, slug));
        if (!region) throw new CliError(`onbekende regio: ${slug}`);
        const dryRun = values['dry-run'] === true;
        let result;
        try {
          const preview = await importOffers(database.db, region.id, content, { dryRun: true, userId: null, t });
          const createOrganizers = values['create-organizers'] === true ? preview.newOrganizers.map((organizer) => organizer.name) : [];
          result = dryRun ? preview : await importOffers(database.db, region.id, content, { dryRun: false, userId: null, t, createOrganizers });
        } catch (error) {
          if (error instanceof ImportFileError) throw new CliError(`${file}: ${t(error.messageKey, error.params)}`);
          throw error;
        }
        const blocked = result.errors.length > 0;
        if (values.json === true) {
          const { created, updated, skipped, errors } = result;
          process.stdout.write(JSON.stringify({ created, updated, skipped, errors }) + '\n');
        } else {
          for (const error of result.errors) console.log(`fout ${error.id}: ${error.message}`);
          for (const skip of result.skippedEvents) console.log(`overgeslagen ${skip.id} (${skip.title}): ${skip.reason}`);
          for (const organizer of result.newOrganizers) console.log(`nieuwe organisator (${organizer.events} evenementen): ${organizer.name}${values['create-organizers'] === true ? '' : ' — niet gekoppeld; --create-organizers maakt er een actor van'}`);
          console.log(`${dryRun ? 'Proef: ' : ''}${result.created} nieuw, ${result.updated} bijgewerkt, ${result.skipped} overgeslagen, ${result.errors.length} fouten.`);
        }
        if (blocked) console.error(t('catalog.import.notImported'));
        return blocked ? 1 : 0;
      } finally {
        await database.close();
      }
    },
  },
];
