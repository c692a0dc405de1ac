import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseHandle, Db } from '../../db/client.js';
import { AppError, fieldError } from '../../http/errors.js';
import { memberCan } from '../../policy/policy.js';
import { recordChange, diffFields } from '../audit/service.js';
import { canEditActor, type Viewer } from '../network/access.js';
import { crossesMunicipality, crossesSector, getActorDetail, updateActor } from '../network/service.js';
import { municipalities, sectors } from '../reference/schema.js';
import { actors } from '../network/schema.js';
import {
  brokeringCombinationActors,
  brokeringCombinations,
  brokeringSheets,
  cooperationIdeas,
  partnerCardPartners,
  partnerCards,
  workshopParticipants,
} from './schema.js';
import { brokeringSheetDrafts } from './flow-schema.js';
import { actorRefs, allActorRefs, publicRef, type ActorRefRow } from './actor-refs.js';
import { notifyWorkshop, type WorkshopEventType } from './workshop-events.js';
import type { SheetAccess, SheetRow } from './sheet-access.js';
import type {
  BrokeringSheet,
  CardInput,
  CardPartner,
  CardUpdate,
  Combination,
  CombinationInput,
  CombinationUpdate,
  Inspiration,
  PartnerCard,
  SheetProfileInput,
} from '../../../common/schemas/brokering.js';

type CardRow = typeof partnerCards.$inferSelect;
type PartnerRow = typeof partnerCardPartners.$inferSelect;
type CombinationRow = typeof brokeringCombinations.$inferSelect;

/** Tells the live room of the sheet's workshop (if any) that something was saved. */
async function notifyIfWorkshop(database: DatabaseHandle, sheet: SheetRow, type: WorkshopEventType): Promise<void> {
  if (sheet.workshopId) await notifyWorkshop(database, { workshopId: sheet.workshopId, type, sheetId: sheet.id });
}

/**
 * Opens the standalone sheet of an organisation (the latest one outside a workshop), creating it on
 * first use, so a partner who comes back lands on the same sheet and step.
 */
export async function openSheetForActor(db: Db, viewer: Viewer, actorId: string): Promise<{ id: string; created: boolean }> {
  if (!canEditActor(viewer, actorId)) throw new AppError('FORBIDDEN');
  const [actor] = await db.select({ id: actors.id }).from(actors).where(and(eq(actors.id, actorId), eq(actors.regionId, viewer.region.id)));
  if (!actor) throw fieldError('actorId', 'network.validation.unknownActor');
  const [existing] = await db
    .select({ id: brokeringSheets.id })
    .from(brokeringSheets)
    .where(and(eq(brokeringSheets.regionId, viewer.region.id), eq(brokeringSheets.actorId, actorId), sql`${brokeringSheets.workshopId} IS NULL`))
    .orderBy(desc(brokeringSheets.updatedAt))
    .limit(1);
  if (existing) return { id: existing.id, created: false };
  const [row] = await db.insert(brokeringSheets).values({ regionId: viewer.region.id, actorId, createdBy: viewer.userId }).returning({ id: brokeringSheets.id });
  if (!row) throw new Error('insert returned no row');
  return { id: row.id, created: true };
}

/** The sheets the viewer may open: all of the region for admins, else those of their own organisation. */
export async function listSheets(database: DatabaseHandle, viewer: Viewer) {
  const seesAll = memberCan(viewer, 'brokering.sheet.list.all');
  const own = seesAll ? null : viewer.ownActorId;
  const [ownActor] = viewer.ownActorId ? await database.db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.id, viewer.ownActorId)) : [];
  if (!seesAll && !own) return { items: [], ownActor: ownActor ?? null };
  const rows = await database.raw.query<{ id: string; actor_id: string | null; workshop_id: string | null; current_step: number; updated_at: Date; name: string | null; organisation_name: string | null; cards: number; combinations: number }>(
    `SELECT s.id, s.actor_id, s.workshop_id, s.current_step, s.updated_at, a.name, p.organisation_name,
            (SELECT count(*)::int FROM partner_cards c WHERE c.sheet_id = s.id) AS cards,
            (SELECT count(*)::int FROM brokering_combinations b WHERE b.sheet_id = s.id) AS combinations
       FROM brokering_sheets s LEFT JOIN actors a ON a.id = s.actor_id LEFT JOIN workshop_participants p ON p.id = s.participant_id
      WHERE s.region_id = $1 AND ($2::uuid IS NULL OR s.actor_id = $2::uuid)
      ORDER BY s.updated_at DESC LIMIT 500`,
    [viewer.region.id, own],
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      organisationName: row.name ?? row.organisation_name ?? '',
      actorId: row.actor_id,
      workshopId: row.workshop_id,
      currentStep: row.current_step,
      cards: row.cards,
      combinations: row.combinations,
      updatedAt: new Date(row.updated_at).toISOString(),
    })),
    ownActor: ownActor ?? null,
  };
}

