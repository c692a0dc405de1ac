import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions } from '../regions/schema.js';
import { actors } from '../network/schema.js';
import { planActions, plans } from '../plans/schema.js';
import { brokeringCombinationActors, brokeringCombinations, brokeringSheets, cooperationIdeaOwners, cooperationIdeas, partnerCardPartners, partnerCards } from './schema.js';

const REGION = 'zuidelijke-westhoek';
const HOME = 'Bibliotheek Poperinge';
const NAMES = [HOME, 'Talbot House', 'CC Het Perron', 'LIGO Centrum voor Basiseducatie', 'SAAMO West-Vlaanderen', 'Westtoer'];

/**
 * A finished standalone sheet of the demo partner's organisation (Bibliotheek Poperinge): two partner
 * cards (one partner typed by name, offered to the admin), a pursued combination and the
 * samenwerkingsvoorstel made of it, linked to the first action of the region's plan.
 */
export async function seedBrokeringDemo(db: Db): Promise<void> {
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, REGION));
  if (!region) return;
  const rows = await db.select({ id: actors.id, name: actors.name }).from(actors).where(and(eq(actors.regionId, region.id), inArray(actors.name, NAMES)));
  const id = (name: string) => rows.find((row) => row.name === name)?.id;
  const home = id(HOME);
  if (!home || rows.length < NAMES.length) return;
  const [existing] = await db.select({ id: brokeringSheets.id }).from(brokeringSheets).where(eq(brokeringSheets.actorId, home));
  if (existing) return;

  const [sheet] = await db.insert(brokeringSheets).values({ regionId: region.id, actorId: home, currentStep: 5 }).returning();
  if (!sheet) return;
  const [space, maker] = await db
    .insert(partnerCards)
    .values([
      { sheetId: sheet.id, startKind: 'need', startText: 'ruimte voor workshops', position: 0 },
      { sheetId: sheet.id, startKind: 'strength', startText: 'maakplaats met 3D-printer', position: 1 },
    ])
    .returning();
  if (!space || !maker) return;
  await db.insert(partnerCardPartners).values([
    { cardId: space.id, actorId: id('Talbot House')!, ideas: ['zolderzaal op weekdagen gebruiken voor schrijfateliers'], kept: true, position: 0 },
    { cardId: space.id, actorId: id('CC Het Perron')!, ideas: ['repetitielokaal delen op maandag'], kept: false, position: 1 },
    { cardId: space.id, typedName: 'Jeugdhuis De Kelder', typedMunicipalityNis: '33021', typedSectorKey: 'jeugd', ideas: ['maakplaats-avond voor jongeren in het jeugdhuis'], kept: true, proposalStatus: 'open', position: 2 },
    { cardId: maker.id, actorId: id('LIGO Centrum voor Basiseducatie')!, ideas: ['cursisten oefenen Nederlands tijdens een maakproject'], kept: true, position: 0 },
    { cardId: maker.id, actorId: id('SAAMO West-Vlaanderen')!, ideas: ['buddy’s begeleiden nieuwkomers naar de maakplaats'], kept: true, position: 1 },
    { cardId: maker.id, actorId: id('Westtoer')!, ideas: ['souvenirs uit de 3D-printer voor een streekproductenroute'], kept: false, position: 2 },
  ]);
  const [combination] = await db
    .insert(brokeringCombinations)
    .values({
      regionId: region.id,
      sheetId: sheet.id,
      title: 'Maakplaats als oefenplek voor Nederlands',
      scenario: 'Nieuwkomers bouwen samen met vrijwilligers iets in de maakplaats en oefenen zo hun Nederlands buiten de klas.',
      ideas: ['tien maakavonden per jaar', 'taalbuddy’s koppelen aan elke groep'],
      pursue: true,
    })
    .returning();
  if (!combination) return;
  await db.insert(brokeringCombinationActors).values([home, id('LIGO Centrum voor Basiseducatie')!, id('SAAMO West-Vlaanderen')!].map((actorId) => ({ combinationId: combination.id, actorId })));

  const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.regionId, region.id)).orderBy(asc(plans.createdAt)).limit(1);
  const [action] = plan ? await db.select({ id: planActions.id }).from(planActions).where(eq(planActions.planId, plan.id)).orderBy(sql`${planActions.number}`).limit(1) : [];
  const [idea] = await db
    .insert(cooperationIdeas)
    .values({ regionId: region.id, combinationId: combination.id, title: combination.title, description: combination.scenario, status: 'verkend', planActionId: action?.id ?? null })
    .returning();
  if (idea) await db.insert(cooperationIdeaOwners).values([home, id('LIGO Centrum voor Basiseducatie')!, id('SAAMO West-Vlaanderen')!].map((actorId) => ({ ideaId: idea.id, actorId })));
}
