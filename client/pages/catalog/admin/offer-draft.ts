/** The offer form's state (browser strings) and its one conversion to the API's input. */
import { ACCESSIBILITY_FEATURES, OFFER_LANGUAGES, type CalendarType, type OfferDetail, type OfferInput, type OfferStatus, type Weekday } from '../../../../common/schemas/catalog.js';
import type { PickedActor } from '../../../components/actor-picker';

/** Languages a welcome contact may speak (ISO 639-1), the region's most common first. */
export const CONTACT_LANGUAGES = ['nl', 'fr', 'en', 'de', 'ar', 'uk', 'es', 'tr', 'pl', 'ru', 'fa', 'ps', 'ti', 'so'] as const;
export const TRANSLATED_LANGUAGES = OFFER_LANGUAGES.filter((language) => language !== 'nl');

/** A value the form cannot turn into the API's input (e.g. a price that is no number), on the API's field path. */
export class DraftFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DraftFieldError';
  }
}

export interface DateDraft {
  startsAt: string;
  endsAt: string;
}
export interface HoursDraft {
  days: Weekday[];
  opens: string;
  closes: string;
}

/** The form's state: inputs as the browser gives them (strings), converted once on save. */
export interface Draft {
  title: string;
  description: string;
  translations: Record<string, { title: string; description: string }>;
  organizer: PickedActor | null;
  locationName: string;
  address: string;
  postalCode: string;
  locality: string;
  municipalityNis: string;
  latitude: string;
  longitude: string;
  calendarType: CalendarType;
  dates: DateDraft[];
  periodFrom: string;
  periodTo: string;
  openingHours: HoursDraft[];
  languageIcons: string;
  isFree: boolean;
  price: string;
  priceNote: string;
  uitpas: boolean;
  kansentarief: boolean;
  withChildren: boolean;
  childcare: boolean;
  ageMin: string;
  ageMax: string;
  accessibility: string[];
  themes: string;
  placesLeft: string;
  bookingUrl: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  contactLanguages: string[];
  fourthPillar: boolean;
  fourthPillarHours: string;
  status: OfferStatus;
  version: number;
}

const pad = (value: number) => String(value).padStart(2, '0');
/** An ISO timestamp as the value of a datetime-local input, in the browser's (Belgian) time. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
const toLocalDate = (iso: string) => toLocalInput(iso).slice(0, 10);
const numberText = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));

/** The form's state for an offer (or an empty form). */
export function draftOf(offer: OfferDetail | undefined): Draft {
  const translations: Draft['translations'] = {};
  for (const language of TRANSLATED_LANGUAGES) {
    translations[language] = { title: offer?.translations[language]?.title ?? '', description: offer?.translations[language]?.description ?? '' };
  }
  const firstDate = offer?.dates[0];
  return {
    title: offer?.title ?? '',
    description: offer?.description ?? '',
    translations,
    organizer: offer?.organizer ?? null,
    locationName: offer?.locationName ?? '',
    address: offer?.address ?? '',
    postalCode: offer?.postalCode ?? '',
    locality: offer?.locality ?? '',
    municipalityNis: offer?.municipality?.nisCode ?? '',
    latitude: offer?.latitude === null || offer?.latitude === undefined ? '' : String(offer.latitude),
    longitude: offer?.longitude === null || offer?.longitude === undefined ? '' : String(offer.longitude),
    calendarType: offer?.calendarType ?? 'single',
    dates: offer && offer.calendarType !== 'periodic' && offer.dates.length > 0 ? offer.dates.map((date) => ({ startsAt: toLocalInput(date.startsAt), endsAt: date.endsAt ? toLocalInput(date.endsAt) : '' })) : [{ startsAt: '', endsAt: '' }],
    periodFrom: offer?.calendarType === 'periodic' && firstDate ? toLocalDate(firstDate.startsAt) : '',
    periodTo: offer?.calendarType === 'periodic' && firstDate?.endsAt ? toLocalDate(firstDate.endsAt) : '',
    openingHours: offer?.openingHours.map((hours) => ({ days: [...hours.days], opens: hours.opens, closes: hours.closes })) ?? [],
    languageIcons: offer?.languageIcons ? String(offer.languageIcons) : '',
    isFree: offer?.isFree ?? false,
    price: offer?.priceCents === null || offer?.priceCents === undefined ? '' : numberText(offer.priceCents / 100),
    priceNote: offer?.priceNote ?? '',
    uitpas: offer?.uitpas ?? false,
    kansentarief: offer?.kansentarief ?? false,
    withChildren: offer?.withChildren ?? false,
    childcare: offer?.childcare ?? false,
    ageMin: offer?.ageMin === null || offer?.ageMin === undefined ? '' : String(offer.ageMin),
    ageMax: offer?.ageMax === null || offer?.ageMax === undefined ? '' : String(offer.ageMax),
    accessibility: offer?.accessibility ?? [],
    themes: offer?.themes.join(', ') ?? '',
    placesLeft: offer?.placesLeft === null || offer?.placesLeft === undefined ? '' : String(offer.placesLeft),
    bookingUrl: offer?.bookingUrl ?? '',
    contactName: offer?.contactName ?? '',
    contactPhone: offer?.contactPhone ?? '',
    contactEmail: offer?.contactEmail ?? '',
    contactLanguages: offer?.contactLanguages ?? [],
    fourthPillar: offer?.fourthPillar ?? false,
    fourthPillarHours: offer?.fourthPillarHours === null || offer?.fourthPillarHours === undefined ? '' : numberText(offer.fourthPillarHours),
    status: offer?.status ?? 'draft',
    version: offer?.version ?? 1,
  };
}

