import { and, eq } from 'drizzle-orm';
import type { Db, DatabaseHandle, RawSql } from '../../db/client.js';
import { AppError, fieldError } from '../../http/errors.js';
import { memberCan } from '../../policy/policy.js';
import { diffFields, recordChange } from '../audit/service.js';
import { actors } from '../network/schema.js';
import { regionMunicipalities } from '../regions/schema.js';
import { offerDates, offers } from './schema.js';
import { indexOffer } from './index-offer.js';
import { rawOver } from './tx-raw.js';
import type { OfferAdminList, OfferDetail, OfferInput, OfferUpdate } from '../../../common/schemas/catalog.js';
import type { Role } from '../accounts/schema.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type OfferRow = typeof offers.$inferSelect;

/** Who is acting on offers: admins manage the region's offers, editors their own organisation's. */
export interface OfferEditor {
  regionId: string;
  userId: string | null;
  role: Role | null;
  /** The editor's organisation (actor); null for admins or unlinked editors. */
  ownActorId: string | null;
}

/** Whether this editor may change an offer organised by `organizerActorId` (offer.edit: admins all, editors their own organisation's). */
export function mayEdit(editor: OfferEditor, organizerActorId: string | null): boolean {
  return memberCan(editor, 'offer.edit', [organizerActorId]);
}

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

/** The stored form of an input: numerics as strings, as Drizzle wants them. */
function columns(input: Partial<OfferInput>): Partial<typeof offers.$inferInsert> {
  const { dates: _dates, latitude, longitude, fourthPillarHours, ...rest } = input;
  return {
    ...rest,
    ...(latitude !== undefined ? { latitude: latitude === null ? null : String(latitude) } : {}),
    ...(longitude !== undefined ? { longitude: longitude === null ? null : String(longitude) } : {}),
    ...(fourthPillarHours !== undefined ? { fourthPillarHours: fourthPillarHours === null ? null : String(fourthPillarHours) } : {}),
  };
}

async function checkReferences(tx: Tx, regionId: string, input: Partial<OfferInput>): Promise<void> {
  if (input.municipalityNis) {
    const [inRegion] = await tx
      .select()
      .from(regionMunicipalities)
      .where(and(eq(regionMunicipalities.regionId, regionId), eq(regionMunicipalities.nisCode, input.municipalityNis)));
    if (!inRegion) throw fieldError('municipalityNis', 'catalog.errors.municipalityOutsideRegion');
  }
  if (input.organizerActorId) {
    const [actor] = await tx.select({ id: actors.id }).from(actors).where(and(eq(actors.id, input.organizerActorId), eq(actors.regionId, regionId)));
    if (!actor) throw fieldError('organizerActorId', 'catalog.errors.unknownOrganizer');
  }
  if (input.ageMin != null && input.ageMax != null && input.ageMin > input.ageMax) throw fieldError('ageMax', 'catalog.errors.ageRange');
  for (const [index, date] of (input.dates ?? []).entries()) {
    if (date.endsAt && new Date(date.endsAt) < new Date(date.startsAt)) throw fieldError(`dates.${index}.endsAt`, 'catalog.errors.endBeforeStart');
  }
  if (input.calendarType && input.calendarType !== 'permanent' && input.dates !== undefined && input.dates.length === 0) {
    throw fieldError('dates', 'catalog.errors.datesRequired');
  }
}

async function organizerName(tx: Tx, actorId: string | null): Promise<string | null> {
  if (!actorId) return null;
  const [actor] = await tx.select({ name: actors.name }).from(actors).where(eq(actors.id, actorId));
  return actor?.name ?? null;
}

async function replaceDates(tx: Tx, offerId: string, dates: OfferInput['dates']): Promise<void> {
  await tx.delete(offerDates).where(eq(offerDates.offerId, offerId));
  if (dates.length > 0) {
    await tx.insert(offerDates).values(dates.map((date) => ({ offerId, startsAt: new Date(date.startsAt), endsAt: date.endsAt ? new Date(date.endsAt) : null })));
  }
}

