import { z } from 'zod';

/** UiTdatabank's calendar types: once, several dates, periodic with opening hours, permanent. */
export const CALENDAR_TYPES = ['single', 'multiple', 'periodic', 'permanent'] as const;
export type CalendarType = (typeof CALENDAR_TYPES)[number];

export const OFFER_STATUSES = ['draft', 'published', 'archived'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_SOURCES = ['manual', 'uitdatabank'] as const;
export type OfferSource = (typeof OFFER_SOURCES)[number];

/** The languages an offer's texts may be translated into (Dutch is the main text). */
export const OFFER_LANGUAGES = ['nl', 'en', 'fr', 'ar', 'uk'] as const;
export type OfferLanguage = (typeof OFFER_LANGUAGES)[number];

export const ACCESSIBILITY_FEATURES = ['wheelchair', 'quiet_room', 'hearing_loop', 'sign_language', 'easy_reading', 'assistance_dog'] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const offerTranslationSchema = z.object({
  title: z.string().trim().max(200).optional(),
  description: z.string().trim().max(5000).optional(),
});
export type OfferTranslation = z.infer<typeof offerTranslationSchema>;
/** Translations per language other than Dutch: { en: { title, description }, … }. */
export const offerTranslationsSchema = z.partialRecord(z.enum(OFFER_LANGUAGES), offerTranslationSchema);
export type OfferTranslations = z.infer<typeof offerTranslationsSchema>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time');
export const openingHoursSchema = z.object({
  days: z.array(z.enum(WEEKDAYS)).min(1),
  opens: time,
  closes: time,
});
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const offerDateSchema = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type OfferDateInput = z.infer<typeof offerDateSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** What an editor writes: every field of an offer (dates replace the offer's dates). */
export const offerInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).default(''),
  translations: offerTranslationsSchema.default({}),
  organizerActorId: z.uuid().nullable().default(null),
  locationName: z.string().trim().max(200).default(''),
  address: z.string().trim().max(300).default(''),
  postalCode: optionalText(10),
  locality: optionalText(100),
  municipalityNis: z.string().regex(/^\d{5}$/).nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  calendarType: z.enum(CALENDAR_TYPES).default('single'),
  dates: z.array(offerDateSchema).max(200).default([]),
  openingHours: z.array(openingHoursSchema).max(20).default([]),
  languageIcons: z.number().int().min(1).max(4).nullable().default(null),
  isFree: z.boolean().default(false),
  priceCents: z.number().int().min(0).max(10_000_000).nullable().default(null),
  priceNote: z.string().trim().max(300).default(''),
  uitpas: z.boolean().default(false),
  kansentarief: z.boolean().default(false),
  withChildren: z.boolean().default(false),
  childcare: z.boolean().default(false),
  ageMin: z.number().int().min(0).max(120).nullable().default(null),
  ageMax: z.number().int().min(0).max(120).nullable().default(null),
  accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)).default([]),
  themes: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  placesLeft: z.number().int().min(0).max(100_000).nullable().default(null),
  bookingUrl: z.url().max(500).nullable().default(null),
  contactName: optionalText(120),
  contactPhone: optionalText(40),
  contactEmail: z.email().max(200).nullable().optional(),
  contactLanguages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(20).default([]),
  fourthPillar: z.boolean().default(false),
  fourthPillarHours: z.number().min(0).max(10_000).nullable().default(null),
  status: z.enum(OFFER_STATUSES).default('draft'),
});
export type OfferInput = z.infer<typeof offerInputSchema>;

/** A change: the fields to change plus the version the editor started from (409 when stale). */
// Without the input's defaults: a field left out of a change stays as it is (a default would reset it).
const updateShape = Object.fromEntries(
  Object.entries(offerInputSchema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? field.unwrap() : field).optional()]),
) as unknown as { [K in keyof typeof offerInputSchema.shape]: z.ZodOptional<z.ZodType<OfferInput[K]>> };
export const offerUpdateSchema = z.object(updateShape).extend({ version: z.number().int().min(1) });
export type OfferUpdate = Partial<OfferInput> & { version: number };

