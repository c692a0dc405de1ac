import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { actorFactory, relationFactory } from './factories.js';
import { coverageReportModel } from './coverage-pdf.js';
import { createI18n } from '../../../common/i18n/all-catalogs.js';
import type { Coverage } from '../../../common/schemas/network.js';

let t: TestApp;
const slug = 'dekkingsregio';
let adminEmail = '';

// Ieper 33011, Poperinge 33021, Vleteren 33041.
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const region = await regionFactory(db, { slug, municipalities: ['33011', '33021', '33041'] });
  adminEmail = (await userFactory(db, { regionSlug: slug, role: 'admin' })).email;
  // A heritage cell seated in Ieper that also works in Poperinge and Vleteren (and lists Ieper again).
  const erfgoedcel = await actorFactory(db, region.id, { name: 'Erfgoedcel', municipality: '33011', sectors: ['erfgoed'], otherMunicipalities: ['33011', '33021', '33041'] });
  const bib = await actorFactory(db, region.id, { name: 'Bibliotheek Poperinge', municipality: '33021', sectors: ['lokaal-cultuurbeleid', 'erfgoed'], isPublic: false });
  await actorFactory(db, region.id, { name: 'Sportclub Vleteren', municipality: '33041', sectors: ['sport'] });
  await relationFactory(db, region.id, erfgoedcel, bib);
});
afterAll(async () => t.close());

const admin = () => new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
const cell = (report: Coverage, nis: string, sector: string) => report.counts[report.municipalities.findIndex((m) => m.nisCode === nis)]![report.sectors.findIndex((s) => s.key === sector)];
const isWhite = (report: Coverage, nis: string, sector: string) => report.whiteSpots.some((spot) => spot.nisCode === nis && spot.sectorKey === sector);

describe('coverage scope', () => {
  it('counts actors at home by default, and once in every municipality they work in with scope werkingsgebied', async () => {
    const client = await admin();
    const home = (await client.get(`/api/regions/${slug}/coverage`)).json() as Coverage;
    expect(home.scope).toBe('thuis');
    expect(cell(home, '33011', 'erfgoed')).toBe(1);
    expect(cell(home, '33021', 'erfgoed')).toBe(1);
    expect(cell(home, '33041', 'erfgoed')).toBe(0);
    expect(isWhite(home, '33041', 'erfgoed')).toBe(true);

    const reach = (await client.get(`/api/regions/${slug}/coverage?scope=werkingsgebied`)).json() as Coverage;
    expect(reach.scope).toBe('werkingsgebied');
    expect(cell(reach, '33011', 'erfgoed')).toBe(1);
    expect(cell(reach, '33021', 'erfgoed')).toBe(2);
    expect(cell(reach, '33041', 'erfgoed')).toBe(1);
    expect(isWhite(reach, '33041', 'erfgoed')).toBe(false);
    // Totals and relations do not depend on where actors are counted.
    expect(reach.totals).toEqual(home.totals);
    expect(reach.relations).toEqual(home.relations);
  });

  it('keeps private actors out of the public report in both scopes', async () => {
    const reach = (await new ApiClient(t.app).get(`/api/regions/${slug}/coverage?scope=werkingsgebied`)).json() as Coverage;
    expect(cell(reach, '33021', 'erfgoed')).toBe(1);
    expect(cell(reach, '33021', 'lokaal-cultuurbeleid')).toBe(0);
  });

  it('refuses an unknown scope with the field named', async () => {
    const response = await (await admin()).get(`/api/regions/${slug}/coverage?scope=overal`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: [{ path: 'scope' }] } });
  });
});

describe('coverage report as PDF', () => {
  it('says what the matrix says: counts, white spots per municipality, summary and isolated actors', async () => {
    const report = (await (await admin()).get(`/api/regions/${slug}/coverage?scope=werkingsgebied`)).json() as Coverage;
    const model = coverageReportModel(report, 'Dekkingsregio', createI18n('nl').t, new Date('2026-11-21T12:00:00Z'));
    expect(model.title).toBe('Dekkingsrapport Dekkingsregio');
    expect(model.subtitle).toContain('21/11/2026');
    expect(model.subtitle).toContain('actief');
    const poperinge = model.rows.find((row) => row.name === 'Poperinge')!;
    const erfgoed = model.sectors.findIndex((sector) => sector.name === report.sectors.find((s) => s.key === 'erfgoed')!.name);
    expect(poperinge.cells[erfgoed]).toEqual({ count: 2, white: false });
    expect(poperinge.total).toBe(poperinge.cells.reduce((sum, c) => sum + c.count, 0));
    const vleteren = model.whiteSpots.find((spot) => spot.municipality === 'Vleteren')!;
    expect(vleteren.sectors).toHaveLength(report.sectors.length - 2);
    expect(model.summary).toContain('3 actoren, 1 relaties');
    expect(model.isolated).toEqual(['Sportclub Vleteren (Vleteren)']);
  });

  it('downloads as a PDF for members and visitors, in the scope asked', async () => {
    const response = await (await admin()).get(`/api/regions/${slug}/coverage/export?format=pdf&scope=werkingsgebied`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="dekking-${slug}-werkingsgebied.pdf"`);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.rawPayload.length).toBeGreaterThan(2000);
    const visitor = await new ApiClient(t.app).get(`/api/regions/${slug}/coverage/export?format=pdf`);
    expect(visitor.statusCode).toBe(200);
    expect(visitor.headers['content-disposition']).toBe(`attachment; filename="dekking-${slug}.pdf"`);
  });
});
