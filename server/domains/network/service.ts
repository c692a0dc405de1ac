import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db, DatabaseHandle, RawSql } from '../../db/client.js';
import { AppError, fieldError } from '../../http/errors.js';
import { diffFields, recordChange } from '../audit/service.js';
import { auditLog } from '../audit/schema.js';
import { municipalities, sectors } from '../reference/schema.js';
import { regionMunicipalities } from '../regions/schema.js';
import type {
  ActorDetail,
  ActorInput,
  ActorKind,
  ActorUpdate,
  Coverage,
  CoverageScope,
  HistoryEntry,
  Relation,
  RelationInput,
  RelationType,
  RelationUpdate,
  SectorRef,
} from '../../../common/schemas/network.js';
import { actorMunicipalities, actors, actorSectors, relations } from './schema.js';
import { memberships } from '../accounts/schema.js';
import { canEditActor, canEditRelation, isMember, type Viewer } from './access.js';
import { SECTORS_JSON } from './search.js';

type ActorRow = typeof actors.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The municipalities of a region (NIS codes). */
export async function regionMunicipalityCodes(db: Db, regionId: string): Promise<Set<string>> {
  const rows = await db.select({ nisCode: regionMunicipalities.nisCode }).from(regionMunicipalities).where(eq(regionMunicipalities.regionId, regionId));
  return new Set(rows.map((row) => row.nisCode));
}

/** Checks municipality, other municipalities and sectors against the region and the taxonomy (400 with the field). */
export async function validateActorReferences(db: Db, regionId: string, input: Pick<ActorInput, 'municipality' | 'otherMunicipalities' | 'sectors'>): Promise<void> {
  const inRegion = await regionMunicipalityCodes(db, regionId);
  if (!inRegion.has(input.municipality)) throw fieldError('municipality', 'network.validation.municipalityNotInRegion');
  const duplicate = input.sectors.findIndex((key, index) => input.sectors.indexOf(key) !== index);
  if (duplicate !== -1) throw fieldError(`sectors.${duplicate}`, 'network.validation.duplicateSector');
  const known = new Set((await db.select({ key: sectors.key }).from(sectors)).map((row) => row.key));
  const unknown = input.sectors.findIndex((key) => !known.has(key));
  if (unknown !== -1) throw fieldError(`sectors.${unknown}`, 'network.validation.unknownSector', { sector: input.sectors[unknown] });
  if (input.otherMunicipalities.length > 0) {
    const rows = await db.select({ nisCode: municipalities.nisCode }).from(municipalities).where(inArray(municipalities.nisCode, input.otherMunicipalities));
    const knownCodes = new Set(rows.map((row) => row.nisCode));
    const bad = input.otherMunicipalities.findIndex((code) => !knownCodes.has(code));
    if (bad !== -1) throw fieldError(`otherMunicipalities.${bad}`, 'errors.UNKNOWN_MUNICIPALITY', { nisCode: input.otherMunicipalities[bad] });
  }
}

/** The audited, comparable form of an actor's editable fields. */
function auditShape(row: Pick<ActorRow, 'name' | 'kind' | 'municipalityNis' | 'address' | 'description' | 'strengths' | 'needs' | 'targetGroups' | 'tags' | 'website' | 'contactName' | 'contactEmail' | 'contactPhone' | 'isPublic'>, sectorKeys: string[], others: string[]) {
  return {
    name: row.name,
    kind: row.kind,
    sectors: sectorKeys,
    municipality: row.municipalityNis,
    otherMunicipalities: [...others].sort(),
    address: row.address,
    description: row.description,
    strengths: row.strengths,
    needs: row.needs,
    targetGroups: row.targetGroups,
    tags: row.tags,
    website: row.website,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    isPublic: row.isPublic,
  };
}

function columnsOf(input: ActorInput) {
  return {
    name: input.name,
    kind: input.kind,
    municipalityNis: input.municipality,
    address: input.address,
    description: input.description,
    strengths: input.strengths,
    needs: input.needs,
    targetGroups: input.targetGroups,
    tags: input.tags,
    website: input.website,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
    isPublic: input.isPublic,
  };
}

