import type { DatabaseHandle, RawSql } from '../../db/client.js';
import { AppError, fieldError } from '../../http/errors.js';
import { formatDate, formatNumber } from '../../../common/format.js';
import type {
  Booking,
  BookingInput,
  BookingStatus,
  BookingTransition,
  BookingTransitionBody,
  Calendar,
  ItemDetail,
  ItemInput,
  ItemListQuery,
  ItemSummary,
  ItemUpdate,
  PhotoInput,
} from '../../../common/schemas/lending.js';
import { PHOTO_MAX_BYTES } from '../../../common/schemas/lending.js';
import { managesOwner, type LendingViewer } from './access.js';
import { memberCan } from '../../policy/policy.js';
import { dayCount, isoOrNull, todayInBrussels } from './dates.js';
import { haversineKmSql } from '../reference/distance.js';

type Row = Record<string, unknown>;

/** Appends one audit entry in the caller's transaction (raw SQL: the booking path never leaves it). */
export async function auditRaw(tx: RawSql, entry: { regionId: string; userId: string | null; entityType: string; entityId: string; action: string; changes?: Record<string, { before: unknown; after: unknown }> }): Promise<void> {
  await tx.query('INSERT INTO audit_log (region_id, user_id, entity_type, entity_id, action, changes) VALUES ($1, $2, $3, $4, $5, $6::jsonb)', [
    entry.regionId,
    entry.userId,
    entry.entityType,
    entry.entityId,
    entry.action,
    JSON.stringify(entry.changes ?? {}),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Items

// From the item's municipality centre to the chosen one's; null when either has no coordinates.
const DISTANCE_SQL = haversineKmSql('m.lat', 'm.lon', 'pn.lat', 'pn.lon');

const ITEM_SELECT = `SELECT i.id, i.name, i.kind, i.owner_actor_id, oa.name AS owner_name, i.municipality_nis, m.name AS municipality_name,
  i.address, i.audience, i.price_per_day_cents, i.deposit_cents, i.max_days, i.buffer_days, i.description, i.instructions,
  i.auto_confirm_partners, i.version, i.created_at, i.updated_at,
  (SELECT count(*)::int FROM lending_units u WHERE u.item_id = i.id) AS units,
  (SELECT p.id FROM lending_photos p WHERE p.item_id = i.id ORDER BY p.position, p.created_at LIMIT 1) AS photo_id`;

function itemSummary(row: Row): ItemSummary {
  return {
    id: row.id as string,
    name: row.name as string,
    kind: row.kind as ItemSummary['kind'],
    ownerActorId: row.owner_actor_id as string,
    ownerName: row.owner_name as string,
    municipality: { nisCode: row.municipality_nis as string, name: row.municipality_name as string },
    address: row.address as string,
    units: Number(row.units),
    audience: row.audience as ItemSummary['audience'],
    pricePerDayCents: Number(row.price_per_day_cents),
    depositCents: Number(row.deposit_cents),
    maxDays: row.max_days === null ? null : Number(row.max_days),
    bufferDays: Number(row.buffer_days),
    photoId: (row.photo_id as string | null) ?? null,
    freeUnits: row.free_units === undefined || row.free_units === null ? null : Number(row.free_units),
    distanceKm: row.distance_km === undefined || row.distance_km === null ? null : Math.round(Number(row.distance_km) * 10) / 10,
  };
}

async function assertActorInRegion(tx: RawSql, regionId: string, actorId: string, field: string): Promise<{ name: string; municipalityNis: string | null }> {
  const [actor] = await tx.query<{ name: string; municipality_nis: string | null }>('SELECT name, municipality_nis FROM actors WHERE id = $1 AND region_id = $2', [actorId, regionId]);
  if (!actor) throw fieldError(field, 'lending.validation.unknownActor');
  return { name: actor.name, municipalityNis: actor.municipality_nis };
}

async function assertMunicipality(tx: RawSql, nis: string): Promise<void> {
  const [row] = await tx.query('SELECT 1 FROM municipalities WHERE nis_code = $1', [nis]);
  if (!row) throw fieldError('municipality', 'lending.validation.unknownMunicipality');
}

async function writeKitParts(tx: RawSql, regionId: string, kitId: string, parts: ItemInput['kitParts']): Promise<void> {
  await tx.query('DELETE FROM lending_kit_parts WHERE kit_item_id = $1', [kitId]);
  for (const [index, part] of parts.entries()) {
    const [found] = await tx.query<{ kind: string }>('SELECT kind FROM lending_items WHERE id = $1 AND region_id = $2', [part.itemId, regionId]);
    if (!found || part.itemId === kitId || found.kind === 'set') throw fieldError(`kitParts.${index}.itemId`, 'lending.validation.badKitPart');
    await tx.query('INSERT INTO lending_kit_parts (kit_item_id, part_item_id, quantity) VALUES ($1, $2, $3)', [kitId, part.itemId, part.quantity]);
  }
}

/** Sets the number of identical units: adds units, or removes the highest ones when nothing blocks them. */
async function setUnitCount(tx: RawSql, itemId: string, count: number): Promise<void> {
  const [current] = await tx.query<{ n: number }>('SELECT coalesce(max(position), 0)::int AS n FROM lending_units WHERE item_id = $1', [itemId]);
  const have = Number(current?.n ?? 0);
  for (let position = have + 1; position <= count; position++) {
    await tx.query('INSERT INTO lending_units (item_id, position) VALUES ($1, $2)', [itemId, position]);
  }
  if (count < have) {
    const [busy] = await tx.query(
      `SELECT 1 FROM lending_units u JOIN lending_booking_units bu ON bu.unit_id = u.id
       WHERE u.item_id = $1 AND u.position > $2 AND bu.blocking LIMIT 1`,
      [itemId, count],
    );
    if (busy) throw fieldError('units', 'lending.validation.unitsInUse');
    await tx.query('DELETE FROM lending_units WHERE item_id = $1 AND position > $2', [itemId, count]);
  }
}

/** Creates an item with its units (and kit parts); only the owner's editors or an admin. */
export async function createItem(database: DatabaseHandle, viewer: LendingViewer, input: ItemInput): Promise<ItemDetail> {
  const id = await database.rawTransaction(async (tx) => {
    if (!managesOwner(viewer, input.ownerActorId)) throw new AppError('FORBIDDEN');
    await assertActorInRegion(tx, viewer.region.id, input.ownerActorId, 'ownerActorId');
    await assertMunicipality(tx, input.municipality);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO lending_items (region_id, owner_actor_id, kind, name, description, instructions, address, municipality_nis, audience,
        price_per_day_cents, deposit_cents, max_days, buffer_days, auto_confirm_partners)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [viewer.region.id, input.ownerActorId, input.kind, input.name, input.description, input.instructions, input.address, input.municipality, input.audience,
        input.pricePerDayCents, input.depositCents, input.maxDays, input.bufferDays, input.autoConfirmPartners],
    );
    const itemId = row!.id;
    await setUnitCount(tx, itemId, input.kind === 'ruimte' || input.kind === 'set' ? 1 : input.units);
    if (input.kind === 'set') await writeKitParts(tx, viewer.region.id, itemId, input.kitParts);
    await auditRaw(tx, { regionId: viewer.region.id, userId: viewer.userId, entityType: 'lending_item', entityId: itemId, action: 'create', changes: { name: { before: null, after: input.name }, units: { before: null, after: input.units } } });
    return itemId;
  });
  return getItemDetail(database, viewer, id);
}

/** An item with its parts, photos and whether the viewer manages it (404 outside the region). */
export async function getItemDetail(database: DatabaseHandle, viewer: LendingViewer, itemId: string): Promise<ItemDetail> {
  const [row] = await database.raw.query<Row>(
    `${ITEM_SELECT} FROM lending_items i JOIN actors oa ON oa.id = i.owner_actor_id JOIN municipalities m ON m.nis_code = i.municipality_nis
     WHERE i.id = $1 AND i.region_id = $2`,
    [itemId, viewer.region.id],
  );
  if (!row) throw new AppError('NOT_FOUND');
  const parts = await database.raw.query<{ item_id: string; name: string; quantity: number }>(
    'SELECT k.part_item_id AS item_id, i.name, k.quantity FROM lending_kit_parts k JOIN lending_items i ON i.id = k.part_item_id WHERE k.kit_item_id = $1 ORDER BY i.name',
    [itemId],
  );
  const photos = await database.raw.query<{ id: string; alt_text: string }>('SELECT id, alt_text FROM lending_photos WHERE item_id = $1 ORDER BY position, created_at', [itemId]);
  return {
    ...itemSummary(row),
    description: row.description as string,
    instructions: row.instructions as string,
    autoConfirmPartners: Boolean(row.auto_confirm_partners),
    kitParts: parts.map((part) => ({ itemId: part.item_id, name: part.name, quantity: Number(part.quantity) })),
    photoIds: photos.map((photo) => photo.id),
    photos: photos.map((photo) => ({ id: photo.id, alt: photo.alt_text })),
    version: Number(row.version),
    canManage: managesOwner(viewer, row.owner_actor_id as string),
    createdAt: isoOrNull(row.created_at)!,
    updatedAt: isoOrNull(row.updated_at)!,
  };
}

const UPDATABLE: Record<string, string> = {
  name: 'name',
  kind: 'kind',
  description: 'description',
  instructions: 'instructions',
  address: 'address',
  municipality: 'municipality_nis',
  audience: 'audience',
  pricePerDayCents: 'price_per_day_cents',
  depositCents: 'deposit_cents',
  maxDays: 'max_days',
  bufferDays: 'buffer_days',
  autoConfirmPartners: 'auto_confirm_partners',
  ownerActorId: 'owner_actor_id',
};

/** Changes an item at the version the editor read (409 with the current item when stale); audited per field. */
export async function updateItem(database: DatabaseHandle, viewer: LendingViewer, itemId: string, update: ItemUpdate): Promise<ItemDetail> {
  const before = await getItemDetail(database, viewer, itemId);
  if (!before.canManage) throw new AppError('FORBIDDEN');
  if (update.ownerActorId && !managesOwner(viewer, update.ownerActorId)) throw new AppError('FORBIDDEN');
  await database.rawTransaction(async (tx) => {
    if (update.ownerActorId) await assertActorInRegion(tx, viewer.region.id, update.ownerActorId, 'ownerActorId');
    if (update.municipality) await assertMunicipality(tx, update.municipality);
    const sets: string[] = [];
    const values: unknown[] = [];
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    const beforeValues: Record<string, unknown> = { ...before, municipality: before.municipality.nisCode };
    for (const [key, column] of Object.entries(UPDATABLE)) {
      const next = (update as Record<string, unknown>)[key];
      if (next === undefined) continue;
      values.push(next);
      sets.push(`${column} = $${values.length}`);
      if (JSON.stringify(beforeValues[key]) !== JSON.stringify(next)) changes[key] = { before: beforeValues[key] ?? null, after: next };
    }
    values.push(itemId, viewer.region.id, update.version);
    const updated = await tx.query<{ id: string }>(
      `UPDATE lending_items SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
       WHERE id = $${values.length - 2} AND region_id = $${values.length - 1} AND version = $${values.length} RETURNING id`,
      values,
    );
    if (updated.length === 0) throw new AppError('CONFLICT', {}, undefined, { current: before });
    // A room or a kit is one unit, as on creation; a material keeps the count it is given.
    const kind = update.kind ?? before.kind;
    const units = kind === 'ruimte' || kind === 'set' ? 1 : update.units;
    if (units !== undefined && units !== before.units) {
      await setUnitCount(tx, itemId, units);
      changes.units = { before: before.units, after: units };
    }
    if (update.kitParts !== undefined) {
      await writeKitParts(tx, viewer.region.id, itemId, update.kitParts);
      changes.kitParts = { before: before.kitParts.map((part) => ({ itemId: part.itemId, quantity: part.quantity })), after: update.kitParts };
    }
    await auditRaw(tx, { regionId: viewer.region.id, userId: viewer.userId, entityType: 'lending_item', entityId: itemId, action: 'update', changes });
  });
  return getItemDetail(database, viewer, itemId);
}

/** Deletes an item unless it is still requested, confirmed or out (409). */
export async function deleteItem(database: DatabaseHandle, viewer: LendingViewer, itemId: string): Promise<void> {
  const item = await getItemDetail(database, viewer, itemId);
  if (!item.canManage) throw new AppError('FORBIDDEN');
  await database.rawTransaction(async (tx) => {
    const [active] = await tx.query(`SELECT 1 FROM lending_bookings WHERE item_id = $1 AND status IN ('aangevraagd', 'bevestigd', 'uitgeleend') LIMIT 1`, [itemId]);
    if (active) throw new AppError('CONFLICT', {}, [{ path: 'id', message: '@lending.validation.itemHasBookings' }]);
    await tx.query('DELETE FROM lending_items WHERE id = $1', [itemId]);
    await auditRaw(tx, { regionId: viewer.region.id, userId: viewer.userId, entityType: 'lending_item', entityId: itemId, action: 'delete', changes: { name: { before: item.name, after: null } } });
  });
}

/**
 * Free units per item of a region for from–to, set-based: one pass over the blocking unit periods that
 * touch the asked days (plus the longest buffer in the region, so the period index can answer), then
 * each item's own buffer decides. A kit (set) is free only as often as its own unit and every part's
 * free units allow (parts counted with their own buffer days, as createBooking books them).
 */
function freeUnitsSql(region: string, from: string, to: string): string {
  // Materialized on purpose: the period index answers the region-wide window once; were the item's own
  // buffer part of that scan, the planner would rescan the index per item (items × periods rows).
  return `touching AS MATERIALIZED (
      SELECT bu.unit_id, bu.period
      FROM lending_booking_units bu
      WHERE bu.blocking
        AND bu.period && daterange(${from}::date, ${to}::date + 1 + (SELECT coalesce(max(buffer_days), 0) FROM lending_items WHERE region_id = ${region}), '[)')
    ),
    busy AS (
      SELECT DISTINCT touching.unit_id
      FROM touching
      JOIN lending_units bu_unit ON bu_unit.id = touching.unit_id
      JOIN lending_items bu_item ON bu_item.id = bu_unit.item_id
      WHERE bu_item.region_id = ${region} AND touching.period && daterange(${from}::date, ${to}::date + 1 + bu_item.buffer_days, '[)')
    ),
    unit_counts AS (
      SELECT u.item_id, count(*)::int AS units, (count(*) FILTER (WHERE busy.unit_id IS NULL))::int AS free_units
      FROM lending_units u
      JOIN lending_items ui ON ui.id = u.item_id AND ui.region_id = ${region}
      LEFT JOIN busy ON busy.unit_id = u.id
      GROUP BY u.item_id
    ),
    kit_free AS (
      SELECT k.kit_item_id, min(part.free_units / k.quantity)::int AS free_sets
      FROM lending_kit_parts k JOIN unit_counts part ON part.item_id = k.part_item_id
      GROUP BY k.kit_item_id
    )`;
}

/**
 * The region's items, filtered; with from/to each item's free units for the whole period (buffer days
 * included, a kit's parts too), with near/withinKm the distance between municipality centres, computed in SQL.
 */
export async function listItems(database: DatabaseHandle, regionId: string, query: ItemListQuery): Promise<ItemSummary[]> {
  const params: unknown[] = [regionId];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['i.region_id = $1'];
  if (query.q) where.push(`(i.name ILIKE ${add(`%${query.q}%`)} OR i.description ILIKE $${params.length} OR oa.name ILIKE $${params.length})`);
  if (query.kind) where.push(`i.kind = ${add(query.kind)}`);
  if (query.municipality) where.push(`i.municipality_nis = ${add(query.municipality)}`);
  if (query.ownerActorId) where.push(`i.owner_actor_id = ${add(query.ownerActorId)}`);
  const near = add(query.near ?? null);
  const withPeriod = Boolean(query.from && query.to);
  const counts = withPeriod
    ? freeUnitsSql('$1', add(query.from), add(query.to))
    : `unit_counts AS (
        SELECT u.item_id, count(*)::int AS units, NULL::int AS free_units
        FROM lending_units u JOIN lending_items ui ON ui.id = u.item_id AND ui.region_id = $1 GROUP BY u.item_id
      ),
      kit_free AS (SELECT NULL::uuid AS kit_item_id, NULL::int AS free_sets WHERE false)`;
  const rows = await database.raw.query<Row>(
    `WITH ${counts}
     SELECT * FROM (
       SELECT i.id, i.name, i.kind, i.owner_actor_id, oa.name AS owner_name, i.municipality_nis, m.name AS municipality_name,
         i.address, i.audience, i.price_per_day_cents, i.deposit_cents, i.max_days, i.buffer_days,
         coalesce(uc.units, 0) AS units,
         (SELECT p.id FROM lending_photos p WHERE p.item_id = i.id ORDER BY p.position, p.created_at LIMIT 1) AS photo_id,
         CASE WHEN kf.free_sets IS NULL THEN uc.free_units ELSE least(uc.free_units, kf.free_sets) END AS free_units,
         ${DISTANCE_SQL} AS distance_km
       FROM lending_items i
       JOIN actors oa ON oa.id = i.owner_actor_id
       JOIN municipalities m ON m.nis_code = i.municipality_nis
       LEFT JOIN municipalities pn ON pn.nis_code = ${near}
       LEFT JOIN unit_counts uc ON uc.item_id = i.id
       LEFT JOIN kit_free kf ON kf.kit_item_id = i.id
       WHERE ${where.join(' AND ')}
     ) found
     WHERE (${add(query.withinKm ?? null)}::float8 IS NULL OR distance_km <= $${params.length})
       AND (${add(query.onlyFree === 'true' && withPeriod ? (query.units ?? 1) : null)}::int IS NULL OR free_units >= $${params.length})
     ORDER BY distance_km NULLS LAST, name`,
    params,
  );
  return rows.map(itemSummary);
}

// ---------------------------------------------------------------------------------------------
// Photos

const MAX_PHOTOS = 8;

/** Whether the bytes start the way the declared image type does (a renamed PDF or GIF is refused). */
function looksLike(contentType: PhotoInput['contentType'], bytes: Buffer): boolean {
  if (contentType === 'image/jpeg') return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (contentType === 'image/png') return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
}

/** Stores a photo of an item with its description (checked: really that image type, at most 2 MB, at most 8 per item). */
export async function addPhoto(database: DatabaseHandle, viewer: LendingViewer, itemId: string, photo: PhotoInput): Promise<string> {
  const item = await getItemDetail(database, viewer, itemId);
  if (!item.canManage) throw new AppError('FORBIDDEN');
  const bytes = Buffer.from(photo.content, 'base64');
  if (bytes.length === 0) throw fieldError('content', 'lending.validation.emptyPhoto');
  if (bytes.length > PHOTO_MAX_BYTES) throw fieldError('content', 'lending.validation.photoTooLarge', { size: formatMegabytes(bytes.length) });
  if (!looksLike(photo.contentType, bytes)) throw fieldError('content', 'lending.validation.photoType');
  if (item.photoIds.length >= MAX_PHOTOS) throw fieldError('content', 'lending.validation.tooManyPhotos', { count: MAX_PHOTOS });
  return database.rawTransaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>('INSERT INTO lending_photos (item_id, content_type, bytes, alt_text, position) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
      itemId,
      photo.contentType,
      bytes,
      photo.alt,
      item.photoIds.length,
    ]);
    await auditRaw(tx, { regionId: viewer.region.id, userId: viewer.userId, entityType: 'lending_item', entityId: itemId, action: 'photo.add', changes: { photo: { before: null, after: row!.id } } });
    return row!.id;
  });
}