/** A number typed the Belgian way ("2,50"); empty is null, anything else not a number is a field error. */
export function parseNumber(text: string, field: string, message: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const value = Number(trimmed.replace(/\./g, trimmed.includes(',') ? '' : '.').replace(',', '.'));
  if (!Number.isFinite(value)) throw new DraftFieldError(field, message);
  return value;
}

/** The request body from the form (dates as ISO with the browser's offset). */
export function inputOf(draft: Draft, isAdmin: boolean, t: (key: string) => string): OfferInput {
  const numberInvalid = t('catalog.form.numberInvalid');
  const price = draft.isFree ? null : parseNumber(draft.price, 'priceCents', t('catalog.form.priceInvalid'));
  const integer = (text: string, field: string) => {
    const value = parseNumber(text, field, numberInvalid);
    return value === null ? null : Math.round(value);
  };
  const translations: OfferInput['translations'] = {};
  for (const language of TRANSLATED_LANGUAGES) {
    const entry = draft.translations[language];
    if (entry && (entry.title.trim() || entry.description.trim())) translations[language] = { title: entry.title.trim() || undefined, description: entry.description.trim() || undefined };
  }
  const iso = (local: string) => (local ? new Date(local).toISOString() : '');
  let dates: OfferInput['dates'] = [];
  if (draft.calendarType === 'single' || draft.calendarType === 'multiple') {
    const rows = draft.calendarType === 'single' ? draft.dates.slice(0, 1) : draft.dates;
    dates = rows.filter((row) => row.startsAt).map((row) => ({ startsAt: iso(row.startsAt), endsAt: row.endsAt ? iso(row.endsAt) : null }));
  } else if (draft.calendarType === 'periodic' && draft.periodFrom) {
    dates = [{ startsAt: iso(`${draft.periodFrom}T00:00`), endsAt: draft.periodTo ? iso(`${draft.periodTo}T23:59`) : null }];
  }
  return {
    title: draft.title,
    description: draft.description,
    translations,
    organizerActorId: isAdmin ? (draft.organizer?.id ?? null) : null,
    locationName: draft.locationName,
    address: draft.address,
    postalCode: draft.postalCode.trim() || null,
    locality: draft.locality.trim() || null,
    municipalityNis: draft.municipalityNis || null,
    latitude: parseNumber(draft.latitude, 'latitude', numberInvalid),
    longitude: parseNumber(draft.longitude, 'longitude', numberInvalid),
    calendarType: draft.calendarType,
    dates,
    openingHours: draft.calendarType === 'periodic' ? draft.openingHours.filter((hours) => hours.days.length > 0) : [],
    languageIcons: draft.languageIcons ? Number(draft.languageIcons) : null,
    isFree: draft.isFree,
    priceCents: price === null ? null : Math.round(price * 100),
    priceNote: draft.priceNote,
    uitpas: draft.uitpas,
    kansentarief: draft.uitpas && draft.kansentarief,
    withChildren: draft.withChildren,
    childcare: draft.childcare,
    ageMin: integer(draft.ageMin, 'ageMin'),
    ageMax: integer(draft.ageMax, 'ageMax'),
    accessibility: ACCESSIBILITY_FEATURES.filter((feature) => draft.accessibility.includes(feature)),
    themes: draft.themes
      .split(',')
      .map((theme) => theme.trim())
      .filter(Boolean),
    placesLeft: integer(draft.placesLeft, 'placesLeft'),
    bookingUrl: draft.bookingUrl.trim() || null,
    contactName: draft.contactName.trim() || null,
    contactPhone: draft.contactPhone.trim() || null,
    contactEmail: draft.contactEmail.trim() || null,
    contactLanguages: draft.contactLanguages,
    fourthPillar: draft.fourthPillar,
    fourthPillarHours: draft.fourthPillar ? parseNumber(draft.fourthPillarHours, 'fourthPillarHours', numberInvalid) : null,
    status: draft.status,
  };
}
