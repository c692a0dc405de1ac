import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ApiClient, type TestApp } from '../../test/test-app.js';
import { regionFactory, userFactory, TEST_PASSWORD } from '../../test/factories.js';
import { offerFactory } from './factories.js';
import { inspectPdf } from '../../test/pdf.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

describe('the A4 poster per municipality', () => {
  it('lists this month’s published offers of the municipality with their icons in words, on one page', async () => {
    const region = await regionFactory(t.database.db);
    const viewer = await userFactory(t.database.db, { regionSlug: region.slug, role: 'viewer' });
    const client = await new ApiClient(t.app).login(viewer.email, TEST_PASSWORD);
    // A date within this month: today plus one hour (the month may end tomorrow).
    await offerFactory(t.database.db, region.id, { title: 'Taalcafe in de bib', languageIcons: 1, uitpas: true, dates: [{ startsAt: new Date(Date.now() + 3_600_000) }] });
    await offerFactory(t.database.db, region.id, { title: 'Altijd open moestuin', calendarType: 'permanent', isFree: true });
    await offerFactory(t.database.db, region.id, { title: 'Ontwerp niet tonen', status: 'draft', calendarType: 'permanent' });
    await offerFactory(t.database.db, region.id, { title: 'Volgend jaar pas', dates: [{ startsAt: inDays(62) }] });
    await offerFactory(t.database.db, region.id, { title: 'Andere gemeente', municipalityNis: '33021', calendarType: 'permanent' });

    const response = await client.get(`/api/regions/${region.slug}/catalog/coverage/33011/poster.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = inspectPdf(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('Taalcafe in de bib');
    expect(text).toContain('Altijd open moestuin');
    expect(text).toContain('1 taalicoon: je hebt bijna geen Nederlands nodig');
    expect(text).toContain('UiTPAS');
    expect(text).toContain(`/r/${region.slug}/aanbod?municipality=33011`);
    expect(text).not.toContain('Ontwerp niet tonen');
    expect(text).not.toContain('Volgend jaar pas');
    expect(text).not.toContain('Andere gemeente');
  });

  it('answers 404 for a municipality outside the region and 401 without an account', async () => {
    const region = await regionFactory(t.database.db);
    const viewer = await userFactory(t.database.db, { regionSlug: region.slug, role: 'viewer' });
    const client = await new ApiClient(t.app).login(viewer.email, TEST_PASSWORD);
    expect((await client.get(`/api/regions/${region.slug}/catalog/coverage/11002/poster.pdf`)).statusCode).toBe(404);
    expect((await new ApiClient(t.app).get(`/api/regions/${region.slug}/catalog/coverage/33011/poster.pdf`)).statusCode).toBe(401);
  });
});
