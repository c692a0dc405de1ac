import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../test/factories.js';
import { actorFactory } from '../domains/network/factories.js';
import { offerFactory } from '../domains/catalog/factories.js';
import { lendingItemFactory } from '../domains/lending/factories.js';
import { surveyFactory } from '../domains/participation/factories.js';
import type { RegionRow } from '../http/access.js';
import type { Survey } from '../../common/schemas/participation.js';
import { csvCells, expectNeutralised, xlsxCells } from '../test/spreadsheet-cells.js';

// The exports of the catalog, participation, lending, cooperative and trajectories domains: a cell that
// starts like a formula (=, +, -, @, tab, CR) leaves with a leading `'`, read from the raw file bytes.
const slug = 'formuleregio-meer';
const HYPERLINK = '=HYPERLINK("http://x","klik")';
// Municipality names come from the reference table, not from users; one named like a formula still shows
// that exports which carry no user text (coverage, monitoring) go through the same neutralising writer.
const FORMULA_NIS = '99001';
const FORMULA_MUNICIPALITY = '-Formulegem';

let t: TestApp;
let region: RegionRow;
const emails: Record<string, string> = {};
let adminId = '';

beforeAll(async () => {
  t = await createTestApp();
  await t.database.raw.query('INSERT INTO municipalities (nis_code, name) VALUES ($1, $2)', [FORMULA_NIS, FORMULA_MUNICIPALITY]);
  region = await regionFactory(t.database.db, { slug, municipalities: ['33011', FORMULA_NIS] });
  for (const role of ['admin', 'editor', 'steering', 'viewer', 'coach'] as const) {
    const user = await userFactory(t.database.db, { regionSlug: slug, role });
    emails[role] = user.email;
    if (role === 'admin') adminId = user.userId;
  }
});
afterAll(async () => t.close());

const as = (role: string) => new ApiClient(t.app).login(emails[role]!, TEST_PASSWORD);
const base = `/api/regions/${slug}`;

describe('formula injection in the other domains’ exports', () => {
  it('neutralises the catalog offers export (CSV and XLSX): title, organizer, address and phone', async () => {
    const organizer = await actorFactory(t.database.db, region.id, { name: '@SUM(A1) Organisator' });
    await offerFactory(t.database.db, region.id, { title: HYPERLINK, organizerActorId: organizer, address: '-Markt 1', contactPhone: '+32 57 00 00 00' });
    const expected = [HYPERLINK, '@SUM(A1) Organisator', '-Markt 1', '+32 57 00 00 00'];
    const editor = await as('editor');
    const csv = await editor.get(`${base}/catalog/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toMatch(/(^|;)"?[=+\-@]/m);
    expectNeutralised(csvCells(csv.body), expected);
    const xlsx = await editor.get(`${base}/catalog/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expectNeutralised(await xlsxCells(xlsx.rawPayload), expected);
  });

  it('neutralises the catalog coverage export (CSV and XLSX): the municipality names', async () => {
    const viewer = await as('viewer');
    const csv = await viewer.get(`${base}/catalog/coverage/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`;'${FORMULA_MUNICIPALITY};`);
    expectNeutralised(csvCells(csv.body), [FORMULA_MUNICIPALITY]);
    const xlsx = await viewer.get(`${base}/catalog/coverage/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const cells = await xlsxCells(xlsx.rawPayload);
    expectNeutralised(cells, [FORMULA_MUNICIPALITY]);
    expect(cells.filter((cell) => typeof cell === 'number').length).toBeGreaterThan(0);
  });

  it('neutralises the survey results XLSX: question texts, option labels and open answers', async () => {
    const survey = await surveyFactory(t.database.db, region, adminId, {
      audience: 'members',
      questions: [
        { kind: 'single', text: { nl: 'Welke sector?' }, options: [{ nl: '@SUM(A1) sector' }, { nl: 'Erfgoed' }], required: true, scaleMin: 1, scaleMax: 5 },
        { kind: 'short', text: { nl: '+1 of -1?' }, options: [], required: false, scaleMin: 1, scaleMax: 5 },
      ],
    });
    const viewer = await as('viewer');
    const detail = (await viewer.get(`${base}/surveys/${survey.id}`)).json() as Survey;
    const [single, short] = detail.questions;
    const answered = await viewer.post(`${base}/surveys/${survey.id}/responses`, { answers: { [single!.id]: 'a1', [short!.id]: HYPERLINK } });
    expect(answered.statusCode, answered.body).toBe(201);
    const xlsx = await viewer.get(`${base}/surveys/${survey.id}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expectNeutralised(await xlsxCells(xlsx.rawPayload), ['+1 of -1?', '@SUM(A1) sector', HYPERLINK]);
  });

  it('neutralises the lending overview XLSX: item and owner names', async () => {
    const owner = await actorFactory(t.database.db, region.id, { name: '+32 Jeugdhuis' });
    await lendingItemFactory(t.database, region.id, owner, { name: HYPERLINK });
    const xlsx = await (await as('steering')).get(`${base}/lending/overview/export`);
    expect(xlsx.statusCode).toBe(200);
    expectNeutralised(await xlsxCells(xlsx.rawPayload), [HYPERLINK, '+32 Jeugdhuis']);
  });

  it('neutralises the co-financing XLSX: cooperant and municipality names', async () => {
    const admin = await as('admin');
    const actorId = await actorFactory(t.database.db, region.id, { name: HYPERLINK, kind: 'lokaal-bestuur', municipality: FORMULA_NIS });
    expect((await admin.post(`${base}/cooperative/members`, { actorId, memberSince: '2020-01-01' })).statusCode).toBe(201);
    const year = await admin.post(`${base}/cooperative/financing`, { year: 2031, budgetCents: 100_000, keyKind: 'gelijk' });
    expect(year.statusCode, year.body).toBe(201);
    const xlsx = await (await as('viewer')).get(`${base}/cooperative/financing/${(year.json() as { id: string }).id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const cells = await xlsxCells(xlsx.rawPayload);
    expectNeutralised(cells, [HYPERLINK, FORMULA_MUNICIPALITY]);
    expect(cells).toContain(1000);
  });

  // The monitoring figures carry no user text by design (decision 027: no names, only counts); the one
  // text from data is the municipality name, so a formula-like one must come out neutralised.
  it('neutralises the trajectory monitoring XLSX: the municipality names beside the counts', async () => {
    const coach = await as('coach');
    for (let index = 0; index < 5; index += 1) {
      const response = await coach.post(`${base}/trajectories/participants`, { firstName: `Deelnemer${index}`, municipalityNis: FORMULA_NIS, inburgeraarStatus: 'verplicht', referredOn: '2026-09-01', consentGiven: true });
      expect(response.statusCode, response.body).toBe(201);
    }
    const xlsx = await (await as('steering')).get(`${base}/trajectories/monitoring.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const cells = await xlsxCells(xlsx.rawPayload);
    expectNeutralised(cells, [FORMULA_MUNICIPALITY]);
    expect(cells).toContain(5);
  });
});
