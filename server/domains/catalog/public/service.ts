import type { RawSql } from '../../../db/client.js';
import type { RegionRow } from '../../../http/access.js';
import { AppError, fieldError } from '../../../http/errors.js';
import { searchDocuments } from '../../../search/documents.js';
import { offerToIcs } from './ical.js';
import { CURRENT_OFFERS_VIEW, OFFER_DOCUMENT_KIND } from '../schema.js';
import type { OfferLanguage, OfferTranslations, OpeningHours } from '../../../../common/schemas/catalog.js';
import type {
  PublicCatalogInfo,
  PublicOfferDetail,
  PublicOfferList,
  PublicOfferQuery,
  PublicOfferSummary,
} from '../../../../common/schemas/catalog-public.js';
import type { AccessibilityFeature, CalendarType } from '../../../../common/schemas/catalog.js';
import { haversineKmSql } from '../../reference/distance.js';

// Dates and "this week" are Belgian days, whatever the server's time zone.
const TIME_ZONE = 'Europe/Brussels';
// The search module ranks at most this many candidates; filters then apply in SQL.
const SEARCH_CANDIDATES = 2000;
// Upcoming dates shown on the offer page and written into its calendar file.
const MAX_DATES = 50;

/** Great-circle distance in km between two points, in SQL (plain functions: works on PGlite and PostgreSQL). */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

interface OfferRow {
  id: string;
  title: string;
  description: string;
  translations: OfferTranslations | string;
  organizer_actor_id: string | null;
  organizer_name: string | null;
  municipality_nis: string | null;
  municipality_name: string | null;
  location_name: string;
  address: string;
  postal_code: string | null;
  locality: string | null;
  own_latitude: string | null;
  point_latitude: number | null;
  point_longitude: number | null;
  calendar_type: CalendarType;
  opening_hours: OpeningHours[] | string;
  language_icons: number | null;
  is_free: boolean;
  price_cents: number | null;
  price_note: string;
  uitpas: boolean;
  kansentarief: boolean;
  with_children: boolean;
  childcare: boolean;
  age_min: number | null;
  age_max: number | null;
  accessibility: AccessibilityFeature[];
  themes: string[];
  places_left: number | null;
  booking_url: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  contact_languages: string[];
  fourth_pillar: boolean;
  next_starts_at: Date | string | null;
  next_ends_at: Date | string | null;
  distance_km: number | null;
  total?: number | string;
}

const SELECT_OFFER = `
  o.*, a.name AS organizer_name, m.name AS municipality_name, o.latitude::text AS own_latitude,
  coalesce(o.latitude, mc.lat)::float8 AS point_latitude, coalesce(o.longitude, mc.lon)::float8 AS point_longitude`;
const FROM_OFFER = `
  FROM ${CURRENT_OFFERS_VIEW} o
  LEFT JOIN actors a ON a.id = o.organizer_actor_id
  LEFT JOIN municipalities m ON m.nis_code = o.municipality_nis
  LEFT JOIN municipalities mc ON mc.nis_code = o.municipality_nis`;

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function json<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** The text in the reader's language where the organiser provided it, else the Dutch text. */
function translated(row: OfferRow, field: 'title' | 'description', lang: OfferLanguage): { text: string; language: OfferLanguage } {
  const translation = lang === 'nl' ? undefined : json(row.translations)[lang]?.[field];
  return translation ? { text: translation, language: lang } : { text: row[field], language: 'nl' };
}

function summary(row: OfferRow, lang: OfferLanguage): PublicOfferSummary {
  const title = translated(row, 'title', lang);
  return {
    id: row.id,
    title: title.text,
    titleLanguage: title.language,
    organizer: row.organizer_actor_id && row.organizer_name ? { id: row.organizer_actor_id, name: row.organizer_name } : null,
    municipality: row.municipality_nis && row.municipality_name ? { nisCode: row.municipality_nis, name: row.municipality_name } : null,
    locationName: row.location_name,
    languageIcons: row.language_icons,
    free: row.is_free,
    priceCents: row.price_cents,
    uitpas: row.uitpas,
    kids: row.with_children,
    themes: row.themes,
    nextDate: iso(row.next_starts_at),
    nextDateEnds: iso(row.next_ends_at),
    calendarType: row.calendar_type,
    latitude: row.point_latitude === null ? null : Number(row.point_latitude),
    longitude: row.point_longitude === null ? null : Number(row.point_longitude),
    distanceKm: row.distance_km === null || row.distance_km === undefined ? null : Math.round(Number(row.distance_km) * 10) / 10,
  };
}

