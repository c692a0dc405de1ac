import { boolean, customType, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/schema.js';
import { users } from '../accounts/schema.js';
import { municipalities } from '../reference/schema.js';
import { actors } from '../network/schema.js';
import type { BookingStatus, ItemAudience, ItemKind } from '../../../common/schemas/lending.js';

// The service works in raw SQL (the exclusion constraint and the distance search are SQL); these
// tables are declared for the typed handle, backups and the schema overview.

const bytea = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' });
const daterange = customType<{ data: string }>({ dataType: () => 'daterange' });

export const lendingItems = pgTable('lending_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id').notNull().references(() => regions.id, { onDelete: 'cascade' }),
  ownerActorId: uuid('owner_actor_id').notNull().references(() => actors.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<ItemKind>().notNull().default('materiaal'),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  instructions: text('instructions').notNull().default(''),
  address: text('address').notNull().default(''),
  municipalityNis: text('municipality_nis').notNull().references(() => municipalities.nisCode),
  audience: text('audience').$type<ItemAudience>().notNull().default('partners'),
  pricePerDayCents: integer('price_per_day_cents').notNull().default(0),
  depositCents: integer('deposit_cents').notNull().default(0),
  maxDays: integer('max_days'),
  bufferDays: integer('buffer_days').notNull().default(0),
  autoConfirmPartners: boolean('auto_confirm_partners').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const lendingUnits = pgTable('lending_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  itemId: uuid('item_id').notNull().references(() => lendingItems.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
});

export const lendingKitParts = pgTable(
  'lending_kit_parts',
  {
    kitItemId: uuid('kit_item_id').notNull().references(() => lendingItems.id, { onDelete: 'cascade' }),
    partItemId: uuid('part_item_id').notNull().references(() => lendingItems.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull().default(1),
  },
  (table) => [primaryKey({ columns: [table.kitItemId, table.partItemId] })],
);

export const lendingPhotos = pgTable('lending_photos', {
  id: uuid('id').primaryKey().defaultRandom(),
  itemId: uuid('item_id').notNull().references(() => lendingItems.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  altText: text('alt_text').notNull().default(''),
  position: integer('position').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const lendingBookings = pgTable('lending_bookings', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id').notNull().references(() => regions.id, { onDelete: 'cascade' }),
  itemId: uuid('item_id').notNull().references(() => lendingItems.id, { onDelete: 'cascade' }),
  borrowerActorId: uuid('borrower_actor_id').references(() => actors.id, { onDelete: 'set null' }),
  borrowerName: text('borrower_name'),
  borrowerEmail: text('borrower_email'),
  units: integer('units').notNull(),
  fromDate: date('from_date', { mode: 'string' }).notNull(),
  toDate: date('to_date', { mode: 'string' }).notNull(),
  status: text('status').$type<BookingStatus>().notNull().default('aangevraagd'),
  note: text('note').notNull().default(''),
  decisionNote: text('decision_note').notNull().default(''),
  checkoutNotes: text('checkout_notes').notNull().default(''),
  returnNotes: text('return_notes').notNull().default(''),
  damageNotes: text('damage_notes').notNull().default(''),
  requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
  checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
  returnedAt: timestamp('returned_at', { withTimezone: true }),
  pickupRemindedAt: timestamp('pickup_reminded_at', { withTimezone: true }),
  returnRemindedAt: timestamp('return_reminded_at', { withTimezone: true }),
  overdueRemindedAt: timestamp('overdue_reminded_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const lendingBookingUnits = pgTable(
  'lending_booking_units',
  {
    bookingId: uuid('booking_id').notNull().references(() => lendingBookings.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull().references(() => lendingUnits.id, { onDelete: 'cascade' }),
    period: daterange('period').notNull(),
    blocking: boolean('blocking').notNull().default(true),
  },
  (table) => [primaryKey({ columns: [table.bookingId, table.unitId] })],
);

export const lendingFeedTokens = pgTable('lending_feed_tokens', {
  actorId: uuid('actor_id').primaryKey().references(() => actors.id, { onDelete: 'cascade' }),
  regionId: uuid('region_id').notNull().references(() => regions.id, { onDelete: 'cascade' }),
  token: text('token').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
