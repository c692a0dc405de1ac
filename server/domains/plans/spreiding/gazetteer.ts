import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { regionMunicipalities, regions } from '../../regions/schema.js';
import { municipalities } from '../../reference/schema.js';
import type { SpreidingGazetteer } from './map-spreiding.js';

type Executor = Pick<Db, 'select'>;

/** The gazetteer for a plan of this region: its municipalities, every known municipality and every region as an area. */
export async function loadSpreidingGazetteer(db: Executor, regionId: string): Promise<SpreidingGazetteer> {
  const [known, memberships] = await Promise.all([
    db.select({ nisCode: municipalities.nisCode, name: municipalities.name }).from(municipalities).orderBy(asc(municipalities.name)),
    db
      .select({ regionId: regionMunicipalities.regionId, regionName: regions.name, nisCode: regionMunicipalities.nisCode })
      .from(regionMunicipalities)
      .innerJoin(regions, eq(regions.id, regionMunicipalities.regionId)),
  ]);
  const byRegion = new Map<string, { name: string; nisCodes: string[] }>();
  for (const row of memberships) {
    const area = byRegion.get(row.regionId) ?? { name: row.regionName, nisCodes: [] };
    area.nisCodes.push(row.nisCode);
    byRegion.set(row.regionId, area);
  }
  // "Zuidelijke Westhoek (CO7)" is written as "Zuidelijke Westhoek" or as "CO7".
  const areas = [...byRegion.values()].flatMap(({ name, nisCodes }) =>
    name
      .split(/\s*[()]\s*/)
      .map((part) => part.trim())
      .filter((part) => part.length >= 3)
      .map((part) => ({ name: part, nisCodes })),
  );
  // Within its own plans a region is also called by a main word of its name ("Westhoek" for the CO7 region).
  const own = byRegion.get(regionId);
  const ownWords = (own?.name ?? '').split(/[^\p{L}\d]+/u).filter((word) => word.length >= 5 && !/^regio$/i.test(word));
  const named = new Set(areas.map((area) => area.name.toLocaleLowerCase('nl-BE')));
  for (const word of ownWords) if (!named.has(word.toLocaleLowerCase('nl-BE'))) areas.push({ name: word, nisCodes: own!.nisCodes });
  return { regionNisCodes: own?.nisCodes ?? [], municipalities: known, areas };
}