/** Writes a new offer with its dates, its audit entry and its search document, in the caller's transaction. */
export async function insertOffer(tx: Tx, regionId: string, input: OfferInput, meta: { userId: string | null; source?: 'manual' | 'uitdatabank'; sourceId?: string | null; sourceModifiedAt?: Date | null }): Promise<OfferRow> {
  await checkReferences(tx, regionId, input);
  const [row] = await tx
    .insert(offers)
    .values({ ...columns(input), title: input.title, regionId, source: meta.source ?? 'manual', sourceId: meta.sourceId ?? null, sourceModifiedAt: meta.sourceModifiedAt ?? null, createdBy: meta.userId, updatedBy: meta.userId })
    .returning();
  await replaceDates(tx, row!.id, input.dates);
  await recordChange(tx, { regionId, userId: meta.userId, entityType: 'offer', entityId: row!.id, action: 'create', changes: diffFields({} as Record<string, unknown>, input) });
  await indexOffer(rawOver(tx), { ...row!, organizerName: await organizerName(tx, row!.organizerActorId) });
  return row!;
}

/** Applies a change to a stored offer (no version check: the caller did it), with audit and search document. */
export async function applyOfferChange(tx: Tx, before: OfferRow, change: Partial<OfferInput>, meta: { userId: string | null; sourceModifiedAt?: Date | null }): Promise<OfferRow> {
  await checkReferences(tx, before.regionId, { calendarType: before.calendarType, ...change, ...(change.dates === undefined ? { dates: undefined } : {}) });
  const beforeDates = await tx.select({ startsAt: offerDates.startsAt, endsAt: offerDates.endsAt }).from(offerDates).where(eq(offerDates.offerId, before.id)).orderBy(offerDates.startsAt);
  const [row] = await tx
    .update(offers)
    .set({ ...columns(change), updatedBy: meta.userId, updatedAt: new Date(), version: before.version + 1, ...(meta.sourceModifiedAt !== undefined ? { sourceModifiedAt: meta.sourceModifiedAt } : {}) })
    .where(eq(offers.id, before.id))
    .returning();
  const changes = diffFields(detailColumns(before), columnsForDiff(change));
  if (change.dates !== undefined) {
    await replaceDates(tx, before.id, change.dates);
    const previous = beforeDates.map((date) => ({ startsAt: date.startsAt.toISOString(), endsAt: date.endsAt?.toISOString() ?? null }));
    const next = change.dates.map((date) => ({ startsAt: new Date(date.startsAt).toISOString(), endsAt: date.endsAt ? new Date(date.endsAt).toISOString() : null }));
    if (JSON.stringify(previous) !== JSON.stringify(next)) changes.dates = { before: previous, after: next };
  }
  if (Object.keys(changes).length > 0) await recordChange(tx, { regionId: before.regionId, userId: meta.userId, entityType: 'offer', entityId: before.id, action: 'update', changes });
  await indexOffer(rawOver(tx), { ...row!, organizerName: await organizerName(tx, row!.organizerActorId) });
  return row!;
}

function detailColumns(row: OfferRow): Record<string, unknown> {
  return { ...row, latitude: toNumber(row.latitude), longitude: toNumber(row.longitude), fourthPillarHours: toNumber(row.fourthPillarHours) };
}
function columnsForDiff(change: Partial<OfferInput>): Record<string, unknown> {
  const { dates: _dates, ...rest } = change;
  return rest;
}

/** Creates an offer; an editor only for their own organisation (which becomes the organiser when none is given). */
export async function createOffer(database: DatabaseHandle, editor: OfferEditor, input: OfferInput): Promise<string> {
  const organizer = editor.role === 'admin' ? input.organizerActorId : (input.organizerActorId ?? editor.ownActorId);
  if (!mayEdit(editor, organizer)) throw new AppError('FORBIDDEN');
  const row = await database.db.transaction((tx) => insertOffer(tx, editor.regionId, { ...input, organizerActorId: organizer }, { userId: editor.userId }));
  return row.id;
}

