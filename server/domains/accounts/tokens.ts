import { createHash, randomBytes } from 'node:crypto';

/** A fresh random token for a cookie or a link (256 bits, URL-safe). */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store instead of a token, so a database leak cannot be replayed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
