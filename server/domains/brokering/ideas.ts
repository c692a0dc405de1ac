import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordChange, diffFields } from '../audit/service.js';
import type { Viewer } from '../network/access.js';
import { createRelation, updateRelation } from '../network/service.js';
import { relations, actors } from '../network/schema.js';
import { createProposal, getAction, loadPlan } from '../plans/service.js';
import { planActions, planChangeProposals, plans } from '../plans/schema.js';
import { brokeringCombinationActors, brokeringCombinations, cooperationIdeaOwners, cooperationIdeaRelations, cooperationIdeas } from './schema.js';
import { actorRefs, publicRef } from './actor-refs.js';
import { notifyWorkshop } from './workshop-events.js';
import type { CooperationIdea, CooperationStatus, IdeaUpdate, PlanLink } from '../../../common/schemas/brokering.js';

type IdeaRow = typeof cooperationIdeas.$inferSelect;

/** The order of the statuses; gestopt can follow any of them. */
const STATUS_ORDER: Record<CooperationStatus, number> = { idee: 0, verkend: 1, gestart: 2, gestopt: 3 };

function isoDay(value: string | Date | null): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

async function ideasOut(database: DatabaseHandle, regionId: string, rows: IdeaRow[]): Promise<CooperationIdea[]> {
  if (rows.length === 0) return [];
  const db = database.db;
  const ids = rows.map((row) => row.id);
  const owners = await db.select().from(cooperationIdeaOwners).where(inArray(cooperationIdeaOwners.ideaId, ids));
  const refs = await actorRefs(database.raw, regionId, owners.map((owner) => owner.actorId));
  const actionIds = rows.flatMap((row) => (row.planActionId ? [row.planActionId] : []));
  const actionRows = actionIds.length
    ? await db.select({ id: planActions.id, number: planActions.number, title: planActions.title, planId: planActions.planId, planTitle: plans.title }).from(planActions).innerJoin(plans, eq(plans.id, planActions.planId)).where(inArray(planActions.id, actionIds))
    : [];
  const proposalIds = rows.flatMap((row) => (row.planProposalId ? [row.planProposalId] : []));
  const proposalRows = proposalIds.length ? await db.select().from(planChangeProposals).where(inArray(planChangeProposals.id, proposalIds)) : [];
  const links = await db.select().from(cooperationIdeaRelations).where(inArray(cooperationIdeaRelations.ideaId, ids));
  const relationRows = links.length
    ? await database.raw.query<{ id: string; source_name: string; target_name: string; valid_from: string | Date | null; valid_to: string | Date | null }>(
        `SELECT r.id, s.name AS source_name, t.name AS target_name, r.valid_from, r.valid_to FROM relations r JOIN actors s ON s.id = r.source_actor_id JOIN actors t ON t.id = r.target_actor_id WHERE r.id = ANY($1::uuid[])`,
        [links.map((link) => link.relationId)],
      )
    : [];
  return rows.map((row) => {
    const action = actionRows.find((candidate) => candidate.id === row.planActionId);
    const proposal = proposalRows.find((candidate) => candidate.id === row.planProposalId);
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      status: row.status,
      owners: owners.filter((owner) => owner.ideaId === row.id).flatMap((owner) => (refs.has(owner.actorId) ? [publicRef(refs.get(owner.actorId)!)] : [])),
      combinationId: row.combinationId,
      planAction: action ? { planId: action.planId, planTitle: action.planTitle, actionId: action.id, number: action.number, title: action.title } : null,
      planProposal: proposal ? { id: proposal.id, planId: proposal.planId, actionId: proposal.actionId, status: proposal.status } : null,
      startedOn: isoDay(row.startedOn),
      stoppedOn: isoDay(row.stoppedOn),
      relations: relationRows
        .filter((relation) => links.some((link) => link.ideaId === row.id && link.relationId === relation.id))
        .map((relation) => ({ id: relation.id, sourceName: relation.source_name, targetName: relation.target_name, validFrom: isoDay(relation.valid_from), validTo: isoDay(relation.valid_to) })),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

async function loadIdea(database: DatabaseHandle, viewer: Viewer, ideaId: string): Promise<IdeaRow> {
  const [row] = await database.db.select().from(cooperationIdeas).where(and(eq(cooperationIdeas.id, ideaId), eq(cooperationIdeas.regionId, viewer.region.id)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** One samenwerkingsvoorstel of the region. */
export async function getIdea(database: DatabaseHandle, viewer: Viewer, ideaId: string): Promise<CooperationIdea> {
  return (await ideasOut(database, viewer.region.id, [await loadIdea(database, viewer, ideaId)]))[0]!;
}

/** The region's samenwerkingsvoorstellen, newest first, optionally of one status. */
export async function listIdeas(database: DatabaseHandle, viewer: Viewer, status?: CooperationStatus): Promise<{ items: CooperationIdea[] }> {
  const rows = await database.db
    .select()
    .from(cooperationIdeas)
    .where(status ? and(eq(cooperationIdeas.regionId, viewer.region.id), eq(cooperationIdeas.status, status)) : eq(cooperationIdeas.regionId, viewer.region.id))
    .orderBy(desc(cooperationIdeas.createdAt));
  return { items: await ideasOut(database, viewer.region.id, rows) };
}

/** Turns a pursued combination into a samenwerkingsvoorstel (status idee; its actors are the owners). */
export async function ideaFromCombination(database: DatabaseHandle, viewer: Viewer, combinationId: string): Promise<CooperationIdea> {
  const db = database.db;
  const [combination] = await db.select().from(brokeringCombinations).where(and(eq(brokeringCombinations.id, combinationId), eq(brokeringCombinations.regionId, viewer.region.id)));
  if (!combination) throw new AppError('NOT_FOUND');
  if (!combination.pursue) throw fieldError('pursue', 'brokering.validation.notPursued');
  const [taken] = await db.select({ id: cooperationIdeas.id }).from(cooperationIdeas).where(eq(cooperationIdeas.combinationId, combinationId));
  if (taken) throw new AppError('ALREADY_EXISTS');
  const owners = await db.select().from(brokeringCombinationActors).where(eq(brokeringCombinationActors.combinationId, combinationId));
  const description = [combination.scenario, ...combination.ideas.map((idea) => `• ${idea}`)].filter(Boolean).join('\n');
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(cooperationIdeas).values({ regionId: viewer.region.id, combinationId, title: combination.title, description, createdBy: viewer.userId }).returning();
    if (!row) throw new Error('insert returned no row');
    if (owners.length) await tx.insert(cooperationIdeaOwners).values(owners.map((owner) => ({ ideaId: row.id, actorId: owner.actorId })));
    await recordChange(tx, { regionId: viewer.region.id, userId: viewer.userId, entityType: 'cooperation_idea', entityId: row.id, action: 'create', changes: diffFields({} as Record<string, unknown>, { title: row.title, combinationId }) });
    return row.id;
  });
  if (combination.workshopId) await notifyWorkshop(database, { workshopId: combination.workshopId, type: 'combination.updated', sheetId: combination.sheetId ?? undefined });
  return getIdea(database, viewer, id);
}

/** Relations of type samenwerking between every pair of owners, created (or found) on the map. */
async function relationsForStart(database: DatabaseHandle, viewer: Viewer, idea: IdeaRow, ownerIds: string[], startedOn: string, stoppedOn: string | null, userId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < ownerIds.length; i++) {
    for (let j = i + 1; j < ownerIds.length; j++) {
      const [source, target] = [ownerIds[i]!, ownerIds[j]!];
      const [existing] = await database.db
        .select({ id: relations.id })
        .from(relations)
        .where(and(eq(relations.regionId, viewer.region.id), eq(relations.type, 'samenwerking'), inArray(relations.sourceActorId, [source, target]), inArray(relations.targetActorId, [source, target])));
      if (existing) {
        ids.push(existing.id);
        continue;
      }
      const created = await createRelation(database, viewer, { sourceActorId: source, targetActorId: target, type: 'samenwerking', validFrom: startedOn, validTo: stoppedOn, note: idea.title }, userId);
      ids.push(created.id);
    }
  }
  return ids;
}

/**
 * Changes a samenwerkingsvoorstel: text, owners, status (forward only, gestopt from anywhere).
 * Once started, the owners' collaboration is put on the map as relations "samenwerking" with the
 * period; stopping it closes those relations' period.
 */
export async function updateIdea(database: DatabaseHandle, viewer: Viewer, ideaId: string, input: IdeaUpdate): Promise<CooperationIdea> {
  const userId = viewer.userId!;
  const existing = await loadIdea(database, viewer, ideaId);
  if (STATUS_ORDER[input.status] < STATUS_ORDER[existing.status]) throw fieldError('status', 'brokering.validation.statusBack');
  const ownerIds = [...new Set(input.ownerActorIds)];
  const refs = await actorRefs(database.raw, viewer.region.id, ownerIds);
  const unknown = ownerIds.findIndex((id) => !refs.has(id));
  if (unknown >= 0) throw fieldError(`ownerActorIds.${unknown}`, 'network.validation.unknownActor');
  const today = new Date().toISOString().slice(0, 10);
  const startedOn = input.status === 'gestart' || input.status === 'gestopt' ? (input.startedOn ?? isoDay(existing.startedOn) ?? today) : input.startedOn;
  const stoppedOn = input.status === 'gestopt' ? (input.stoppedOn ?? today) : input.stoppedOn;
  if (startedOn && stoppedOn && stoppedOn < startedOn) throw fieldError('stoppedOn', 'network.validation.periodOrder');
  if (input.status === 'gestart' && ownerIds.length < 2) throw fieldError('ownerActorIds', 'brokering.validation.twoOwners');
  const written = await database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(cooperationIdeas)
      .set({ title: input.title, description: input.description, status: input.status, startedOn, stoppedOn, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(cooperationIdeas.id, ideaId), eq(cooperationIdeas.version, input.version)))
      .returning();
    if (!row) return false;
    await tx.delete(cooperationIdeaOwners).where(eq(cooperationIdeaOwners.ideaId, ideaId));
    await tx.insert(cooperationIdeaOwners).values(ownerIds.map((actorId) => ({ ideaId, actorId })));
    await recordChange(tx, {
      regionId: viewer.region.id,
      userId,
      entityType: 'cooperation_idea',
      entityId: ideaId,
      action: 'update',
      changes: diffFields({ title: existing.title, description: existing.description, status: existing.status, startedOn: isoDay(existing.startedOn), stoppedOn: isoDay(existing.stoppedOn) }, { title: input.title, description: input.description, status: input.status, startedOn, stoppedOn }),
    });
    return true;
  });
  if (!written) throw new AppError('CONFLICT', {}, undefined, { current: await getIdea(database, viewer, ideaId) });
  if (input.status === 'gestart' && existing.status !== 'gestart' && startedOn) {
    const relationIds = await relationsForStart(database, viewer, existing, ownerIds, startedOn, stoppedOn, userId);
    if (relationIds.length) await database.db.insert(cooperationIdeaRelations).values(relationIds.map((relationId) => ({ ideaId, relationId }))).onConflictDoNothing();
  }
  if (input.status === 'gestopt' && existing.status !== 'gestopt' && stoppedOn) {
    const links = await database.db.select({ relation: relations }).from(cooperationIdeaRelations).innerJoin(relations, eq(relations.id, cooperationIdeaRelations.relationId)).where(eq(cooperationIdeaRelations.ideaId, ideaId));
    for (const { relation } of links) {
      if (relation.validTo) continue;
      await updateRelation(database, viewer, relation.id, { type: relation.type, validFrom: isoDay(relation.validFrom), validTo: stoppedOn, note: relation.note, version: relation.version }, userId);
    }
  }
  return getIdea(database, viewer, ideaId);
}

/**
 * Links a samenwerkingsvoorstel to the plan: to an existing action (link), or through the plan's own
 * proposal flow (propose): a change proposal that adds the owners as partners of the action, for the
 * steering group to decide on.
 */
export async function linkIdeaToPlan(database: DatabaseHandle, viewer: Viewer, ideaId: string, input: PlanLink): Promise<CooperationIdea> {
  const db = database.db;
  const userId = viewer.userId!;
  const idea = await loadIdea(database, viewer, ideaId);
  const plan = await loadPlan(db, viewer.region, input.planId, viewer.role);
  const action = await getAction(db, plan, input.actionId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw fieldError('actionId', 'brokering.validation.unknownAction');
    throw error;
  });
  if (input.mode === 'link') {
    await db.update(cooperationIdeas).set({ planActionId: action.id, version: idea.version + 1, updatedAt: new Date() }).where(eq(cooperationIdeas.id, ideaId));
  } else {
    const owners = await db.select({ id: actors.id, name: actors.name }).from(cooperationIdeaOwners).innerJoin(actors, eq(actors.id, cooperationIdeaOwners.actorId)).where(eq(cooperationIdeaOwners.ideaId, ideaId));
    const partners = [...action.partners.map((partner) => ({ actorId: partner.actorId, name: partner.name }))];
    for (const owner of owners) if (!partners.some((partner) => partner.actorId === owner.id)) partners.push({ actorId: owner.id, name: owner.name });
    const reason = input.reason || idea.title;
    const proposal = await createProposal(db, plan, action.id, { partners }, reason, userId);
    await db.update(cooperationIdeas).set({ planProposalId: proposal.id, version: idea.version + 1, updatedAt: new Date() }).where(eq(cooperationIdeas.id, ideaId));
  }
  await recordChange(db, { regionId: viewer.region.id, userId, entityType: 'cooperation_idea', entityId: ideaId, action: 'update', changes: { plan: { before: null, after: { planId: plan.id, actionId: action.id, mode: input.mode } } } });
  return getIdea(database, viewer, ideaId);
}