/** Changes an offer: 403 for another organisation's offer, 409 with the current state when the version is stale. */
export async function updateOffer(database: DatabaseHandle, editor: OfferEditor, offerId: string, update: OfferUpdate): Promise<void> {
  const { version, ...change } = update;
  const outcome = await database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(offers).where(and(eq(offers.id, offerId), eq(offers.regionId, editor.regionId))).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    if (!mayEdit(editor, before.organizerActorId)) throw new AppError('FORBIDDEN');
    // An editor cannot hand an offer to another organisation.
    if (change.organizerActorId !== undefined && !mayEdit(editor, change.organizerActorId)) throw fieldError('organizerActorId', 'catalog.errors.notYourOrganisation');
    if (before.version !== version) return 'stale' as const;
    await applyOfferChange(tx, before, change, { userId: editor.userId });
    return 'written' as const;
  });
  if (outcome === 'stale') throw new AppError('CONFLICT', {}, undefined, { current: await getOffer(database.raw, editor, offerId) });
}

/** Deletes an offer (admin, or the organisation's editor) with an audit entry; it leaves the search index. */
export async function deleteOffer(database: DatabaseHandle, editor: OfferEditor, offerId: string): Promise<void> {
  await database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(offers).where(and(eq(offers.id, offerId), eq(offers.regionId, editor.regionId)));
    if (!before) throw new AppError('NOT_FOUND');
    if (!mayEdit(editor, before.organizerActorId)) throw new AppError('FORBIDDEN');
    await tx.delete(offers).where(eq(offers.id, offerId));
    await rawOver(tx).query("DELETE FROM search_documents WHERE region_id = $1 AND kind = 'offer' AND document_id = $2", [editor.regionId, offerId]);
    await recordChange(tx, { regionId: editor.regionId, userId: editor.userId, entityType: 'offer', entityId: offerId, action: 'delete', changes: { title: { before: before.title, after: null } } });
  });
}

interface OfferSqlRow {
  id: string;
  title: string;
  description: string;
  translations: OfferDetail['translations'] | string;
  organizer_actor_id: string | null;
  organizer_name: string | null;
  location_name: string;
  address: string;
  postal_code: string | null;
  locality: string | null;
  municipality_nis: string | null;
  municipality_name: string | null;
  latitude: string | null;
  longitude: string | null;
  calendar_type: OfferDetail['calendarType'];
  opening_hours: OfferDetail['openingHours'] | string;
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
  accessibility: string[];
  themes: string[];
  places_left: number | null;
  booking_url: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  contact_languages: string[];
  fourth_pillar: boolean;
  fourth_pillar_hours: string | null;
  status: OfferDetail['status'];
  source: OfferDetail['source'];
  source_id: string | null;
  version: number;
  updated_at: Date | string;
  dates: { startsAt: string; endsAt: string | null }[] | string | null;
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const iso = (value: Date | string): string => new Date(value).toISOString();

export const OFFER_SELECT = `
  SELECT o.*, a.name AS organizer_name, m.name AS municipality_name,
    (SELECT json_agg(json_build_object('startsAt', d.starts_at, 'endsAt', d.ends_at) ORDER BY d.starts_at) FROM offer_dates d WHERE d.offer_id = o.id) AS dates
  FROM offers o
  LEFT JOIN actors a ON a.id = o.organizer_actor_id
  LEFT JOIN municipalities m ON m.nis_code = o.municipality_nis`;

/** The member's view of one offer row (every field, with dates). */
export function presentOffer(row: OfferSqlRow, editor: OfferEditor): OfferDetail {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    translations: json(row.translations),
    organizer: row.organizer_actor_id && row.organizer_name ? { id: row.organizer_actor_id, name: row.organizer_name } : null,
    locationName: row.location_name,
    address: row.address,
    postalCode: row.postal_code,
    locality: row.locality,
    municipality: row.municipality_nis && row.municipality_name ? { nisCode: row.municipality_nis, name: row.municipality_name } : null,
    latitude: toNumber(row.latitude),
    longitude: toNumber(row.longitude),
    calendarType: row.calendar_type,
    dates: (json(row.dates) ?? []).map((date) => ({ startsAt: iso(date.startsAt), endsAt: date.endsAt ? iso(date.endsAt) : null })),
    openingHours: json(row.opening_hours),
    languageIcons: row.language_icons,
    isFree: row.is_free,
    priceCents: row.price_cents,
    priceNote: row.price_note,
    uitpas: row.uitpas,
    kansentarief: row.kansentarief,
    withChildren: row.with_children,
    childcare: row.childcare,
    ageMin: row.age_min,
    ageMax: row.age_max,
    accessibility: row.accessibility,
    themes: row.themes,
    placesLeft: row.places_left,
    bookingUrl: row.booking_url,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    contactLanguages: row.contact_languages,
    fourthPillar: row.fourth_pillar,
    fourthPillarHours: toNumber(row.fourth_pillar_hours),
    status: row.status,
    source: row.source,
    sourceId: row.source_id,
    version: row.version,
    updatedAt: iso(row.updated_at),
    canEdit: mayEdit(editor, row.organizer_actor_id),
  };
}

