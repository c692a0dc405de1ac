import { sql } from 'drizzle-orm';
import { registerIndicatorSource } from '../plans/indicator-sources.js';

/**
 * The catalog's coverage counts a plan indicator can follow (decision 032; the seed's "monitoren aantal
 * activiteiten"): current offers of the region, in total and by what newcomers need, and the gaps.
 * Offers are not people: no small-group suppression.
 */
const COUNTS = {
  current: sql`true`,
  atMostTwoIcons: sql`o.language_icons <= 2`,
  uitpas: sql`o.uitpas`,
  fourthPillar: sql`o.fourth_pillar`,
} as const;

for (const [key, condition] of Object.entries(COUNTS)) {
  registerIndicatorSource({
    key: `catalog.${key}`,
    labelKey: `catalog.indicatorSources.${key}`,
    compute: async (db, region) => {
      const result = (await db.execute(sql`SELECT count(*)::int AS n FROM current_offers o WHERE o.region_id = ${region.id} AND ${condition}`)) as unknown as { rows: { n: number }[] };
      return result.rows[0]!.n;
    },
  });
}

registerIndicatorSource({
  key: 'catalog.gaps',
  labelKey: 'catalog.indicatorSources.gaps',
  compute: async (db, region) => {
    const result = (await db.execute(sql`
      SELECT count(*)::int AS n FROM region_municipalities rm
       WHERE rm.region_id = ${region.id}
         AND NOT EXISTS (SELECT 1 FROM current_offers o WHERE o.region_id = rm.region_id AND o.municipality_nis = rm.nis_code)`)) as unknown as { rows: { n: number }[] };
    return result.rows[0]!.n;
  },
});
