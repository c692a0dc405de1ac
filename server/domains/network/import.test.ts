import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { actorFactory } from './factories.js';
import { randomUUID } from 'node:crypto';
import { importActors, nameKey, nameSimilarity, parseActorFile } from './import.js';
import { writeXlsx } from '../../tabular/index.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import type { RegionRow } from '../../http/access.js';

let t: TestApp;
let region: RegionRow;
let slug: string;
let adminEmail: string;
let viewerEmail: string;

type Result = {
  dryRun: boolean;
  created: number;
  updated: number;
  skipped: number;
  errors: { row: number; field: string; message: string }[];
  warnings: { row: number; message: string; actorId: string | null }[];
  unknownColumns: string[];
  rows: { row: number; action: string; duplicateOf: { name: string } | null }[];
};

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

beforeAll(async () => {
  t = await createTestApp();
});
// Each test imports into a region of its own (one existing actor), so no test sees another's imports.
beforeEach(async () => {
  slug = `importregio-${randomUUID().slice(0, 8)}`;
  region = await regionFactory(t.database.db, { slug, municipalities: ['33011', '33021', '33016'] });
  adminEmail = (await userFactory(t.database.db, { regionSlug: slug, role: 'admin' })).email;
  viewerEmail = (await userFactory(t.database.db, { regionSlug: slug, role: 'viewer' })).email;
  await actorFactory(t.database.db, region.id, { name: 'Bibliotheek Poperinge', municipality: '33021', sectors: ['lokaal-cultuurbeleid'], description: 'oud' });
});
afterAll(async () => t.close());

const FILE_WITH_ERRORS = [
  '\uFEFFnaam;Gemeente;sector;werking;sterktes;beperkingen;website;e-mail;opmerking',
  'Erfgoedcel CO7;Ieper;erfgoed;Zet erfgoed in de kijker;kennis | netwerk;tijd;www.co7.be;info@co7.test;intern',
  'Bibliotheek Poperinge vzw;33021;Lokaal cultuurbeleid;Nieuwe werking;;;;;',
  'Toneelgroep;Diksmuide;kunsten;;;;;;',
  'Fanfare;Mesen;fanfares;;;;;niet-een-mail;',
  'Erfgoedcel CO7;Ieper;erfgoed;dubbel in het bestand;;;;;',
].join('\r\n');

