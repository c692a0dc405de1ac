import { describe, expect, it } from 'vitest';
import { ageRange, ImportFileError, languageIconsFromLabels, mapEvent, municipalityOf, readEventList, type RegionMunicipality } from './uitdatabank.js';

const REGION: RegionMunicipality[] = [
  { nisCode: '33011', name: 'Ieper', postalCodes: ['8900', '8902'] },
  { nisCode: '33021', name: 'Poperinge', postalCodes: ['8970'] },
];
const NOW = new Date('2026-03-01T12:00:00Z');

function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@id': 'https://io.uitdatabank.be/event/abc',
    name: { nl: 'Taalcafé', en: 'Language café' },
    description: { nl: '<p>Samen <b>praten</b>.</p>', fr: '<p>Parler ensemble.</p>' },
    calendarType: 'single',
    startDate: '2026-03-10T18:00:00+01:00',
    endDate: '2026-03-10T20:00:00+01:00',
    location: { name: { nl: 'Bib' }, address: { nl: { postalCode: '8900', addressLocality: 'Ieper', streetAddress: 'Weverijstraat 1' } }, geo: { latitude: 50.85, longitude: 2.88 } },
    organizer: { '@id': 'https://io.uitdatabank.be/organizers/x', name: { nl: 'Bibliotheek Ieper' } },
    labels: ['twee taaliconen'],
    priceInfo: [{ category: 'base', price: 0, priceCurrency: 'EUR' }],
    typicalAgeRange: '6-12',
    workflowStatus: 'APPROVED',
    ...overrides,
  };
}

function mapped(raw: unknown) {
  const outcome = mapEvent(raw, 0, REGION, NOW);
  if (outcome.kind !== 'offer') throw new Error(`expected an offer, got ${JSON.stringify(outcome)}`);
  return outcome.event;
}

describe('readEventList', () => {
  it('accepts a Search API response (member) and a plain array', () => {
    expect(readEventList(JSON.stringify({ totalItems: 1, member: [event()] }))).toHaveLength(1);
    expect(readEventList(JSON.stringify([event(), event()]))).toHaveLength(2);
  });
  it.each([
    ['not JSON', '{ "member": [', 'catalog.import.notJson'],
    ['an object without member', '{"items": []}', 'catalog.import.wrongShape'],
    ['a string', '"hallo"', 'catalog.import.wrongShape'],
    ['an empty list', '[]', 'catalog.import.empty'],
  ])('rejects %s', (_name, content, key) => {
    try {
      readEventList(content);
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).messageKey).toBe(key);
    }
  });
});

