import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';

let t: TestApp;
let adminEmail: string;
let viewerEmail: string;
const slug = 'testregio';

beforeAll(async () => {
  t = await createTestApp();
  await regionFactory(t.database.db, { slug, name: 'Testregio', municipalities: ['33011', '33021', '33016'] });
  adminEmail = (await userFactory(t.database.db, { regionSlug: slug, role: 'admin' })).email;
  viewerEmail = (await userFactory(t.database.db, { regionSlug: slug, role: 'viewer' })).email;
});
afterAll(async () => t.close());

describe('GET /api/regions', () => {
  it('lists regions publicly with slug, name and municipalities', async () => {
    const response = await new ApiClient(t.app).get('/api/regions');
    expect(response.statusCode).toBe(200);
    const region = (response.json() as { slug: string; name: string; municipalities: { nisCode: string; name: string }[] }[]).find((r) => r.slug === slug);
    expect(region?.name).toBe('Testregio');
    expect(region?.municipalities).toEqual([
      { nisCode: '33011', name: 'Ieper' },
      { nisCode: '33016', name: 'Mesen' },
      { nisCode: '33021', name: 'Poperinge' },
    ]);
  });

  it('shows one region with postal codes and the caller role', async () => {
    const anonymous = (await new ApiClient(t.app).get(`/api/regions/${slug}`)).json() as { myRole: string | null; municipalities: { postalCodes: string[] }[] };
    expect(anonymous.myRole).toBeNull();
    expect(anonymous.municipalities[0]?.postalCodes).toContain('8900');
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    expect(((await admin.get(`/api/regions/${slug}`)).json() as { myRole: string }).myRole).toBe('admin');
    expect((await admin.get('/api/regions/bestaat-niet')).statusCode).toBe(404);
  });
});

describe('PATCH /api/regions/:slug', () => {
  it('lets an admin change name, description and municipalities, and records who did it', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const before = (await admin.get(`/api/regions/${slug}`)).json() as { version: number };
    const response = await admin.patch(`/api/regions/${slug}`, {
      name: 'Testregio Zuid',
      description: 'Nieuwe beschrijving',
      municipalities: ['33011', '33021', '33016', '33039'],
      version: before.version,
    });
    expect(response.statusCode).toBe(200);
    const after = response.json() as { name: string; version: number; municipalities: { nisCode: string }[] };
    expect(after.name).toBe('Testregio Zuid');
    expect(after.version).toBe(before.version + 1);
    expect(after.municipalities.map((m) => m.nisCode)).toContain('33039');
    const audit = await t.database.raw.query<{ changes: Record<string, { before: unknown; after: unknown }> }>(
      "SELECT changes FROM audit_log WHERE entity_type = 'region' ORDER BY created_at DESC LIMIT 1",
    );
    expect(audit[0]?.changes.name).toEqual({ before: 'Testregio', after: 'Testregio Zuid' });
    expect(Object.keys(audit[0]?.changes ?? {})).toContain('municipalities');
  });

  it('refuses a stale version with 409 and the current state, writing nothing', async () => {
    const first = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const second = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const { version } = (await first.get(`/api/regions/${slug}`)).json() as { version: number };
    const body = { description: 'eerste', name: 'Testregio Zuid', municipalities: ['33011'], version };
    expect((await first.patch(`/api/regions/${slug}`, body)).statusCode).toBe(200);
    const conflict = await second.patch(`/api/regions/${slug}`, { ...body, description: 'tweede', municipalities: ['33021'] });
    expect(conflict.statusCode).toBe(409);
    const error = (conflict.json() as { error: { code: string; details: { current: { description: string; version: number } } } }).error;
    expect(error.code).toBe('CONFLICT');
    expect(error.details.current.description).toBe('eerste');
    expect((error.details.current as unknown as { myRole: string }).myRole).toBe('admin');
    const now = (await first.get(`/api/regions/${slug}`)).json() as { description: string; municipalities: { nisCode: string }[] };
    expect(now.description).toBe('eerste');
    expect(now.municipalities.map((m) => m.nisCode)).toEqual(['33011']);
  });

  it('answers 400 with the field and a Dutch reason for bad input', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const response = await admin.patch(`/api/regions/${slug}`, { name: 'X', description: '', municipalities: ['99999'], version: 1 });
    expect(response.statusCode).toBe(400);
    const error = (response.json() as { error: { code: string; fields: { path: string; message: string }[] } }).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toContainEqual({ path: 'name', message: 'Gebruik minstens 2 tekens.' });
    // The path points at the position the client sent, duplicates included.
    const unknown = await admin.patch(`/api/regions/${slug}`, { name: 'Goed', description: '', municipalities: ['33011', '33011', '99999'], version: 1 });
    expect((unknown.json() as { error: { fields: { path: string; message: string }[] } }).error.fields[0]).toEqual({
      path: 'municipalities.2',
      message: 'Onbekende gemeente: 99999.',
    });
  });

  it('is refused to viewers (403) and anonymous visitors (401)', async () => {
    const viewer = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    const body = { name: 'Overname', description: '', municipalities: ['33011'], version: 99 };
    expect((await viewer.patch(`/api/regions/${slug}`, body)).statusCode).toBe(403);
    expect((await new ApiClient(t.app).patch(`/api/regions/${slug}`, body)).statusCode).toBe(401);
  });
});

describe('reference data', () => {
  it('serves municipalities and the sector taxonomy', async () => {
    const client = new ApiClient(t.app);
    const municipalities = (await client.get('/api/municipalities')).json() as { nisCode: string }[];
    expect(municipalities).toHaveLength(18);
    const sectors = (await client.get('/api/sectors')).json() as { key: string; name: string; examples: string[]; cultural: boolean }[];
    expect(sectors).toHaveLength(22);
    expect(sectors[0]).toMatchObject({ key: 'kunsten', cultural: true });
    expect(sectors.filter((s) => s.cultural).length).toBeGreaterThan(0);
    expect(sectors.find((s) => s.key === 'inburgering')?.examples).toContain('Agentschap Integratie en Inburgering');
  });
});
