/**
 * What leaves the catalog for others: the schema.org Event JSON-LD feed and the iCal feed of the
 * region's (or one municipality's) current offers, the data of the embeddable widget and the poster.
 */
import type { RawSql } from '../../db/client.js';
import type { OfferTranslations } from '../../../common/schemas/catalog.js';

export interface FeedOffer {
  id: string;
  title: string;
  description: string;
  translations: OfferTranslations;
  calendarType: string;
  locationName: string;
  address: string;
  postalCode: string | null;
  locality: string | null;
  municipalityNis: string | null;
  municipalityName: string | null;
  latitude: number | null;
  longitude: number | null;
  languageIcons: number | null;
  isFree: boolean;
  priceCents: number | null;
  uitpas: boolean;
  kansentarief: boolean;
  withChildren: boolean;
  fourthPillar: boolean;
  organizerName: string | null;
  ageMin: number | null;
  ageMax: number | null;
  /** Dates not yet over, first first (at most 20 per offer). */
  dates: { startsAt: string; endsAt: string | null }[];
  updatedAt: string;
}

type FeedRow = Record<string, unknown> & { dates: unknown; translations: unknown };
const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The region's current offers (the current_offers view), optionally of one municipality or starting before `until`. */
export async function loadCurrentOffers(raw: RawSql, regionId: string, options: { municipality?: string; until?: Date; from?: Date; limit?: number } = {}): Promise<FeedOffer[]> {
  const params: unknown[] = [regionId];
  const where = ['o.region_id = $1'];
  if (options.municipality) where.push(`o.municipality_nis = $${params.push(options.municipality)}`);
  if (options.until) where.push(`(o.calendar_type = 'permanent' OR o.next_starts_at < $${params.push(options.until.toISOString())}::timestamptz)`);
  if (options.from) where.push(`(o.calendar_type = 'permanent' OR coalesce(o.next_ends_at, o.next_starts_at) >= $${params.push(options.from.toISOString())}::timestamptz)`);
  const rows = await raw.query<FeedRow>(
    `SELECT o.id, o.title, o.description, o.translations, o.calendar_type, o.location_name, o.address, o.postal_code, o.locality,
       o.municipality_nis, m.name AS municipality_name, o.latitude, o.longitude, o.language_icons, o.is_free, o.price_cents, o.uitpas,
       o.kansentarief, o.with_children, o.fourth_pillar, a.name AS organizer_name, o.age_min, o.age_max, o.updated_at,
       (SELECT json_agg(json_build_object('startsAt', d.starts_at, 'endsAt', d.ends_at) ORDER BY d.starts_at)
          FROM (SELECT * FROM offer_dates d WHERE d.offer_id = o.id AND coalesce(d.ends_at, d.starts_at) >= now() ORDER BY d.starts_at LIMIT 20) d) AS dates
     FROM current_offers o
     LEFT JOIN actors a ON a.id = o.organizer_actor_id
     LEFT JOIN municipalities m ON m.nis_code = o.municipality_nis
     WHERE ${where.join(' AND ')}
     ORDER BY o.next_starts_at NULLS LAST, o.title
     LIMIT ${Math.min(options.limit ?? 500, 2000)}`,
    params,
  );
  return rows.map((row) => ({
    id: String(row.id),
    title: String(row.title),
    description: String(row.description),
    translations: parse<OfferTranslations>(row.translations) ?? {},
    calendarType: String(row.calendar_type),
    locationName: String(row.location_name),
    address: String(row.address),
    postalCode: (row.postal_code as string | null) ?? null,
    locality: (row.locality as string | null) ?? null,
    municipalityNis: (row.municipality_nis as string | null) ?? null,
    municipalityName: (row.municipality_name as string | null) ?? null,
    latitude: numberOrNull(row.latitude),
    longitude: numberOrNull(row.longitude),
    languageIcons: numberOrNull(row.language_icons),
    isFree: Boolean(row.is_free),
    priceCents: numberOrNull(row.price_cents),
    uitpas: Boolean(row.uitpas),
    kansentarief: Boolean(row.kansentarief),
    withChildren: Boolean(row.with_children),
    fourthPillar: Boolean(row.fourth_pillar),
    organizerName: (row.organizer_name as string | null) ?? null,
    ageMin: numberOrNull(row.age_min),
    ageMax: numberOrNull(row.age_max),
    dates: (parse<{ startsAt: string; endsAt: string | null }[] | null>(row.dates) ?? []).map((date) => ({
      startsAt: new Date(date.startsAt).toISOString(),
      endsAt: date.endsAt ? new Date(date.endsAt).toISOString() : null,
    })),
    updatedAt: new Date(row.updated_at as string).toISOString(),
  }));
}