describe('actor import', () => {
  it('previews per-row errors, duplicate warnings and unknown columns without writing', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const response = await admin.post(`/api/regions/${slug}/actors/import/preview`, { fileName: 'actoren.csv', content: b64(FILE_WITH_ERRORS) });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as Result;
    expect(result.dryRun).toBe(true);
    expect(result.unknownColumns).toEqual(['opmerking']);
    expect(result.errors).toEqual([
      { row: 4, field: 'gemeente', message: 'Deze gemeente hoort niet bij de regio.' },
      { row: 5, field: 'sector', message: 'Onbekende sector “fanfares”.' },
      { row: 5, field: 'email', message: 'Geen geldig e-mailadres.' },
    ]);
    expect(result.rows.map((row) => row.action)).toEqual(['create', 'update', 'error', 'error', 'skip']);
    expect(result.rows[1]?.duplicateOf?.name).toBe('Bibliotheek Poperinge');
    expect(result.warnings.map((w) => w.row)).toEqual([3, 6]);
    expect(result).toMatchObject({ created: 0, updated: 0, skipped: 5 });
    const [count] = await t.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM actors WHERE region_id = $1', [region.id]);
    expect(count?.n).toBe(1);
  });

  it('imports nothing from a file with errors unless only the valid rows are asked for', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const refused = (await admin.post(`/api/regions/${slug}/actors/import`, { fileName: 'actoren.csv', content: b64(FILE_WITH_ERRORS) })).json() as Result;
    expect(refused).toMatchObject({ dryRun: false, created: 0, updated: 0 });
    expect((await admin.get(`/api/regions/${slug}/actors`)).json()).toMatchObject({ total: 1 });

    const done = (await admin.post(`/api/regions/${slug}/actors/import`, { fileName: 'actoren.csv', content: b64(FILE_WITH_ERRORS), onlyValid: true })).json() as Result;
    expect(done).toMatchObject({ created: 1, updated: 1, skipped: 3 });
    const list = (await admin.get(`/api/regions/${slug}/actors?q=erfgoedcel`)).json() as { items: { id: string; website: string; sectors: { key: string }[] }[] };
    expect(list.items[0]).toMatchObject({ website: 'https://www.co7.be', sectors: [expect.objectContaining({ key: 'erfgoed' })] });
    const detail = (await admin.get(`/api/regions/${slug}/actors/${list.items[0]!.id}`)).json() as { strengths: string[]; contactEmail: string };
    expect(detail).toMatchObject({ strengths: ['kennis', 'netwerk'], contactEmail: 'info@co7.test' });
    const bib = (await admin.get(`/api/regions/${slug}/actors?q=poperinge`)).json() as { items: { id: string; description: string }[] };
    expect(bib.items[0]?.description).toBe('Nieuwe werking');
    const history = (await admin.get(`/api/regions/${slug}/actors/${bib.items[0]!.id}/history`)).json() as { action: string; changes: Record<string, unknown> }[];
    expect(history[0]).toMatchObject({ action: 'import', changes: { description: { before: 'oud', after: 'Nieuwe werking' } } });
  });

  it('reads comma-separated CSV without BOM and XLSX, with NIS codes and sector names', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const csv = 'naam,gemeente,sector\n"Sportdienst Ieper, stad",33011,Sport\n';
    const fromCsv = (await admin.post(`/api/regions/${slug}/actors/import/preview`, { fileName: 'x.csv', content: b64(csv) })).json() as Result;
    expect(fromCsv).toMatchObject({ created: 1, errors: [] });
    const xlsx = await writeXlsx([{ name: 'Blad1', rows: [['Sector', 'Naam', 'Gemeente'], ['Welzijn | Inburgering', 'De Wissel', 'Ieper']] }]);
    const fromXlsx = (await admin.post(`/api/regions/${slug}/actors/import/preview`, { fileName: 'x.xlsx', content: b64(xlsx) })).json() as Result;
    expect(fromXlsx).toMatchObject({ created: 1, errors: [] });
    const missing = await admin.post(`/api/regions/${slug}/actors/import/preview`, { fileName: 'x.csv', content: b64('naam;sector\nA;kunsten\n') });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as { error: { fields: { path: string; message: string }[] } }).error.fields[0]).toEqual({ path: 'content', message: 'De kolom “gemeente” ontbreekt.' });
  });

  it('is for admins only', async () => {
    const viewer = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    expect((await viewer.post(`/api/regions/${slug}/actors/import/preview`, { fileName: 'x.csv', content: b64('naam;gemeente;sector\n') })).statusCode).toBe(403);
    expect((await new ApiClient(t.app).post(`/api/regions/${slug}/actors/import`, { fileName: 'x.csv', content: b64('naam;gemeente;sector\n') })).statusCode).toBe(401);
  });

  it('spots near-duplicate names', () => {
    expect(nameKey('De Wissel vzw')).toBe('wissel');
    expect(nameSimilarity(nameKey('Bibliotheek Poperinge'), nameKey('Bibliotheek Poperinghe'))).toBeGreaterThan(0.75);
    expect(nameSimilarity(nameKey('Bibliotheek Poperinge'), nameKey('Sportdienst Poperinge'))).toBeLessThan(0.75);
  });
});

describe('actor export', () => {
  // The region's actors as a committed import of the sample file leaves them (valid rows only).
  beforeEach(async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const response = await admin.post(`/api/regions/${slug}/actors/import`, { fileName: 'actoren.csv', content: b64(FILE_WITH_ERRORS), onlyValid: true });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('round-trips: export, edit a cell, import updates exactly that actor', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const exported = await admin.get(`/api/regions/${slug}/actors/export?format=csv`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    const text = exported.body;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('naam;gemeente;sector;werking;sterktes;beperkingen;website;email');
    expect(lines.some((line) => line.includes('info@co7.test'))).toBe(true);
    const same = (await admin.post(`/api/regions/${slug}/actors/import/preview`, { fileName: 'export.csv', content: b64(text) })).json() as Result;
    expect(same.errors).toEqual([]);
    expect(same.created).toBe(0);
    expect(same.updated).toBe(lines.length - 1);

    const edited = text.replace('Zet erfgoed in de kijker', 'Bewerkt in Excel');
    const result = (await admin.post(`/api/regions/${slug}/actors/import`, { fileName: 'export.csv', content: b64(edited) })).json() as Result;
    expect(result).toMatchObject({ created: 0, errors: [] });
    const changes = await t.database.raw.query<{ changes: Record<string, unknown> }>(
      "SELECT changes FROM audit_log WHERE entity_type = 'actor' AND action = 'import' AND changes ? 'description' ORDER BY created_at DESC LIMIT 1",
    );
    expect(changes[0]?.changes.description).toEqual({ before: 'Zet erfgoed in de kijker', after: 'Bewerkt in Excel' });
    const again = await admin.get(`/api/regions/${slug}/actors/export?format=csv`);
    expect(again.body).toBe(edited);
  });

  it('exports the filtered list as XLSX, and without e-mail for anonymous visitors', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const response = await admin.get(`/api/regions/${slug}/actors/export?format=xlsx&sector=erfgoed`);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'naam', 'gemeente', 'sector', 'werking', 'sterktes', 'beperkingen', 'website', 'email']);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).text).toBe('Erfgoedcel CO7');
    const anonymous = await new ApiClient(t.app).get(`/api/regions/${slug}/actors/export`);
    expect(anonymous.body).not.toContain('info@co7.test');
  });
});

