import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, ApiClient, type TestApp } from '../../test/test-app.js';
import { regionFactory, userFactory, TEST_PASSWORD } from '../../test/factories.js';
import { actorFactory, linkMemberToActor } from '../network/factories.js';
import { runNextJob } from '../../jobs/queue.js';
import { offerFactory } from './factories.js';
import { enqueueDuePulls, PULL_JOB } from './pull.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function setup() {
  const region = await regionFactory(t.database.db);
  const admin = await userFactory(t.database.db, { regionSlug: region.slug, role: 'admin' });
  const editor = await userFactory(t.database.db, { regionSlug: region.slug, role: 'editor' });
  const viewer = await userFactory(t.database.db, { regionSlug: region.slug, role: 'viewer' });
  const own = await actorFactory(t.database.db, region.id, { name: 'Eigen vzw' });
  const other = await actorFactory(t.database.db, region.id, { name: 'Andere vzw' });
  await linkMemberToActor(t.database.db, editor.userId, region.id, own);
  const login = (email: string) => new ApiClient(t.app).login(email, TEST_PASSWORD);
  return { region, own, other, admin: await login(admin.email), editor: await login(editor.email), viewer: await login(viewer.email), base: `/api/regions/${region.slug}/catalog` };
}

const input = (overrides: Record<string, unknown> = {}) => ({
  title: 'Samen wandelen',
  municipalityNis: '33011',
  calendarType: 'single',
  dates: [{ startsAt: soon(5), endsAt: soon(5.1) }],
  languageIcons: 2,
  status: 'published',
  ...overrides,
});

describe('editing offers', () => {
  it('an editor manages their own organisation’s offers only; every change is in the audit log', async () => {
    const { own, other, admin, editor, base } = await setup();
    const created = await editor.post(`${base}/offers`, input());
    expect(created.statusCode, created.body).toBe(201);
    const offer = created.json() as { id: string; organizer: { id: string }; version: number; canEdit: boolean };
    expect(offer.organizer.id).toBe(own);
    expect(offer.canEdit).toBe(true);
    expect((await editor.post(`${base}/offers`, input({ organizerActorId: other }))).statusCode).toBe(403);

    const foreign = (await admin.post(`${base}/offers`, input({ organizerActorId: other }))).json() as { id: string; version: number };
    expect((await editor.patch(`${base}/offers/${foreign.id}`, { title: 'Overgenomen', version: foreign.version })).statusCode).toBe(403);
    expect((await editor.patch(`${base}/offers/${offer.id}`, { organizerActorId: other, version: offer.version })).statusCode).toBe(400);

    const changed = await editor.patch(`${base}/offers/${offer.id}`, { title: 'Samen wandelen in het bos', uitpas: true, version: offer.version });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ title: 'Samen wandelen in het bos', uitpas: true, version: offer.version + 1 });
    const audit = await t.database.raw.query<{ action: string; changes: Record<string, { before: unknown; after: unknown }> | string }>(
      "SELECT action, changes FROM audit_log WHERE entity_type = 'offer' AND entity_id = $1 ORDER BY created_at",
      [offer.id],
    );
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update']);
    const changes = typeof audit[1]!.changes === 'string' ? JSON.parse(audit[1]!.changes) : audit[1]!.changes;
    expect(changes.title).toEqual({ before: 'Samen wandelen', after: 'Samen wandelen in het bos' });
  });

  it('a stale version is answered 409 with the current state, nothing overwritten', async () => {
    const { admin, base } = await setup();
    const offer = (await admin.post(`${base}/offers`, input())).json() as { id: string; version: number };
    expect((await admin.patch(`${base}/offers/${offer.id}`, { title: 'Eerste', version: offer.version })).statusCode).toBe(200);
    const stale = await admin.patch(`${base}/offers/${offer.id}`, { title: 'Tweede', version: offer.version });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { details: { current: { title: string } } } }).error.details.current.title).toBe('Eerste');
  });

  it('answers bad input with 400 and the field', async () => {
    const { admin, base } = await setup();
    const response = await admin.post(`${base}/offers`, input({ languageIcons: 5 }));
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('languageIcons');
    const outside = await admin.post(`${base}/offers`, input({ municipalityNis: '38014' }));
    expect(outside.statusCode).toBe(400);
    expect(JSON.stringify(outside.json())).toContain('municipalityNis');
    expect((await admin.post(`${base}/offers`, input({ dates: [] }))).statusCode).toBe(400);
  });

  it('viewers read the list but cannot write; another region’s members see nothing', async () => {
    const { admin, viewer, base } = await setup();
    await admin.post(`${base}/offers`, input());
    await admin.post(`${base}/offers`, input({ title: 'Klad', status: 'draft' }));
    const list = await viewer.get(`${base}/offers?status=draft`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, counts: { draft: 1, published: 1, archived: 0 } });
    expect((await viewer.post(`${base}/offers`, input())).statusCode).toBe(403);
    const stranger = await setup();
    expect((await stranger.admin.get(`${base}/offers`)).statusCode).toBe(403);
    expect((await new ApiClient(t.app).get(`${base}/offers`)).statusCode).toBe(401);
  });
});

