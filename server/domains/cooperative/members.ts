// Cooperants (member actors), the steering group and working groups.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { fieldError, AppError } from '../../http/errors.js';
import { memberships, users } from '../accounts/schema.js';
import { actors } from '../network/schema.js';
import { municipalities } from '../reference/schema.js';
import { recordChange } from '../audit/service.js';
import { coopBodies, coopBodyMembers, coopMembers, type BodyRole } from './schema.js';
import { assertUuid, conflict, userNames, type Executor } from './shared.js';
import type { z } from 'zod';
import type { bodyInputSchema, bodyUpdateSchema, memberInputSchema, memberUpdateSchema, Body, Member } from '../../../common/schemas/cooperative.js';

/** The region's cooperants, by actor name. */
export async function listMembers(db: Executor, regionId: string): Promise<Member[]> {
  const rows = await db
    .select({ member: coopMembers, actorName: actors.name, actorKind: actors.kind, municipalityName: municipalities.name })
    .from(coopMembers)
    .innerJoin(actors, eq(actors.id, coopMembers.actorId))
    .leftJoin(municipalities, eq(municipalities.nisCode, coopMembers.municipalityNis))
    .where(eq(coopMembers.regionId, regionId))
    .orderBy(asc(actors.name));
  const names = await userNames(db, rows.map((row) => row.member.representativeUserId));
  return rows.map(({ member, actorName, actorKind, municipalityName }) => ({
    id: member.id,
    actorId: member.actorId,
    actorName,
    actorKind,
    membershipKind: member.membershipKind,
    memberSince: member.memberSince,
    municipalityNis: member.municipalityNis,
    municipalityName: municipalityName ?? null,
    representative: member.representativeUserId ? { id: member.representativeUserId, name: names.get(member.representativeUserId) ?? '' } : null,
    version: member.version,
  }));
}

async function assertRegionUser(db: Executor, regionId: string, userId: string | null, path: string): Promise<void> {
  if (!userId) return;
  const [row] = await db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.regionId, regionId)));
  if (!row) throw fieldError(path, 'cooperative.errors.userNotInRegion');
}

/** Makes an actor of the region a cooperant. */
export async function createMember(db: Db, regionId: string, input: z.infer<typeof memberInputSchema>, userId: string): Promise<Member> {
  const [actor] = await db.select({ id: actors.id, municipalityNis: actors.municipalityNis, kind: actors.kind }).from(actors).where(and(eq(actors.id, input.actorId), eq(actors.regionId, regionId)));
  if (!actor) throw fieldError('actorId', 'cooperative.errors.actorNotInRegion');
  await assertRegionUser(db, regionId, input.representativeUserId, 'representativeUserId');
  const [existing] = await db.select({ id: coopMembers.id }).from(coopMembers).where(and(eq(coopMembers.regionId, regionId), eq(coopMembers.actorId, input.actorId)));
  if (existing) throw new AppError('ALREADY_EXISTS');
  // A municipality (lokaal bestuur) counts its own inhabitants unless the admin chose otherwise.
  const municipalityNis = input.municipalityNis ?? (actor.kind === 'lokaal-bestuur' ? actor.municipalityNis : null);
  const [row] = await db
    .insert(coopMembers)
    .values({ regionId, actorId: input.actorId, membershipKind: input.membershipKind, memberSince: input.memberSince, municipalityNis, representativeUserId: input.representativeUserId })
    .returning();
  await recordChange(db, { regionId, userId, entityType: 'coop_member', entityId: row!.id, action: 'create' });
  return (await listMembers(db, regionId)).find((member) => member.id === row!.id)!;
}

/** Changes a cooperant's membership (optimistic version). */
export async function updateMember(db: Db, regionId: string, memberId: string, input: z.infer<typeof memberUpdateSchema>, userId: string): Promise<Member> {
  assertUuid(memberId);
  await assertRegionUser(db, regionId, input.representativeUserId, 'representativeUserId');
  const [row] = await db
    .update(coopMembers)
    .set({ membershipKind: input.membershipKind, memberSince: input.memberSince, municipalityNis: input.municipalityNis, representativeUserId: input.representativeUserId, version: input.version + 1 })
    .where(and(eq(coopMembers.id, memberId), eq(coopMembers.regionId, regionId), eq(coopMembers.version, input.version)))
    .returning();
  const current = (await listMembers(db, regionId)).find((member) => member.id === memberId);
  if (!current) throw new AppError('NOT_FOUND');
  if (!row) throw conflict(current);
  await recordChange(db, { regionId, userId, entityType: 'coop_member', entityId: memberId, action: 'update' });
  return current;
}

/** Ends a membership. */
export async function deleteMember(db: Db, regionId: string, memberId: string, userId: string): Promise<void> {
  assertUuid(memberId);
  const deleted = await db.delete(coopMembers).where(and(eq(coopMembers.id, memberId), eq(coopMembers.regionId, regionId))).returning({ id: coopMembers.id });
  if (deleted.length === 0) throw new AppError('NOT_FOUND');
  await recordChange(db, { regionId, userId, entityType: 'coop_member', entityId: memberId, action: 'delete' });
}