function formatMegabytes(bytes: number): string {
  return formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, 1);
}

/** A photo's bytes, only within the viewer's region. */
export async function getPhoto(database: DatabaseHandle, regionId: string, itemId: string, photoId: string): Promise<{ contentType: string; bytes: Buffer }> {
  const [row] = await database.raw.query<{ content_type: string; bytes: Uint8Array }>(
    'SELECT p.content_type, p.bytes FROM lending_photos p JOIN lending_items i ON i.id = p.item_id WHERE p.id = $1 AND p.item_id = $2 AND i.region_id = $3',
    [photoId, itemId, regionId],
  );
  if (!row) throw new AppError('NOT_FOUND');
  return { contentType: row.content_type, bytes: Buffer.from(row.bytes) };
}

/** Removes a photo (owner or admin). */
export async function deletePhoto(database: DatabaseHandle, viewer: LendingViewer, itemId: string, photoId: string): Promise<void> {
  const item = await getItemDetail(database, viewer, itemId);
  if (!item.canManage) throw new AppError('FORBIDDEN');
  await database.rawTransaction(async (tx) => {
    const deleted = await tx.query('DELETE FROM lending_photos WHERE id = $1 AND item_id = $2 RETURNING id', [photoId, itemId]);
    if (deleted.length === 0) throw new AppError('NOT_FOUND');
    await auditRaw(tx, { regionId: viewer.region.id, userId: viewer.userId, entityType: 'lending_item', entityId: itemId, action: 'photo.delete', changes: { photo: { before: photoId, after: null } } });
  });
}

