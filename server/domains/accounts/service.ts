import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginAttempts, memberships, passwordResetTokens, users, type Role } from './schema.js';
import { regions } from '../regions/schema.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { createToken, hashToken } from './tokens.js';
import { createSession, deleteUserSessions, purgeExpiredSessions } from './sessions.js';
import { AppError, fieldError } from '../../http/errors.js';
import type { Mailer } from './mailer.js';
import { assertLoginAllowed } from './login-throttle.js';

const RESET_TTL_MS = 60 * 60 * 1000;

let dummyHash: Promise<string> | undefined;

/** Checks e-mail and password (throttled) and opens a database session. */
export async function login(
  db: Db,
  input: { email: string; password: string },
  meta: { ip: string; userAgent?: string; ttlHours: number },
): Promise<{ token: string; expiresAt: Date; userId: string; csrfToken: string }> {
  await assertLoginAllowed(db, input.email, meta.ip);
  const [user] = await db.select().from(users).where(eq(users.email, input.email));
  // Verify against a throwaway hash for unknown addresses so timing does not reveal which exist.
  dummyHash ??= hashPassword(createToken());
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  const succeeded = Boolean(user) && valid;
  await db.insert(loginAttempts).values({ email: input.email, ip: meta.ip, succeeded });
  if (!succeeded || !user) throw new AppError('INVALID_CREDENTIALS');
  await purgeExpiredSessions(db);
  // Attempts only matter inside the throttling window; keep a day for investigating abuse.
  await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(Date.now() - 24 * 3600_000)));
  const { token, expiresAt, session } = await createSession(db, user.id, meta.ttlHours, meta);
  return { token, expiresAt, userId: user.id, csrfToken: session.csrfToken };
}

/** Sends a reset link when the address has an account; answers the same either way. */
export async function requestPasswordReset(db: Db, mailer: Mailer, email: string, baseUrl: string, log: { info: (o: object, m: string) => void }): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) return;
  const token = createToken();
  await db.insert(passwordResetTokens).values({ tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_TTL_MS) });
  const link = `${baseUrl}/wachtwoord-herstellen/${token}`;
  if (!mailer.configured) log.info({ email, link }, 'password reset link (no SMTP configured)');
  await mailer.send({
    to: user.email,
    subject: 'Regiekamer: nieuw wachtwoord kiezen',
    text: `Dag ${user.name},\n\nKies een nieuw wachtwoord via deze link (één uur geldig):\n${link}\n\nHeb je dit niet gevraagd? Dan mag je deze e-mail negeren.`,
  });
}

/** Sets a new password from a reset token (single use) and ends the user's other sessions. */
export async function resetPassword(db: Db, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, new Date())))
      .returning();
    if (!row) throw new AppError('INVALID_TOKEN');
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, row.userId));
    await deleteUserSessions(tx as unknown as Db, row.userId);
  });
}

/** Updates the user's own name and interface language. */
export async function updateProfile(db: Db, userId: string, input: { name: string; locale: 'nl' | 'en' }): Promise<void> {
  await db.update(users).set({ ...input, updatedAt: new Date() }).where(eq(users.id, userId));
}

/** Changes the password after checking the current one; other sessions are ended. */
export async function changePassword(db: Db, userId: string, sessionId: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('WRONG_PASSWORD');
  await db.update(users).set({ passwordHash: await hashPassword(input.newPassword), updatedAt: new Date() }).where(eq(users.id, userId));
  await deleteUserSessions(db, userId, sessionId);
}

/** Creates (or updates the password of) a user and gives them a role in a region; used by the CLI and the demo. */
export async function createUserWithRole(
  db: Db,
  input: { email: string; name: string; password: string; regionSlug?: string; role?: Role },
): Promise<{ userId: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  if (input.password.length < 10) throw fieldError('password', 'validation.passwordTooWeak');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    let regionId: string | undefined;
    if (input.regionSlug) {
      const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.slug, input.regionSlug));
      if (!region) throw new AppError('NOT_FOUND', {}, [{ path: 'region', message: input.regionSlug }]);
      regionId = region.id;
    }
    const [existing] = await tx.select().from(users).where(eq(users.email, email));
    let userId: string;
    if (existing) {
      userId = existing.id;
      await tx.update(users).set({ passwordHash, name: input.name || existing.name, updatedAt: new Date() }).where(eq(users.id, userId));
    } else {
      const [user] = await tx.insert(users).values({ email, name: input.name, passwordHash }).returning({ id: users.id });
      userId = user!.id;
    }
    if (regionId && input.role) {
      await tx
        .insert(memberships)
        .values({ userId, regionId, role: input.role })
        .onConflictDoUpdate({ target: [memberships.userId, memberships.regionId], set: { role: input.role } });
    }
    return { userId, created: !existing };
  });
}