async function writeLinks(tx: Tx | Db, actorId: string, sectorKeys: string[], others: string[], home: string | null): Promise<void> {
  await tx.delete(actorSectors).where(eq(actorSectors.actorId, actorId));
  await tx.delete(actorMunicipalities).where(eq(actorMunicipalities.actorId, actorId));
  if (sectorKeys.length > 0) await tx.insert(actorSectors).values(sectorKeys.map((sectorKey, position) => ({ actorId, sectorKey, position })));
  const extra = [...new Set(others)].filter((code) => code !== home);
  if (extra.length > 0) await tx.insert(actorMunicipalities).values(extra.map((nisCode) => ({ actorId, nisCode })));
}

async function linksOf(db: Db | Tx, actorId: string): Promise<{ sectors: string[]; others: string[] }> {
  const sectorRows = await db.select().from(actorSectors).where(eq(actorSectors.actorId, actorId));
  const otherRows = await db.select().from(actorMunicipalities).where(eq(actorMunicipalities.actorId, actorId));
  return {
    sectors: sectorRows.sort((a, b) => a.position - b.position).map((row) => row.sectorKey),
    others: otherRows.map((row) => row.nisCode).sort(),
  };
}

/** Creates an actor in a region (admins; also the import) and records it in the audit log. */
export async function createActor(db: Db, regionId: string, input: ActorInput, userId: string | null, action = 'create'): Promise<string> {
  await validateActorReferences(db, regionId, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(actors).values({ regionId, ...columnsOf(input) }).returning();
    if (!row) throw new Error('insert returned no row');
    await writeLinks(tx, row.id, input.sectors, input.otherMunicipalities, input.municipality);
    const changes = diffFields({} as Record<string, unknown>, auditShape(row, input.sectors, input.otherMunicipalities.filter((c) => c !== input.municipality)));
    await recordChange(tx, { regionId, userId, entityType: 'actor', entityId: row.id, action, changes });
    return row.id;
  });
}