/** The public catalog address of an offer and of a municipality's catalog (wt-public serves these pages). */
export function publicOfferUrl(publicUrl: string, slug: string, offerId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/r/${slug}/aanbod/${offerId}`;
}
export function publicCatalogUrl(publicUrl: string, slug: string, municipality?: string): string {
  return `${publicUrl.replace(/\/$/, '')}/r/${slug}/aanbod${municipality ? `?gemeente=${municipality}` : ''}`;
}

function languageMap(main: string, translations: OfferTranslations, field: 'title' | 'description'): Record<string, string> | string {
  const map: Record<string, string> = {};
  for (const [language, translation] of Object.entries(translations)) if (translation?.[field]) map[language] = translation[field];
  return Object.keys(map).length === 0 ? main : { nl: main, ...map };
}

/** The offers as a schema.org ItemList of Events (one Event per offer; multiple dates as subEvent). */
export function toJsonLd(offers: FeedOffer[], options: { publicUrl: string; slug: string; name: string }): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name: options.name,
    url: publicCatalogUrl(options.publicUrl, options.slug),
    numberOfItems: offers.length,
    itemListElement: offers.map((offer, index) => {
      const first = offer.dates[0];
      const last = offer.dates.at(-1);
      const event: Record<string, unknown> = {
        '@type': 'Event',
        '@id': publicOfferUrl(options.publicUrl, options.slug, offer.id),
        url: publicOfferUrl(options.publicUrl, options.slug, offer.id),
        name: languageMap(offer.title, offer.translations, 'title'),
        description: languageMap(offer.description, offer.translations, 'description'),
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        inLanguage: 'nl',
        isAccessibleForFree: offer.isFree,
        location: {
          '@type': 'Place',
          name: offer.locationName || offer.municipalityName || '',
          address: { '@type': 'PostalAddress', streetAddress: offer.address, postalCode: offer.postalCode ?? undefined, addressLocality: offer.locality ?? offer.municipalityName ?? undefined, addressCountry: 'BE' },
          ...(offer.latitude !== null && offer.longitude !== null ? { geo: { '@type': 'GeoCoordinates', latitude: offer.latitude, longitude: offer.longitude } } : {}),
        },
        ...(first ? { startDate: first.startsAt } : {}),
        ...(last ? { endDate: last.endsAt ?? last.startsAt } : {}),
        ...(offer.dates.length > 1 ? { subEvent: offer.dates.map((date) => ({ '@type': 'Event', startDate: date.startsAt, ...(date.endsAt ? { endDate: date.endsAt } : {}) })) } : {}),
        ...(offer.organizerName ? { organizer: { '@type': 'Organization', name: offer.organizerName } } : {}),
        ...(offer.isFree || offer.priceCents !== null ? { offers: { '@type': 'Offer', price: offer.isFree ? 0 : (offer.priceCents! / 100).toFixed(2), priceCurrency: 'EUR' } } : {}),
        ...(offer.ageMin !== null || offer.ageMax !== null ? { typicalAgeRange: `${offer.ageMin ?? ''}-${offer.ageMax ?? ''}` } : {}),
        ...(offer.languageIcons !== null ? { keywords: `taaliconen:${offer.languageIcons}` } : {}),
      };
      return { '@type': 'ListItem', position: index + 1, item: event };
    }),
  };
}

function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}
function foldLine(line: string): string {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > 74) {
    parts.push(rest.slice(0, 74));
    rest = rest.slice(74);
  }
  parts.push(rest);
  return parts.join('\r\n ');
}
const icsTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The offers' dates as an iCalendar feed: one VEVENT per date (permanent offers have none). */
export function toIcs(offers: FeedOffer[], options: { publicUrl: string; slug: string; name: string; now?: Date }): string {
  const host = new URL(options.publicUrl).host;
  const stamp = icsTime((options.now ?? new Date()).toISOString());
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Regiekamer//Aanbod//NL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(options.name)}`];
  for (const offer of offers) {
    for (const date of offer.dates) {
      const end = date.endsAt ?? new Date(new Date(date.startsAt).getTime() + 3_600_000).toISOString();
      const place = [offer.locationName, offer.address, [offer.postalCode, offer.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      lines.push(
        'BEGIN:VEVENT',
        `UID:${offer.id}-${icsTime(date.startsAt)}@${host}`,
        `DTSTAMP:${stamp}`,
        `DTSTART:${icsTime(date.startsAt)}`,
        `DTEND:${icsTime(end)}`,
        `SUMMARY:${icsText(offer.title)}`,
        `DESCRIPTION:${icsText(offer.description)}`,
        `LOCATION:${icsText(place)}`,
        `URL:${publicOfferUrl(options.publicUrl, options.slug, offer.id)}`,
        ...(offer.latitude !== null && offer.longitude !== null ? [`GEO:${offer.latitude};${offer.longitude}`] : []),
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
