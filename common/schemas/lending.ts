import { z } from 'zod';

export const ITEM_KINDS = ['materiaal', 'ruimte', 'set'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_AUDIENCES = ['partners', 'iedereen'] as const;
export type ItemAudience = (typeof ITEM_AUDIENCES)[number];
export const BOOKING_STATUSES = ['aangevraagd', 'bevestigd', 'geweigerd', 'uitgeleend', 'terug', 'geannuleerd'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Statuses whose units are out of the pool (the exclusion constraint covers exactly these). */
export const BLOCKING_STATUSES: readonly BookingStatus[] = ['aangevraagd', 'bevestigd', 'uitgeleend'];
export const BOOKING_TRANSITIONS = ['confirm', 'refuse', 'check-out', 'return', 'cancel'] as const;
export type BookingTransition = (typeof BOOKING_TRANSITIONS)[number];

const day = z.iso.date();
const nis = z.string().regex(/^[0-9]{5}$/);
const text = (max: number) => z.string().trim().max(max);

export const kitPartSchema = z.object({ itemId: z.uuid(), quantity: z.number().int().min(1).max(500).default(1) });

/** An item as created through the API; everything but name, owner and municipality has a default. */
export const itemInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  ownerActorId: z.uuid(),
  municipality: nis,
  units: z.number().int().min(1).max(500).default(1),
  kind: z.enum(ITEM_KINDS).default('materiaal'),
  description: text(5000).default(''),
  instructions: text(5000).default(''),
  address: text(300).default(''),
  audience: z.enum(ITEM_AUDIENCES).default('partners'),
  pricePerDayCents: z.number().int().min(0).max(10_000_000).default(0),
  depositCents: z.number().int().min(0).max(10_000_000).default(0),
  maxDays: z.number().int().min(1).max(365).nullable().default(null),
  bufferDays: z.number().int().min(0).max(60).default(0),
  autoConfirmPartners: z.boolean().default(false),
  kitParts: z.array(kitPartSchema).max(50).default([]),
});
export type ItemInput = z.infer<typeof itemInputSchema>;

/** A change to an item: any subset of its fields (no defaults, so absent fields stay) plus the version read. */
export const itemUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    ownerActorId: z.uuid(),
    municipality: nis,
    units: z.number().int().min(1).max(500),
    kind: z.enum(ITEM_KINDS),
    description: text(5000),
    instructions: text(5000),
    address: text(300),
    audience: z.enum(ITEM_AUDIENCES),
    pricePerDayCents: z.number().int().min(0).max(10_000_000),
    depositCents: z.number().int().min(0).max(10_000_000),
    maxDays: z.number().int().min(1).max(365).nullable(),
    bufferDays: z.number().int().min(0).max(60),
    autoConfirmPartners: z.boolean(),
    kitParts: z.array(kitPartSchema).max(50),
  })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type ItemUpdate = z.infer<typeof itemUpdateSchema>;

export const itemSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(ITEM_KINDS),
  ownerActorId: z.uuid(),
  ownerName: z.string(),
  municipality: z.object({ nisCode: z.string(), name: z.string() }),
  address: z.string(),
  units: z.number(),
  audience: z.enum(ITEM_AUDIENCES),
  pricePerDayCents: z.number(),
  depositCents: z.number(),
  maxDays: z.number().nullable(),
  bufferDays: z.number(),
  photoId: z.uuid().nullable(),
  /** With from/to in the query: how many units are free for the whole period. */
  freeUnits: z.number().nullable(),
  /** With near in the query: kilometres between the municipalities' centres. */
  distanceKm: z.number().nullable(),
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export const itemDetailSchema = itemSummarySchema.extend({
  description: z.string(),
  instructions: z.string(),
  autoConfirmPartners: z.boolean(),
  kitParts: z.array(z.object({ itemId: z.uuid(), name: z.string(), quantity: z.number() })),
  photoIds: z.array(z.uuid()),
  /** The photos in order, each with what it shows (empty: the page says "Foto van <name>"). */
  photos: z.array(z.object({ id: z.uuid(), alt: z.string() })),
  version: z.number(),
  canManage: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const itemListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(ITEM_KINDS).optional(),
  municipality: nis.optional(),
  ownerActorId: z.uuid().optional(),
  from: day.optional(),
  to: day.optional(),
  units: z.coerce.number().int().min(1).max(500).optional(),
  near: nis.optional(),
  withinKm: z.coerce.number().min(0).max(500).optional(),
  /** Only items with enough free units for from–to. */
  onlyFree: z.enum(['true', 'false']).optional(),
});
export type ItemListQuery = z.infer<typeof itemListQuerySchema>;