/** Loads an actor of the region the viewer may see, or fails with 404 (also for hidden profiles). */
export async function loadActor(db: Db, viewer: Viewer, actorId: string): Promise<ActorRow> {
  const [row] = await db.select().from(actors).where(and(eq(actors.id, actorId), eq(actors.regionId, viewer.region.id)));
  if (!row || (!row.isPublic && !isMember(viewer))) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Replaces an actor's editable fields. The caller's version must match the stored one: a concurrent
 * edit answers 409 with the current state, never a silent overwrite. Every changed field is audited.
 */
export async function updateActor(database: DatabaseHandle, viewer: Viewer, actorId: string, input: ActorUpdate, userId: string): Promise<void> {
  const db = database.db;
  const existing = await loadActor(db, viewer, actorId);
  if (!canEditActor(viewer, actorId)) throw new AppError('FORBIDDEN');
  await validateActorReferences(db, viewer.region.id, input);
  const written = await db.transaction(async (tx) => {
    const before = await linksOf(tx, actorId);
    const [updated] = await tx
      .update(actors)
      .set({ ...columnsOf(input), version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(actors.id, actorId), eq(actors.version, input.version)))
      .returning();
    // A stale version: nothing written; the current state is read after the transaction
    // (PGlite has a single connection, so no second query may run while this one is open).
    if (!updated) return false;
    await writeLinks(tx, actorId, input.sectors, input.otherMunicipalities, input.municipality);
    const after = await linksOf(tx, actorId);
    const changes = diffFields(auditShape(existing, before.sectors, before.others), auditShape(updated, after.sectors, after.others));
    await recordChange(tx, { regionId: viewer.region.id, userId, entityType: 'actor', entityId: actorId, action: 'update', changes });
    return true;
  });
  if (!written) throw new AppError('CONFLICT', {}, undefined, { current: await getActorDetail(database, viewer, actorId) });
}

/** Deletes an actor with its relations (admins), keeping an audit entry with its last state. */
export async function deleteActor(db: Db, viewer: Viewer, actorId: string, userId: string): Promise<void> {
  const existing = await loadActor(db, viewer, actorId);
  await db.transaction(async (tx) => {
    const links = await linksOf(tx, actorId);
    // Its relations go with it: record each as deleted so the other actor's history shows it too.
    const gone = await tx.select().from(relations).where(or(eq(relations.sourceActorId, actorId), eq(relations.targetActorId, actorId)));
    if (gone.length > 0) {
      await tx.insert(auditLog).values(
        gone.map((relation) => ({
          regionId: viewer.region.id,
          userId,
          entityType: 'relation',
          entityId: relation.id,
          action: 'delete',
          changes: {
            sourceActorId: { before: relation.sourceActorId, after: null },
            targetActorId: { before: relation.targetActorId, after: null },
            type: { before: relation.type, after: null },
          },
        })),
      );
    }
    await tx.delete(actors).where(eq(actors.id, actorId));
    const changes = Object.fromEntries(Object.entries(auditShape(existing, links.sectors, links.others)).map(([key, value]) => [key, { before: value, after: null }]));
    await recordChange(tx, { regionId: viewer.region.id, userId, entityType: 'actor', entityId: actorId, action: 'delete', changes });
  });
}

interface RelationRow {
  id: string;
  type: RelationType;
  valid_from: string | Date | null;
  valid_to: string | Date | null;
  note: string;
  version: number;
  source_id: string;
  source_name: string;
  source_nis: string | null;
  source_mun: string | null;
  source_sector: string | null;
  target_id: string;
  target_name: string;
  target_nis: string | null;
  target_mun: string | null;
  target_sector: string | null;
}

const RELATION_SELECT = `SELECT r.id, r.type, r.valid_from, r.valid_to, r.note, r.version,
  sa.id AS source_id, sa.name AS source_name, sa.municipality_nis AS source_nis, sm.name AS source_mun, ss.sector_key AS source_sector,
  ta.id AS target_id, ta.name AS target_name, ta.municipality_nis AS target_nis, tm.name AS target_mun, ts.sector_key AS target_sector
  FROM relations r
  JOIN actors sa ON sa.id = r.source_actor_id
  JOIN actors ta ON ta.id = r.target_actor_id
  LEFT JOIN municipalities sm ON sm.nis_code = sa.municipality_nis
  LEFT JOIN municipalities tm ON tm.nis_code = ta.municipality_nis
  LEFT JOIN actor_sectors ss ON ss.actor_id = sa.id AND ss.position = 0
  LEFT JOIN actor_sectors ts ON ts.actor_id = ta.id AND ts.position = 0`;

function dateText(value: string | Date | null): string | null {
  if (value === null) return null;
  if (value instanceof Date) {
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
  return String(value).slice(0, 10);
}

/** Bovenlokaal: the two actors are based in different municipalities. */
export function crossesMunicipality(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b;
}

/** Grensverleggend: the two actors' primary sectors differ. */
export function crossesSector(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b;
}

function toRelation(row: RelationRow): Relation {
  const ref = (id: string, name: string, nis: string | null, mun: string | null) => ({ id, name, municipality: nis ? { nisCode: nis, name: mun ?? nis } : null });
  return {
    id: row.id,
    type: row.type,
    source: ref(row.source_id, row.source_name, row.source_nis, row.source_mun),
    target: ref(row.target_id, row.target_name, row.target_nis, row.target_mun),
    validFrom: dateText(row.valid_from),
    validTo: dateText(row.valid_to),
    note: row.note,
    version: row.version,
    bovenlokaal: crossesMunicipality(row.source_nis, row.target_nis),
    grensverleggend: crossesSector(row.source_sector, row.target_sector),
  };
}

/** Relations of a region (anonymous visitors: only between public actors), optionally of one actor. */
export async function listRelations(raw: RawSql, viewer: Viewer, actorId?: string): Promise<Relation[]> {
  const params: unknown[] = [viewer.region.id];
  let where = 'r.region_id = $1';
  if (!isMember(viewer)) where += ' AND sa.is_public AND ta.is_public';
  if (actorId) {
    params.push(actorId);
    where += ' AND (r.source_actor_id = $2 OR r.target_actor_id = $2)';
  }
  const rows = await raw.query<RelationRow>(`${RELATION_SELECT} WHERE ${where} ORDER BY sa.name, ta.name, r.type`, params);
  return rows.map(toRelation);
}

async function getRelation(raw: RawSql, viewer: Viewer, relationId: string): Promise<Relation> {
  const params: unknown[] = [viewer.region.id, relationId];
  let where = 'r.region_id = $1 AND r.id = $2';
  if (!isMember(viewer)) where += ' AND sa.is_public AND ta.is_public';
  const [row] = await raw.query<RelationRow>(`${RELATION_SELECT} WHERE ${where}`, params);
  if (!row) throw new AppError('NOT_FOUND');
  return toRelation(row);
}

/** One actor as the viewer may see it: contact data only for members, relations included. */
export async function getActorDetail(database: DatabaseHandle, viewer: Viewer, actorId: string): Promise<ActorDetail> {
  const row = await loadActor(database.db, viewer, actorId);
  const [extra] = await database.raw.query<{ sectors: SectorRef[] | string; municipality_name: string | null; others: { nisCode: string; name: string }[] | string | null }>(
    `SELECT ${SECTORS_JSON} AS sectors,
       (SELECT name FROM municipalities WHERE nis_code = a.municipality_nis) AS municipality_name,
       (SELECT json_agg(json_build_object('nisCode', m.nis_code, 'name', m.name) ORDER BY m.name)
          FROM actor_municipalities am JOIN municipalities m ON m.nis_code = am.nis_code WHERE am.actor_id = a.id) AS others
     FROM actors a WHERE a.id = $1`,
    [actorId],
  );
  const parse = <T>(value: T | string | null | undefined, fallback: T): T => (value == null ? fallback : typeof value === 'string' ? (JSON.parse(value) as T) : value);
  const sectorList = parse<SectorRef[]>(extra?.sectors, []);
  const member = isMember(viewer);
  const relationList = await listRelations(database.raw, viewer, actorId);
  const editors =
    viewer.role === 'admin'
      ? await database.raw.query<{ user_id: string; name: string; role: string }>(
          'SELECT m.user_id, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.region_id = $1 AND m.actor_id = $2 ORDER BY u.name',
          [viewer.region.id, actorId],
        )
      : [];
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ActorKind,
    municipality: row.municipalityNis ? { nisCode: row.municipalityNis, name: extra?.municipality_name ?? row.municipalityNis } : null,
    sectors: sectorList,
    cultural: sectorList[0]?.cultural ?? false,
    description: row.description,
    website: row.website,
    tags: row.tags,
    otherMunicipalities: parse(extra?.others, []),
    address: member ? row.address : null,
    strengths: row.strengths,
    needs: row.needs,
    targetGroups: row.targetGroups,
    contactName: member ? row.contactName : null,
    contactEmail: member ? row.contactEmail : null,
    contactPhone: member ? row.contactPhone : null,
    isPublic: row.isPublic,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    canEdit: canEditActor(viewer, row.id),
    editors: editors.map((editor) => ({ userId: editor.user_id, name: editor.name, role: editor.role })),
    relations: relationList.map((relation) => {
      const outgoing = relation.source.id === row.id;
      return {
        id: relation.id,
        type: relation.type,
        direction: outgoing ? ('outgoing' as const) : ('incoming' as const),
        other: outgoing ? relation.target : relation.source,
        validFrom: relation.validFrom,
        validTo: relation.validTo,
        note: relation.note,
        bovenlokaal: relation.bovenlokaal,
        grensverleggend: relation.grensverleggend,
      };
    }),
  };
}

/**
 * The change history of an actor, newest first, with who made each change (members only): the
 * actor's own entries and those of every relation from or to it, including relations deleted since.
 * A relation's endpoints come from the relations table or, once it is gone, from its create/delete
 * entries (endpoints never change after creation); indexed by migration 0030.
 */
export async function actorHistory(database: DatabaseHandle, viewer: Viewer, actorId: string): Promise<HistoryEntry[]> {
  const rows = await database.raw.query<{
    id: string;
    entity_type: string;
    entity_id: string;
    action: string;
    created_at: Date | string;
    user_id: string | null;
    user_name: string | null;
    changes: unknown;
    source_id: string | null;
    target_id: string | null;
    relation_type: string | null;
    other_name: string | null;
  }>(
    `WITH touched AS (
       SELECT r.id::text AS relation_id, r.source_actor_id::text AS source_id, r.target_actor_id::text AS target_id, r.type, 0 AS pref
       FROM relations r WHERE r.region_id = $1 AND (r.source_actor_id = $3 OR r.target_actor_id = $3)
       UNION ALL
       SELECT a.entity_id, ${SOURCE_EXPR}, ${TARGET_EXPR}, COALESCE(a.changes->'type'->>'after', a.changes->'type'->>'before'), 1
       FROM audit_log a
       WHERE a.entity_type = 'relation' AND a.region_id = $1 AND (${SOURCE_EXPR} = $2 OR ${TARGET_EXPR} = $2)
     ), rel AS (
       SELECT DISTINCT ON (relation_id) relation_id, source_id, target_id, type,
         CASE WHEN source_id = $2 THEN target_id ELSE source_id END AS other_id
       FROM touched ORDER BY relation_id, pref
     ), entries AS (
       SELECT l.id, l.entity_type, l.entity_id, l.action, l.created_at, l.user_id, l.changes,
         NULL::text AS source_id, NULL::text AS target_id, NULL::text AS relation_type, NULL::text AS other_id
       FROM audit_log l WHERE l.entity_type = 'actor' AND l.entity_id = $2 AND l.region_id = $1
       UNION ALL
       SELECT l.id, l.entity_type, l.entity_id, l.action, l.created_at, l.user_id, l.changes, rel.source_id, rel.target_id, rel.type, rel.other_id
       FROM rel JOIN audit_log l ON l.entity_type = 'relation' AND l.entity_id = rel.relation_id AND l.region_id = $1
     )
     SELECT e.id, e.entity_type, e.entity_id, e.action, e.created_at, e.user_id, u.name AS user_name, e.changes,
       e.source_id, e.target_id, e.relation_type,
       COALESCE(o.name, (SELECT d.changes->'name'->>'before' FROM audit_log d
                         WHERE d.entity_type = 'actor' AND d.entity_id = e.other_id AND d.action = 'delete' LIMIT 1)) AS other_name
     FROM entries e
     LEFT JOIN users u ON u.id = e.user_id
     LEFT JOIN actors o ON o.id = e.other_id::uuid AND o.region_id = $1
     ORDER BY e.created_at DESC, e.id DESC LIMIT 500`,
    // $2 the id as text (audit entries), $3 as uuid (relations, so its indexes apply).
    [viewer.region.id, actorId, actorId],
  );
  if (rows.length === 0) await loadActor(database.db, viewer, actorId);
  return rows.map((row) => {
    const changes = (typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes) as HistoryEntry['changes'];
    const isRelation = row.entity_type === 'relation' && row.source_id !== null && row.target_id !== null;
    const outgoing = row.source_id === actorId;
    return {
      id: row.id,
      action: row.action,
      at: new Date(row.created_at).toISOString(),
      user: row.user_id ? { id: row.user_id, name: row.user_name ?? '' } : null,
      changes,
      entityType: isRelation ? ('relation' as const) : ('actor' as const),
      relation: isRelation
        ? {
            id: row.entity_id,
            // The type at the time of the entry when it changed then, else the latest known type.
            type: (changes.type?.after as string | null | undefined) ?? (changes.type?.before as string | null | undefined) ?? row.relation_type,
            direction: outgoing ? ('outgoing' as const) : ('incoming' as const),
            other: { id: (outgoing ? row.target_id : row.source_id) ?? '', name: row.other_name },
          }
        : null,
    };
  });
}

/** The endpoints recorded in a relation's create (after) or delete (before) entry; same expressions as the 0030 indexes. */
const SOURCE_EXPR = `COALESCE(a.changes->'sourceActorId'->>'after', a.changes->'sourceActorId'->>'before')`;
const TARGET_EXPR = `COALESCE(a.changes->'targetActorId'->>'after', a.changes->'targetActorId'->>'before')`;

async function actorInRegion(db: Db, regionId: string, actorId: string): Promise<ActorRow | undefined> {
  const [row] = await db.select().from(actors).where(and(eq(actors.id, actorId), eq(actors.regionId, regionId)));
  return row;
}


function checkPeriod(validFrom: string | null, validTo: string | null): void {
  if (validFrom && validTo && validTo < validFrom) throw fieldError('validTo', 'network.validation.periodOrder');
}

/** Creates a relation between two actors of the region (admins; editors from or to their own actor). */
export async function createRelation(database: DatabaseHandle, viewer: Viewer, input: RelationInput, userId: string): Promise<Relation> {
  const db = database.db;
  if (!canEditRelation(viewer, input.sourceActorId, input.targetActorId)) throw new AppError('FORBIDDEN');
  if (input.sourceActorId === input.targetActorId) throw fieldError('targetActorId', 'network.validation.selfRelation');
  if (!(await actorInRegion(db, viewer.region.id, input.sourceActorId))) throw fieldError('sourceActorId', 'network.validation.unknownActor');
  if (!(await actorInRegion(db, viewer.region.id, input.targetActorId))) throw fieldError('targetActorId', 'network.validation.unknownActor');
  checkPeriod(input.validFrom, input.validTo);
  const duplicate = await db
    .select({ id: relations.id })
    .from(relations)
    .where(and(eq(relations.sourceActorId, input.sourceActorId), eq(relations.targetActorId, input.targetActorId), eq(relations.type, input.type)));
  if (duplicate.length > 0) throw new AppError('ALREADY_EXISTS');
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(relations).values({ regionId: viewer.region.id, ...input }).returning();
    if (!row) throw new Error('insert returned no row');
    await recordChange(tx, { regionId: viewer.region.id, userId, entityType: 'relation', entityId: row.id, action: 'create', changes: diffFields({} as Record<string, unknown>, input) });
    return row.id;
  });
  return getRelation(database.raw, viewer, id);
}