function uitEvent(id: string, overrides: Record<string, unknown> = {}) {
  return {
    '@id': `https://io.uitdatabank.be/event/${id}`,
    name: { nl: `Activiteit ${id}` },
    calendarType: 'single',
    startDate: soon(3),
    location: { address: { nl: { postalCode: '8900', addressLocality: 'Ieper' } } },
    organizer: { name: { nl: 'Eigen vzw' } },
    labels: ['één taalicoon'],
    ...overrides,
  };
}

describe('import through the API', () => {
  it('previews first, then imports in one go; organisers are matched by name or offered as new', async () => {
    const { admin, base, own } = await setup();
    const content = JSON.stringify({ member: [uitEvent('1'), uitEvent('2', { organizer: { name: { nl: 'Nieuwe club' } } }), uitEvent('3', { workflowStatus: 'DELETED' })] });
    const preview = await admin.post(`${base}/import`, { content, dryRun: true });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, created: 2, skipped: 1, newOrganizers: [{ name: 'Nieuwe club', events: 1 }] });
    expect((await admin.get(`${base}/offers`)).json()).toMatchObject({ total: 0 });

    const done = await admin.post(`${base}/import`, { content, dryRun: false });
    expect(done.json()).toMatchObject({ created: 2, updated: 0 });
    const list = (await admin.get(`${base}/offers`)).json() as { items: { title: string; organizer: { id: string } | null }[] };
    expect(list.items.find((item) => item.title === 'Activiteit 1')?.organizer?.id).toBe(own);
    // Not silently created: without the admin's choice the new organiser stays unlinked.
    expect(list.items.find((item) => item.title === 'Activiteit 2')?.organizer).toBeNull();
    const again = await admin.post(`${base}/import`, { content, dryRun: false, createOrganizers: ['Nieuwe club'] });
    expect(again.json()).toMatchObject({ created: 0, updated: 2 });
    const relinked = (await admin.get(`${base}/offers`)).json() as { total: number; items: { title: string; organizer: { name: string } | null }[] };
    expect(relinked.total).toBe(2);
    expect(relinked.items.find((item) => item.title === 'Activiteit 2')?.organizer?.name).toBe('Nieuwe club');
  });

  it('answers a bad file with 400 in Dutch and an event error blocks the whole import', async () => {
    const { admin, base, editor } = await setup();
    const notJson = await admin.post(`${base}/import`, { content: 'geen json', dryRun: false });
    expect(notJson.statusCode).toBe(400);
    expect(JSON.stringify(notJson.json())).toContain('geen geldige JSON');
    const shape = await admin.post(`${base}/import`, { content: '{"events": []}', dryRun: false });
    expect(JSON.stringify(shape.json())).toContain('Search API');
    const broken = await admin.post(`${base}/import`, { content: JSON.stringify([uitEvent('ok'), uitEvent('nameless', { name: {} })]), dryRun: false });
    expect(broken.json()).toMatchObject({ errors: [{ id: 'https://io.uitdatabank.be/event/nameless', message: 'Het evenement heeft geen naam.' }] });
    expect((await admin.get(`${base}/offers`)).json()).toMatchObject({ total: 0 });
    expect((await editor.post(`${base}/import`, { content: '[]', dryRun: true })).statusCode).toBe(403);
  });
});

