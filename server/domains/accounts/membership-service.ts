import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { invitations, memberships, users, type Role } from './schema.js';
import { regions } from '../regions/schema.js';
import { actorDirectory } from './actor-directory.js';
import { hashPassword } from './passwords.js';
import { createToken, hashToken } from './tokens.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordChange } from '../audit/service.js';
import type { Mailer } from './mailer.js';
import type { RegionRow } from '../../http/access.js';
import type { Invitation, InvitationPublic, MembersOverview } from '../../../common/schemas/accounts.js';
import type { AuthUser } from '../../http/request-context.js';

const INVITE_TTL_MS = 14 * 24 * 3600_000;

function presentInvitation(row: typeof invitations.$inferSelect): Invitation {
  return { id: row.id, email: row.email, role: row.role, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() };
}

/** Members of a region and the invitations still open. */
export async function listMembers(db: Db, regionId: string): Promise<MembersOverview> {
  const members = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt, actorId: memberships.actorId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.regionId, regionId))
    .orderBy(asc(users.name));
  const open = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.regionId, regionId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(asc(invitations.createdAt));
  const actorIds = members.flatMap((member) => (member.actorId ? [member.actorId] : []));
  const actorNames = await actorDirectory().namesInRegion(db, regionId, actorIds);
  return {
    members: members.map(({ actorId, ...member }) => {
      const actorName = actorId ? actorNames.get(actorId) : undefined;
      return { ...member, since: member.since.toISOString(), actor: actorId && actorName !== undefined ? { id: actorId, name: actorName } : null };
    }),
    invitations: open.map(presentInvitation),
  };
}

/** Invites someone by e-mail; the link is mailed, or returned for the admin when no SMTP is configured. */
export async function createInvitation(
  db: Db,
  mailer: Mailer,
  region: RegionRow,
  inviter: AuthUser,
  input: { email: string; role: Role },
  baseUrl: string,
): Promise<{ invitation: Invitation; emailSent: boolean; inviteUrl?: string }> {
  const [alreadyMember] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.regionId, region.id), eq(users.email, input.email)));
  if (alreadyMember) throw new AppError('ALREADY_MEMBER', {}, [{ path: 'email', message: '@errors.ALREADY_MEMBER' }]);

  const token = createToken();
  const row = await db.transaction(async (tx) => {
    // A new invitation replaces any open one for the same address.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.regionId, region.id), eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const [created] = await tx
      .insert(invitations)
      .values({ regionId: region.id, email: input.email, role: input.role, tokenHash: hashToken(token), invitedBy: inviter.id, expiresAt: new Date(Date.now() + INVITE_TTL_MS) })
      .returning();
    await recordChange(tx, { regionId: region.id, userId: inviter.id, entityType: 'invitation', entityId: created!.id, action: 'create', changes: { email: { before: null, after: input.email }, role: { before: null, after: input.role } } });
    return created!;
  });

  const inviteUrl = `${baseUrl}/uitnodiging/${token}`;
  await mailer.send({
    to: input.email,
    subject: `Uitnodiging voor ${region.name} op Regiekamer`,
    text: `Dag,\n\n${inviter.name} nodigt je uit om mee te werken in ${region.name} op Regiekamer.\nAanvaard de uitnodiging via deze link (14 dagen geldig):\n${inviteUrl}\n`,
  });
  return { invitation: presentInvitation(row), emailSent: mailer.configured, ...(mailer.configured ? {} : { inviteUrl }) };
}

/** Withdraws an open invitation of the region. */
export async function revokeInvitation(db: Db, region: RegionRow, invitationId: string, userId: string): Promise<void> {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.id, invitationId), eq(invitations.regionId, region.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  if (!row) throw new AppError('NOT_FOUND');
  await recordChange(db, { regionId: region.id, userId, entityType: 'invitation', entityId: row.id, action: 'revoke' });
}

