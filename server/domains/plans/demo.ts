import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions } from '../regions/schema.js';
import { parsePlanFile } from './import/index.js';
import { importParsedPlan } from './service.js';
import { plans } from './schema.js';
import { seedDemoIndicators } from './demo-indicators.js';
import { acceptConfidentSuggestions } from './partner-suggestions/service.js';

/** The demo plans: files in the importer's own formats, loaded through the importer. */
export const DEMO_PLANS = [
  { region: 'zuidelijke-westhoek', file: 'co7-actieplan.tsv' },
  { region: 'westhoek', file: 'westhoek-dynamisch-actieplan.txt' },
] as const;

/**
 * Imports the demo plans as approved plans (so the public sees them); runs after the network demo
 * so partners link to the demo actors by name, and accepts the confident partner suggestions
 * ("stad Ieper" → Cultuurdienst Ieper, "Bibliotheken" → the libraries). Skips a plan its region already has.
 */
export async function seedPlansDemo(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const demo of DEMO_PLANS) {
    const [region] = await db.select().from(regions).where(eq(regions.slug, demo.region));
    if (!region) continue;
    const bytes = readFileSync(new URL(`./demo/${demo.file}`, import.meta.url));
    const parsed = parsePlanFile({ bytes, filename: demo.file });
    const existing = await db.select({ id: plans.id }).from(plans).where(and(eq(plans.regionId, region.id), eq(plans.title, parsed.title)));
    if (existing.length > 0) continue;
    const { id } = await importParsedPlan(db, region, parsed, { userId: null, status: 'goedgekeurd', filename: demo.file });
    const [plan] = await db.select().from(plans).where(eq(plans.id, id));
    await acceptConfidentSuggestions(db, plan!, null);
    if (demo.region === 'westhoek') await seedDemoIndicators(db, id);
    created.push(id);
  }
  return created;
}
