import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { parseEnv } from '../config/env.js';
import { createTestDatabase } from '../test/test-database.js';
import type { DatabaseHandle } from '../db/client.js';
import type { FastifyInstance } from 'fastify';

let database: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ database, env: parseEnv({ LOG_LEVEL: 'silent' }), serveClient: false });
  app.get('/api/test-crash', async () => {
    throw new Error('geheime interne fout op regel 42');
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('error model', () => {
  it('answers unknown API routes with a JSON 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/bestaat-niet' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND', message: 'Deze API-route bestaat niet.' } });
  });

  it('hides internals of unexpected errors behind a 500 with a request id', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test-crash' });
    expect(response.statusCode).toBe(500);
    const body = response.json() as { error: { code: string; requestId: string; message: string } };
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.message).toContain(body.error.requestId);
    expect(response.body).not.toContain('geheime');
    expect(response.body).not.toContain('stack');
  });

  it('translates validation errors to the Accept-Language of the caller', async () => {
    const dutch = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'geen-adres' } });
    expect(dutch.statusCode).toBe(400);
    expect(dutch.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'email', message: 'Geen geldig e-mailadres.' }, { path: 'password', message: 'Dit veld is verplicht.' }] },
    });
    const english = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en-GB,en;q=0.9' }, payload: { email: 'geen-adres' } });
    expect((english.json() as { error: { fields: { message: string }[] } }).error.fields[0]?.message).toBe('Not a valid e-mail address.');
  });

  it('answers malformed JSON with a 400 in the same shape', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });

  it('serves health and the generated OpenAPI document', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok', database: database.kind });
    const openapi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { openapi: string; paths: Record<string, unknown> };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/regions', '/api/regions/{slug}', '/api/auth/login', '/api/health']));
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});