function partnerOut(row: PartnerRow, refs: Map<string, ActorRefRow>, names: { municipalities: Map<string, string>; sectors: Map<string, { key: string; name: string; cultural: boolean }> }, home: ActorRefRow | null): CardPartner {
  const ref = row.actorId ? (refs.get(row.actorId) ?? null) : null;
  const nis = ref ? ref.municipalityNis : row.typedMunicipalityNis;
  const sectorKey = ref ? ref.primarySector : row.typedSectorKey;
  const sector = sectorKey ? (ref?.sectors[0] ?? names.sectors.get(sectorKey) ?? null) : null;
  return {
    id: row.id,
    actor: ref ? publicRef(ref) : null,
    typedName: row.typedName,
    municipality: ref ? ref.municipality : nis ? { nisCode: nis, name: names.municipalities.get(nis) ?? nis } : null,
    sector,
    bovenlokaal: crossesMunicipality(home?.municipalityNis ?? null, nis ?? null),
    grensverleggend: crossesSector(home?.primarySector ?? null, sectorKey ?? null),
    ideas: row.ideas,
    kept: row.kept,
    proposalStatus: row.proposalStatus,
  };
}

async function referenceNames(db: Db) {
  const [m, s] = await Promise.all([db.select().from(municipalities), db.select().from(sectors)]);
  return {
    municipalities: new Map(m.map((row) => [row.nisCode, row.name])),
    sectors: new Map(s.map((row) => [row.key, { key: row.key, name: row.name, cultural: row.cultural }])),
  };
}

/** Cards of a sheet with their partners, the flags computed against the sheet's organisation. */
async function cardsOf(database: DatabaseHandle, sheet: SheetRow, home: ActorRefRow | null, onlyCardId?: string): Promise<PartnerCard[]> {
  const db = database.db;
  const cards = await db
    .select()
    .from(partnerCards)
    .where(onlyCardId ? and(eq(partnerCards.sheetId, sheet.id), eq(partnerCards.id, onlyCardId)) : eq(partnerCards.sheetId, sheet.id))
    .orderBy(asc(partnerCards.position), asc(partnerCards.createdAt));
  if (cards.length === 0) return [];
  const partners = await db
    .select()
    .from(partnerCardPartners)
    .where(inArray(partnerCardPartners.cardId, cards.map((card) => card.id)))
    .orderBy(asc(partnerCardPartners.position));
  const refs = await actorRefs(database.raw, sheet.regionId, partners.flatMap((row) => (row.actorId ? [row.actorId] : [])));
  const names = await referenceNames(db);
  return cards.map((card: CardRow) => ({
    id: card.id,
    startKind: card.startKind,
    startText: card.startText,
    position: card.position,
    version: card.version,
    partners: partners.filter((row) => row.cardId === card.id).map((row) => partnerOut(row, refs, names, home)),
  }));
}