describe('mapEvent', () => {
  it('maps names and descriptions per language, address to municipality, coordinates, organiser', () => {
    const { offer, organizer, sourceId } = mapped(event());
    expect(sourceId).toBe('https://io.uitdatabank.be/event/abc');
    expect(offer.title).toBe('Taalcafé');
    expect(offer.description).toBe('Samen praten.');
    expect(offer.translations).toEqual({ en: { title: 'Language café' }, fr: { description: 'Parler ensemble.' } });
    expect(offer.municipalityNis).toBe('33011');
    expect(offer.address).toBe('Weverijstraat 1');
    expect([offer.latitude, offer.longitude]).toEqual([50.85, 2.88]);
    expect(organizer).toEqual({ sourceId: 'https://io.uitdatabank.be/organizers/x', name: 'Bibliotheek Ieper' });
    expect(offer.dates).toEqual([{ startsAt: '2026-03-10T17:00:00.000Z', endsAt: '2026-03-10T19:00:00.000Z' }]);
    expect(offer.status).toBe('published');
  });

  it('maps the language icon labels one to four, unknown without a label', () => {
    expect(languageIconsFromLabels(['één taalicoon'])).toBe(1);
    expect(languageIconsFromLabels(['een taalicoon'])).toBe(1);
    expect(languageIconsFromLabels(['Twee taaliconen'])).toBe(2);
    expect(languageIconsFromLabels(['x', 'drie taaliconen'])).toBe(3);
    expect(languageIconsFromLabels(['vier taaliconen'])).toBe(4);
    expect(languageIconsFromLabels(['taal'])).toBeNull();
    expect(mapped(event({ labels: [], hiddenLabels: ['één taalicoon'] })).offer.languageIcons).toBe(1);
  });

  it('maps prices: free at 0, an amount in cents, a uitpas category, kansentarief', () => {
    expect(mapped(event()).offer).toMatchObject({ isFree: true, priceCents: null, uitpas: false });
    const paid = mapped(event({ priceInfo: [{ category: 'base', price: 7.5 }, { category: 'uitpas', name: { nl: 'UiTPAS kansentarief' }, price: 1.5 }] })).offer;
    expect(paid).toMatchObject({ isFree: false, priceCents: 750, uitpas: true, kansentarief: true });
  });

  it('maps typicalAgeRange and the children, childcare and 4de pijler labels', () => {
    expect(ageRange('6-12')).toEqual({ ageMin: 6, ageMax: 12 });
    expect(ageRange('18-')).toEqual({ ageMin: 18, ageMax: null });
    expect(ageRange('-')).toEqual({ ageMin: null, ageMax: null });
    expect(mapped(event()).offer.withChildren).toBe(true);
    const labelled = mapped(event({ typicalAgeRange: '18-', labels: ['4de pijler', 'kinderopvang'] })).offer;
    expect(labelled).toMatchObject({ withChildren: false, childcare: true, fourthPillar: true, ageMin: 18 });
  });

  it('maps calendar types: subEvent dates, periodic with opening hours, permanent', () => {
    const multiple = mapped(event({ calendarType: 'multiple', subEvent: [{ startDate: '2026-03-20T10:00:00Z' }, { startDate: '2026-03-13T10:00:00Z', endDate: '2026-03-13T12:00:00Z' }] })).offer;
    expect(multiple.dates.map((date) => date.startsAt)).toEqual(['2026-03-13T10:00:00.000Z', '2026-03-20T10:00:00.000Z']);
    const periodic = mapped(event({ calendarType: 'periodic', startDate: '2026-01-01T00:00:00Z', endDate: '2026-06-30T00:00:00Z', openingHours: [{ dayOfWeek: ['monday', 'thursday'], opens: '9:30', closes: '12:00' }] })).offer;
    expect(periodic.dates).toHaveLength(1);
    expect(periodic.openingHours).toEqual([{ days: ['monday', 'thursday'], opens: '09:30', closes: '12:00' }]);
    const permanent = mapped(event({ calendarType: 'permanent', startDate: undefined })).offer;
    expect(permanent.dates).toEqual([]);
  });

  it('maps a draft workflow status to a draft offer', () => {
    expect(mapped(event({ workflowStatus: 'DRAFT' })).offer.status).toBe('draft');
  });

  it('finds the municipality by locality when the postal code is unknown', () => {
    expect(municipalityOf(REGION, '9999', 'poperinge')?.nisCode).toBe('33021');
    expect(mapped(event({ location: { address: { postalCode: '8970', addressLocality: 'Poperinge' } } })).offer.municipalityNis).toBe('33021');
  });

  it.each([
    ['outside the region', { location: { address: { nl: { postalCode: '9000', addressLocality: 'Gent' } } } }, 'catalog.import.skipOutside'],
    ['cancelled', { status: { type: 'Unavailable' } }, 'catalog.import.skipCancelled'],
    ['deleted', { workflowStatus: 'DELETED' }, 'catalog.import.skipDeleted'],
    ['rejected', { workflowStatus: 'REJECTED' }, 'catalog.import.skipDeleted'],
    ['over', { startDate: '2026-01-01T10:00:00Z', endDate: '2026-01-01T12:00:00Z' }, 'catalog.import.skipPast'],
  ])('skips an event %s', (_name, overrides, key) => {
    const outcome = mapEvent(event(overrides), 0, REGION, NOW);
    expect(outcome).toMatchObject({ kind: 'skip', reasonKey: key, title: 'Taalcafé' });
  });

  it.each([
    ['without a name', { name: {} }, 'catalog.import.noName'],
    ['without @id', { '@id': undefined }, 'catalog.import.noId'],
    ['with an unknown calendar type', { calendarType: 'sometimes' }, 'catalog.import.badCalendarType'],
    ['without a start date', { startDate: 'gisteren' }, 'catalog.import.noStartDate'],
    ['with a bad end date', { endDate: 'morgen' }, 'catalog.import.badDate'],
    ['without an address', { location: {} }, 'catalog.import.noLocation'],
  ])('reports an event %s as an error', (_name, overrides, key) => {
    expect(mapEvent(event(overrides), 0, REGION, NOW)).toMatchObject({ kind: 'error', messageKey: key });
  });

  it('reports an item that is not an object by its position', () => {
    expect(mapEvent(42, 2, REGION, NOW)).toEqual({ kind: 'error', id: '#3', messageKey: 'catalog.import.notAnObject' });
  });
});
