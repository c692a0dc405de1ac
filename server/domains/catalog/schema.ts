import { boolean, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/schema.js';
import { users } from '../accounts/schema.js';
import { municipalities } from '../reference/schema.js';
import { actors } from '../network/schema.js';
import type { CalendarType, OfferSource, OfferStatus, OfferTranslations, OpeningHours } from '../../../common/schemas/catalog.js';

export { CALENDAR_TYPES, OFFER_LANGUAGES, OFFER_SOURCES, OFFER_STATUSES } from '../../../common/schemas/catalog.js';
export type { CalendarType, OfferLanguage, OfferSource, OfferStatus, OfferTranslations, OpeningHours } from '../../../common/schemas/catalog.js';

/**
 * An activity in the region's catalog (migration 0048). Latitude/longitude are numeric (Drizzle gives
 * strings); public reads go through the SQL view `current_offers` (CURRENT_OFFERS_VIEW): published and
 * permanent or with a date not yet over, with next_starts_at / next_ends_at.
 */
export const offers = pgTable('offers', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  organizerActorId: uuid('organizer_actor_id').references(() => actors.id, { onDelete: 'set null' }),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  translations: jsonb('translations').$type<OfferTranslations>().notNull().default({}),
  locationName: text('location_name').notNull().default(''),
  address: text('address').notNull().default(''),
  postalCode: text('postal_code'),
  locality: text('locality'),
  municipalityNis: text('municipality_nis').references(() => municipalities.nisCode),
  latitude: numeric('latitude', { precision: 9, scale: 6 }),
  longitude: numeric('longitude', { precision: 9, scale: 6 }),
  calendarType: text('calendar_type').$type<CalendarType>().notNull().default('single'),
  openingHours: jsonb('opening_hours').$type<OpeningHours[]>().notNull().default([]),
  languageIcons: smallint('language_icons'),
  isFree: boolean('is_free').notNull().default(false),
  priceCents: integer('price_cents'),
  priceNote: text('price_note').notNull().default(''),
  uitpas: boolean('uitpas').notNull().default(false),
  kansentarief: boolean('kansentarief').notNull().default(false),
  withChildren: boolean('with_children').notNull().default(false),
  childcare: boolean('childcare').notNull().default(false),
  ageMin: integer('age_min'),
  ageMax: integer('age_max'),
  accessibility: text('accessibility').array().notNull().default([]),
  themes: text('themes').array().notNull().default([]),
  placesLeft: integer('places_left'),
  bookingUrl: text('booking_url'),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  contactEmail: text('contact_email'),
  contactLanguages: text('contact_languages').array().notNull().default([]),
  fourthPillar: boolean('fourth_pillar').notNull().default(false),
  fourthPillarHours: numeric('fourth_pillar_hours', { precision: 6, scale: 1 }),
  status: text('status').$type<OfferStatus>().notNull().default('draft'),
  source: text('source').$type<OfferSource>().notNull().default('manual'),
  sourceId: text('source_id'),
  sourceModifiedAt: timestamp('source_modified_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The dates of an offer: one for 'single', several for 'multiple', the period for 'periodic', none for 'permanent'. */
export const offerDates = pgTable('offer_dates', {
  id: uuid('id').primaryKey().defaultRandom(),
  offerId: uuid('offer_id')
    .notNull()
    .references(() => offers.id, { onDelete: 'cascade' }),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }),
});

/** Per region: the UiTdatabank Search API to pull from and the outcome of the last pull. */
export const catalogSettings = pgTable('catalog_settings', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => regions.id, { onDelete: 'cascade' }),
  uitdatabankUrl: text('uitdatabank_url'),
  uitdatabankApiKey: text('uitdatabank_api_key'),
  uitdatabankQuery: text('uitdatabank_query').notNull().default(''),
  pullEnabled: boolean('pull_enabled').notNull().default(false),
  pullEveryHours: integer('pull_every_hours').notNull().default(24),
  lastPullAt: timestamp('last_pull_at', { withTimezone: true }),
  lastPullResult: jsonb('last_pull_result').$type<{ created: number; updated: number; skipped: number; errors: number; message?: string }>(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The SQL view of current public offers (published; permanent or a date not yet over). */
export const CURRENT_OFFERS_VIEW = 'current_offers';
/** The search_documents kind under which offer texts are indexed (see index-offer.ts). */
export const OFFER_DOCUMENT_KIND = 'offer';