/** Combinations of a sheet (or one), with their actors and the idea made of them. */
export async function combinationsOut(database: DatabaseHandle, regionId: string, rows: CombinationRow[]): Promise<Combination[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const links = await database.db.select().from(brokeringCombinationActors).where(inArray(brokeringCombinationActors.combinationId, ids));
  const ideas = await database.db.select({ id: cooperationIdeas.id, combinationId: cooperationIdeas.combinationId }).from(cooperationIdeas).where(inArray(cooperationIdeas.combinationId, ids));
  const refs = await actorRefs(database.raw, regionId, links.map((link) => link.actorId));
  return rows.map((row) => ({
    id: row.id,
    sheetId: row.sheetId,
    workshopId: row.workshopId,
    title: row.title,
    scenario: row.scenario,
    ideas: row.ideas,
    pursue: row.pursue,
    actors: links.filter((link) => link.combinationId === row.id).flatMap((link) => (refs.has(link.actorId) ? [publicRef(refs.get(link.actorId)!)] : [])),
    ideaId: ideas.find((idea) => idea.combinationId === row.id)?.id ?? null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** The full sheet: organisation profile (from the map, or the draft), partner cards and combinations. */
export async function getSheet(database: DatabaseHandle, access: SheetAccess): Promise<BrokeringSheet> {
  const db = database.db;
  const [sheet] = await db.select().from(brokeringSheets).where(eq(brokeringSheets.id, access.sheet.id));
  if (!sheet) throw new AppError('NOT_FOUND');
  const [actorRow] = sheet.actorId ? await db.select().from(actors).where(eq(actors.id, sheet.actorId)) : [];
  const home = sheet.actorId ? ((await actorRefs(database.raw, sheet.regionId, [sheet.actorId])).get(sheet.actorId) ?? null) : null;
  const [draft] = await db.select().from(brokeringSheetDrafts).where(eq(brokeringSheetDrafts.sheetId, sheet.id));
  const [participant] = sheet.participantId ? await db.select().from(workshopParticipants).where(eq(workshopParticipants.id, sheet.participantId)) : [];
  const combinations = await db.select().from(brokeringCombinations).where(eq(brokeringCombinations.sheetId, sheet.id)).orderBy(asc(brokeringCombinations.createdAt));
  return {
    id: sheet.id,
    actor: home && actorRow ? { ...publicRef(home), description: actorRow.description, strengths: actorRow.strengths, needs: actorRow.needs, version: actorRow.version } : null,
    organisationName: actorRow?.name ?? participant?.organisationName ?? participant?.name ?? '',
    workshopId: sheet.workshopId,
    participantId: sheet.participantId,
    currentStep: sheet.currentStep,
    version: sheet.version,
    updatedAt: sheet.updatedAt.toISOString(),
    writesToMap: access.writesToMap,
    canApplyDraft: access.isAdmin && sheet.actorId !== null,
    draft: draft ? { description: draft.description, strengths: draft.strengths, needs: draft.needs, version: draft.version, appliedAt: draft.appliedAt?.toISOString() ?? null } : null,
    cards: await cardsOf(database, sheet, home),
    combinations: await combinationsOut(database, sheet.regionId, combinations),
  };
}

async function touchSheet(db: Db, sheetId: string): Promise<void> {
  await db.update(brokeringSheets).set({ updatedAt: new Date() }).where(eq(brokeringSheets.id, sheetId));
}

/** Writes the actor's werking, strengths and needs through the network service (history, version check). */
async function writeProfileToActor(database: DatabaseHandle, viewer: Viewer, actorId: string, input: Pick<SheetProfileInput, 'description' | 'strengths' | 'needs'>, version: number, userId: string): Promise<void> {
  const current = await getActorDetail(database, viewer, actorId);
  await updateActor(
    database,
    viewer,
    actorId,
    {
      name: current.name,
      kind: current.kind,
      sectors: current.sectors.map((sector) => sector.key),
      municipality: current.municipality?.nisCode ?? '',
      otherMunicipalities: current.otherMunicipalities.map((municipality) => municipality.nisCode),
      address: current.address,
      description: input.description,
      strengths: input.strengths,
      needs: input.needs,
      targetGroups: current.targetGroups,
      tags: current.tags,
      website: current.website,
      contactName: current.contactName,
      contactEmail: current.contactEmail,
      contactPhone: current.contactPhone,
      isPublic: current.isPublic,
      version,
    },
    userId,
  );
}

/**
 * Steps 1–2. Who may edit the actor writes straight to the map (with its history; 409 on a stale
 * `actorVersion`); everyone else (guests, organisations not on the map) saves a draft on the sheet.
 */
export async function saveProfile(database: DatabaseHandle, access: SheetAccess, input: SheetProfileInput): Promise<void> {
  const { sheet, viewer } = access;
  if (access.writesToMap && sheet.actorId && viewer.userId) {
    if (input.actorVersion === undefined) throw fieldError('actorVersion', 'validation.required');
    await writeProfileToActor(database, viewer, sheet.actorId, input, input.actorVersion, viewer.userId);
  } else {
    const db = database.db;
    const expected = input.draftVersion ?? 0;
    const values = { description: input.description, strengths: input.strengths, needs: input.needs, updatedAt: new Date(), appliedAt: null };
    const written =
      expected === 0
        ? await db.insert(brokeringSheetDrafts).values({ sheetId: sheet.id, ...values }).onConflictDoNothing().returning()
        : await db
            .update(brokeringSheetDrafts)
            .set({ ...values, version: expected + 1 })
            .where(and(eq(brokeringSheetDrafts.sheetId, sheet.id), eq(brokeringSheetDrafts.version, expected)))
            .returning();
    if (written.length === 0) throw new AppError('CONFLICT', {}, undefined, { current: await getSheet(database, access) });
  }
  await touchSheet(database.db, sheet.id);
  await notifyIfWorkshop(database, sheet, 'sheet.updated');
}

/** An admin applies a participant's draft of steps 1–2 to the actor on the map (with history). */
export async function applyDraft(database: DatabaseHandle, access: SheetAccess, actorVersion: number): Promise<void> {
  const { sheet, viewer } = access;
  if (!memberCan(viewer, 'brokering.sheet.apply-draft') || !viewer.userId) throw new AppError('FORBIDDEN');
  if (!sheet.actorId) throw fieldError('actorId', 'brokering.validation.noActor');
  const [draft] = await database.db.select().from(brokeringSheetDrafts).where(eq(brokeringSheetDrafts.sheetId, sheet.id));
  if (!draft) throw new AppError('NOT_FOUND');
  await writeProfileToActor(database, viewer, sheet.actorId, draft, actorVersion, viewer.userId);
  await database.db.update(brokeringSheetDrafts).set({ appliedAt: new Date(), appliedBy: viewer.userId }).where(eq(brokeringSheetDrafts.sheetId, sheet.id));
  await notifyIfWorkshop(database, sheet, 'sheet.updated');
}

/** Moves the sheet to a step (where the participant comes back to); optimistic version. */
export async function setStep(database: DatabaseHandle, access: SheetAccess, currentStep: number, version: number): Promise<void> {
  const [row] = await database.db
    .update(brokeringSheets)
    .set({ currentStep, version: version + 1, updatedAt: new Date() })
    .where(and(eq(brokeringSheets.id, access.sheet.id), eq(brokeringSheets.version, version)))
    .returning();
  if (!row) throw new AppError('CONFLICT', {}, undefined, { current: await getSheet(database, access) });
  await notifyIfWorkshop(database, access.sheet, 'participant.step');
}

/** Checks the partners' references: actors of the region, known municipalities and sectors. */
async function validatePartners(database: DatabaseHandle, regionId: string, input: CardInput): Promise<void> {
  const actorIds = input.partners.flatMap((partner) => (partner.actorId ? [partner.actorId] : []));
  const refs = await actorRefs(database.raw, regionId, actorIds);
  const names = await referenceNames(database.db);
  input.partners.forEach((partner, index) => {
    if (partner.actorId && !refs.has(partner.actorId)) throw fieldError(`partners.${index}.actorId`, 'network.validation.unknownActor');
    if (partner.typedMunicipality && !names.municipalities.has(partner.typedMunicipality)) throw fieldError(`partners.${index}.typedMunicipality`, 'network.validation.unknownMunicipality', { value: partner.typedMunicipality });
    if (partner.typedSector && !names.sectors.has(partner.typedSector)) throw fieldError(`partners.${index}.typedSector`, 'network.validation.unknownSector', { sector: partner.typedSector });
  });
  const seen = new Set<string>();
  input.partners.forEach((partner, index) => {
    const key = partner.actorId ?? `typed:${partner.typedName!.toLocaleLowerCase('nl')}`;
    if (seen.has(key)) throw fieldError(`partners.${index}`, 'brokering.validation.duplicatePartner');
    seen.add(key);
  });
}

function partnerRows(cardId: string, input: CardInput, previous: PartnerRow[]) {
  return input.partners.map((partner, position) => {
    const before = previous.find((row) => (partner.actorId ? row.actorId === partner.actorId : row.typedName === partner.typedName));
    return {
      cardId,
      actorId: partner.actorId,
      typedName: partner.actorId ? null : partner.typedName,
      typedMunicipalityNis: partner.actorId ? null : partner.typedMunicipality,
      typedSectorKey: partner.actorId ? null : partner.typedSector,
      ideas: partner.ideas,
      kept: partner.kept,
      // A typed name is offered to the admin as a new actor (kept when it was decided before).
      proposalStatus: partner.actorId ? ('none' as const) : (before?.proposalStatus ?? ('open' as const)),
      position,
    };
  });
}

async function homeOf(database: DatabaseHandle, sheet: SheetRow): Promise<ActorRefRow | null> {
  return sheet.actorId ? ((await actorRefs(database.raw, sheet.regionId, [sheet.actorId])).get(sheet.actorId) ?? null) : null;
}

/** Step 3: adds a partner card (from a need or a strength) with its partners. */
export async function createCard(database: DatabaseHandle, access: SheetAccess, input: CardInput): Promise<PartnerCard> {
  const { sheet } = access;
  await validatePartners(database, sheet.regionId, input);
  const id = await database.db.transaction(async (tx) => {
    const [{ next } = { next: 0 }] = await tx.select({ next: sql<number>`coalesce(max(${partnerCards.position}) + 1, 0)::int` }).from(partnerCards).where(eq(partnerCards.sheetId, sheet.id));
    const [card] = await tx.insert(partnerCards).values({ sheetId: sheet.id, startKind: input.startKind, startText: input.startText, position: next }).returning();
    if (!card) throw new Error('insert returned no row');
    const rows = partnerRows(card.id, input, []);
    if (rows.length) await tx.insert(partnerCardPartners).values(rows);
    await tx.update(brokeringSheets).set({ updatedAt: new Date() }).where(eq(brokeringSheets.id, sheet.id));
    await recordChange(tx, { regionId: sheet.regionId, userId: access.viewer.userId, entityType: 'partner_card', entityId: card.id, action: 'create', changes: diffFields({} as Record<string, unknown>, { startKind: input.startKind, startText: input.startText, partners: input.partners.length }) });
    return card.id;
  });
  await notifyIfWorkshop(database, sheet, 'card.updated');
  return (await cardsOf(database, sheet, await homeOf(database, sheet), id))[0]!;
}

/** Replaces a card's start and partners (autosave); 409 with the current card on a stale version. */
export async function updateCard(database: DatabaseHandle, access: SheetAccess, cardId: string, input: CardUpdate): Promise<PartnerCard> {
  const { sheet } = access;
  const home = await homeOf(database, sheet);
  const [existing] = await database.db.select().from(partnerCards).where(and(eq(partnerCards.id, cardId), eq(partnerCards.sheetId, sheet.id)));
  if (!existing) throw new AppError('NOT_FOUND');
  await validatePartners(database, sheet.regionId, input);
  const written = await database.db.transaction(async (tx) => {
    const [card] = await tx
      .update(partnerCards)
      .set({ startKind: input.startKind, startText: input.startText, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(partnerCards.id, cardId), eq(partnerCards.version, input.version)))
      .returning();
    if (!card) return false;
    const previous = await tx.select().from(partnerCardPartners).where(eq(partnerCardPartners.cardId, cardId));
    await tx.delete(partnerCardPartners).where(eq(partnerCardPartners.cardId, cardId));
    const rows = partnerRows(cardId, input, previous);
    if (rows.length) await tx.insert(partnerCardPartners).values(rows);
    await tx.update(brokeringSheets).set({ updatedAt: new Date() }).where(eq(brokeringSheets.id, sheet.id));
    const summary = (list: { actorId: string | null; typedName: string | null; ideas: string[]; kept: boolean }[]) => list.map((p) => ({ actorId: p.actorId, typedName: p.typedName, ideas: p.ideas, kept: p.kept }));
    await recordChange(tx, {
      regionId: sheet.regionId,
      userId: access.viewer.userId,
      entityType: 'partner_card',
      entityId: cardId,
      action: 'update',
      changes: diffFields({ startKind: existing.startKind, startText: existing.startText, partners: summary(previous) }, { startKind: input.startKind, startText: input.startText, partners: summary(rows) }),
    });
    return true;
  });
  if (!written) throw new AppError('CONFLICT', {}, undefined, { current: (await cardsOf(database, sheet, home, cardId))[0] });
  await notifyIfWorkshop(database, sheet, 'card.updated');
  return (await cardsOf(database, sheet, home, cardId))[0]!;
}

/** Removes a card with its partners. */
export async function deleteCard(database: DatabaseHandle, access: SheetAccess, cardId: string): Promise<void> {
  const removed = await database.db.delete(partnerCards).where(and(eq(partnerCards.id, cardId), eq(partnerCards.sheetId, access.sheet.id))).returning();
  if (removed.length === 0) throw new AppError('NOT_FOUND');
  await recordChange(database.db, { regionId: access.sheet.regionId, userId: access.viewer.userId, entityType: 'partner_card', entityId: cardId, action: 'delete', changes: {} });
  await notifyIfWorkshop(database, access.sheet, 'card.updated');
}

/** A combination needs actors of the region from at least two municipalities (different bubbles). */
async function validateCombination(database: DatabaseHandle, regionId: string, input: CombinationInput): Promise<void> {
  const ids = [...new Set(input.actorIds)];
  if (ids.length < 2) throw fieldError('actorIds', 'brokering.validation.twoActors');
  const refs = await actorRefs(database.raw, regionId, ids);
  const unknown = ids.findIndex((id) => !refs.has(id));
  if (unknown >= 0) throw fieldError(`actorIds.${unknown}`, 'network.validation.unknownActor');
  const places = new Set([...refs.values()].map((ref) => ref.municipalityNis).filter(Boolean));
  if (places.size < 2) throw fieldError('actorIds', 'brokering.validation.twoMunicipalities');
}

async function writeCombinationActors(tx: Db, combinationId: string, actorIds: string[]): Promise<void> {
  await tx.delete(brokeringCombinationActors).where(eq(brokeringCombinationActors.combinationId, combinationId));
  await tx.insert(brokeringCombinationActors).values([...new Set(actorIds)].map((actorId) => ({ combinationId, actorId })));
}

async function oneCombination(database: DatabaseHandle, regionId: string, id: string): Promise<Combination> {
  const rows = await database.db.select().from(brokeringCombinations).where(eq(brokeringCombinations.id, id));
  return (await combinationsOut(database, regionId, rows))[0]!;
}

/** Adds a combination of actors from different bubbles to a sheet (and its workshop's board). */
export async function createCombination(database: DatabaseHandle, access: SheetAccess, input: CombinationInput): Promise<Combination> {
  const { sheet } = access;
  await validateCombination(database, sheet.regionId, input);
  const id = await database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(brokeringCombinations)
      .values({ regionId: sheet.regionId, sheetId: sheet.id, workshopId: sheet.workshopId, title: input.title, scenario: input.scenario, ideas: input.ideas, pursue: input.pursue, createdBy: access.viewer.userId })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await writeCombinationActors(tx as unknown as Db, row.id, input.actorIds);
    await tx.update(brokeringSheets).set({ updatedAt: new Date() }).where(eq(brokeringSheets.id, sheet.id));
    await recordChange(tx, { regionId: sheet.regionId, userId: access.viewer.userId, entityType: 'brokering_combination', entityId: row.id, action: 'create', changes: diffFields({} as Record<string, unknown>, input) });
    return row.id;
  });
  await notifyIfWorkshop(database, sheet, 'combination.updated');
  return oneCombination(database, sheet.regionId, id);
}

/** Changes a combination of the sheet (autosave); 409 with the current one on a stale version. */
export async function updateCombination(database: DatabaseHandle, access: SheetAccess, combinationId: string, input: CombinationUpdate): Promise<Combination> {
  const { sheet } = access;
  const [existing] = await database.db.select().from(brokeringCombinations).where(and(eq(brokeringCombinations.id, combinationId), eq(brokeringCombinations.sheetId, sheet.id)));
  if (!existing) throw new AppError('NOT_FOUND');
  await validateCombination(database, sheet.regionId, input);
  const written = await database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(brokeringCombinations)
      .set({ title: input.title, scenario: input.scenario, ideas: input.ideas, pursue: input.pursue, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(brokeringCombinations.id, combinationId), eq(brokeringCombinations.version, input.version)))
      .returning();
    if (!row) return false;
    await writeCombinationActors(tx as unknown as Db, combinationId, input.actorIds);
    await tx.update(brokeringSheets).set({ updatedAt: new Date() }).where(eq(brokeringSheets.id, sheet.id));
    const { version: _version, actorIds: _actors, ...fields } = input;
    await recordChange(tx, { regionId: sheet.regionId, userId: access.viewer.userId, entityType: 'brokering_combination', entityId: combinationId, action: 'update', changes: diffFields({ title: existing.title, scenario: existing.scenario, ideas: existing.ideas, pursue: existing.pursue }, fields) });
    return true;
  });
  if (!written) throw new AppError('CONFLICT', {}, undefined, { current: await oneCombination(database, sheet.regionId, combinationId) });
  await notifyIfWorkshop(database, sheet, 'combination.updated');
  return oneCombination(database, sheet.regionId, combinationId);
}

