import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { memberships, sessions, users } from './schema.js';
import { regions } from '../regions/schema.js';
import { createToken, hashToken } from './tokens.js';
import type { AuthSession, AuthUser } from '../../http/request-context.js';

export const SESSION_COOKIE = 'rk_session';
// Touch last_seen/expiry at most this often, so reads do not turn every request into a write.
const SLIDE_AFTER_MS = 10 * 60 * 1000;

/** Loads a user with their region memberships, or null. */
export async function loadAuthUser(db: Db, userId: string): Promise<AuthUser | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const rows = await db
    .select({ regionId: memberships.regionId, regionSlug: regions.slug, role: memberships.role, actorId: memberships.actorId })
    .from(memberships)
    .innerJoin(regions, eq(regions.id, memberships.regionId))
    .where(eq(memberships.userId, userId))
    .orderBy(regions.name);
  return { id: user.id, email: user.email, name: user.name, locale: user.locale, memberships: rows };
}

/** Creates a database session and returns the raw token for the cookie. */
export async function createSession(
  db: Db,
  userId: string,
  ttlHours: number,
  meta: { userAgent?: string; ip?: string },
): Promise<{ token: string; session: AuthSession; expiresAt: Date }> {
  const token = createToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  const csrfToken = createToken();
  const id = hashToken(token);
  await db.insert(sessions).values({ id, userId, csrfToken, expiresAt, userAgent: meta.userAgent?.slice(0, 300), ip: meta.ip });
  return { token, session: { id, csrfToken }, expiresAt };
}

/** Resolves a cookie token to its live session and user; slides the expiry now and then. */
export async function resolveSession(db: Db, token: string, ttlHours: number): Promise<{ session: AuthSession; user: AuthUser } | null> {
  const id = hashToken(token);
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())));
  if (!row) return null;
  const user = await loadAuthUser(db, row.userId);
  if (!user) return null;
  if (Date.now() - row.lastSeenAt.getTime() > SLIDE_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + ttlHours * 3600_000) })
      .where(eq(sessions.id, id));
  }
  return { session: { id: row.id, csrfToken: row.csrfToken }, user };
}

/** Ends one session. */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (after a password reset), optionally keeping one. */
export async function deleteUserSessions(db: Db, userId: string, keepSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(keepSessionId ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keepSessionId}`) : eq(sessions.userId, userId));
}

/** Removes expired sessions; cheap enough to run on login. */
export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
