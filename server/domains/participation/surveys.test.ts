import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { readTable } from '../../tabular/index.js';
import type { RegionRow } from '../../http/access.js';
import type { Survey, SurveyResults } from '../../../common/schemas/participation.js';
import { surveyFactory } from './factories.js';

let t: TestApp;
let region: RegionRow;
const slug = 'bevraagregio';
let adminEmail: string;
let adminId: string;
let editorEmail: string;
let viewerEmail: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  region = await regionFactory(db, { slug });
  ({ email: adminEmail, userId: adminId } = await userFactory(db, { regionSlug: slug, role: 'admin' }));
  editorEmail = (await userFactory(db, { regionSlug: slug, role: 'editor' })).email;
  viewerEmail = (await userFactory(db, { regionSlug: slug, role: 'viewer' })).email;
});
afterAll(async () => t.close());

async function publicSurveyOf(admin: ApiClient, id: string) {
  const survey = (await admin.get(`/api/regions/${slug}/surveys/${id}`)).json() as Survey;
  const token = survey.publicPath!.split('/').pop()!;
  return { survey, token, byKind: (kind: string) => survey.questions.find((question) => question.kind === kind)! };
}

const anonymous = (ip = '10.0.0.1') => new ApiClient(t.app, { 'x-forwarded-for': ip });

describe('building a survey', () => {
  it('lets an admin build one with sections and every question kind, in several languages', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const response = await admin.post(`/api/regions/${slug}/surveys`, {
      title: { nl: 'Nieuwkomers', ar: 'الوافدون الجدد' },
      languages: ['nl', 'ar'],
      audience: 'public',
      questions: [
        { kind: 'section', text: { nl: 'Over jou', ar: 'عنك' } },
        { kind: 'single', text: { nl: 'Woonplaats?', ar: 'مكان السكن؟' }, options: [{ nl: 'Ieper', ar: 'إيبر' }, { nl: 'Poperinge' }], required: true },
        { kind: 'short', text: { nl: 'Wat mis je?' } },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const { survey } = await publicSurveyOf(admin, (response.json() as { id: string }).id);
    expect(survey.questions.map((question) => question.kind)).toEqual(['section', 'single', 'short']);
    expect(survey.questions[1]!.options[0]).toEqual({ key: 'a1', label: { nl: 'Ieper', ar: 'إيبر' } });
    expect(survey.publicPath).toMatch(new RegExp(`^/r/${slug}/cooperatie/bevragingen/invullen/`));
  });

  it('rejects bad input with the field and a Dutch reason, and non-admins with 403', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const response = await admin.post(`/api/regions/${slug}/surveys`, { title: { nl: 'X' }, audience: 'members', questions: [{ kind: 'single', text: { nl: 'Een keuze' }, options: [{ nl: 'Enkel' }] }] });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { fields: unknown[] } }).error.fields).toEqual([{ path: 'questions.0.options', message: 'Geef minstens twee keuzemogelijkheden.' }]);
    const viewer = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    expect((await viewer.post(`/api/regions/${slug}/surveys`, { title: { nl: 'X' }, audience: 'members', questions: [{ kind: 'short', text: { nl: 'Vraag' } }] })).statusCode).toBe(403);
  });
});