export const offerDetailSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  translations: offerTranslationsSchema,
  organizer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  locationName: z.string(),
  address: z.string(),
  postalCode: z.string().nullable(),
  locality: z.string().nullable(),
  municipality: z.object({ nisCode: z.string(), name: z.string() }).nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  calendarType: z.enum(CALENDAR_TYPES),
  dates: z.array(z.object({ startsAt: z.string(), endsAt: z.string().nullable() })),
  openingHours: z.array(openingHoursSchema),
  languageIcons: z.number().int().nullable(),
  isFree: z.boolean(),
  priceCents: z.number().int().nullable(),
  priceNote: z.string(),
  uitpas: z.boolean(),
  kansentarief: z.boolean(),
  withChildren: z.boolean(),
  childcare: z.boolean(),
  ageMin: z.number().int().nullable(),
  ageMax: z.number().int().nullable(),
  accessibility: z.array(z.string()),
  themes: z.array(z.string()),
  placesLeft: z.number().int().nullable(),
  bookingUrl: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactLanguages: z.array(z.string()),
  fourthPillar: z.boolean(),
  fourthPillarHours: z.number().nullable(),
  status: z.enum(OFFER_STATUSES),
  source: z.enum(OFFER_SOURCES),
  sourceId: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** Whether the caller may change this offer. */
  canEdit: z.boolean(),
});
export type OfferDetail = z.infer<typeof offerDetailSchema>;

export const offerAdminListQuerySchema = z.object({
  status: z.enum(OFFER_STATUSES).optional(),
  municipality: z.string().regex(/^\d{5}$/).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const offerAdminListSchema = z.object({
  total: z.number().int(),
  counts: z.object({ draft: z.number().int(), published: z.number().int(), archived: z.number().int() }),
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.enum(OFFER_STATUSES),
      source: z.enum(OFFER_SOURCES),
      organizer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      municipality: z.object({ nisCode: z.string(), name: z.string() }).nullable(),
      languageIcons: z.number().int().nullable(),
      nextStartsAt: z.string().nullable(),
      calendarType: z.enum(CALENDAR_TYPES),
      canEdit: z.boolean(),
      updatedAt: z.string(),
    }),
  ),
});
export type OfferAdminList = z.infer<typeof offerAdminListSchema>;

/** The import's answer (CLI --json prints exactly created/updated/skipped/errors). */
export const offerImportResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(z.object({ id: z.string(), message: z.string() })),
  skippedEvents: z.array(z.object({ id: z.string(), title: z.string(), reason: z.string() })),
  events: z.array(z.object({ id: z.string(), title: z.string(), action: z.enum(['create', 'update']), municipality: z.string(), languageIcons: z.number().int().nullable() })),
  newOrganizers: z.array(z.object({ name: z.string(), events: z.number().int() })),
});
export type OfferImportResult = z.infer<typeof offerImportResultSchema>;

export const offerImportRequestSchema = z.object({
  content: z.string().min(1).max(20_000_000),
  dryRun: z.boolean().default(true),
  /** Organiser names (as in the file) to create as new actors of the map; others stay unlinked. */
  createOrganizers: z.array(z.string().max(200)).max(500).default([]),
});

export const coverageRowSchema = z.object({
  nisCode: z.string(),
  name: z.string(),
  /** The town centre, for the coverage map (null when the reference data has none). */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  current: z.number().int(),
  atMostTwoIcons: z.number().int(),
  uitpas: z.number().int(),
  fourthPillar: z.number().int(),
  gap: z.boolean(),
});
export const catalogCoverageSchema = z.object({ municipalities: z.array(coverageRowSchema), totals: coverageRowSchema.omit({ nisCode: true, name: true, latitude: true, longitude: true, gap: true }) });
export type CatalogCoverage = z.infer<typeof catalogCoverageSchema>;

export const catalogSettingsSchema = z.object({
  uitdatabankUrl: z.url().max(500).nullable(),
  hasApiKey: z.boolean(),
  uitdatabankQuery: z.string(),
  pullEnabled: z.boolean(),
  pullEveryHours: z.number().int(),
  lastPullAt: z.string().nullable(),
  lastPullResult: z.object({ created: z.number(), updated: z.number(), skipped: z.number(), errors: z.number(), message: z.string().optional() }).nullable(),
  version: z.number().int(),
});
export const catalogSettingsUpdateSchema = z.object({
  uitdatabankUrl: z.url().max(500).nullable().optional(),
  /** A new key; omitted keeps the stored one, null removes it. */
  uitdatabankApiKey: z.string().trim().max(200).nullable().optional(),
  uitdatabankQuery: z.string().trim().max(1000).optional(),
  pullEnabled: z.boolean().optional(),
  pullEveryHours: z.number().int().min(1).max(168).optional(),
  version: z.number().int().min(0),
});
