/**
 * UiTdatabank JSON-LD → offer fields (pure, no database): a Search API response (`member`) or a plain
 * array of events. Each event becomes a mapped offer, a skip (cancelled, deleted, outside the region,
 * over) or an error with an i18n key; the file as a whole fails with ImportFileError when it is not
 * JSON or not one of the two shapes. Mapping rules: docs/decisions/020-catalog-uitdatabank-mapping.md.
 */
import type { CalendarType, OfferInput, OfferLanguage, OfferTranslations, OpeningHours, Weekday } from '../../../common/schemas/catalog.js';
import { OFFER_LANGUAGES, WEEKDAYS } from '../../../common/schemas/catalog.js';
import { fold } from '../../search/dutch.js';

/** A problem with the whole file; nothing is read. */
export class ImportFileError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(messageKey);
  }
}

export const MAX_EVENTS = 5000;

/** A municipality of the region as the mapping needs it. */
export interface RegionMunicipality {
  nisCode: string;
  name: string;
  postalCodes: string[];
}

export interface MappedEvent {
  sourceId: string;
  modified: Date | null;
  organizer: { sourceId: string | null; name: string } | null;
  offer: OfferInput;
}

export type EventOutcome =
  | { kind: 'offer'; event: MappedEvent }
  | { kind: 'skip'; id: string; title: string; reasonKey: string; params?: Record<string, unknown> }
  | { kind: 'error'; id: string; messageKey: string; params?: Record<string, unknown> };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses the file's text into its list of events (ImportFileError for bad JSON or a wrong shape). */
export function readEventList(content: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFileError('catalog.import.notJson', { detail: error instanceof Error ? error.message : String(error) });
  }
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.member) ? data.member : null;
  if (!list) throw new ImportFileError('catalog.import.wrongShape');
  if (list.length === 0) throw new ImportFileError('catalog.import.empty');
  if (list.length > MAX_EVENTS) throw new ImportFileError('catalog.import.tooMany', { max: MAX_EVENTS });
  return list;
}

/** A language map ({"nl": …, "en": …}) or a plain string (older documents) → per language. */
function languageMap(value: unknown): Partial<Record<string, string>> {
  if (typeof value === 'string') return value.trim() ? { nl: value.trim() } : {};
  if (!isObject(value)) return {};
  const map: Partial<Record<string, string>> = {};
  for (const [language, text] of Object.entries(value)) if (typeof text === 'string' && text.trim()) map[language] = text.trim();
  return map;
}

/** Descriptions come as HTML in UiTdatabank; the catalog keeps plain text. */
function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ICON_WORDS: Record<string, number> = { een: 1, 'één': 1, twee: 2, drie: 3, vier: 4 };
/** The labels "één taalicoon" … "vier taaliconen" → 1–4; null when no such label. */
export function languageIconsFromLabels(labels: string[]): number | null {
  for (const label of labels) {
    const match = /^\s*(één|een|twee|drie|vier)\s+taalicoon|^\s*(één|een|twee|drie|vier)\s+taaliconen/i.exec(label);
    const word = (match?.[1] ?? match?.[2])?.toLowerCase();
    if (word && ICON_WORDS[word]) return ICON_WORDS[word];
  }
  return null;
}

/** typicalAgeRange "6-12", "18-", "-12" or "-" → min and max (null when open). */
export function ageRange(value: unknown): { ageMin: number | null; ageMax: number | null } {
  if (typeof value !== 'string') return { ageMin: null, ageMax: null };
  const match = /^\s*(\d+)?\s*-\s*(\d+)?\s*$/.exec(value);
  if (!match) return { ageMin: null, ageMax: null };
  const ageMin = match[1] ? Number(match[1]) : null;
  const ageMax = match[2] ? Number(match[2]) : null;
  return { ageMin: ageMin === 0 && ageMax === null ? null : ageMin, ageMax };
}