describe('coverage export', () => {
  it('writes the matrix as CSV and a workbook with matrix, white spots and summary', async () => {
    const viewer = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    const csv = await viewer.get(`/api/regions/${slug}/coverage/export?format=csv`);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]?.startsWith('Gemeente;Kunsten;Amateurkunsten')).toBe(true);
    expect(lines).toHaveLength(4);
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/regions/${slug}/coverage/export?format=xlsx` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Gemeente x sector', 'Witte vlekken', 'Samenvatting']);
  });
});

describe('import progress for large files', () => {
  // Own region: thousands of generated actors would change the counts of the tests above.
  const bigSlug = 'grote-importregio';
  let bigRegion: RegionRow;
  let bigAdminEmail: string;
  const bigFile = (rows: number, prefix: string) =>
    ['naam;gemeente;sector;werking', ...Array.from({ length: rows }, (_, i) => `${prefix} ${i + 1};${['Ieper', 'Poperinge', 'Vleteren'][i % 3]};kunsten;Werking ${i + 1}`)].join('\n');
  beforeAll(async () => {
    bigRegion = await regionFactory(t.database.db, { slug: bigSlug, municipalities: ['33011', '33021', '33041'] });
    bigAdminEmail = (await userFactory(t.database.db, { regionSlug: bigSlug, role: 'admin' })).email;
  });

  it('reports validated rows every 500 and written actors per batch, awaiting the reporter', async () => {
    const file = await parseActorFile('groot.csv', Buffer.from(bigFile(1200, 'Vereniging')));
    const calls: string[] = [];
    const result = await importActors(t.database.db, bigRegion.id, file, {
      dryRun: false,
      onlyValid: false,
      updateDuplicates: true,
      userId: null,
      t: translatorFor('nl'),
      onProgress: async (done, total, phase) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        calls.push(`${phase} ${done}/${total}`);
      },
    });
    expect(result.created).toBe(1200);
    expect(calls).toEqual(['validate 0/1200', 'validate 500/1200', 'validate 1000/1200', 'validate 1200/1200', 'write 500/1200', 'write 1000/1200', 'write 1200/1200', 'write 1200/1200']);
  });

  it('stores the progress of a 10,000-row import in the database for the uploader to poll', async () => {
    const admin = await new ApiClient(t.app).login(bigAdminEmail, TEST_PASSWORD);
    const progressId = randomUUID();
    const path = `/api/regions/${bigSlug}/actors/import/progress/${progressId}`;
    expect((await admin.get(path)).statusCode).toBe(404);
    const actorsBefore = (await t.database.raw.query<{ count: number }>('SELECT count(*)::int AS count FROM actors WHERE region_id = $1', [bigRegion.id]))[0]?.count;
    const preview = await admin.post(`/api/regions/${bigSlug}/actors/import/preview`, { fileName: 'groot.csv', content: b64(bigFile(10_000, 'Initiatief')), progressId });
    expect(preview.statusCode, preview.body).toBe(200);
    expect((preview.json() as Result).created).toBe(10_000);
    expect((await admin.get(path)).json()).toEqual({ phase: 'done', done: 10_000, total: 10_000 });
    const [row] = await t.database.raw.query<{ count: number }>('SELECT count(*)::int AS count FROM actors WHERE region_id = $1', [bigRegion.id]);
    expect(row?.count).toBe(actorsBefore); // a preview writes no actors, whichever test ran before

    // Only the admin who started it sees it; a broken file ends as failed.
    const other = await userFactory(t.database.db, { regionSlug: bigSlug, role: 'admin' });
    expect((await (await new ApiClient(t.app).login(other.email, TEST_PASSWORD)).get(path)).statusCode).toBe(404);
    const broken = randomUUID();
    expect((await admin.post(`/api/regions/${bigSlug}/actors/import`, { fileName: 'kapot.xlsx', content: b64('geen xlsx'), progressId: broken })).statusCode).toBe(400);
    expect(((await admin.get(`/api/regions/${bigSlug}/actors/import/progress/${broken}`)).json() as { phase: string }).phase).toBe('failed');
  }, 60_000);

  it('is for admins only', async () => {
    const viewer = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    expect((await viewer.get(`/api/regions/${slug}/actors/import/progress/${randomUUID()}`)).statusCode).toBe(403);
  });
});
