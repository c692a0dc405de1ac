import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../test/factories.js';
import { actorFactory } from '../domains/network/factories.js';
import { planFactory } from '../domains/plans/factories.js';
import type { RegionRow } from '../http/access.js';
import { csvCells, expectNeutralised, xlsxCells } from '../test/spreadsheet-cells.js';
import { zipBomb } from '../test/zip-files.js';

// Every CSV/XLSX export, for visitors and members: cells that start like a formula leave neutralised.
const slug = 'formuleregio';
const HYPERLINK = '=HYPERLINK("http://x","klik")';
const PLAN_TSV = [
  'Formuleplan 2025',
  'Nr\tActie\tWat\tPartners',
  'SD1 Netwerk',
  'OD1.1 Overleg',
  '1\t@SUM(A1) bijeenkomst\t-1 op de agenda\t+32 Vereniging',
].join('\n');

let t: TestApp;
let region: RegionRow;
let planId: string;
let adminEmail: string;
let viewerEmail: string;

beforeAll(async () => {
  t = await createTestApp();
  region = await regionFactory(t.database.db, { slug, municipalities: ['33011'] });
  adminEmail = (await userFactory(t.database.db, { regionSlug: slug, role: 'admin' })).email;
  viewerEmail = (await userFactory(t.database.db, { regionSlug: slug, role: 'viewer' })).email;
  await actorFactory(t.database.db, region.id, { name: HYPERLINK, description: '+ledenwerking', contactEmail: 'x@example.test' });
  planId = (await planFactory(t.database.db, region, { text: PLAN_TSV })).id;
});
afterAll(async () => t.close());

describe('formula injection in exports', () => {
  const clients = async () => ({ visitor: new ApiClient(t.app), member: await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD) });

  it('neutralises the actor export as CSV and XLSX, for visitors and members', async () => {
    for (const client of Object.values(await clients())) {
      const csv = await client.get(`/api/regions/${slug}/actors/export?format=csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.body).not.toMatch(/(^|;)"?=HYPERLINK/m);
      expectNeutralised(csvCells(csv.body), [HYPERLINK, '+ledenwerking']);
      const xlsx = await client.get(`/api/regions/${slug}/actors/export?format=xlsx`);
      expectNeutralised(await xlsxCells(xlsx.rawPayload), [HYPERLINK, '+ledenwerking']);
    }
  });

  it('neutralises the coverage export: the isolated actor in the workbook; numbers stay numbers', async () => {
    for (const client of Object.values(await clients())) {
      const xlsx = await client.get(`/api/regions/${slug}/coverage/export?format=xlsx`);
      expect(xlsx.statusCode).toBe(200);
      const cells = await xlsxCells(xlsx.rawPayload);
      expectNeutralised(cells, [HYPERLINK]);
      expect(cells.filter((cell) => typeof cell === 'number').length).toBeGreaterThan(0);
      // The CSV matrix holds municipality and sector names and counts only; it must be safe all the same.
      const csv = await client.get(`/api/regions/${slug}/coverage/export?format=csv`);
      expectNeutralised(csvCells(csv.body), []);
    }
  });

  it('neutralises plan texts starting with @, - and + in the plan CSV and XLSX', async () => {
    const member = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    const expected = ['@SUM(A1) bijeenkomst', '-1 op de agenda', '+32 Vereniging'];
    const csv = await member.get(`/api/regions/${slug}/plans/${planId}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expectNeutralised(csvCells(csv.body), expected);
    const xlsx = await member.get(`/api/regions/${slug}/plans/${planId}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expectNeutralised(await xlsxCells(xlsx.rawPayload), expected);
  });
});

describe('zip bombs in uploads', () => {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  const count = async (table: 'actors' | 'plans') =>
    Number((await t.database.raw.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE region_id = $1`, [region.id]))[0]!.n);

  it('refuses an actor import whose workbook unpacks too far, before parsing, and writes nothing', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const before = await count('actors');
    for (const path of ['/import/preview', '/import']) {
      const response = await admin.post(`/api/regions/${slug}/actors${path}`, { fileName: 'actoren.xlsx', content: b64(zipBomb(60)) });
      expect(response.statusCode).toBe(400);
      const { error } = response.json() as { error: { code: string; fields: { path: string; message: string }[] } };
      expect(error.code).toBe('FILE_TOO_COMPLEX');
      expect(error.fields[0]).toMatchObject({ path: 'content' });
      expect(error.fields[0]!.message).toContain('50 MB');
    }
    expect(await count('actors')).toBe(before);
  });

  it('refuses plan imports of an XLSX or DOCX bomb and writes nothing', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const before = await count('plans');
    for (const [filename, bytes] of [
      ['plan.xlsx', zipBomb(60)],
      ['plan.docx', zipBomb(20, 'word/document.xml')],
    ] as const) {
      const response = await admin.post(`/api/regions/${slug}/plans/import`, { filename, content: b64(bytes) });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'FILE_TOO_COMPLEX', fields: [{ path: 'content' }] } });
    }
    expect(await count('plans')).toBe(before);
  });
});
