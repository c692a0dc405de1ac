import type { DatabaseHandle } from '../db/client.js';
import type { Env } from '../config/env.js';
import type { Role } from '../domains/accounts/schema.js';
import type { Mailer } from '../domains/accounts/mailer.js';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  locale: 'nl' | 'en';
  /** Per region: the role, and for editors the actor (partner organisation) they may edit. */
  memberships: { regionId: string; regionSlug: string; role: Role; actorId: string | null }[];
}

export interface AuthSession {
  id: string;
  csrfToken: string;
}

/** What every route handler can reach through the Fastify instance. */
export interface AppContext {
  database: DatabaseHandle;
  env: Env;
  mailer: Mailer;
  /** Base URL for links in e-mails (invites, password resets). */
  publicUrl: (request?: { protocol: string; host: string }) => string;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    user: AuthUser | null;
    session: AuthSession | null;
  }
}
