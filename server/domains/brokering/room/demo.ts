import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { regions } from '../../regions/schema.js';
import { users } from '../../accounts/schema.js';
import { actors, relations } from '../../network/schema.js';
import { planActions, plans } from '../../plans/schema.js';
import {
  brokeringCombinationActors,
  brokeringCombinations,
  brokeringSheets,
  cooperationIdeaOwners,
  cooperationIdeaRelations,
  cooperationIdeas,
  partnerCardPartners,
  partnerCards,
  workshopParticipants,
  workshops,
} from '../schema.js';
import { DEMO_REGION, finishedWorkshop, openWorkshop, type DemoParticipant } from './demo-data.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Seeds the CO7 demo workshops (a finished one with its report, an open one to join); skips a region that has workshops. */
export async function seedWorkshopRoomDemo(db: Db): Promise<{ openJoinCode: string } | null> {
  const [region] = await db.select().from(regions).where(eq(regions.slug, DEMO_REGION));
  if (!region) return null;
  if ((await db.select({ id: workshops.id }).from(workshops).where(eq(workshops.regionId, region.id)).limit(1)).length > 0) return null;
  const actorRows = await db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.regionId, region.id));
  const actorId = new Map(actorRows.map((row) => [row.name, row.id]));
  const idOf = (name: string) => {
    const id = actorId.get(name);
    if (!id) throw new Error(`demo workshop: no CO7 demo actor named ${name}`);
    return id;
  };
  const [facilitator] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'regisseur@demo.regiekamer.be'));

  await db.transaction(async (tx) => {
    const [finished] = await tx
      .insert(workshops)
      .values({
        regionId: region.id,
        title: finishedWorkshop.title,
        heldOn: finishedWorkshop.heldOn,
        place: finishedWorkshop.place,
        joinCode: finishedWorkshop.joinCode,
        status: 'closed',
        facilitatorUserId: facilitator?.id ?? null,
        closedAt: new Date(`${finishedWorkshop.heldOn}T17:00:00Z`),
        version: 2,
      })
      .returning();
    await seedParticipants(tx, region.id, finished!.id, finishedWorkshop.participants, idOf, new Date(`${finishedWorkshop.heldOn}T13:30:00Z`));

    const [action] = await tx
      .select({ id: planActions.id })
      .from(planActions)
      .innerJoin(plans, eq(plans.id, planActions.planId))
      .where(and(eq(plans.regionId, region.id), like(planActions.title, 'Een netwerkdag%')))
      .limit(1);
    for (const combination of finishedWorkshop.combinations) {
      const [row] = await tx
        .insert(brokeringCombinations)
        .values({ regionId: region.id, workshopId: finished!.id, title: combination.title, scenario: combination.scenario, ideas: combination.ideas, pursue: combination.pursue, createdBy: facilitator?.id ?? null })
        .returning();
      const members = combination.actors.map(idOf);
      await tx.insert(brokeringCombinationActors).values(members.map((id) => ({ combinationId: row!.id, actorId: id })));
      if (!combination.idea) continue;
      const idea = combination.idea;
      const [cooperation] = await tx
        .insert(cooperationIdeas)
        .values({
          regionId: region.id,
          combinationId: row!.id,
          title: combination.title,
          description: `${combination.scenario} ${idea.description}`,
          status: idea.status,
          planActionId: 'planActionStartsWith' in idea ? (action?.id ?? null) : null,
          startedOn: 'startedOn' in idea ? idea.startedOn : null,
          createdBy: facilitator?.id ?? null,
        })
        .returning();
      await tx.insert(cooperationIdeaOwners).values(members.map((id) => ({ ideaId: cooperation!.id, actorId: id })));
      if ('relation' in idea && idea.relation) {
        const [relation] = await tx
          .insert(relations)
          .values({ regionId: region.id, sourceActorId: idOf(idea.relation[0]), targetActorId: idOf(idea.relation[1]), type: 'samenwerking', validFrom: idea.startedOn, note: `Uit de workshop: ${combination.title}` })
          .returning();
        await tx.insert(cooperationIdeaRelations).values({ ideaId: cooperation!.id, relationId: relation!.id });
      }
    }

    const [open] = await tx
      .insert(workshops)
      .values({ regionId: region.id, title: openWorkshop.title, heldOn: openWorkshop.heldOn, place: openWorkshop.place, joinCode: openWorkshop.joinCode, facilitatorUserId: facilitator?.id ?? null })
      .returning();
    await seedParticipants(tx, region.id, open!.id, openWorkshop.participants, idOf, new Date());
  });
  return { openJoinCode: openWorkshop.joinCode };
}

async function seedParticipants(tx: Tx, regionId: string, workshopId: string, people: DemoParticipant[], idOf: (name: string) => string, joinedAt: Date): Promise<void> {
  for (const [index, person] of people.entries()) {
    const actorId = idOf(person.actor);
    const at = new Date(joinedAt.getTime() + index * 60_000);
    const [participant] = await tx
      .insert(workshopParticipants)
      .values({ workshopId, name: person.person, email: person.email, organisationName: person.actor, actorId, invitedAt: at, joinedAt: at })
      .returning();
    const [sheet] = await tx.insert(brokeringSheets).values({ regionId, actorId, workshopId, participantId: participant!.id, currentStep: person.step }).returning();
    for (const [position, card] of person.cards.entries()) {
      const [cardRow] = await tx.insert(partnerCards).values({ sheetId: sheet!.id, startKind: card.kind, startText: card.text, position }).returning();
      await tx.insert(partnerCardPartners).values(
        card.partners.map((partner, i) => ({
          cardId: cardRow!.id,
          actorId: partner.actor ? idOf(partner.actor) : null,
          typedName: partner.typed?.name ?? null,
          typedMunicipalityNis: partner.typed?.municipality ?? null,
          typedSectorKey: partner.typed?.sector ?? null,
          proposalStatus: partner.typed ? ('open' as const) : ('none' as const),
          ideas: partner.ideas,
          kept: partner.kept,
          position: i,
        })),
      );
    }
  }
}