export const bookingInputSchema = z.object({
  itemId: z.uuid(),
  from: day,
  to: day,
  units: z.number().int().min(1).max(500).default(1),
  borrowerActorId: z.uuid().optional(),
  /** A resident without an actor (only for items open to everyone, booked by their owner). */
  borrowerName: z.string().trim().min(1).max(200).optional(),
  borrowerEmail: z.email().optional(),
  note: text(2000).default(''),
});
export type BookingInput = z.infer<typeof bookingInputSchema>;

export const bookingTransitionBodySchema = z.object({
  version: z.number().int().min(1),
  notes: text(5000).default(''),
  damageNotes: text(5000).default(''),
});
export type BookingTransitionBody = z.infer<typeof bookingTransitionBodySchema>;

export const bookingSchema = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  itemName: z.string(),
  itemKind: z.enum(ITEM_KINDS),
  ownerActorId: z.uuid(),
  ownerName: z.string(),
  ownerMunicipality: z.string(),
  borrowerActorId: z.uuid().nullable(),
  borrowerName: z.string(),
  borrowerMunicipality: z.string().nullable(),
  units: z.number(),
  from: z.string(),
  to: z.string(),
  status: z.enum(BOOKING_STATUSES),
  overdue: z.boolean(),
  note: z.string(),
  decisionNote: z.string(),
  checkoutNotes: z.string(),
  returnNotes: z.string(),
  damageNotes: z.string(),
  checkedOutAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  version: z.number(),
  canManage: z.boolean(),
  canCancel: z.boolean(),
});
export type Booking = z.infer<typeof bookingSchema>;

export const bookingCreatedSchema = z.object({ id: z.uuid(), status: z.enum(BOOKING_STATUSES), booking: bookingSchema });

export const bookingListQuerySchema = z.object({
  /** borrower: the bookings of my organisation; owner: the bookings of my organisation's items; all: admin. */
  role: z.enum(['borrower', 'owner', 'all']).default('borrower'),
  actorId: z.uuid().optional(),
  status: z.enum([...BOOKING_STATUSES, 'te-laat', 'actief']).optional(),
});

export const calendarQuerySchema = z.object({
  /** Defaults: today and five weeks on. */
  from: day.optional(),
  to: day.optional(),
  itemId: z.uuid().optional(),
  municipality: nis.optional(),
});

export const calendarSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(z.object({ id: z.uuid(), name: z.string(), units: z.number(), bufferDays: z.number() })),
  bookings: z.array(
    z.object({
      id: z.uuid(),
      itemId: z.uuid(),
      from: z.string(),
      to: z.string(),
      units: z.number(),
      status: z.enum(BOOKING_STATUSES),
      overdue: z.boolean(),
      borrowerName: z.string(),
      /** Set when a part of this kit is in use by another booking (a kit's own calendar only). */
      partName: z.string().nullable(),
      /** Set when this item's units go out with a kit (an item's own calendar only). */
      kitName: z.string().nullable(),
    }),
  ),
});
export type Calendar = z.infer<typeof calendarSchema>;

export const overviewSchema = z.object({
  inventory: z.array(z.object({ nisCode: z.string(), municipality: z.string(), sector: z.string(), sectorName: z.string(), items: z.number(), units: z.number() })),
  usage: z.array(z.object({ itemId: z.uuid(), itemName: z.string(), month: z.string(), bookings: z.number() })),
  totals: z.object({ items: z.number(), units: z.number(), bookings: z.number(), bovenlokaal: z.number(), bovenlokaalShare: z.number() }),
  neverBorrowed: z.array(z.object({ itemId: z.uuid(), itemName: z.string(), ownerName: z.string(), municipality: z.string() })),
});
export type Overview = z.infer<typeof overviewSchema>;

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Decoded size limit of one photo (the column's CHECK says the same). */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export const photoInputSchema = z.object({
  contentType: z.enum(PHOTO_TYPES),
  /** The image, base64-encoded (at most 2 MB decoded; a longer text is let through so the service can say so in words). */
  content: z.string().min(1).max(12_000_000),
  /** What the photo shows, for screen readers. */
  alt: text(300).default(''),
});
export type PhotoInput = z.infer<typeof photoInputSchema>;

export const lendingImportRequestSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** CSV or XLSX, base64-encoded. */
  content: z.string().min(1).max(20_000_000),
});

export const lendingImportResultSchema = z.object({
  committed: z.boolean(),
  rows: z.array(
    z.object({
      row: z.number(),
      name: z.string(),
      owner: z.string(),
      municipality: z.string(),
      units: z.number(),
      errors: z.array(z.object({ column: z.string(), message: z.string() })),
    }),
  ),
  created: z.number(),
  errorCount: z.number(),
});
export type LendingImportResult = z.infer<typeof lendingImportResultSchema>;

export const feedSchema = z.object({ actorId: z.uuid(), url: z.string() });

export const lendingMeSchema = z.object({
  ownActor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  isAdmin: z.boolean(),
  /** Admins (any owner) and editors linked to an organisation (their own) add items. */
  canAddItems: z.boolean(),
  seesOverview: z.boolean(),
});
