import type { Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { actors } from '../network/schema.js';
import { parsePlanFile } from './import/index.js';
import { importParsedPlan } from './service.js';
import type { PlanRow } from './service.js';

/** A small action plan in the importer's TSV layout: 2 goals, 3 objectives, 5 actions. */
export const SMALL_PLAN_TSV = [
  'Testplan actieplan 2025',
  'Nr\tActie\tTiming\tBudget\tPartners',
  'SD1 Een sterk regionaal netwerk',
  'OD1.1 Overleg organiseren',
  '1\tTwee netwerkmomenten per jaar\tdoorlopend\t1.200 euro zaalhuur\tBibliotheek Ieper, Testpartner vzw',
  '2\tEen gedeelde agenda\t2025\t\tCultuurdienst Poperinge',
  'OD1.2 Kennis delen',
  '3\tVormingsreeks voor vrijwilligers\tNajaar 2025\t800 euro lesgevers 150 euro* catering\tVormingplus',
  'SD2 Zichtbaar aanbod',
  'OD2.1 Communicatie',
  '4\tRegionale nieuwsbrief\tdoorlopend\t500 euro/ jaar software\t',
  '5\tCampagne in de zomer\tzomer 2025\t2.000 euro drukwerk\tOnbekende partner',
].join('\n');

/** Imports a plan into a region (default: the small TSV plan) and returns its row. */
export async function planFactory(
  db: Db,
  region: RegionRow,
  options: { status?: PlanRow['status']; text?: string; title?: string; userId?: string | null } = {},
): Promise<{ id: string }> {
  const parsed = parsePlanFile({ bytes: new TextEncoder().encode(options.text ?? SMALL_PLAN_TSV), title: options.title });
  const { id } = await importParsedPlan(db, region, parsed, { userId: options.userId ?? null, status: options.status ?? 'ontwerp', filename: 'test.tsv' });
  return { id };
}

/** An actor of the network map with just a name (for partner linking). */
export async function plainActorFactory(db: Db, regionId: string, name: string): Promise<string> {
  const [row] = await db.insert(actors).values({ regionId, name }).returning({ id: actors.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}
