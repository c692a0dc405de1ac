import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import { regions } from '../regions/schema.js';
import { importOffers } from './import.js';

const DEMO_FILE = fileURLToPath(new URL('./demo/uit-in-de-westhoek.jsonld', import.meta.url));
// The Monday of the week the demo file's dates are written for; seeding moves them to this week.
const REFERENCE_MONDAY = Date.UTC(2026, 0, 5);
const WEEK = 7 * 86_400_000;

/** The demo file's text with every date moved by whole weeks (weekdays kept) so its reference week is the current one. */
export function demoFeedForToday(now = new Date()): string {
  const weeks = Math.floor((now.getTime() - REFERENCE_MONDAY) / WEEK);
  const shift = weeks * WEEK;
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
