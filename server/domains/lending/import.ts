import type { DatabaseHandle } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { NotATableError, readTable, UnreadableWorkbookError } from '../../tabular/index.js';
import { foldForMatch } from './text.js';
import { auditRaw } from './service.js';
import type { LendingImportResult } from '../../../common/schemas/lending.js';
import type { TFunction } from 'i18next';

/** The columns of an inventory file (Dutch headers, any order; naam, eigenaar and gemeente required). */
export const INVENTORY_COLUMNS = ['naam', 'eigenaar', 'gemeente', 'soort', 'aantal', 'adres', 'beschrijving', 'prijs per dag', 'waarborg', 'max dagen', 'buffer dagen', 'voor'] as const;
type Column = (typeof INVENTORY_COLUMNS)[number];

interface ParsedItem {
  row: number;
  name: string;
  owner: string;
  ownerActorId: string | null;
  municipality: string;
  municipalityNis: string | null;
  kind: string;
  units: number;
  address: string;
  description: string;
  pricePerDayCents: number;
  depositCents: number;
  maxDays: number | null;
  bufferDays: number;
  audience: string;
  errors: { column: string; message: string }[];
}

function euroCents(text: string): number | null {
  const cleaned = text.replace(/[€\s]/g, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (cleaned === '') return 0;
  const value = Number(cleaned);
  return Number.isFinite(value) && value >= 0 ? Math.round(value * 100) : null;
}

/**
 * Reads and checks an inventory file against the region's actors and municipalities; every row gets
 * its errors (owner unknown, municipality unknown, a number that is not one …) in the caller's language.
 */
export async function parseInventory(database: DatabaseHandle, regionId: string, bytes: Uint8Array, fileName: string, t: TFunction): Promise<ParsedItem[]> {
  let table;
  try {
    table = await readTable(bytes, fileName);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError || error instanceof NotATableError) throw new AppError('IMPORT_FAILED', { reason: t('lending.import.unreadable') });
    throw error;
  }
  const [header, ...body] = table;
  if (!header) throw new AppError('IMPORT_FAILED', { reason: t('lending.import.empty') });
  const index = new Map<Column, number>();
  header.cells.forEach((cell, position) => {
    const name = foldForMatch(cell) as Column;
    if ((INVENTORY_COLUMNS as readonly string[]).includes(name)) index.set(name, position);
  });
  const missing = (['naam', 'eigenaar', 'gemeente'] as const).filter((column) => !index.has(column));
  if (missing.length > 0) throw new AppError('IMPORT_FAILED', { reason: t('lending.import.missingColumns', { columns: missing.join(', ') }) });
  const actors = await database.raw.query<{ id: string; name: string }>('SELECT id, name FROM actors WHERE region_id = $1', [regionId]);
  const actorByName = new Map(actors.map((actor) => [foldForMatch(actor.name), actor.id]));
  const municipalities = await database.raw.query<{ nis_code: string; name: string }>('SELECT nis_code, name FROM municipalities');
  const nisByName = new Map(municipalities.flatMap((m) => [[foldForMatch(m.name), m.nis_code] as const, [m.nis_code, m.nis_code] as const]));
  const items: ParsedItem[] = [];
  for (const line of body) {
    const cell = (column: Column) => (index.has(column) ? (line.cells[index.get(column)!] ?? '').trim() : '');
    if (line.cells.every((value) => value.trim() === '')) continue;
    const errors: ParsedItem['errors'] = [];
    const fail = (column: Column, key: string, params: Record<string, unknown> = {}) => errors.push({ column, message: t(`lending.import.errors.${key}`, params) as string });
    const name = cell('naam');
    if (!name) fail('naam', 'required');
    if (name.length > 200) fail('naam', 'tooLong');
    const owner = cell('eigenaar');
    const ownerActorId = actorByName.get(foldForMatch(owner)) ?? null;
    if (!ownerActorId) fail('eigenaar', 'unknownOwner', { owner });
    const municipality = cell('gemeente');
    const municipalityNis = nisByName.get(foldForMatch(municipality)) ?? null;
    if (!municipalityNis) fail('gemeente', 'unknownMunicipality', { municipality });
    const kindText = foldForMatch(cell('soort') || 'materiaal');
    const kind = kindText === 'ruimte' || kindText === 'lokaal' || kindText === 'zaal' ? 'ruimte' : kindText === 'materiaal' ? 'materiaal' : '';
    if (!kind) fail('soort', 'badKind');
    const number = (column: Column, fallback: number | null, min: number, max: number) => {
      const text = cell(column);
      if (text === '') return fallback;
      const value = Number(text.replace(',', '.'));
      if (!Number.isInteger(value) || value < min || value > max) {
        fail(column, 'badNumber', { min, max });
        return fallback;
      }
      return value;
    };
    const units = number('aantal', 1, 1, 500) ?? 1;
    const maxDays = number('max dagen', null, 1, 365);
    const bufferDays = number('buffer dagen', 0, 0, 60) ?? 0;
    const price = euroCents(cell('prijs per dag'));
    if (price === null) fail('prijs per dag', 'badAmount');
    const deposit = euroCents(cell('waarborg'));
    if (deposit === null) fail('waarborg', 'badAmount');
    const audienceText = foldForMatch(cell('voor') || 'partners');
    const audience = audienceText.startsWith('iedereen') || audienceText.startsWith('inwoners') ? 'iedereen' : audienceText.startsWith('partners') ? 'partners' : '';
    if (!audience) fail('voor', 'badAudience');
    items.push({
      row: line.line,
      name,
      owner,
      ownerActorId,
      municipality,
      municipalityNis,
      kind: kind || 'materiaal',
      units: kind === 'ruimte' ? 1 : units,
      address: cell('adres'),
      description: cell('beschrijving'),
      pricePerDayCents: price ?? 0,
      depositCents: deposit ?? 0,
      maxDays,
      bufferDays,
      audience: audience || 'partners',
      errors,
    });
  }
  if (items.length === 0) throw new AppError('IMPORT_FAILED', { reason: t('lending.import.empty') });
  return items;
}

/** Preview (commit false) or import (commit true): all rows in one transaction, or nothing when any row has an error. */
export async function importInventory(database: DatabaseHandle, regionId: string, userId: string, items: ParsedItem[], commit: boolean): Promise<LendingImportResult> {
  const errorCount = items.reduce((sum, item) => sum + item.errors.length, 0);
  const result = (committed: boolean, created: number): LendingImportResult => ({
    committed,
    created,
    errorCount,
    rows: items.map((item) => ({ row: item.row, name: item.name, owner: item.owner, municipality: item.municipality, units: item.units, errors: item.errors })),
  });
  if (!commit || errorCount > 0) return result(false, 0);
  await database.rawTransaction(async (tx) => {
    for (const item of items) {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO lending_items (region_id, owner_actor_id, kind, name, description, address, municipality_nis, audience, price_per_day_cents, deposit_cents, max_days, buffer_days)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [regionId, item.ownerActorId, item.kind, item.name, item.description, item.address, item.municipalityNis, item.audience, item.pricePerDayCents, item.depositCents, item.maxDays, item.bufferDays],
      );
      await tx.query('INSERT INTO lending_units (item_id, position) SELECT $1, generate_series(1, $2::int)', [row!.id, item.units]);
      await auditRaw(tx, { regionId, userId, entityType: 'lending_item', entityId: row!.id, action: 'import', changes: { name: { before: null, after: item.name } } });
    }
  });
  return result(true, items.length);
}