describe('answering', () => {
  it('takes one anonymous answer per browser, checks required questions and options', async () => {
    const survey = await surveyFactory(t.database.db, region, adminId);
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const { token, byKind } = await publicSurveyOf(admin, survey.id);
    const visitor = anonymous('10.0.0.2');
    expect((await visitor.get(`/api/public-surveys/${token}`)).json()).toMatchObject({ languages: ['nl', 'en', 'ar'], publicPath: null });
    const missing = await visitor.post(`/api/public-surveys/${token}/responses`, { browserToken: 'browser-token-0000001', answers: {} });
    expect((missing.json() as { error: { fields: { path: string; message: string }[] } }).error.fields).toEqual([{ path: `answers.${byKind('single').id}`, message: 'Deze vraag is verplicht.' }]);
    const wrongOption = await visitor.post(`/api/public-surveys/${token}/responses`, { browserToken: 'browser-token-0000001', answers: { [byKind('single').id]: 'a9' } });
    expect(wrongOption.statusCode).toBe(400);
    const ok = await visitor.post(`/api/public-surveys/${token}/responses`, { browserToken: 'browser-token-0000001', language: 'ar', answers: { [byKind('single').id]: 'a1', [byKind('scale').id]: 4 } });
    expect(ok.statusCode, ok.body).toBe(201);
    const again = await visitor.post(`/api/public-surveys/${token}/responses`, { browserToken: 'browser-token-0000001', answers: { [byKind('single').id]: 'a2' } });
    expect(again.statusCode).toBe(409);
    expect((await visitor.post(`/api/public-surveys/${token}/responses`, { answers: { [byKind('single').id]: 'a2' } })).statusCode).toBe(400);
  });

  it('limits anonymous answers per IP address per hour, stored in the database', async () => {
    const survey = await surveyFactory(t.database.db, region, adminId);
    await t.database.raw.query('UPDATE surveys SET ip_limit_per_hour = 3 WHERE id = $1', [survey.id]);
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const { token, byKind } = await publicSurveyOf(admin, survey.id);
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++) {
      const response = await anonymous('10.9.9.9').post(`/api/public-surveys/${token}/responses`, { browserToken: `browser-token-limit-${index}`, answers: { [byKind('single').id]: 'a1' } });
      statuses.push(response.statusCode);
    }
    // The app trusts no proxy in tests: every request comes from the same address.
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const [row] = await t.database.raw.query<{ hits: number }>('SELECT hits FROM survey_ip_hits WHERE survey_id = $1', [survey.id]);
    expect(row!.hits).toBe(5);
  });

  it('lets members answer once and keeps partners-only surveys for partners; closed surveys take no answers', async () => {
    const survey = await surveyFactory(t.database.db, region, adminId, { audience: 'partners' });
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const detail = (await admin.get(`/api/regions/${slug}/surveys/${survey.id}`)).json() as Survey;
    const single = detail.questions.find((question) => question.kind === 'single')!.id;
    const viewer = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    expect((await viewer.post(`/api/regions/${slug}/surveys/${survey.id}/responses`, { answers: { [single]: 'a1' } })).statusCode).toBe(403);
    const editor = await new ApiClient(t.app).login(editorEmail, TEST_PASSWORD);
    expect((await editor.post(`/api/regions/${slug}/surveys/${survey.id}/responses`, { answers: { [single]: 'a1' } })).statusCode).toBe(201);
    expect((await editor.post(`/api/regions/${slug}/surveys/${survey.id}/responses`, { answers: { [single]: 'a2' } })).statusCode).toBe(409);
    expect(((await editor.get(`/api/regions/${slug}/surveys/${survey.id}`)).json() as Survey).answered).toBe(true);
    const closed = await admin.patch(`/api/regions/${slug}/surveys/${survey.id}/status`, { status: 'closed', version: 1 });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await admin.patch(`/api/regions/${slug}/surveys/${survey.id}/status`, { status: 'open', version: 1 })).statusCode).toBe(409);
    expect((await admin.post(`/api/regions/${slug}/surveys/${survey.id}/responses`, { answers: { [single]: 'a1' } })).statusCode).toBe(409);
  });
});

describe('results', () => {
  it('aggregates every kind live, filters by another answer, lists open answers and exports formula-safe', async () => {
    const survey = await surveyFactory(t.database.db, region, adminId);
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const { token, byKind } = await publicSurveyOf(admin, survey.id);
    const answers = [
      { single: 'a1', multiple: ['a1', 'a2'], scale: 5, ranking: ['a1', 'a2', 'a3'], long: 'Prima' },
      { single: 'a1', multiple: ['a2'], scale: 3, ranking: ['a2', 'a1'], long: '=HYPERLINK("x")' },
      { single: 'a2', multiple: ['a3'], scale: 1, ranking: ['a1'], long: '' },
    ];
    for (const [index, answer] of answers.entries()) {
      const body = { browserToken: `browser-token-results-${index}`, answers: Object.fromEntries(Object.entries(answer).map(([kind, value]) => [byKind(kind).id, value])) };
      expect((await anonymous(`10.1.1.${index}`).post(`/api/public-surveys/${token}/responses`, body)).statusCode).toBe(201);
    }
    const results = (await admin.get(`/api/regions/${slug}/surveys/${survey.id}/results`)).json() as SurveyResults;
    const of = (kind: string) => results.questions.find((question) => question.questionId === byKind(kind).id)!;
    expect(results.responses).toBe(3);
    expect(of('single').counts.map((row) => row.count)).toEqual([2, 1]);
    expect(of('multiple').counts.map((row) => row.count)).toEqual([1, 2, 1]);
    expect(of('scale').counts.map((row) => row.count)).toEqual([1, 0, 1, 0, 1]);
    expect(of('scale').mean).toBe(3);
    expect(of('ranking').counts.map((row) => row.meanRank)).toEqual([(1 + 2 + 1) / 3, 1.5, 3]);
    expect(of('long').textCount).toBe(2);
    const filtered = (await admin.get(`/api/regions/${slug}/surveys/${survey.id}/results?filterQuestion=${byKind('single').id}&filterOption=a1`)).json() as SurveyResults;
    expect(filtered.responses).toBe(2);
    expect(filtered.questions.find((question) => question.questionId === byKind('scale').id)!.mean).toBe(4);
    const csv = await admin.get(`/api/regions/${slug}/surveys/${survey.id}/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`'=HYPERLINK`);
    const xlsx = await admin.get(`/api/regions/${slug}/surveys/${survey.id}/export?format=xlsx`);
    const rows = await readTable(new Uint8Array(xlsx.rawPayload), 'x.xlsx');
    expect(rows).toHaveLength(4);
    expect(JSON.stringify(rows[1])).toContain('A; B');
    const viewer = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    expect((await viewer.get(`/api/regions/${slug}/surveys/${survey.id}/results`)).statusCode).toBe(200);
    expect((await anonymous().get(`/api/regions/${slug}/surveys/${survey.id}/results`)).statusCode).toBe(401);
  });
});