// ---------------------------------------------------------------------------------------------
// Bookings

const BOOKING_SELECT = `SELECT b.id, b.item_id, i.name AS item_name, i.kind AS item_kind, i.owner_actor_id, oa.name AS owner_name,
  om.name AS owner_municipality, b.borrower_actor_id, coalesce(ba.name, b.borrower_name, '') AS borrower_name, bm.name AS borrower_municipality,
  b.units, b.from_date::text AS from_date, b.to_date::text AS to_date, b.status, b.note, b.decision_note, b.checkout_notes,
  b.return_notes, b.damage_notes, b.checked_out_at, b.returned_at, b.version, b.requested_by
  FROM lending_bookings b
  JOIN lending_items i ON i.id = b.item_id
  JOIN actors oa ON oa.id = i.owner_actor_id
  LEFT JOIN municipalities om ON om.nis_code = oa.municipality_nis
  LEFT JOIN actors ba ON ba.id = b.borrower_actor_id
  LEFT JOIN municipalities bm ON bm.nis_code = ba.municipality_nis`;

function isBorrower(viewer: LendingViewer, row: Row): boolean {
  return row.requested_by === viewer.userId || (viewer.ownActorId !== null && row.borrower_actor_id === viewer.ownActorId);
}

function presentBooking(viewer: LendingViewer, row: Row, today: string): Booking {
  const status = row.status as BookingStatus;
  const canManage = managesOwner(viewer, row.owner_actor_id as string);
  return {
    id: row.id as string,
    itemId: row.item_id as string,
    itemName: row.item_name as string,
    itemKind: row.item_kind as Booking['itemKind'],
    ownerActorId: row.owner_actor_id as string,
    ownerName: row.owner_name as string,
    ownerMunicipality: (row.owner_municipality as string | null) ?? '',
    borrowerActorId: (row.borrower_actor_id as string | null) ?? null,
    borrowerName: row.borrower_name as string,
    borrowerMunicipality: (row.borrower_municipality as string | null) ?? null,
    units: Number(row.units),
    from: row.from_date as string,
    to: row.to_date as string,
    status,
    overdue: status === 'uitgeleend' && (row.to_date as string) < today,
    note: row.note as string,
    decisionNote: row.decision_note as string,
    checkoutNotes: row.checkout_notes as string,
    returnNotes: row.return_notes as string,
    damageNotes: row.damage_notes as string,
    checkedOutAt: isoOrNull(row.checked_out_at),
    returnedAt: isoOrNull(row.returned_at),
    version: Number(row.version),
    canManage,
    canCancel: (status === 'aangevraagd' || status === 'bevestigd') && (canManage || isBorrower(viewer, row)),
  };
}