function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function openingHours(value: unknown): OpeningHours[] {
  if (!Array.isArray(value)) return [];
  const hours: OpeningHours[] = [];
  for (const entry of value) {
    if (!isObject(entry)) continue;
    const days = (Array.isArray(entry.dayOfWeek) ? entry.dayOfWeek : [entry.dayOfWeek])
      .map((day) => (typeof day === 'string' ? day.toLowerCase().replace(/^https?:\/\/schema\.org\//, '') : ''))
      .filter((day): day is Weekday => (WEEKDAYS as readonly string[]).includes(day));
    const time = (raw: unknown) => (typeof raw === 'string' && /^\d{1,2}:\d{2}/.test(raw) ? raw.slice(0, 5).padStart(5, '0') : null);
    const opens = time(entry.opens);
    const closes = time(entry.closes);
    if (days.length > 0 && opens && closes) hours.push({ days, opens, closes });
  }
  return hours;
}

/** The address of a location: UiTdatabank's per-language address ({"nl": {...}}) or a flat one. */
function address(location: Json): { street: string; postalCode: string | null; locality: string | null } {
  const raw = isObject(location.address) ? location.address : {};
  const inner = isObject(raw.nl) ? raw.nl : (Object.values(raw).find(isObject) ?? raw);
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  return { street: text(inner.streetAddress) ?? '', postalCode: text(inner.postalCode), locality: text(inner.addressLocality) };
}

/** Finds the region's municipality of an address: by postal code, else by the locality's name. */
export function municipalityOf(municipalities: RegionMunicipality[], postalCode: string | null, locality: string | null): RegionMunicipality | null {
  if (postalCode) {
    const byCode = municipalities.find((municipality) => municipality.postalCodes.includes(postalCode));
    if (byCode) return byCode;
  }
  if (locality) {
    const folded = fold(locality);
    return municipalities.find((municipality) => fold(municipality.name) === folded) ?? null;
  }
  return null;
}

function labelsOf(event: Json): string[] {
  return [...(Array.isArray(event.labels) ? event.labels : []), ...(Array.isArray(event.hiddenLabels) ? event.hiddenLabels : [])].filter(
    (label): label is string => typeof label === 'string',
  );
}

const hasLabel = (labels: string[], ...names: string[]) => labels.some((label) => names.includes(fold(label)));

/** Maps one event; `now` decides whether all its dates are over. */
export function mapEvent(raw: unknown, index: number, municipalities: RegionMunicipality[], now: Date): EventOutcome {
  if (!isObject(raw)) return { kind: 'error', id: `#${index + 1}`, messageKey: 'catalog.import.notAnObject' };
  const id = typeof raw['@id'] === 'string' && raw['@id'].trim() ? raw['@id'].trim() : null;
  if (!id) return { kind: 'error', id: `#${index + 1}`, messageKey: 'catalog.import.noId' };
  const names = languageMap(raw.name);
  const title = names.nl ?? Object.values(names)[0];
  if (!title) return { kind: 'error', id, messageKey: 'catalog.import.noName' };

  const workflow = typeof raw.workflowStatus === 'string' ? raw.workflowStatus.toUpperCase() : 'APPROVED';
  if (workflow === 'DELETED' || workflow === 'REJECTED') return { kind: 'skip', id, title, reasonKey: 'catalog.import.skipDeleted' };
  const availability = isObject(raw.status) ? raw.status.type : raw.status;
  if (typeof availability === 'string' && /^(unavailable|cancelled|eventcancelled)$/i.test(availability)) return { kind: 'skip', id, title, reasonKey: 'catalog.import.skipCancelled' };

  const calendarType = (typeof raw.calendarType === 'string' ? raw.calendarType : 'single') as CalendarType;
  if (!['single', 'multiple', 'periodic', 'permanent'].includes(calendarType)) return { kind: 'error', id, messageKey: 'catalog.import.badCalendarType', params: { value: String(raw.calendarType) } };

  let dates: { startsAt: string; endsAt: string | null }[] = [];
  if (calendarType !== 'permanent') {
    const subEvents = Array.isArray(raw.subEvent) && raw.subEvent.length > 0 && calendarType !== 'periodic' ? raw.subEvent : [raw];
    for (const sub of subEvents) {
      const start = isObject(sub) ? parseDate(sub.startDate) : null;
      if (!start) return { kind: 'error', id, messageKey: 'catalog.import.noStartDate' };
      const endValue = isObject(sub) ? sub.endDate : undefined;
      const end = endValue === undefined || endValue === null ? null : parseDate(endValue);
      if (endValue !== undefined && endValue !== null && !end) return { kind: 'error', id, messageKey: 'catalog.import.badDate', params: { value: String(endValue) } };
      dates.push({ startsAt: start.toISOString(), endsAt: end && end >= start ? end.toISOString() : null });
    }
    dates = dates.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    if (dates.every((date) => new Date(date.endsAt ?? date.startsAt) < now)) return { kind: 'skip', id, title, reasonKey: 'catalog.import.skipPast' };
  }

  const location = isObject(raw.location) ? raw.location : {};
  const place = address(location);
  if (!place.postalCode && !place.locality) return { kind: 'error', id, messageKey: 'catalog.import.noLocation' };
  const municipality = municipalityOf(municipalities, place.postalCode, place.locality);
  if (!municipality) return { kind: 'skip', id, title, reasonKey: 'catalog.import.skipOutside', params: { place: [place.postalCode, place.locality].filter(Boolean).join(' ') } };
  const geo = isObject(location.geo) ? location.geo : {};
  const coordinate = (value: unknown, limit: number) => {
    const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    return Number.isFinite(number) && Math.abs(number) <= limit ? Math.round(number * 1e6) / 1e6 : null;
  };

  const descriptions = languageMap(raw.description);
  const translations: OfferTranslations = {};
  for (const language of OFFER_LANGUAGES) {
    if (language === 'nl') continue;
    const translatedTitle = names[language];
    const translatedDescription = descriptions[language];
    if (translatedTitle || translatedDescription) {
      translations[language as Exclude<OfferLanguage, 'nl'>] = {
        ...(translatedTitle ? { title: translatedTitle } : {}),
        ...(translatedDescription ? { description: plainText(translatedDescription).slice(0, 5000) } : {}),
      };
    }
  }

  const labels = labelsOf(raw);
  const prices = Array.isArray(raw.priceInfo) ? raw.priceInfo.filter(isObject) : [];
  const base = prices.find((price) => price.category === 'base');
  const basePrice = base && typeof base.price === 'number' ? base.price : base && typeof base.price === 'string' ? Number(base.price) : null;
  const priceNames = prices.map((price) => Object.values(languageMap(price.name)).join(' ')).join(' ');
  const uitpas = prices.some((price) => price.category === 'uitpas') || hasLabel(labels, 'uitpas');
  const kansentarief = /kansentarief/i.test(priceNames) || hasLabel(labels, 'kansentarief');
  const { ageMin, ageMax } = ageRange(raw.typicalAgeRange);
  const terms = Array.isArray(raw.terms) ? raw.terms.filter(isObject) : [];
  const themes = [...new Set(terms.filter((term) => term.domain === 'theme' || term.domain === 'eventtype').map((term) => (typeof term.label === 'string' ? term.label.trim() : '')).filter(Boolean))].slice(0, 20);

  const organizerRaw = isObject(raw.organizer) ? raw.organizer : null;
  const organizerNames = organizerRaw ? languageMap(organizerRaw.name) : {};
  const organizerName = organizerNames.nl ?? Object.values(organizerNames)[0];
  const contact = isObject(raw.contactPoint) ? raw.contactPoint : {};
  const firstOf = (value: unknown) => (Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null);
  const bookingInfo = isObject(raw.bookingInfo) ? raw.bookingInfo : {};
  const bookingUrl = typeof bookingInfo.url === 'string' && /^https?:\/\//.test(bookingInfo.url) ? bookingInfo.url : null;
  const fourthPillar = hasLabel(labels, '4de pijler', 'vierde pijler');

  const offer: OfferInput = {
    title: title.slice(0, 200),
    description: plainText(descriptions.nl ?? '').slice(0, 5000),
    translations,
    organizerActorId: null,
    locationName: (languageMap(location.name).nl ?? Object.values(languageMap(location.name))[0] ?? '').slice(0, 200),
    address: place.street.slice(0, 300),
    postalCode: place.postalCode,
    locality: place.locality,
    municipalityNis: municipality.nisCode,
    latitude: coordinate(geo.latitude, 90),
    longitude: coordinate(geo.longitude, 180),
    calendarType,
    dates,
    openingHours: calendarType === 'periodic' || calendarType === 'permanent' ? openingHours(raw.openingHours) : [],
    languageIcons: languageIconsFromLabels(labels),
    isFree: basePrice === 0,
    priceCents: basePrice !== null && Number.isFinite(basePrice) && basePrice > 0 ? Math.round(basePrice * 100) : null,
    priceNote: '',
    uitpas,
    kansentarief,
    withChildren: hasLabel(labels, 'met kinderen', 'kindvriendelijk', 'gezinnen') || (ageMax !== null && ageMax <= 12),
    childcare: hasLabel(labels, 'kinderopvang'),
    ageMin,
    ageMax,
    accessibility: hasLabel(labels, 'rolstoeltoegankelijk') ? ['wheelchair'] : [],
    themes,
    placesLeft: null,
    bookingUrl,
    contactName: null,
    contactPhone: firstOf(contact.phone),
    contactEmail: firstOf(contact.email),
    contactLanguages: [],
    fourthPillar,
    fourthPillarHours: null,
    status: workflow === 'DRAFT' ? 'draft' : 'published',
  };
  return {
    kind: 'offer',
    event: {
      sourceId: id,
      modified: parseDate(raw.modified),
      organizer: organizerName ? { sourceId: typeof organizerRaw?.['@id'] === 'string' ? organizerRaw['@id'] : null, name: organizerName.slice(0, 200) } : null,
      offer,
    },
  };
}
