import type { DatabaseHandle } from '../../db/client.js';

/** A lending item straight in the database (defaults: one unit of material in Ieper); returns its id. */
export async function lendingItemFactory(
  database: DatabaseHandle,
  regionId: string,
  ownerActorId: string,
  overrides: Partial<{ name: string; units: number; municipality: string; bufferDays: number; maxDays: number | null; kind: string; audience: string; autoConfirm: boolean }> = {},
): Promise<string> {
  const [row] = await database.raw.query<{ id: string }>(
    `INSERT INTO lending_items (region_id, owner_actor_id, name, municipality_nis, buffer_days, max_days, kind, audience, auto_confirm_partners)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [regionId, ownerActorId, overrides.name ?? 'Testtent', overrides.municipality ?? '33011', overrides.bufferDays ?? 0, overrides.maxDays ?? null, overrides.kind ?? 'materiaal', overrides.audience ?? 'partners', overrides.autoConfirm ?? false],
  );
  await database.raw.query('INSERT INTO lending_units (item_id, position) SELECT $1, generate_series(1, $2::int)', [row!.id, overrides.units ?? 1]);
  return row!.id;
}
