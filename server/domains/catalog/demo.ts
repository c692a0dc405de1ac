import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import { regions } from '../regions/schema.js';
import { importOffers } from './import.js';

const DEMO_FILE = fileURLToPath(new URL('./demo/uit-in-de-westhoek.jsonld', import.meta.url));
// The day the demo file's dates are written from (its "today"); seeding moves them to the real today.
const REFERENCE_DAY = Date.UTC(2026, 0, 5);
const DAY = 86_400_000;

/** The demo file's text with every date moved by whole days so that its reference day is today (nothing is over yet). */
export function demoFeedForToday(now = new Date()): string {
  const shift = Math.floor((now.getTime() - REFERENCE_DAY) / DAY) * DAY;
  return readFileSync(DEMO_FILE, 'utf8').replace(/"(startDate|endDate|modified)": "([^"]+)"/g, (_all, key: string, value: string) => {
    const shifted = new Date(new Date(value).getTime() + shift).toISOString();
    return `"${key}": "${shifted}"`;
  });
}

/** Loads the demo catalog through the importer into both demo regions; organisers missing on a region's map become actors. */
export async function seedCatalogDemo(db: Db): Promise<void> {
  const content = demoFeedForToday();
  const t = translatorFor('nl');
  for (const slug of ['westhoek', 'zuidelijke-westhoek']) {
    const [region] = await db.select().from(regions).where(eq(regions.slug, slug));
    if (!region) continue;
    const preview = await importOffers(db, region.id, content, { dryRun: true, userId: null, t });
    await importOffers(db, region.id, content, { dryRun: false, userId: null, t, createOrganizers: preview.newOrganizers.map((organizer) => organizer.name) });
  }
}
