import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { resolveSession, SESSION_COOKIE } from '../domains/accounts/sessions.js';
import { AppError, sendError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Attaches request.user/session from the session cookie, and demands the session's CSRF token in
 * a header on every cookie-authenticated write (synchronizer token: a cross-site form cannot read it).
 */
export function registerAuthHooks(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(app.ctx.database.db, token, app.ctx.env.SESSION_TTL_HOURS);
      if (resolved) {
        request.user = resolved.user;
        request.session = resolved.session;
      }
    }
    if (request.session && !SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameToken(header, request.session.csrfToken)) {
        return sendError(request, reply, new AppError('CSRF_FAILED'));
      }
    }
  });
}