/** One booking as the viewer sees it (404 outside the region). */
export async function getBooking(database: DatabaseHandle, viewer: LendingViewer, bookingId: string): Promise<Booking> {
  const [row] = await database.raw.query<Row>(`${BOOKING_SELECT} WHERE b.id = $1 AND b.region_id = $2`, [bookingId, viewer.region.id]);
  if (!row) throw new AppError('NOT_FOUND');
  return presentBooking(viewer, row, todayInBrussels());
}

interface Requirement {
  itemId: string;
  name: string;
  count: number;
  bufferDays: number;
}

function isOverlapViolation(error: unknown): boolean {
  const candidate = error as { code?: unknown; message?: unknown; constraint?: unknown };
  return candidate?.code === '23P01' || String(candidate?.message ?? '').includes('lending_no_overlap');
}

/** The blocking bookings that overlap the asked period on the items involved: what the 409 names. */
async function conflictsFor(raw: RawSql, requirements: readonly Requirement[], from: string, to: string) {
  const rows = await raw.query<{ from_date: string; to_date: string; blocked_until: string; item_name: string }>(
    `SELECT DISTINCT b.from_date::text AS from_date, b.to_date::text AS to_date, (upper(bu.period) - 1)::text AS blocked_until, i.name AS item_name
     FROM lending_booking_units bu JOIN lending_units u ON u.id = bu.unit_id JOIN lending_bookings b ON b.id = bu.booking_id JOIN lending_items i ON i.id = u.item_id
     WHERE u.item_id = ANY($1::uuid[]) AND bu.blocking AND bu.period && daterange($2::date, $3::date + 1 + $4::int, '[)')
     ORDER BY 1`,
    [requirements.map((requirement) => requirement.itemId), from, to, Math.max(0, ...requirements.map((requirement) => requirement.bufferDays))],
  );
  return rows.map((row) => ({ from: row.from_date, to: row.to_date, blockedUntil: row.blocked_until, itemName: row.item_name }));
}

