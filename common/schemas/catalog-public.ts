import { z } from 'zod';
import { ACCESSIBILITY_FEATURES, CALENDAR_TYPES, OFFER_LANGUAGES, openingHoursSchema } from './catalog.js';
import { municipalitySummarySchema, nisCodeSchema } from './regions.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// Query strings carry text: 'true'/'false' (or 1/0) for yes-no filters.
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')
  .optional();

/**
 * The public catalog's filters (GET /api/regions/:slug/offers). `near` (a municipality's centre) or
 * `lat`+`lon` (the browser's location) with `radiusKm`; `from`/`to` are days (yyyy-mm-dd, inclusive).
 */
export const publicOfferQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    municipality: nisCodeSchema.optional(),
    near: nisCodeSchema.optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lon: z.coerce.number().min(-180).max(180).optional(),
    radiusKm: z.coerce.number().min(1).max(200).default(10),
    maxLanguageIcons: z.coerce.number().int().min(1).max(4).optional(),
    free: flag,
    uitpas: flag,
    kids: flag,
    theme: z.string().trim().min(1).max(60).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    lang: z.enum(OFFER_LANGUAGES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .strict();
export type PublicOfferQuery = z.infer<typeof publicOfferQuerySchema>;

const organizerSchema = z.object({ id: z.string(), name: z.string() }).nullable();

/** One offer in the public list: enough for a card and a marker on the map. */
export const publicOfferSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The language the title is in: the requested one when the organiser translated it, else 'nl'. */
  titleLanguage: z.enum(OFFER_LANGUAGES),
  organizer: organizerSchema,
  municipality: municipalitySummarySchema.nullable(),
  locationName: z.string(),
  languageIcons: z.number().int().min(1).max(4).nullable(),
  free: z.boolean(),
  priceCents: z.number().int().nullable(),
  uitpas: z.boolean(),
  kids: z.boolean(),
  themes: z.array(z.string()),
  /** Start of the next date not yet over (ISO); null for a permanent offer. */
  nextDate: z.string().nullable(),
  nextDateEnds: z.string().nullable(),
  calendarType: z.enum(CALENDAR_TYPES),
  /** The offer's own coordinates, else its municipality's centre; null when neither is known. */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** Only with near / lat+lon: kilometres as the crow flies. */
  distanceKm: z.number().nullable(),
});
export type PublicOfferSummary = z.infer<typeof publicOfferSummarySchema>;

export const publicOfferListSchema = z.object({ total: z.number().int(), items: z.array(publicOfferSummarySchema) });
export type PublicOfferList = z.infer<typeof publicOfferListSchema>;

/** The offer page: when, where, what it costs, the icons, the welcome contact. */
export const publicOfferDetailSchema = publicOfferSummarySchema.extend({
  description: z.string(),
  descriptionLanguage: z.enum(OFFER_LANGUAGES),
  address: z.string(),
  postalCode: z.string().nullable(),
  locality: z.string().nullable(),
  hasOwnCoordinates: z.boolean(),
  dates: z.array(z.object({ startsAt: z.string(), endsAt: z.string().nullable() })),
  openingHours: z.array(openingHoursSchema),
  priceNote: z.string(),
  kansentarief: z.boolean(),
  childcare: z.boolean(),
  ageMin: z.number().int().nullable(),
  ageMax: z.number().int().nullable(),
  accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)),
  placesLeft: z.number().int().nullable(),
  bookingUrl: z.string().nullable(),
  contact: z
    .object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), languages: z.array(z.string()) })
    .nullable(),
  fourthPillar: z.boolean(),
});
export type PublicOfferDetail = z.infer<typeof publicOfferDetailSchema>;

/** What the public catalog page needs besides the offers: the region, its municipalities and their centres, the themes in use. */
export const publicCatalogInfoSchema = z.object({
  region: z.object({ slug: z.string(), name: z.string() }),
  municipalities: z.array(municipalitySummarySchema.extend({ latitude: z.number().nullable(), longitude: z.number().nullable() })),
  themes: z.array(z.string()),
});
export type PublicCatalogInfo = z.infer<typeof publicCatalogInfoSchema>;
