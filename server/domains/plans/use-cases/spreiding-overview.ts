import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { regionMunicipalities } from '../../regions/schema.js';
import { municipalities } from '../../reference/schema.js';
import { planActions, planObjectives } from '../schema.js';
import { mapSpreiding } from '../spreiding/map-spreiding.js';
import { loadSpreidingGazetteer } from '../spreiding/gazetteer.js';
import type { SpreidingOverview } from '../../../../common/schemas/plans.js';
import type { PlanRow } from './shared.js';

/**
 * How many actions reach each municipality of the region ("alle gemeenten" reaches all); unreached ones
 * flagged, and the actions whose spreiding text has parts that name no municipality, with those parts.
 */
export async function spreidingOverview(db: Db, plan: PlanRow): Promise<SpreidingOverview> {
  const [members, rows, gazetteer] = await Promise.all([
    db
      .select({ nisCode: municipalities.nisCode, name: municipalities.name })
      .from(regionMunicipalities)
      .innerJoin(municipalities, eq(municipalities.nisCode, regionMunicipalities.nisCode))
      .where(eq(regionMunicipalities.regionId, plan.regionId))
      .orderBy(asc(municipalities.name)),
    db
      .select({
        id: planActions.id,
        number: planActions.number,
        title: planActions.title,
        all: planActions.spreidingAll,
        nis: planActions.spreidingNis,
        text: planActions.spreidingText,
        unmapped: planActions.spreidingUnmapped,
        objectiveAll: planObjectives.spreidingAll,
        objectiveText: planObjectives.spreidingText,
        status: planActions.status,
      })
      .from(planActions)
      .leftJoin(planObjectives, eq(planObjectives.id, planActions.objectiveId))
      .where(eq(planActions.planId, plan.id))
      .orderBy(asc(planActions.position)),
    loadSpreidingGazetteer(db, plan.regionId),
  ]);
  const counted = rows.filter((row) => row.status !== 'geschrapt');
  const regionCodes = new Set(members.map((member) => member.nisCode));
  let unplaced = 0;
  const reach = new Map<string, number>();
  const unmappedTexts: SpreidingOverview['unmappedTexts'] = [];
  for (const row of counted) {
    // Rows stored before the mapper (migration 0032) and objective-level spreiding are mapped as read.
    const legacy = !row.all && row.nis.length === 0 && row.unmapped.length === 0 && row.text ? mapSpreiding(row.text, gazetteer) : null;
    const inherited = !row.text && row.nis.length === 0 ? mapSpreiding(row.objectiveText ?? '', gazetteer) : null;
    const all = row.all || legacy?.all || (!row.text && row.nis.length === 0 && (row.objectiveAll === true || inherited?.all === true));
    const codes = all ? [...regionCodes] : [...new Set([...row.nis, ...(legacy?.nisCodes ?? []), ...(inherited?.nisCodes ?? [])])].filter((code) => regionCodes.has(code));
    const unmapped = legacy ? legacy.unmapped : row.unmapped;
    if (codes.length === 0 && row.text) unplaced += 1;
    if (unmapped.length > 0) unmappedTexts.push({ actionId: row.id, number: row.number, title: row.title, text: row.text, unmapped });
    for (const code of codes) reach.set(code, (reach.get(code) ?? 0) + 1);
  }
  const list = members.map((member) => ({ ...member, actions: reach.get(member.nisCode) ?? 0 }));
  return { municipalities: list, unreached: list.filter((member) => member.actions === 0).map(({ nisCode, name }) => ({ nisCode, name })), unplaced, unmappedTexts };
}