async function regionMunicipality(raw: RawSql, regionId: string, nisCode: string, field: string): Promise<{ latitude: number | null; longitude: number | null }> {
  const [row] = await raw.query<{ latitude: number | null; longitude: number | null }>(
    `SELECT mc.lat AS latitude, mc.lon AS longitude
     FROM region_municipalities rm JOIN municipalities mc ON mc.nis_code = rm.nis_code
     WHERE rm.region_id = $1 AND rm.nis_code = $2`,
    [regionId, nisCode],
  );
  if (!row) throw fieldError(field, 'catalogPublic.errors.notInRegion', { nisCode });
  return row;
}

/** The centre a "near" search measures from: a chosen municipality's centre or the browser's location. */
async function searchCentre(raw: RawSql, regionId: string, query: PublicOfferQuery): Promise<{ lat: number; lon: number } | null> {
  if ((query.lat === undefined) !== (query.lon === undefined)) throw fieldError(query.lat === undefined ? 'lat' : 'lon', 'catalogPublic.errors.latWithLon');
  if (query.near && query.lat !== undefined) throw fieldError('near', 'catalogPublic.errors.nearOrLocation');
  if (query.lat !== undefined && query.lon !== undefined) return { lat: query.lat, lon: query.lon };
  if (!query.near) return null;
  const centre = await regionMunicipality(raw, regionId, query.near, 'near');
  if (centre.latitude === null || centre.longitude === null) throw fieldError('near', 'catalogPublic.errors.noCentre');
  return { lat: centre.latitude, lon: centre.longitude };
}

/**
 * The region's published, current offers matching the public filters: search through the shared
 * search module (Dutch word forms, compounds, synonyms), distances in SQL, paged.
 */