/** One offer of the region with every field, for members (drafts included); 404 for another region's. */
export async function getOffer(raw: RawSql, editor: OfferEditor, offerId: string): Promise<OfferDetail> {
  const [row] = await raw.query<OfferSqlRow>(`${OFFER_SELECT} WHERE o.id = $1 AND o.region_id = $2`, [offerId, editor.regionId]);
  if (!row) throw new AppError('NOT_FOUND');
  return presentOffer(row, editor);
}

/** The region's offers for members, filtered by status, municipality, own organisation and title. */
export async function listOffers(
  raw: RawSql,
  editor: OfferEditor,
  query: { status?: string; municipality?: string; mine?: 'true' | 'false'; q?: string; limit: number; offset: number },
): Promise<OfferAdminList> {
  const where = ['o.region_id = $1'];
  const params: unknown[] = [editor.regionId];
  if (query.municipality) where.push(`o.municipality_nis = $${params.push(query.municipality)}`);
  if (query.mine === 'true') where.push(`o.organizer_actor_id = $${params.push(editor.ownActorId ?? '00000000-0000-0000-0000-000000000000')}`);
  if (query.q) where.push(`(o.title ILIKE $${params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} OR a.name ILIKE $${params.length})`);
  const base = `FROM offers o LEFT JOIN actors a ON a.id = o.organizer_actor_id LEFT JOIN municipalities m ON m.nis_code = o.municipality_nis WHERE ${where.join(' AND ')}`;
  const countRows = await raw.query<{ status: string; n: number }>(`SELECT o.status, count(*)::int AS n ${base} GROUP BY o.status`, params);
  const counts = { draft: 0, published: 0, archived: 0 };
  for (const row of countRows) counts[row.status as keyof typeof counts] = row.n;
  const statusWhere = query.status ? ` AND o.status = $${params.push(query.status)}` : '';
  const rows = await raw.query<{
    id: string;
    title: string;
    status: OfferDetail['status'];
    source: OfferDetail['source'];
    organizer_actor_id: string | null;
    organizer_name: string | null;
    municipality_nis: string | null;
    municipality_name: string | null;
    language_icons: number | null;
    calendar_type: OfferDetail['calendarType'];
    updated_at: Date | string;
    next_starts_at: Date | string | null;
  }>(
    `SELECT o.id, o.title, o.status, o.source, o.organizer_actor_id, a.name AS organizer_name, o.municipality_nis, m.name AS municipality_name,
       o.language_icons, o.calendar_type, o.updated_at,
       (SELECT min(d.starts_at) FROM offer_dates d WHERE d.offer_id = o.id AND coalesce(d.ends_at, d.starts_at) >= now()) AS next_starts_at
     ${base}${statusWhere}
     ORDER BY next_starts_at NULLS LAST, o.title LIMIT ${query.limit} OFFSET ${query.offset}`,
    params,
  );
  const total = query.status ? counts[query.status as keyof typeof counts] : counts.draft + counts.published + counts.archived;
  return {
    total,
    counts,
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      source: row.source,
      organizer: row.organizer_actor_id && row.organizer_name ? { id: row.organizer_actor_id, name: row.organizer_name } : null,
      municipality: row.municipality_nis && row.municipality_name ? { nisCode: row.municipality_nis, name: row.municipality_name } : null,
      languageIcons: row.language_icons,
      nextStartsAt: row.next_starts_at ? iso(row.next_starts_at) : null,
      calendarType: row.calendar_type,
      canEdit: mayEdit(editor, row.organizer_actor_id),
      updatedAt: iso(row.updated_at),
    })),
  };
}
