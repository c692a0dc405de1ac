import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ApiClient, type TestApp } from '../../../test/test-app.js';
import { regionFactory } from '../../../test/factories.js';
import { actorFactory } from '../../network/factories.js';
import { offerFactory } from '../factories.js';
import type { PublicOfferDetail, PublicOfferList } from '../../../../common/schemas/catalog-public.js';

let t: TestApp;
let api: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  api = new ApiClient(t.app);
});
afterAll(async () => t.close());

const DAY = 86_400_000;
const IEPER = '33011';
const POPERINGE = '33021';
const HEUVELLAND = '33039';

async function list(slug: string, query = '', headers: Record<string, string> = {}): Promise<PublicOfferList> {
  const response = await api.request('GET', `/api/regions/${slug}/offers${query ? `?${query}` : ''}`, undefined, headers);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PublicOfferList;
}

async function titles(slug: string, query = ''): Promise<string[]> {
  return (await list(slug, query)).items.map((item) => item.title).sort();
}

async function region(municipalities = [IEPER, POPERINGE, HEUVELLAND]) {
  return regionFactory(t.database.db, { municipalities });
}

describe('public offer list', () => {
  it('shows anonymous callers only published, current offers: drafts, archived and past ones stay out', async () => {
    const r = await region();
    const organizer = await actorFactory(t.database.db, r.id, { name: 'Vzw De Brug' });
    await offerFactory(t.database.db, r.id, { title: 'Samen koken', organizerActorId: organizer, languageIcons: 2 });
    await offerFactory(t.database.db, r.id, { title: 'Wandelclub', calendarType: 'permanent' });
    await offerFactory(t.database.db, r.id, { title: 'Klad', status: 'draft' });
    await offerFactory(t.database.db, r.id, { title: 'Oud', status: 'archived' });
    await offerFactory(t.database.db, r.id, { title: 'Voorbij', dates: [{ startsAt: new Date(Date.now() - 3 * DAY), endsAt: new Date(Date.now() - 2 * DAY) }] });
    const other = await region();
    await offerFactory(t.database.db, other.id, { title: 'Andere regio' });

    const body = await list(r.slug);
    expect(body.total).toBe(2);
    // Dated offers first (soonest first), permanent ones after them.
    expect(body.items.map((item) => item.title)).toEqual(['Samen koken', 'Wandelclub']);
    const cooking = body.items[0]!;
    expect(cooking).toMatchObject({
      organizer: { id: organizer, name: 'Vzw De Brug' },
      municipality: { nisCode: IEPER, name: 'Ieper' },
      languageIcons: 2,
      free: false,
      uitpas: false,
    });
    expect(new Date(cooking.nextDate!).getTime()).toBeGreaterThan(Date.now());
    expect(body.items[1]!.nextDate).toBeNull();
    // Without own coordinates an offer sits on its municipality's centre (municipalities.lat/lon, migration 0038).
    expect(cooking.latitude).toBeCloseTo(50.8503, 3);
  });

  it('filters by municipality, language icons (known and at most N), free, UiTPAS, children and theme', async () => {
    const r = await region();
    await offerFactory(t.database.db, r.id, { title: 'A', municipalityNis: IEPER, languageIcons: 1, isFree: true, themes: ['Sport'] });
    await offerFactory(t.database.db, r.id, { title: 'B', municipalityNis: IEPER, languageIcons: 3, uitpas: true, withChildren: true });
    await offerFactory(t.database.db, r.id, { title: 'C', municipalityNis: POPERINGE, languageIcons: 2, uitpas: true, themes: ['sport', 'natuur'] });
    await offerFactory(t.database.db, r.id, { title: 'D', municipalityNis: POPERINGE, languageIcons: null, isFree: true, withChildren: true });

    expect(await titles(r.slug, `municipality=${IEPER}`)).toEqual(['A', 'B']);
    expect(await titles(r.slug, 'maxLanguageIcons=2')).toEqual(['A', 'C']);
    expect(await titles(r.slug, 'maxLanguageIcons=4')).toEqual(['A', 'B', 'C']);
    expect(await titles(r.slug, 'free=true')).toEqual(['A', 'D']);
    expect(await titles(r.slug, 'free=false')).toEqual(['B', 'C']);
    expect(await titles(r.slug, 'uitpas=true')).toEqual(['B', 'C']);
    expect(await titles(r.slug, 'kids=1')).toEqual(['B', 'D']);
    expect(await titles(r.slug, 'theme=SPORT')).toEqual(['A', 'C']);
    expect(await titles(r.slug, `municipality=${POPERINGE}&maxLanguageIcons=2&uitpas=true`)).toEqual(['C']);
  });

  it('searches as a Dutch speaker searches, through the shared search index', async () => {
    const r = await region();
    await offerFactory(t.database.db, r.id, { title: 'Fietslessen voor volwassenen' });
    await offerFactory(t.database.db, r.id, { title: 'Kookatelier', description: 'Samen koken met groenten uit de tuin.' });
    await offerFactory(t.database.db, r.id, { title: 'Fietsles in het klad', status: 'draft' });
    expect(await titles(r.slug, 'q=fietsles')).toEqual(['Fietslessen voor volwassenen']);
    expect(await titles(r.slug, `q=${encodeURIComponent('groente koken')}`)).toEqual(['Kookatelier']);
    expect((await list(r.slug, 'q=zwemmen')).total).toBe(0);
  });

  it('finds offers near a municipality or the browser location within a radius, nearest first, with distances from SQL', async () => {
    const r = await region();
    await offerFactory(t.database.db, r.id, { title: 'In Ieper', municipalityNis: IEPER });
    await offerFactory(t.database.db, r.id, { title: 'In Poperinge', municipalityNis: POPERINGE });
    // Own coordinates win over the municipality's centre: Kemmel, about 9 km south-west of Ieper.
    await offerFactory(t.database.db, r.id, { title: 'In Kemmel', municipalityNis: HEUVELLAND, latitude: '50.7833', longitude: '2.8270' });
    await offerFactory(t.database.db, r.id, { title: 'Nergens', municipalityNis: null });

    const near = await list(r.slug, `near=${IEPER}&radiusKm=10`);
    expect(near.items.map((item) => item.title)).toEqual(['In Ieper', 'In Kemmel']);
    expect(near.items[0]!.distanceKm).toBe(0);
    expect(near.items[1]!.distanceKm).toBeGreaterThan(8);
    expect(near.items[1]!.distanceKm).toBeLessThan(10);
    expect((await list(r.slug, `near=${IEPER}&radiusKm=15`)).items.map((item) => item.title)).toEqual(['In Ieper', 'In Kemmel', 'In Poperinge']);
    // Standing in Poperinge's market square.
    expect((await list(r.slug, 'lat=50.8547&lon=2.7256&radiusKm=3')).items.map((item) => item.title)).toEqual(['In Poperinge']);
    expect((await list(r.slug)).items.every((item) => item.distanceKm === null)).toBe(true);
  });

  it('keeps offers with a date in the chosen days, and permanent ones', async () => {
    const r = await region();
    const day = (offset: number, hour = 12) => {
      const date = new Date(Date.now() + offset * DAY);
      date.setUTCHours(hour, 0, 0, 0);
      return date;
    };
    const ymd = (offset: number) => day(offset).toISOString().slice(0, 10);
    await offerFactory(t.database.db, r.id, { title: 'Over drie dagen', dates: [{ startsAt: day(3), endsAt: day(3, 14) }] });
    await offerFactory(t.database.db, r.id, { title: 'Over twintig dagen', dates: [{ startsAt: day(20), endsAt: day(20, 14) }] });
    await offerFactory(t.database.db, r.id, { title: 'Hele maand', calendarType: 'periodic', dates: [{ startsAt: day(-5), endsAt: day(25) }] });
    await offerFactory(t.database.db, r.id, { title: 'Altijd', calendarType: 'permanent' });
    expect(await titles(r.slug, `from=${ymd(2)}&to=${ymd(4)}`)).toEqual(['Altijd', 'Hele maand', 'Over drie dagen']);
    expect(await titles(r.slug, `from=${ymd(19)}`)).toEqual(['Altijd', 'Hele maand', 'Over twintig dagen']);
    expect(await titles(r.slug, `to=${ymd(10)}`)).toEqual(['Altijd', 'Hele maand', 'Over drie dagen']);
  });

  it('pages with limit and offset and keeps the total, also past the end', async () => {
    const r = await region();
    for (let index = 1; index <= 5; index++) {
      await offerFactory(t.database.db, r.id, { title: `Les ${index}`, dates: [{ startsAt: new Date(Date.now() + index * DAY) }] });
    }
    const first = await list(r.slug, 'limit=2');
    expect(first).toMatchObject({ total: 5 });
    expect(first.items.map((item) => item.title)).toEqual(['Les 1', 'Les 2']);
    expect((await list(r.slug, 'limit=2&offset=4')).items.map((item) => item.title)).toEqual(['Les 5']);
    expect(await list(r.slug, 'limit=2&offset=10')).toEqual({ total: 5, items: [] });
  });

  it('shows titles in the requested language where the organiser translated them, else in Dutch', async () => {
    const r = await region();
    await offerFactory(t.database.db, r.id, { title: 'Taalcafé', translations: { ar: { title: 'مقهى اللغة' }, en: { title: 'Language café' } } });
    expect((await list(r.slug, 'lang=ar')).items[0]).toMatchObject({ title: 'مقهى اللغة', titleLanguage: 'ar' });
    expect((await list(r.slug, 'lang=uk')).items[0]).toMatchObject({ title: 'Taalcafé', titleLanguage: 'nl' });
    // Without lang the reader's Accept-Language picks.
    expect((await list(r.slug, '', { 'accept-language': 'en-GB,en;q=0.9' })).items[0]).toMatchObject({ title: 'Language café', titleLanguage: 'en' });
  });

  it('answers 400 with the field and a reason in the reader’s language for bad parameters', async () => {
    const r = await region([IEPER, POPERINGE]);
    const cases: [string, string][] = [
      ['maxLanguageIcons=5', 'maxLanguageIcons'],
      ['maxLanguageIcons=twee', 'maxLanguageIcons'],
      ['radiusKm=0&near=33011', 'radiusKm'],
      ['municipality=123', 'municipality'],
      [`municipality=${HEUVELLAND}`, 'municipality'],
      [`near=${HEUVELLAND}`, 'near'],
      ['lat=50.8', 'lon'],
      ['lat=50.8&lon=2.8&near=33011', 'near'],
      ['free=misschien', 'free'],
      ['from=2026-13-01x', 'from'],
      ['from=2026-06-10&to=2026-06-01', 'to'],
      ['lang=de', 'lang'],
      ['limit=500', 'limit'],
      ['offset=-1', 'offset'],
      ['colour=red', 'querystring'],
    ];
    for (const [query, field] of cases) {
      const response = await api.get(`/api/regions/${r.slug}/offers?${query}`);
      expect(response.statusCode, query).toBe(400);
      const error = (response.json() as { error: { code: string; fields: { path: string; message: string }[] } }).error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields[0]?.path ?? '', query).toBe(field);
      expect(error.fields[0]?.message.startsWith('@'), query).toBe(false);
    }
    const arabic = await api.request('GET', `/api/regions/${r.slug}/offers?near=${HEUVELLAND}`, undefined, { 'accept-language': 'ar' });
    expect((arabic.json() as { error: { fields: { message: string }[] } }).error.fields[0]!.message).toBe(`البلدية ${HEUVELLAND} ليست جزءًا من هذه المنطقة.`);
    expect((await api.get('/api/regions/bestaat-niet/offers')).statusCode).toBe(404);
  });
});