/** Removes a combination of the sheet (not once it became a samenwerkingsvoorstel: the idea keeps its source). */
export async function deleteCombination(database: DatabaseHandle, access: SheetAccess, combinationId: string): Promise<void> {
  const removed = await database.db.delete(brokeringCombinations).where(and(eq(brokeringCombinations.id, combinationId), eq(brokeringCombinations.sheetId, access.sheet.id))).returning();
  if (removed.length === 0) throw new AppError('NOT_FOUND');
  await recordChange(database.db, { regionId: access.sheet.regionId, userId: access.viewer.userId, entityType: 'brokering_combination', entityId: combinationId, action: 'delete', changes: {} });
  await notifyIfWorkshop(database, access.sheet, 'combination.updated');
}

/** The region's combinations (admins: all; others: their own organisation's sheets), pursued first. */
export async function listCombinations(database: DatabaseHandle, viewer: Viewer) {
  const rows = await database.db.select().from(brokeringCombinations).where(eq(brokeringCombinations.regionId, viewer.region.id)).orderBy(desc(brokeringCombinations.pursue), desc(brokeringCombinations.updatedAt));
  const sheets = await database.db.select({ id: brokeringSheets.id, actorId: brokeringSheets.actorId, name: actors.name }).from(brokeringSheets).leftJoin(actors, eq(actors.id, brokeringSheets.actorId)).where(eq(brokeringSheets.regionId, viewer.region.id));
  const byId = new Map(sheets.map((sheet) => [sheet.id, sheet]));
  const visible = memberCan(viewer, 'brokering.sheet.list.all') ? rows : rows.filter((row) => row.sheetId && viewer.ownActorId && byId.get(row.sheetId)?.actorId === viewer.ownActorId);
  const out = await combinationsOut(database, viewer.region.id, visible);
  return { items: out.map((combination) => ({ ...combination, organisationName: (combination.sheetId && byId.get(combination.sheetId)?.name) || '' })) };
}

/**
 * The inspiration list: the 22 sectors with their examples and the region's actors in each
 * (own municipality first); sectors without any actor are white spots.
 */
export async function inspiration(database: DatabaseHandle, regionId: string, members: boolean, homeNis: string | null): Promise<Inspiration> {
  const sectorRows = await database.db.select().from(sectors).orderBy(asc(sectors.position));
  const refs = await allActorRefs(database.raw, regionId, members);
  const home = (ref: ActorRefRow) => (ref.municipalityNis === homeNis ? 0 : 1);
  return {
    sectors: sectorRows.map((sector) => {
      const inSector = refs.filter((ref) => ref.sectors.some((s) => s.key === sector.key)).sort((a, b) => home(a) - home(b) || a.name.localeCompare(b.name, 'nl'));
      return { key: sector.key, name: sector.name, cultural: sector.cultural, examples: sector.examples, actorCount: inSector.length, whiteSpot: inSector.length === 0, actors: inSector.slice(0, 30).map(publicRef) };
    }),
  };
}
