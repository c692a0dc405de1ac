import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import { constants as zlibConstants } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from './db/client.js';
import type { Env } from './config/env.js';
import { registerErrorHandling, sendError, AppError } from './http/errors.js';
import { registerAuthHooks } from './http/auth-hooks.js';
import { createMailer, type Mailer } from './domains/accounts/mailer.js';
import { installValidationMessages } from '../common/validation.js';
import { apiRoutes } from './routes.js';
import { createSpaShell } from './http/spa-shell.js';
import type { ApiInstance } from './http/route-types.js';
import './http/request-context.js';

export const CLIENT_DIST = fileURLToPath(new URL('../dist/client', import.meta.url));

const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * Base URL for links in e-mails and feeds. PUBLIC_URL when set (required in production); otherwise
 * the request's host only when it is this machine, so a forged Host header cannot redirect a reset link.
 */
function publicBaseUrl(env: Env, request?: { protocol: string; host: string }): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/$/, '');
  if (request && LOCAL_HOST.test(request.host)) return `${request.protocol}://${request.host}`;
  return `http://localhost:${env.PORT}`;
}

export interface BuildAppOptions {
  database: DatabaseHandle;
  env: Env;
  mailer?: Mailer;
  /** Serve the built SPA from dist/client (off in API tests). */
  serveClient?: boolean;
}

/** Builds the Fastify application: API under /api, OpenAPI, and the SPA at /. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  installValidationMessages();
  const { env } = options;
  const app = Fastify({
    logger: { level: env.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    genReqId: () => randomUUID(),
    trustProxy: env.TRUST_PROXY,
    bodyLimit: 25 * 1024 * 1024,
  });

  app.decorate('ctx', {
    database: options.database,
    env,
    mailer: options.mailer ?? createMailer(env.SMTP_URL, env.MAIL_FROM, app.log),
    publicUrl: (request?: { protocol: string; host: string }) => publicBaseUrl(env, request),
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(fastifyCookie);
  // The graph of a large region and a full plan are megabytes of JSON; they shrink tenfold. Brotli at
  // quality 4 compresses about as fast as gzip; the default (11) would cost seconds per megabyte.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  registerAuthHooks(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Regiekamer API',
        version: '0.1.0',
        description:
          'De API van Regiekamer. Aanmelden gebeurt met een sessiecookie; schrijfacties met die cookie vragen de header x-csrf-token (uit GET /api/auth/session). Fouten hebben altijd de vorm {"error":{"code","message","fields"}}.',
      },
      components: {
        securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: 'rk_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await apiRoutes(api as unknown as ApiInstance);
    },
    { prefix: '/api' },
  );

  const serveClient = (options.serveClient ?? true) && existsSync(`${CLIENT_DIST}/index.html`);
  if (serveClient) {
    // wildcard: files are looked up per request, so a rebuilt client is served without a restart.
    await app.register(fastifyStatic, { root: CLIENT_DIST, wildcard: true, index: false, maxAge: '1h' });
  }
  // index.html carries the visitor's session and first-view data: never stored by a shared cache.
  const renderShell = createSpaShell(app, CLIENT_DIST);
  const sendShell = async (request: FastifyRequest, reply: FastifyReply) => {
    const html = await renderShell(request);
    if (html === null) return sendError(request, reply, new AppError('ROUTE_NOT_FOUND'));
    return reply.header('cache-control', 'private, no-cache').type('text/html; charset=utf-8').send(html);
  };
  if (serveClient) app.get('/', { schema: { hide: true } }, sendShell);
  // Unknown /api paths answer JSON; every other GET is a client-side route of the SPA.
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api') && request.method === 'GET' && serveClient) return sendShell(request, reply);
    return sendError(request, reply, new AppError('ROUTE_NOT_FOUND'));
  });

  return app;
}