/** Changes a relation's type, period or note with the same version check as actors. */
export async function updateRelation(database: DatabaseHandle, viewer: Viewer, relationId: string, input: RelationUpdate, userId: string): Promise<Relation> {
  const db = database.db;
  const [existing] = await db.select().from(relations).where(and(eq(relations.id, relationId), eq(relations.regionId, viewer.region.id)));
  if (!existing) throw new AppError('NOT_FOUND');
  if (!canEditRelation(viewer, existing.sourceActorId, existing.targetActorId)) throw new AppError('FORBIDDEN');
  checkPeriod(input.validFrom, input.validTo);
  const written = await db.transaction(async (tx) => {
    const { version, ...fields } = input;
    const [updated] = await tx
      .update(relations)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(eq(relations.id, relationId), eq(relations.version, version)))
      .returning();
    if (!updated) return false;
    const changes = diffFields({ type: existing.type, validFrom: existing.validFrom, validTo: existing.validTo, note: existing.note }, fields);
    await recordChange(tx, { regionId: viewer.region.id, userId, entityType: 'relation', entityId: relationId, action: 'update', changes });
    return true;
  });
  if (!written) throw new AppError('CONFLICT', {}, undefined, { current: await getRelation(database.raw, viewer, relationId) });
  return getRelation(database.raw, viewer, relationId);
}