describe('feeds, exports and coverage', () => {
  it('publishes current offers as schema.org Events and iCal, per region and per municipality', async () => {
    const { region, base } = await setup();
    await offerFactory(t.database.db, region.id, { title: 'In Ieper', municipalityNis: '33011', isFree: true, latitude: '50.85', longitude: '2.88' });
    await offerFactory(t.database.db, region.id, { title: 'In Poperinge', municipalityNis: '33021', priceCents: 450 });
    await offerFactory(t.database.db, region.id, { title: 'Ontwerp', status: 'draft' });
    const anonymous = new ApiClient(t.app);
    const feed = await anonymous.get(`${base}/feed.jsonld`);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/ld+json');
    const document = JSON.parse(feed.body) as { '@context': string; itemListElement: { item: Record<string, unknown> }[] };
    expect(document['@context']).toBe('https://schema.org');
    expect(document.itemListElement.map((entry) => entry.item.name).sort()).toEqual(['In Ieper', 'In Poperinge']);
    const ieper = document.itemListElement.find((entry) => entry.item.name === 'In Ieper')!.item;
    expect(ieper).toMatchObject({ '@type': 'Event', isAccessibleForFree: true, location: { '@type': 'Place', geo: { latitude: 50.85, longitude: 2.88 } } });
    expect(typeof ieper.startDate).toBe('string');
    const poperinge = JSON.parse((await anonymous.get(`${base}/feed.jsonld?gemeente=33021`)).body) as { itemListElement: { item: { name: string; offers: unknown } }[] };
    expect(poperinge.itemListElement.map((entry) => entry.item.name)).toEqual(['In Poperinge']);
    expect(poperinge.itemListElement[0]!.item.offers).toEqual({ '@type': 'Offer', price: '4.50', priceCurrency: 'EUR' });

    const ics = await anonymous.get(`${base}/feed.ics?gemeente=33011`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics.body).toContain('SUMMARY:In Ieper');
    const widget = await anonymous.get(`${base}/widget.js`);
    expect(widget.headers['content-type']).toContain('javascript');
    expect(widget.body).toContain('feed.jsonld');
  });

  it('exports offers with formulas neutralised', async () => {
    const { region, admin, viewer, base } = await setup();
    await offerFactory(t.database.db, region.id, { title: '=HYPERLINK("http://kwaad")' });
    const csv = await admin.get(`${base}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`'=HYPERLINK`);
    expect((await viewer.get(`${base}/export?format=xlsx`)).headers['content-type']).toContain('spreadsheetml');
    expect((await new ApiClient(t.app).get(`${base}/export`)).statusCode).toBe(401);
  });

  it('counts coverage per municipality and flags municipalities without offers as gaps', async () => {
    const { region, admin, base } = await setup();
    await offerFactory(t.database.db, region.id, { municipalityNis: '33011', languageIcons: 1, uitpas: true, fourthPillar: true });
    await offerFactory(t.database.db, region.id, { municipalityNis: '33011', languageIcons: 3 });
    await offerFactory(t.database.db, region.id, { municipalityNis: '33021', status: 'archived' });
    const coverage = (await admin.get(`${base}/coverage`)).json() as { municipalities: { nisCode: string; current: number; atMostTwoIcons: number; uitpas: number; fourthPillar: number; gap: boolean }[] };
    expect(coverage.municipalities.find((row) => row.nisCode === '33011')).toMatchObject({ current: 2, atMostTwoIcons: 1, uitpas: 1, fourthPillar: 1, gap: false });
    expect(coverage.municipalities.find((row) => row.nisCode === '33021')).toMatchObject({ current: 0, gap: true });
    expect((await admin.get(`${base}/indicators?gemeente=33011`)).json()).toEqual({ current: 2, atMostTwoIcons: 1, uitpas: 1, fourthPillar: 1, gaps: 0 });
    const file = await admin.get(`${base}/coverage/export?format=csv`);
    expect(file.body).toContain('Hiaat in het aanbod');
  });
});

describe('the scheduled pull from UiTdatabank', () => {
  let server: Server;
  let requests: { url: string; key: string | undefined }[] = [];
  let answer: () => { status: number; body: string } = () => ({ status: 200, body: '{}' });
  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push({ url: request.url ?? '', key: request.headers['x-api-key'] as string | undefined });
      const { status, body } = answer();
      response.writeHead(status, { 'content-type': 'application/ld+json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('pulls the configured query as a job, imports the valid events and stores the outcome', async () => {
    const { admin, base } = await setup();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events/`;
    const saved = await admin.request('PUT', `${base}/settings`, { uitdatabankUrl: url, uitdatabankApiKey: 'geheim', uitdatabankQuery: 'regions:nis-33011', pullEnabled: true, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ hasApiKey: true, version: 1 });
    expect(saved.body).not.toContain('geheim');
    expect((await admin.request('PUT', `${base}/settings`, { pullEnabled: false, version: 0 })).statusCode).toBe(409);

    requests = [];
    answer = () => ({ status: 200, body: JSON.stringify({ totalItems: 2, member: [uitEvent('p1'), uitEvent('p2', { name: {} })] }) });
    expect(await enqueueDuePulls(t.database)).toBeGreaterThanOrEqual(1);
    while (await runNextJob(t.database, 'test', [PULL_JOB])) {
      /* run every due pull */
    }
    const mine = requests.find((request) => request.key === 'geheim')!;
    expect(mine.url).toContain('q=regions%3Anis-33011');
    expect(mine.url).toContain('embed=true');
    expect((await admin.get(`${base}/offers`)).json()).toMatchObject({ total: 1, items: [{ title: 'Activiteit p1', source: 'uitdatabank' }] });
    expect((await admin.get(`${base}/settings`)).json()).toMatchObject({ lastPullResult: { created: 1, errors: 1 } });

    answer = () => ({ status: 500, body: 'stuk' });
    const started = await admin.post(`${base}/pull`);
    expect(started.statusCode).toBe(202);
    await runNextJob(t.database, 'test', [PULL_JOB]);
    expect((await admin.get(`${base}/settings`)).json()).toMatchObject({ lastPullResult: { errors: 1, message: expect.stringContaining('HTTP 500') } });
    expect((await admin.get(`${base}/offers`)).json()).toMatchObject({ total: 1 });
  });
});

describe('the demo catalog', () => {
  it('loads about 40 offers through the importer (two drafts leave two gaps), with icons, UiTPAS, children, 4de pijler and translations, every one organised by an actor', async () => {
    const { seedCatalogDemo } = await import('./demo.js');
    const westhoek = ['38002', '38008', '32003', '33039', '32006', '33011', '32010', '38014', '32011', '33040', '32030', '33016', '38016', '33021', '38025', '33041', '33029', '33037'];
    const region = await regionFactory(t.database.db, { slug: 'westhoek', municipalities: westhoek });
    await seedCatalogDemo(t.database.db);
    const [stats] = await t.database.raw.query<Record<string, number>>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE language_icons IS NOT NULL)::int AS icons, count(*) FILTER (WHERE uitpas)::int AS uitpas,
         count(*) FILTER (WHERE with_children)::int AS kids, count(*) FILTER (WHERE fourth_pillar)::int AS pillar,
         count(*) FILTER (WHERE translations ? 'ar')::int AS arabic, count(*) FILTER (WHERE organizer_actor_id IS NULL)::int AS unlinked
       FROM current_offers WHERE region_id = $1`,
      [region.id],
    );
    // Two of the 40 are still drafts in UiTdatabank: their municipalities are the demo's gaps in the offer.
    expect(stats!.total).toBe(38);
    expect(stats).toMatchObject({ icons: 38, unlinked: 0 });
    for (const key of ['uitpas', 'kids', 'pillar', 'arabic']) expect(stats![key]).toBeGreaterThan(3);
    const [drafts] = await t.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM offers WHERE region_id = $1 AND status = 'draft'", [region.id]);
    expect(drafts!.n).toBe(2);
    const { catalogCoverage } = await import('./coverage.js');
    const gaps = (await catalogCoverage(t.database.raw, region.id)).municipalities.filter((row) => row.gap).map((row) => row.name);
    expect(gaps.sort()).toEqual(['Koekelare', 'Kortemark']);
  });
});
