import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../../common/i18n/all-catalogs.js';
import type { OfferDetail } from '../../../../common/schemas/catalog.js';
import { DraftFieldError, draftOf, inputOf, parseNumber } from './offer-draft.js';

const t = createI18n('nl').t as unknown as (key: string) => string;

describe('the offer form’s conversion to the API input', () => {
  it('reads amounts the Belgian way and refuses what is no number, on the API’s field path', () => {
    expect(parseNumber('2,50', 'priceCents', 'x')).toBe(2.5);
    expect(parseNumber('1.250,75', 'priceCents', 'x')).toBe(1250.75);
    expect(parseNumber('12.5', 'priceCents', 'x')).toBe(12.5);
    expect(parseNumber('  ', 'priceCents', 'x')).toBeNull();
    const draft = { ...draftOf(undefined), title: 'Samen koken', price: 'vijf euro' };
    let thrown: unknown;
    try {
      inputOf(draft, true, t);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DraftFieldError);
    expect(thrown).toMatchObject({ field: 'priceCents', message: 'Geef een bedrag in euro, bijvoorbeeld 5 of 2,50.' });
  });

  it('turns a period into one date from its first to its last day with opening hours, and drops empty translations', () => {
    const draft = {
      ...draftOf(undefined),
      title: 'Tentoonstelling',
      calendarType: 'periodic' as const,
      periodFrom: '2027-03-01',
      periodTo: '2027-03-31',
      openingHours: [
        { days: ['saturday' as const, 'sunday' as const], opens: '10:00', closes: '17:00' },
        { days: [], opens: '09:00', closes: '12:00' },
      ],
      price: '3,5',
      translations: { en: { title: 'Exhibition', description: '' }, fr: { title: '', description: '' }, ar: { title: '', description: '' }, uk: { title: '', description: '' } },
      fourthPillar: true,
      fourthPillarHours: '1,5',
      themes: 'kunst,  erfgoed ,',
    };
    const input = inputOf(draft, false, t);
    expect(input.dates).toHaveLength(1);
    expect(new Date(input.dates[0]!.startsAt).getTime()).toBe(new Date('2027-03-01T00:00').getTime());
    expect(new Date(input.dates[0]!.endsAt!).getTime()).toBe(new Date('2027-03-31T23:59').getTime());
    expect(input.openingHours).toEqual([{ days: ['saturday', 'sunday'], opens: '10:00', closes: '17:00' }]);
    expect(input.priceCents).toBe(350);
    expect(input.translations).toEqual({ en: { title: 'Exhibition', description: undefined } });
    expect(input.fourthPillarHours).toBe(1.5);
    expect(input.themes).toEqual(['kunst', 'erfgoed']);
    // An editor never sends an organiser: the server keeps their own organisation.
    expect(input.organizerActorId).toBeNull();
  });

  it('gives back what it was loaded from (an edit without changes sends the same offer)', () => {
    const offer = {
      title: 'Taalcafé',
      description: 'Praten bij koffie',
      translations: { ar: { title: 'مقهى اللغة' } },
      organizer: { id: '00000000-0000-4000-8000-000000000001', name: 'Bib' },
      locationName: 'Bib',
      address: 'Markt 1',
      postalCode: '8900',
      locality: 'Ieper',
      municipality: { nisCode: '33011', name: 'Ieper' },
      latitude: 50.85,
      longitude: 2.88,
      calendarType: 'multiple',
      dates: [
        { startsAt: '2027-01-05T09:00:00.000Z', endsAt: '2027-01-05T11:00:00.000Z' },
        { startsAt: '2027-01-12T09:00:00.000Z', endsAt: null },
      ],
      openingHours: [],
      languageIcons: 1,
      isFree: false,
      priceCents: 250,
      priceNote: '',
      uitpas: true,
      kansentarief: true,
      withChildren: true,
      childcare: false,
      ageMin: 16,
      ageMax: null,
      accessibility: ['wheelchair'],
      themes: ['taal'],
      placesLeft: 8,
      bookingUrl: null,
      contactName: 'Hanne',
      contactPhone: null,
      contactEmail: 'hanne@example.be',
      contactLanguages: ['nl', 'ar'],
      fourthPillar: true,
      fourthPillarHours: 2,
      status: 'published',
    } as unknown as OfferDetail;
    const input = inputOf(draftOf(offer), true, t);
    expect(input).toMatchObject({
      title: 'Taalcafé',
      translations: { ar: { title: 'مقهى اللغة' } },
      organizerActorId: offer.organizer!.id,
      municipalityNis: '33011',
      latitude: 50.85,
      calendarType: 'multiple',
      dates: [
        { startsAt: '2027-01-05T09:00:00.000Z', endsAt: '2027-01-05T11:00:00.000Z' },
        { startsAt: '2027-01-12T09:00:00.000Z', endsAt: null },
      ],
      priceCents: 250,
      uitpas: true,
      kansentarief: true,
      ageMin: 16,
      ageMax: null,
      placesLeft: 8,
      contactLanguages: ['nl', 'ar'],
      fourthPillarHours: 2,
      status: 'published',
    });
  });
});
