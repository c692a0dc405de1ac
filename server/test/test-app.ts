import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { parseEnv, type Env } from '../config/env.js';
import type { DatabaseHandle } from '../db/client.js';
import type { Mailer, OutgoingMail } from '../domains/accounts/mailer.js';
import { createTestDatabase } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  env: Env;
  /** Mails the app "sent" (captured, never delivered). */
  sentMail: OutgoingMail[];
  close(): Promise<void>;
}

/** An in-process app on a fresh database; `smtp: true` makes the mailer behave as configured. */
export async function createTestApp(options: { smtp?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://regiekamer.test', ...options.env });
  const sentMail: OutgoingMail[] = [];
  const mailer: Mailer = { configured: options.smtp ?? false, send: async (mail) => void sentMail.push(mail) };
  const app = await buildApp({ database, env, mailer, serveClient: false });
  await app.ready();
  return {
    app,
    database,
    env,
    sentMail,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A browser-like API client: keeps the session cookie and sends the CSRF header on writes. */
export class ApiClient {
  private cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(method: Method, url: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...this.headers, ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in extraHeaders)) headers['x-csrf-token'] = this.csrfToken;
    const response = await this.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    const setCookie = response.cookies.find((cookie) => cookie.name === 'rk_session');
    if (setCookie) this.cookie = setCookie.value ? `rk_session=${setCookie.value}` : undefined;
    // Like the SPA: adopt the CSRF token whenever the server hands out session info.
    if (response.headers['content-type']?.toString().includes('json')) {
      const body = response.json() as { csrfToken?: unknown };
      if (typeof body?.csrfToken === 'string') this.csrfToken = body.csrfToken;
    }
    return response;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  /** The Cookie header this client sends (for requests made outside it, like the SPA shell's). */
  cookieHeader(): string {
    return this.cookie ?? '';
  }

  /** Logs in through the API; throws when the login fails. */
  async login(email: string, password: string): Promise<this> {
    const response = await this.request('POST', '/api/auth/login', { email, password });
    if (response.statusCode !== 200) throw new Error(`login failed for ${email}: ${response.statusCode} ${response.body}`);
    this.csrfToken = (response.json() as { csrfToken: string }).csrfToken;
    return this;
  }
}