/** The region's steering group and working groups with their members (steering group first). */
export async function listBodies(db: Executor, regionId: string): Promise<Body[]> {
  const bodies = await db.select().from(coopBodies).where(eq(coopBodies.regionId, regionId)).orderBy(asc(coopBodies.kind), asc(coopBodies.name));
  if (bodies.length === 0) return [];
  const rows = await db
    .select({ bodyId: coopBodyMembers.bodyId, userId: coopBodyMembers.userId, role: coopBodyMembers.role, memberId: coopBodyMembers.memberId, name: users.name, memberName: actors.name })
    .from(coopBodyMembers)
    .innerJoin(users, eq(users.id, coopBodyMembers.userId))
    .leftJoin(coopMembers, eq(coopMembers.id, coopBodyMembers.memberId))
    .leftJoin(actors, eq(actors.id, coopMembers.actorId))
    .where(inArray(coopBodyMembers.bodyId, bodies.map((body) => body.id)));
  const roleOrder: Record<BodyRole, number> = { voorzitter: 0, secretaris: 1, lid: 2 };
  return bodies.map((body) => ({
    id: body.id,
    kind: body.kind,
    name: body.name,
    description: body.description,
    quorum: body.quorum,
    version: body.version,
    members: rows
      .filter((row) => row.bodyId === body.id)
      .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name, 'nl'))
      .map((row) => ({ userId: row.userId, name: row.name, role: row.role, memberId: row.memberId, memberName: row.memberName ?? null })),
  }));
}

/** One body of the region, or 404. */
export async function getBody(db: Executor, regionId: string, bodyId: string): Promise<Body> {
  assertUuid(bodyId);
  const body = (await listBodies(db, regionId)).find((candidate) => candidate.id === bodyId);
  if (!body) throw new AppError('NOT_FOUND');
  return body;
}

async function writeBodyMembers(db: Executor, regionId: string, bodyId: string, members: z.infer<typeof bodyInputSchema>['members']): Promise<void> {
  const userIds = members.map((member) => member.userId);
  if (new Set(userIds).size !== userIds.length) throw fieldError('members', 'cooperative.errors.duplicateMember');
  if (members.filter((member) => member.role === 'voorzitter').length > 1) throw fieldError('members', 'cooperative.errors.oneChair');
  if (userIds.length) {
    const inRegion = await db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.regionId, regionId), inArray(memberships.userId, userIds)));
    const known = new Set(inRegion.map((row) => row.userId));
    const index = userIds.findIndex((id) => !known.has(id));
    if (index >= 0) throw fieldError(`members.${index}.userId`, 'cooperative.errors.userNotInRegion');
  }
  const memberIds = members.map((member) => member.memberId).filter((id): id is string => Boolean(id));
  if (memberIds.length) {
    const found = await db.select({ id: coopMembers.id }).from(coopMembers).where(and(eq(coopMembers.regionId, regionId), inArray(coopMembers.id, memberIds)));
    if (found.length !== new Set(memberIds).size) throw fieldError('members', 'cooperative.errors.memberNotInRegion');
  }
  await db.delete(coopBodyMembers).where(eq(coopBodyMembers.bodyId, bodyId));
  if (members.length) await db.insert(coopBodyMembers).values(members.map((member) => ({ bodyId, ...member })));
}

/** Creates the steering group (one per region) or a working group, with its members. */
export async function createBody(db: Db, regionId: string, input: z.infer<typeof bodyInputSchema>, userId: string): Promise<Body> {
  if (input.kind === 'stuurgroep') {
    const [existing] = await db.select({ id: coopBodies.id }).from(coopBodies).where(and(eq(coopBodies.regionId, regionId), eq(coopBodies.kind, 'stuurgroep')));
    if (existing) throw fieldError('kind', 'cooperative.errors.oneSteeringGroup');
  }
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(coopBodies).values({ regionId, kind: input.kind, name: input.name, description: input.description, quorum: input.quorum }).returning();
    await writeBodyMembers(tx, regionId, row!.id, input.members);
    await recordChange(tx, { regionId, userId, entityType: 'coop_body', entityId: row!.id, action: 'create' });
    return row!.id;
  });
  return getBody(db, regionId, id);
}

/** Changes a body's name, quorum and members in one transaction (optimistic version). */
export async function updateBody(db: Db, regionId: string, bodyId: string, input: z.infer<typeof bodyUpdateSchema>, userId: string): Promise<Body> {
  const before = await getBody(db, regionId, bodyId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(coopBodies)
      .set({ name: input.name, description: input.description, quorum: input.quorum, version: input.version + 1 })
      .where(and(eq(coopBodies.id, bodyId), eq(coopBodies.version, input.version)))
      .returning();
    if (!row) throw conflict(before);
    await writeBodyMembers(tx, regionId, bodyId, input.members);
    await recordChange(tx, { regionId, userId, entityType: 'coop_body', entityId: bodyId, action: 'update', changes: { members: { before: before.members, after: input.members } } });
  });
  return getBody(db, regionId, bodyId);
}

/** The steering group's members (users with their body role and the actor they sit for); empty when the region has none. For polls and quorum. */
export async function steeringGroupMembers(db: Executor, regionId: string): Promise<{ userId: string; name: string; email: string; role: BodyRole; memberId: string | null; actorId: string | null }[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: coopBodyMembers.role, memberId: coopBodyMembers.memberId, actorId: coopMembers.actorId })
    .from(coopBodyMembers)
    .innerJoin(coopBodies, eq(coopBodies.id, coopBodyMembers.bodyId))
    .innerJoin(users, eq(users.id, coopBodyMembers.userId))
    .leftJoin(coopMembers, eq(coopMembers.id, coopBodyMembers.memberId))
    .where(and(eq(coopBodies.regionId, regionId), eq(coopBodies.kind, 'stuurgroep')))
    .orderBy(asc(users.name));
}
