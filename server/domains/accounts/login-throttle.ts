import { and, count, eq, gt, max } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { loginAttempts, sessions, users } from './schema.js';

// Decision 012. Failures are counted per (address, IP) pair and per IP: an attacker's IP locks
// itself out, never the owner. Failures of one address from anywhere only slow that address down,
// with a wait that rises to at most MAX_ADDRESS_DELAY_SECONDS, and not at all on an IP the owner
// logged in from before.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_PAIR = 5;
export const MAX_FAILURES_PER_IP = 30;
/** Failures of one address (from any IP) that cost nothing; each one beyond makes the next try wait. */
export const FREE_FAILURES_PER_ADDRESS = 5;
export const MAX_ADDRESS_DELAY_SECONDS = 30;

/** Seconds an address must rest after its last failure, given its failures in the window (0 … 0, 1, 2, 4 … 30). */
export function addressDelaySeconds(failures: number): number {
  if (failures <= FREE_FAILURES_PER_ADDRESS) return 0;
  return Math.min(MAX_ADDRESS_DELAY_SECONDS, 2 ** (failures - FREE_FAILURES_PER_ADDRESS - 1));
}

const failuresSince = (since: Date) => and(eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since));

// An IP the owner logged in from (a session of hers, or a success in the attempts kept for a day).
async function isKnownIp(db: Db, email: string, ip: string): Promise<boolean> {
  const [success] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, true)));
  if ((success?.n ?? 0) > 0) return true;
  const [session] = await db
    .select({ n: count() })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(users.email, email), eq(sessions.ip, ip)));
  return (session?.n ?? 0) > 0;
}

/** Refuses a login try with 429 + Retry-After when this IP, this address from this IP, or this address overall failed too often. */
export async function assertLoginAllowed(db: Db, email: string, ip: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const lockedOut = { minutes: LOGIN_WINDOW_MS / 60_000, retryAfterSeconds: LOGIN_WINDOW_MS / 1000 };
  const [byIp] = await db.select({ n: count() }).from(loginAttempts).where(and(eq(loginAttempts.ip, ip), failuresSince(since)));
  if ((byIp?.n ?? 0) >= MAX_FAILURES_PER_IP) throw new AppError('RATE_LIMITED', lockedOut);
  const [byPair] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip), failuresSince(since)));
  if ((byPair?.n ?? 0) >= MAX_FAILURES_PER_PAIR) throw new AppError('RATE_LIMITED', lockedOut);

  const [byAddress] = await db
    .select({ n: count(), last: max(loginAttempts.createdAt) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), failuresSince(since)));
  const delay = addressDelaySeconds(byAddress?.n ?? 0);
  if (delay === 0 || !byAddress?.last) return;
  const waited = (now.getTime() - new Date(byAddress.last).getTime()) / 1000;
  if (waited >= delay || (await isKnownIp(db, email, ip))) return;
  const seconds = Math.max(1, Math.ceil(delay - waited));
  throw new AppError('LOGIN_SLOWED', { seconds, retryAfterSeconds: seconds });
}