function overlapError(conflicts: { from: string; to: string; blockedUntil: string; itemName: string }[], freeUnits: number | null): AppError {
  const first = conflicts[0];
  return new AppError(
    'BOOKING_OVERLAP',
    { from: first ? formatDate(first.from) : '', to: first ? formatDate(first.blockedUntil) : '' },
    undefined,
    { conflicts, freeUnits },
  );
}

/**
 * Requests an item for whole days from–to (inclusive): picks free units for the item (and a kit's
 * parts) and inserts them; the exclusion constraint lending_no_overlap has the last word, so
 * simultaneous requests for the same unit get exactly one success and 409 BOOKING_OVERLAP for the rest.
 */
export async function createBooking(database: DatabaseHandle, viewer: LendingViewer, input: BookingInput, today = todayInBrussels()): Promise<Booking> {
  const [item] = await database.raw.query<Row>(
    `SELECT i.id, i.name, i.owner_actor_id, i.audience, i.max_days, i.buffer_days, i.auto_confirm_partners, i.kind,
       (SELECT count(*)::int FROM lending_units u WHERE u.item_id = i.id) AS units
     FROM lending_items i WHERE i.id = $1 AND i.region_id = $2`,
    [input.itemId, viewer.region.id],
  );
  if (!item) throw fieldError('itemId', 'lending.validation.unknownItem');
  if (input.to < input.from) throw fieldError('to', 'lending.validation.toBeforeFrom');
  if (input.from < today) throw fieldError('from', 'lending.validation.inPast');
  if (item.max_days !== null && dayCount(input.from, input.to) > Number(item.max_days)) throw fieldError('to', 'lending.validation.tooManyDays', { count: Number(item.max_days) });
  if (input.units > Number(item.units)) throw fieldError('units', 'lending.validation.tooManyUnits', { count: Number(item.units) });
  const manages = managesOwner(viewer, item.owner_actor_id as string);
  if (input.borrowerActorId) {
    await assertActorInRegion(database.raw, viewer.region.id, input.borrowerActorId, 'borrowerActorId');
    if (!memberCan(viewer, 'lending.on-behalf', [input.borrowerActorId]) && !manages) throw new AppError('FORBIDDEN');
  } else if (input.borrowerName) {
    if (item.audience !== 'iedereen') throw fieldError('borrowerActorId', 'lending.validation.partnersOnly');
    if (!manages) throw new AppError('FORBIDDEN');
  } else {
    throw fieldError('borrowerActorId', 'validation.required');
  }
  const parts = await database.raw.query<{ item_id: string; name: string; quantity: number; buffer_days: number }>(
    'SELECT k.part_item_id AS item_id, i.name, k.quantity, i.buffer_days FROM lending_kit_parts k JOIN lending_items i ON i.id = k.part_item_id WHERE k.kit_item_id = $1',
    [input.itemId],
  );
  const requirements: Requirement[] = [
    { itemId: input.itemId, name: item.name as string, count: input.units, bufferDays: Number(item.buffer_days) },
    ...parts.map((part) => ({ itemId: part.item_id, name: part.name, count: Number(part.quantity) * input.units, bufferDays: Number(part.buffer_days) })),
  ];
  const status: BookingStatus = manages || (Boolean(item.auto_confirm_partners) && Boolean(input.borrowerActorId)) ? 'bevestigd' : 'aangevraagd';

  // A multi-unit item can lose a race for one unit while another is still free: try again then.
  for (let attempt = 1; ; attempt++) {
    try {
      const id = await database.rawTransaction(async (tx) => {
        const chosen: { unitId: string; bufferDays: number }[] = [];
        for (const requirement of requirements) {
          const free = await tx.query<{ id: string }>(
            `SELECT u.id FROM lending_units u WHERE u.item_id = $1 AND NOT EXISTS (
               SELECT 1 FROM lending_booking_units bu WHERE bu.unit_id = u.id AND bu.blocking AND bu.period && daterange($2::date, $3::date + 1 + $4::int, '[)'))
             ORDER BY u.position LIMIT $5`,
            [requirement.itemId, input.from, input.to, requirement.bufferDays, requirement.count],
          );
          if (free.length < requirement.count) throw overlapError(await conflictsFor(tx, requirements, input.from, input.to), free.length);
          chosen.push(...free.map((unit) => ({ unitId: unit.id, bufferDays: requirement.bufferDays })));
        }
        const [booking] = await tx.query<{ id: string }>(
          `INSERT INTO lending_bookings (region_id, item_id, borrower_actor_id, borrower_name, borrower_email, units, from_date, to_date, status, note, requested_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [viewer.region.id, input.itemId, input.borrowerActorId ?? null, input.borrowerActorId ? null : input.borrowerName, input.borrowerEmail ?? null,
            input.units, input.from, input.to, status, input.note, viewer.userId],
        );
        for (const unit of chosen) {
          await tx.query(`INSERT INTO lending_booking_units (booking_id, unit_id, period) VALUES ($1, $2, daterange($3::date, $4::date + 1 + $5::int, '[)'))`, [
            booking!.id, unit.unitId, input.from, input.to, unit.bufferDays,
          ]);
        }
        await auditRaw(tx, { regionId: viewer.region.id, userId: viewer.userId, entityType: 'lending_booking', entityId: booking!.id, action: 'create', changes: { status: { before: null, after: status }, period: { before: null, after: `${input.from}/${input.to}` } } });
        return booking!.id;
      });
      return getBooking(database, viewer, id);
    } catch (error) {
      if (!isOverlapViolation(error)) throw error;
      if (attempt < 3 && requirements.some((requirement) => requirement.count > 1 || requirements.length > 1)) continue;
      throw overlapError(await conflictsFor(database.raw, requirements, input.from, input.to), null);
    }
  }
}

const TRANSITIONS: Record<BookingTransition, { from: readonly BookingStatus[]; to: BookingStatus; releases: boolean; byBorrower: boolean }> = {
  confirm: { from: ['aangevraagd'], to: 'bevestigd', releases: false, byBorrower: false },
  refuse: { from: ['aangevraagd'], to: 'geweigerd', releases: true, byBorrower: false },
  'check-out': { from: ['bevestigd'], to: 'uitgeleend', releases: false, byBorrower: false },
  return: { from: ['uitgeleend'], to: 'terug', releases: true, byBorrower: false },
  cancel: { from: ['aangevraagd', 'bevestigd'], to: 'geannuleerd', releases: true, byBorrower: true },
};

/**
 * Moves a booking one step (owner: confirm, refuse, check out, take back; borrower or owner: cancel)
 * at the version the caller saw; refused, cancelled and returned bookings release their units.
 */
export async function transitionBooking(database: DatabaseHandle, viewer: LendingViewer, bookingId: string, transition: BookingTransition, body: BookingTransitionBody): Promise<Booking> {
  const [row] = await database.raw.query<Row>(`${BOOKING_SELECT} WHERE b.id = $1 AND b.region_id = $2`, [bookingId, viewer.region.id]);
  if (!row) throw new AppError('NOT_FOUND');
  const rule = TRANSITIONS[transition];
  const current = presentBooking(viewer, row, todayInBrussels());
  if (!current.canManage && !(rule.byBorrower && isBorrower(viewer, row))) throw new AppError('FORBIDDEN');
  if (!rule.from.includes(current.status)) throw new AppError('BOOKING_STATUS', { status: current.status }, undefined, { current });
  await database.rawTransaction(async (tx) => {
    const sets = ['status = $1', 'version = version + 1', 'updated_at = now()'];
    const values: unknown[] = [rule.to];
    const changes: Record<string, { before: unknown; after: unknown }> = { status: { before: current.status, after: rule.to } };
    const note = (column: string, value: string) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
      if (value) changes[column] = { before: null, after: value };
    };
    if (transition === 'confirm' || transition === 'refuse' || transition === 'cancel') note('decision_note', body.notes);
    if (transition === 'check-out') {
      note('checkout_notes', body.notes);
      sets.push('checked_out_at = now()');
    }
    if (transition === 'return') {
      note('return_notes', body.notes);
      note('damage_notes', body.damageNotes);
      sets.push('returned_at = now()');
    }
    values.push(bookingId, body.version, current.status);
    const updated = await tx.query(`UPDATE lending_bookings SET ${sets.join(', ')} WHERE id = $${values.length - 2} AND version = $${values.length - 1} AND status = $${values.length} RETURNING id`, values);
    if (updated.length === 0) throw new AppError('CONFLICT', {}, undefined, { current });
    if (rule.releases) await tx.query('UPDATE lending_booking_units SET blocking = false WHERE booking_id = $1', [bookingId]);
    await auditRaw(tx, { regionId: viewer.region.id, userId: viewer.userId, entityType: 'lending_booking', entityId: bookingId, action: transition, changes });
  });
  return getBooking(database, viewer, bookingId);
}

/** The borrower's list (own organisation or own requests), the owner's list (own items), or all (admin). */
export async function listBookings(database: DatabaseHandle, viewer: LendingViewer, query: { role: 'borrower' | 'owner' | 'all'; actorId?: string; status?: string }): Promise<Booking[]> {
  const params: unknown[] = [viewer.region.id];
  const where = ['b.region_id = $1'];
  const actorId = query.actorId ?? viewer.ownActorId;
  // Another actor's list only for whoever may act on that actor's behalf (the regisseur; a member for their own).
  if (query.actorId && !memberCan(viewer, 'lending.on-behalf', [query.actorId])) throw new AppError('FORBIDDEN');
  if (query.role === 'all') {
    if (!memberCan(viewer, 'lending.any-actor')) throw new AppError('FORBIDDEN');
  } else if (query.role === 'owner') {
    params.push(actorId);
    where.push(`i.owner_actor_id = $${params.length}`);
  } else {
    params.push(actorId, viewer.userId);
    where.push(`(b.borrower_actor_id = $${params.length - 1} OR (b.requested_by = $${params.length} AND $${params.length - 1}::uuid IS NULL))`);
  }
  const today = todayInBrussels();
  if (query.status === 'te-laat') {
    params.push(today);
    where.push(`b.status = 'uitgeleend' AND b.to_date < $${params.length}`);
  } else if (query.status === 'actief') {
    where.push(`b.status IN ('aangevraagd', 'bevestigd', 'uitgeleend')`);
  } else if (query.status) {
    params.push(query.status);
    where.push(`b.status = $${params.length}`);
  }
  const rows = await database.raw.query<Row>(`${BOOKING_SELECT} WHERE ${where.join(' AND ')} ORDER BY b.from_date DESC, i.name LIMIT 500`, params);
  return rows.map((row) => presentBooking(viewer, row, today));
}

/** Items (one, or those in a municipality, or all) and their bookings that touch from–to, for month and week views. */
export async function calendar(database: DatabaseHandle, regionId: string, query: { from: string; to: string; itemId?: string; municipality?: string }): Promise<Calendar> {
  if (query.to < query.from) throw fieldError('to', 'lending.validation.toBeforeFrom');
  if (dayCount(query.from, query.to) > 62) throw fieldError('to', 'lending.validation.rangeTooLong', { count: 62 });
  const params: unknown[] = [regionId];
  const where = ['i.region_id = $1'];
  if (query.itemId) {
    params.push(query.itemId);
    where.push(`i.id = $${params.length}`);
  }
  if (query.municipality) {
    params.push(query.municipality);
    where.push(`i.municipality_nis = $${params.length}`);
  }
  const items = await database.raw.query<{ id: string; name: string; units: number; buffer_days: number }>(
    `SELECT i.id, i.name, i.buffer_days, (SELECT count(*)::int FROM lending_units u WHERE u.item_id = i.id) AS units
     FROM lending_items i WHERE ${where.join(' AND ')} ORDER BY i.name LIMIT 200`,
    params,
  );
  const bookings = await database.raw.query<Row>(
    `SELECT b.id, b.item_id, b.from_date::text AS from_date, b.to_date::text AS to_date, b.units, b.status, coalesce(ba.name, b.borrower_name, '') AS borrower_name
     FROM lending_bookings b LEFT JOIN actors ba ON ba.id = b.borrower_actor_id
     WHERE b.item_id = ANY($1::uuid[]) AND b.status NOT IN ('geweigerd', 'geannuleerd') AND b.from_date <= $3 AND b.to_date >= $2
     ORDER BY b.from_date`,
    [items.map((item) => item.id), query.from, query.to],
  );
  // One kit's calendar also shows its parts in use elsewhere (booked alone or in another kit): the kit
  // cannot go out then, as the search and the booking already know. Not in a municipality's calendar,
  // where the parts' own rows already count.
  const partBookings = query.itemId
    ? await database.raw.query<Row>(
        `SELECT b.id, b.from_date::text AS from_date, b.to_date::text AS to_date, count(*)::int AS units, b.status,
                coalesce(ba.name, b.borrower_name, '') AS borrower_name, p.name AS part_name
         FROM lending_kit_parts k
         JOIN lending_items p ON p.id = k.part_item_id
         JOIN lending_units u ON u.item_id = k.part_item_id
         JOIN lending_booking_units bu ON bu.unit_id = u.id AND bu.blocking
         JOIN lending_bookings b ON b.id = bu.booking_id
         LEFT JOIN actors ba ON ba.id = b.borrower_actor_id
         WHERE k.kit_item_id = $1 AND b.item_id <> $1 AND b.from_date <= $3 AND b.to_date >= $2
         GROUP BY b.id, b.from_date, b.to_date, b.status, ba.name, b.borrower_name, p.name
         ORDER BY b.from_date`,
        [query.itemId, query.from, query.to],
      )
    : [];
  // And one item's calendar shows the kits that take its units along.
  const kitBookings = query.itemId
    ? await database.raw.query<Row>(
        `SELECT b.id, b.from_date::text AS from_date, b.to_date::text AS to_date, count(*)::int AS units, b.status,
                coalesce(ba.name, b.borrower_name, '') AS borrower_name, kit.name AS kit_name
         FROM lending_units u
         JOIN lending_booking_units bu ON bu.unit_id = u.id AND bu.blocking
         JOIN lending_bookings b ON b.id = bu.booking_id
         JOIN lending_items kit ON kit.id = b.item_id
         LEFT JOIN actors ba ON ba.id = b.borrower_actor_id
         WHERE u.item_id = $1 AND b.item_id <> $1 AND b.from_date <= $3 AND b.to_date >= $2
         GROUP BY b.id, b.from_date, b.to_date, b.status, ba.name, b.borrower_name, kit.name
         ORDER BY b.from_date`,
        [query.itemId, query.from, query.to],
      )
    : [];
  const today = todayInBrussels();
  return {
    from: query.from,
    to: query.to,
    items: items.map((item) => ({ id: item.id, name: item.name, units: Number(item.units), bufferDays: Number(item.buffer_days) })),
    bookings: [...bookings, ...[...partBookings, ...kitBookings].map((row): Row => ({ ...row, item_id: query.itemId }))].map((row) => ({
      id: row.id as string,
      itemId: row.item_id as string,
      from: row.from_date as string,
      to: row.to_date as string,
      units: Number(row.units),
      status: row.status as BookingStatus,
      overdue: row.status === 'uitgeleend' && (row.to_date as string) < today,
      borrowerName: row.borrower_name as string,
      partName: (row.part_name as string | undefined) ?? null,
      kitName: (row.kit_name as string | undefined) ?? null,
    })),
  };
}