/** Deletes a relation (same rights as creating it). */
export async function deleteRelation(db: Db, viewer: Viewer, relationId: string, userId: string): Promise<void> {
  const [existing] = await db.select().from(relations).where(and(eq(relations.id, relationId), eq(relations.regionId, viewer.region.id)));
  if (!existing) throw new AppError('NOT_FOUND');
  if (!canEditRelation(viewer, existing.sourceActorId, existing.targetActorId)) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    await tx.delete(relations).where(eq(relations.id, relationId));
    await recordChange(tx, {
      regionId: viewer.region.id,
      userId,
      entityType: 'relation',
      entityId: relationId,
      action: 'delete',
      changes: {
        sourceActorId: { before: existing.sourceActorId, after: null },
        targetActorId: { before: existing.targetActorId, after: null },
        type: { before: existing.type, after: null },
      },
    });
  });
}

/**
 * The coverage report ("rapport bovenlokale netwerken"): municipality × sector counts of actors by
 * home municipality (scope `thuis`) or also where they are active (scope `werkingsgebied`), the empty
 * cells (white spots), the share of bovenlokale and grensverleggende relations, and the actors without
 * any relation. Anonymous visitors: computed over public actors.
 */
export async function coverage(raw: RawSql, viewer: Viewer, scope: CoverageScope = 'thuis'): Promise<Coverage> {
  const regionId = viewer.region.id;
  const visible = isMember(viewer) ? '' : ' AND a.is_public';
  // An actor active in its home municipality and listed there again counts once per cell.
  const places =
    scope === 'thuis'
      ? 'SELECT a.id, a.municipality_nis AS nis FROM actors a WHERE a.region_id = $1' + visible
      : `SELECT a.id, a.municipality_nis AS nis FROM actors a WHERE a.region_id = $1${visible}
         UNION SELECT a.id, am.nis_code FROM actors a JOIN actor_municipalities am ON am.actor_id = a.id WHERE a.region_id = $1${visible}`;
  const [municipalityRows, sectorRows, countRows, relationRows, isolatedRows, totalRows] = await Promise.all([
    raw.query<{ nis_code: string; name: string }>(
      'SELECT m.nis_code, m.name FROM region_municipalities rm JOIN municipalities m ON m.nis_code = rm.nis_code WHERE rm.region_id = $1 ORDER BY m.name',
      [regionId],
    ),
    raw.query<{ key: string; name: string; cultural: boolean }>('SELECT key, name, cultural FROM sectors ORDER BY position'),
    raw.query<{ nis: string; sector_key: string; n: number | string }>(
      `SELECT p.nis, x.sector_key, count(*) AS n FROM (${places}) p JOIN actor_sectors x ON x.actor_id = p.id GROUP BY 1, 2`,
      [regionId],
    ),
    raw.query<{ total: number | string; bovenlokaal: number | string; grensverleggend: number | string }>(
      `SELECT count(*) AS total,
         count(*) FILTER (WHERE sa.municipality_nis <> ta.municipality_nis) AS bovenlokaal,
         count(*) FILTER (WHERE ss.sector_key <> ts.sector_key) AS grensverleggend
       FROM relations r
       JOIN actors sa ON sa.id = r.source_actor_id JOIN actors ta ON ta.id = r.target_actor_id
       LEFT JOIN actor_sectors ss ON ss.actor_id = sa.id AND ss.position = 0
       LEFT JOIN actor_sectors ts ON ts.actor_id = ta.id AND ts.position = 0
       WHERE r.region_id = $1${isMember(viewer) ? '' : ' AND sa.is_public AND ta.is_public'}`,
      [regionId],
    ),
    raw.query<{ id: string; name: string; nis: string | null; mun: string | null }>(
      `SELECT a.id, a.name, a.municipality_nis AS nis, m.name AS mun FROM actors a LEFT JOIN municipalities m ON m.nis_code = a.municipality_nis
       WHERE a.region_id = $1${visible}
         AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.source_actor_id = a.id)
         AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.target_actor_id = a.id)
       ORDER BY a.name LIMIT 1000`,
      [regionId],
    ),
    raw.query<{ n: number | string }>(`SELECT count(*) AS n FROM actors a WHERE a.region_id = $1${visible}`, [regionId]),
  ]);
  const municipalityIndex = new Map(municipalityRows.map((row, index) => [row.nis_code, index]));
  const sectorIndex = new Map(sectorRows.map((row, index) => [row.key, index]));
  const counts = municipalityRows.map(() => sectorRows.map(() => 0));
  for (const row of countRows) {
    const i = municipalityIndex.get(row.nis);
    const k = sectorIndex.get(row.sector_key);
    if (i !== undefined && k !== undefined) counts[i]![k] = Number(row.n);
  }
  const whiteSpots: Coverage['whiteSpots'] = [];
  municipalityRows.forEach((municipality, i) =>
    sectorRows.forEach((sector, k) => {
      if (counts[i]![k] === 0) whiteSpots.push({ nisCode: municipality.nis_code, sectorKey: sector.key });
    }),
  );
  const rel = relationRows[0];
  const total = Number(rel?.total ?? 0);
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 1000);
  return {
    scope,
    municipalities: municipalityRows.map((row) => ({ nisCode: row.nis_code, name: row.name })),
    sectors: sectorRows.map((row) => ({ key: row.key, name: row.name, cultural: row.cultural })),
    counts,
    whiteSpots,
    totals: { actors: Number(totalRows[0]?.n ?? 0), relations: total },
    relations: {
      bovenlokaal: Number(rel?.bovenlokaal ?? 0),
      grensverleggend: Number(rel?.grensverleggend ?? 0),
      bovenlokaalShare: share(Number(rel?.bovenlokaal ?? 0)),
      grensverleggendShare: share(Number(rel?.grensverleggend ?? 0)),
    },
    isolated: isolatedRows.map((row) => ({ id: row.id, name: row.name, municipality: row.nis ? { nisCode: row.nis, name: row.mun ?? row.nis } : null })),
  };
}

/** Links a member of the region to the actor of their organisation (or unlinks with null): what an editor may edit. */
export async function setMemberActor(db: Db, viewer: Viewer, userId: string, actorId: string | null, byUserId: string): Promise<void> {
  if (actorId) await loadActor(db, viewer, actorId);
  const [membership] = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.regionId, viewer.region.id)));
  if (!membership) throw new AppError('NOT_FOUND');
  if (membership.actorId === actorId) return;
  await db.transaction(async (tx) => {
    await tx.update(memberships).set({ actorId }).where(and(eq(memberships.userId, userId), eq(memberships.regionId, viewer.region.id)));
    await recordChange(tx, {
      regionId: viewer.region.id,
      userId: byUserId,
      entityType: 'membership',
      entityId: userId,
      action: 'update',
      changes: { actorId: { before: membership.actorId, after: actorId } },
    });
  });
}