async function findOpenInvitation(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: invitations, region: { slug: regions.slug, name: regions.name } })
    .from(invitations)
    .innerJoin(regions, eq(regions.id, invitations.regionId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
  if (!row) throw new AppError('INVALID_TOKEN');
  return row;
}

/** What the invitation page shows before accepting. */
export async function describeInvitation(db: Db, token: string): Promise<InvitationPublic> {
  const { invitation, region } = await findOpenInvitation(db, token);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
  return { email: invitation.email, role: invitation.role, region, userExists: Boolean(existing) };
}

/**
 * Accepts an invitation: a logged-in user with the invited address joins directly; a new person
 * creates an account with name and password. Returns the user id (for a new session).
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  currentUser: AuthUser | null,
  input: { name?: string; password?: string },
): Promise<{ userId: string; regionSlug: string; newAccount: boolean }> {
  const { invitation, region } = await findOpenInvitation(db, token);
  let newUser: { name: string; passwordHash: string } | null = null;
  if (currentUser) {
    if (currentUser.email !== invitation.email) throw new AppError('INVITE_OTHER_USER', { email: invitation.email });
  } else {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
    if (existing) throw new AppError('UNAUTHENTICATED');
    if (!input.name) throw fieldError('name', 'validation.required');
    if (!input.password) throw fieldError('password', 'validation.required');
    newUser = { name: input.name, passwordHash: await hashPassword(input.password) };
  }
  // Account, membership and the claimed invitation are written together or not at all.
  const userId = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning();
    if (!claimed) throw new AppError('INVALID_TOKEN');
    let id = currentUser?.id;
    if (newUser) {
      const [created] = await tx.insert(users).values({ email: invitation.email, ...newUser }).returning({ id: users.id });
      id = created!.id;
    }
    await tx
      .insert(memberships)
      .values({ userId: id!, regionId: invitation.regionId, role: invitation.role })
      .onConflictDoUpdate({ target: [memberships.userId, memberships.regionId], set: { role: invitation.role } });
    await recordChange(tx, { regionId: invitation.regionId, userId: id!, entityType: 'membership', entityId: id!, action: 'join', changes: { role: { before: null, after: invitation.role } } });
    return id!;
  });
  const newAccount = newUser !== null;
  return { userId, regionSlug: region.slug, newAccount };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Runs a membership change with the region row locked, so two admins demoting each other at the
 * same moment cannot leave the region without an admin.
 */
async function withRegionLocked<T>(db: Db, regionId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId)).for('update');
    return fn(tx);
  });
}

async function adminCount(tx: Tx, regionId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(memberships).where(and(eq(memberships.regionId, regionId), eq(memberships.role, 'admin')));
  return row?.n ?? 0;
}

async function currentRole(tx: Tx, regionId: string, userId: string): Promise<Role> {
  const [row] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.regionId, regionId), eq(memberships.userId, userId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row.role;
}

/** Changes a member's role; the last admin cannot be demoted. */
export async function changeMemberRole(db: Db, region: RegionRow, memberId: string, role: Role, actorId: string): Promise<void> {
  await withRegionLocked(db, region.id, async (tx) => {
    const before = await currentRole(tx, region.id, memberId);
    if (before === 'admin' && role !== 'admin' && (await adminCount(tx, region.id)) <= 1) throw new AppError('LAST_ADMIN');
    await tx.update(memberships).set({ role }).where(and(eq(memberships.regionId, region.id), eq(memberships.userId, memberId)));
    await recordChange(tx, { regionId: region.id, userId: actorId, entityType: 'membership', entityId: memberId, action: 'update', changes: { role: { before, after: role } } });
  });
}

/** Removes a member from the region; the last admin cannot be removed. */
export async function removeMember(db: Db, region: RegionRow, memberId: string, actorId: string): Promise<void> {
  await withRegionLocked(db, region.id, async (tx) => {
    const before = await currentRole(tx, region.id, memberId);
    if (before === 'admin' && (await adminCount(tx, region.id)) <= 1) throw new AppError('LAST_ADMIN');
    await tx.delete(memberships).where(and(eq(memberships.regionId, region.id), eq(memberships.userId, memberId)));
    await recordChange(tx, { regionId: region.id, userId: actorId, entityType: 'membership', entityId: memberId, action: 'delete', changes: { role: { before, after: null } } });
  });
}