export async function listPublicOffers(raw: RawSql, region: RegionRow, query: PublicOfferQuery, lang: OfferLanguage): Promise<PublicOfferList> {
  if (query.from && query.to && query.to < query.from) throw fieldError('to', 'catalogPublic.errors.toBeforeFrom');
  if (query.municipality) await regionMunicipality(raw, region.id, query.municipality, 'municipality');
  const centre = await searchCentre(raw, region.id, query);

  const params = new Params();
  const where = [`o.region_id = ${params.add(region.id)}`];
  let rankedIds: string[] | null = null;
  if (query.q) {
    const hits = await searchDocuments(raw, { regionId: region.id, kind: OFFER_DOCUMENT_KIND, query: query.q, filters: { status: 'published' }, limit: SEARCH_CANDIDATES });
    rankedIds = hits.items.map((hit) => hit.documentId);
    if (rankedIds.length === 0) return { total: 0, items: [] };
    where.push(`o.id::text = ANY(${params.add(rankedIds)}::text[])`);
  }
  if (query.municipality) where.push(`o.municipality_nis = ${params.add(query.municipality)}`);
  if (query.maxLanguageIcons !== undefined) where.push(`o.language_icons IS NOT NULL AND o.language_icons <= ${params.add(query.maxLanguageIcons)}`);
  if (query.free !== undefined) where.push(query.free ? 'o.is_free' : 'NOT o.is_free');
  if (query.uitpas !== undefined) where.push(query.uitpas ? 'o.uitpas' : 'NOT o.uitpas');
  if (query.kids !== undefined) where.push(query.kids ? 'o.with_children' : 'NOT o.with_children');
  if (query.theme) where.push(`lower(${params.add(query.theme)}) = ANY(SELECT lower(theme) FROM unnest(o.themes) theme)`);
  if (query.from || query.to) {
    // A date overlapping the chosen days (Belgian time); a permanent offer is open on any day.
    const from = query.from ? `(${params.add(query.from)}::date::timestamp AT TIME ZONE '${TIME_ZONE}')` : 'now()';
    const to = query.to ? `((${params.add(query.to)}::date + 1)::timestamp AT TIME ZONE '${TIME_ZONE}')` : null;
    where.push(`(o.calendar_type = 'permanent' OR EXISTS (SELECT 1 FROM offer_dates d WHERE d.offer_id = o.id
      AND coalesce(d.ends_at, d.starts_at) >= greatest(${from}, now())${to ? ` AND d.starts_at < ${to}` : ''}))`);
  }
  let distance = 'NULL::float8';
  if (centre) {
    const lat = `${params.add(centre.lat)}::float8`;
    const lon = `${params.add(centre.lon)}::float8`;
    distance = haversineKmSql(lat, lon, 'coalesce(o.latitude, mc.lat)::float8', 'coalesce(o.longitude, mc.lon)::float8');
    where.push(`coalesce(o.latitude, mc.lat) IS NOT NULL AND ${distance} <= ${params.add(query.radiusKm)}::float8`);
  }
  // Best match first when searching, else nearest first, else soonest first (permanent offers after dated ones).
  const order = rankedIds
    ? `array_position(${params.add(rankedIds)}::text[], o.id::text)`
    : centre
      ? `distance_km, o.next_starts_at NULLS LAST, o.title, o.id`
      : `o.next_starts_at NULLS LAST, o.title, o.id`;
  const page = (limit: number, offset: number) =>
    raw.query<OfferRow>(
      `SELECT ${SELECT_OFFER}, ${distance} AS distance_km, count(*) OVER () AS total
       ${FROM_OFFER}
       WHERE ${where.join(' AND ')}
       ORDER BY ${order}
       LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
  const rows = await page(query.limit, query.offset);
  // Paged past the end: still say how many there are.
  const counted = rows[0] ?? (query.offset > 0 ? (await page(1, 0))[0] : undefined);
  const total = counted ? Number(counted.total) : 0;
  return { total, items: rows.map((row) => summary(row, lang)) };
}

async function currentOfferRow(raw: RawSql, region: RegionRow, offerId: string): Promise<OfferRow> {
  const [row] = await raw.query<OfferRow>(
    `SELECT ${SELECT_OFFER}, NULL::float8 AS distance_km ${FROM_OFFER} WHERE o.region_id = $1 AND o.id::text = $2`,
    [region.id, offerId],
  );
  // Drafts, archived and past offers are not public: the same 404 as an offer that never existed.
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function upcomingDates(raw: RawSql, offerId: string): Promise<{ startsAt: string; endsAt: string | null }[]> {
  const rows = await raw.query<{ starts_at: Date | string; ends_at: Date | string | null }>(
    `SELECT starts_at, ends_at FROM offer_dates WHERE offer_id = $1 AND coalesce(ends_at, starts_at) >= now() ORDER BY starts_at LIMIT ${MAX_DATES}`,
    [offerId],
  );
  return rows.map((row) => ({ startsAt: iso(row.starts_at)!, endsAt: iso(row.ends_at) }));
}

/** One public offer (published and current, else 404) with its texts in the reader's language where provided. */
export async function getPublicOffer(raw: RawSql, region: RegionRow, offerId: string, lang: OfferLanguage): Promise<PublicOfferDetail> {
  const row = await currentOfferRow(raw, region, offerId);
  const description = translated(row, 'description', lang);
  const hasContact = Boolean(row.contact_name || row.contact_phone || row.contact_email);
  return {
    ...summary(row, lang),
    description: description.text,
    descriptionLanguage: description.language,
    address: row.address,
    postalCode: row.postal_code,
    locality: row.locality,
    hasOwnCoordinates: row.own_latitude !== null,
    dates: await upcomingDates(raw, row.id),
    openingHours: json(row.opening_hours),
    priceNote: row.price_note,
    kansentarief: row.kansentarief,
    childcare: row.childcare,
    ageMin: row.age_min,
    ageMax: row.age_max,
    accessibility: row.accessibility,
    placesLeft: row.places_left,
    bookingUrl: row.booking_url,
    contact: hasContact ? { name: row.contact_name, phone: row.contact_phone, email: row.contact_email, languages: row.contact_languages } : null,
    fourthPillar: row.fourth_pillar,
  };
}

/** The region's name, its municipalities with their centres, and the themes of its current offers (for the filters and the map). */
export async function getPublicCatalogInfo(raw: RawSql, region: RegionRow): Promise<PublicCatalogInfo> {
  const municipalities = await raw.query<{ nis_code: string; name: string; latitude: number | null; longitude: number | null }>(
    `SELECT m.nis_code, m.name, m.lat AS latitude, m.lon AS longitude
     FROM region_municipalities rm JOIN municipalities m ON m.nis_code = rm.nis_code
     WHERE rm.region_id = $1 ORDER BY m.name`,
    [region.id],
  );
  const themes = await raw.query<{ theme: string }>(
    `SELECT DISTINCT theme FROM ${CURRENT_OFFERS_VIEW} o, unnest(o.themes) theme WHERE o.region_id = $1 ORDER BY theme`,
    [region.id],
  );
  return {
    region: { slug: region.slug, name: region.name },
    municipalities: municipalities.map((row) => ({
      nisCode: row.nis_code,
      name: row.name,
      latitude: row.latitude === null ? null : Number(row.latitude),
      longitude: row.longitude === null ? null : Number(row.longitude),
    })),
    themes: themes.map((row) => row.theme),
  };
}

/** The offer's upcoming dates as an iCalendar file (one event per date; a period as one event), for "add to calendar". */
export async function publicOfferIcs(raw: RawSql, region: RegionRow, offerId: string, options: { pageUrl: string; host: string; lang: OfferLanguage }): Promise<string> {
  const offer = await getPublicOffer(raw, region, offerId, options.lang);
  if (offer.dates.length === 0) throw new AppError('NOT_FOUND');
  return offerToIcs(offer, options);
}