describe('public offer page', () => {
  it('gives one current offer with texts in the reader’s language, and 404 for drafts and past offers', async () => {
    const r = await region();
    const id = await offerFactory(t.database.db, r.id, {
      title: 'Naaiatelier',
      description: 'We maken samen kleren.',
      translations: { fr: { title: 'Atelier couture' } },
      address: 'Grote Markt 1',
      postalCode: '8900',
      locality: 'Ieper',
      contactName: 'Fatima',
      contactPhone: '+32 57 00 00 00',
      contactLanguages: ['nl', 'ar', 'fr'],
      uitpas: true,
      kansentarief: true,
      accessibility: ['wheelchair'],
    });
    const response = await api.get(`/api/regions/${r.slug}/offers/${id}?lang=fr`);
    expect(response.statusCode).toBe(200);
    const offer = response.json() as PublicOfferDetail;
    expect(offer).toMatchObject({
      title: 'Atelier couture',
      titleLanguage: 'fr',
      description: 'We maken samen kleren.',
      descriptionLanguage: 'nl',
      address: 'Grote Markt 1',
      contact: { name: 'Fatima', phone: '+32 57 00 00 00', email: null, languages: ['nl', 'ar', 'fr'] },
      kansentarief: true,
      accessibility: ['wheelchair'],
      hasOwnCoordinates: false,
    });
    expect(offer.dates).toHaveLength(1);

    const draft = await offerFactory(t.database.db, r.id, { status: 'draft' });
    const past = await offerFactory(t.database.db, r.id, { dates: [{ startsAt: new Date(Date.now() - 2 * DAY) }] });
    for (const hidden of [draft, past]) expect((await api.get(`/api/regions/${r.slug}/offers/${hidden}`)).statusCode).toBe(404);
    const other = await region();
    expect((await api.get(`/api/regions/${other.slug}/offers/${id}`)).statusCode).toBe(404);
  });

  it('downloads its upcoming dates as an iCalendar file with place and page link', async () => {
    const r = await region();
    const starts = new Date(Date.now() + 5 * DAY);
    starts.setUTCHours(17, 0, 0, 0);
    const id = await offerFactory(t.database.db, r.id, {
      title: 'Taalcafé; iedereen welkom',
      calendarType: 'multiple',
      locationName: 'Bibliotheek',
      address: 'Weverijstraat 9',
      dates: [{ startsAt: starts }, { startsAt: new Date(starts.getTime() + 7 * DAY) }, { startsAt: new Date(Date.now() - 7 * DAY) }],
    });
    const response = await api.get(`/api/regions/${r.slug}/offers/${id}/ical`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    expect(response.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(response.body).toContain(`DTSTART:${starts.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    expect(response.body).toContain('SUMMARY:Taalcafé\\; iedereen welkom');
    expect(response.body).toContain('LOCATION:Bibliotheek\\, Weverijstraat 9');
    // Long lines are folded at 75 octets (RFC 5545): unfold before reading.
    expect(response.body.replace(/\r\n /g, '')).toContain(`URL:http://regiekamer.test/r/${r.slug}/aanbod/${id}\r\n`);
    const permanent = await offerFactory(t.database.db, r.id, { calendarType: 'permanent' });
    expect((await api.get(`/api/regions/${r.slug}/offers/${permanent}/ical`)).statusCode).toBe(404);
  });

  it('tells the page the region, its municipalities with their centres and the themes in use', async () => {
    const r = await region([IEPER, POPERINGE]);
    await offerFactory(t.database.db, r.id, { themes: ['Sport', 'Koken'] });
    await offerFactory(t.database.db, r.id, { themes: ['Verborgen'], status: 'draft' });
    const response = await api.get(`/api/regions/${r.slug}/public-catalog`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      region: { slug: r.slug, name: r.name },
      municipalities: [
        { nisCode: IEPER, name: 'Ieper', latitude: 50.8503, longitude: 2.885 },
        { nisCode: POPERINGE, name: 'Poperinge', latitude: 50.8547, longitude: 2.7256 },
      ],
      themes: ['Koken', 'Sport'],
    });
  });
});
