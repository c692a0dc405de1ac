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
