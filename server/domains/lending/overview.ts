import type { DatabaseHandle } from '../../db/client.js';
import type { Overview } from '../../../common/schemas/lending.js';
import { writeXlsx } from '../../tabular/index.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import type { Locale } from '../../../common/i18n/index.js';

/**
 * The regisseur's overview: inventory per municipality and the owner's main sector, bookings per
 * item and month (requests that went ahead), the bovenlokaal share (borrower and owner in different
 * municipalities) and the items never lent out.
 */
export async function lendingOverview(database: DatabaseHandle, regionId: string): Promise<Overview> {
  const inventory = await database.raw.query<{ nis_code: string; municipality: string; sector: string; sector_name: string; items: number; units: number }>(
    `SELECT i.municipality_nis AS nis_code, m.name AS municipality, coalesce(s.key, '') AS sector, coalesce(s.name, '') AS sector_name,
       count(*)::int AS items, sum((SELECT count(*) FROM lending_units u WHERE u.item_id = i.id))::int AS units
     FROM lending_items i JOIN municipalities m ON m.nis_code = i.municipality_nis
     LEFT JOIN LATERAL (SELECT sector_key FROM actor_sectors a WHERE a.actor_id = i.owner_actor_id ORDER BY a.position LIMIT 1) main ON true
     LEFT JOIN sectors s ON s.key = main.sector_key
     WHERE i.region_id = $1 GROUP BY 1, 2, 3, 4 ORDER BY 2, 4`,
    [regionId],
  );
  const usage = await database.raw.query<{ item_id: string; item_name: string; month: string; bookings: number }>(
    `SELECT i.id AS item_id, i.name AS item_name, to_char(b.from_date, 'YYYY-MM') AS month, count(*)::int AS bookings
     FROM lending_bookings b JOIN lending_items i ON i.id = b.item_id
     WHERE b.region_id = $1 AND b.status IN ('bevestigd', 'uitgeleend', 'terug') GROUP BY 1, 2, 3 ORDER BY 3, 2`,
    [regionId],
  );
  const [totals] = await database.raw.query<{ items: number; units: number; bookings: number; bovenlokaal: number }>(
    `SELECT (SELECT count(*)::int FROM lending_items WHERE region_id = $1) AS items,
       (SELECT count(*)::int FROM lending_units u JOIN lending_items i ON i.id = u.item_id WHERE i.region_id = $1) AS units,
       count(b.id)::int AS bookings,
       count(b.id) FILTER (WHERE ba.municipality_nis IS NOT NULL AND oa.municipality_nis IS NOT NULL AND ba.municipality_nis <> oa.municipality_nis)::int AS bovenlokaal
     FROM lending_bookings b JOIN lending_items i ON i.id = b.item_id JOIN actors oa ON oa.id = i.owner_actor_id
     LEFT JOIN actors ba ON ba.id = b.borrower_actor_id
     WHERE b.region_id = $1 AND b.status IN ('bevestigd', 'uitgeleend', 'terug')`,
    [regionId],
  );
  const never = await database.raw.query<{ item_id: string; item_name: string; owner_name: string; municipality: string }>(
    `SELECT i.id AS item_id, i.name AS item_name, oa.name AS owner_name, m.name AS municipality
     FROM lending_items i JOIN actors oa ON oa.id = i.owner_actor_id JOIN municipalities m ON m.nis_code = i.municipality_nis
     WHERE i.region_id = $1 AND NOT EXISTS (SELECT 1 FROM lending_bookings b WHERE b.item_id = i.id AND b.status IN ('uitgeleend', 'terug'))
     ORDER BY i.name`,
    [regionId],
  );
  const bookings = Number(totals?.bookings ?? 0);
  const bovenlokaal = Number(totals?.bovenlokaal ?? 0);
  return {
    inventory: inventory.map((row) => ({ nisCode: row.nis_code, municipality: row.municipality, sector: row.sector, sectorName: row.sector_name, items: Number(row.items), units: Number(row.units) })),
    usage: usage.map((row) => ({ itemId: row.item_id, itemName: row.item_name, month: row.month, bookings: Number(row.bookings) })),
    totals: { items: Number(totals?.items ?? 0), units: Number(totals?.units ?? 0), bookings, bovenlokaal, bovenlokaalShare: bookings === 0 ? 0 : Math.round((bovenlokaal / bookings) * 1000) / 1000 },
    neverBorrowed: never.map((row) => ({ itemId: row.item_id, itemName: row.item_name, ownerName: row.owner_name, municipality: row.municipality })),
  };
}

/** The overview as a workbook: one sheet per table, headers in the caller's language. */
export async function overviewWorkbook(overview: Overview, locale: Locale): Promise<Buffer> {
  const t = translatorFor(locale);
  const h = (key: string) => t(`lending.overview.columns.${key}`) as string;
  return writeXlsx(
    [
      { name: t('lending.overview.inventory') as string, rows: [[h('municipality'), h('sector'), h('items'), h('units')], ...overview.inventory.map((row) => [row.municipality, row.sectorName, row.items, row.units])], boldRows: [1], defaultWidth: 22 },
      { name: t('lending.overview.usage') as string, rows: [[h('item'), h('month'), h('bookings')], ...overview.usage.map((row) => [row.itemName, row.month, row.bookings])], boldRows: [1], defaultWidth: 22 },
      {
        name: t('lending.overview.totals') as string,
        rows: [[h('bookings'), h('bovenlokaal'), h('share')], [overview.totals.bookings, overview.totals.bovenlokaal, overview.totals.bovenlokaalShare]],
        boldRows: [1],
        defaultWidth: 22,
      },
      { name: t('lending.overview.neverBorrowed') as string, rows: [[h('item'), h('owner'), h('municipality')], ...overview.neverBorrowed.map((row) => [row.itemName, row.ownerName, row.municipality])], boldRows: [1], defaultWidth: 28 },
    ],
    { title: t('lending.overview.title') as string },
  );
}
