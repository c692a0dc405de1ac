import type { RawSql } from '../../db/client.js';
import { writeCsv, writeXlsx } from '../../tabular/index.js';
import type { CatalogCoverage } from '../../../common/schemas/catalog.js';

/**
 * Catalog coverage per municipality of the region, from current offers: how many, how many with at most
 * two language icons, with UiTPAS, open as 4de pijler. A municipality without any is a gap ("hiaat in
 * het aanbod"). Plan indicators read the same numbers (e.g. "aantal activiteiten").
 */
export async function catalogCoverage(raw: RawSql, regionId: string): Promise<CatalogCoverage> {
  const rows = await raw.query<{ nis_code: string; name: string; lat: number | null; lon: number | null; current: number; at_most_two: number; uitpas: number; fourth_pillar: number }>(
    `SELECT m.nis_code, m.name, m.lat::float8 AS lat, m.lon::float8 AS lon,
       count(o.id)::int AS current,
       count(o.id) FILTER (WHERE o.language_icons <= 2)::int AS at_most_two,
       count(o.id) FILTER (WHERE o.uitpas)::int AS uitpas,
       count(o.id) FILTER (WHERE o.fourth_pillar)::int AS fourth_pillar
     FROM region_municipalities rm
     JOIN municipalities m ON m.nis_code = rm.nis_code
     LEFT JOIN current_offers o ON o.region_id = rm.region_id AND o.municipality_nis = rm.nis_code
     WHERE rm.region_id = $1
     GROUP BY m.nis_code, m.name, m.lat, m.lon
     ORDER BY m.name`,
    [regionId],
  );
  const municipalities = rows.map((row) => ({
    nisCode: row.nis_code,
    name: row.name,
    latitude: row.lat === null ? null : Number(row.lat),
    longitude: row.lon === null ? null : Number(row.lon),
    current: row.current,
    atMostTwoIcons: row.at_most_two,
    uitpas: row.uitpas,
    fourthPillar: row.fourth_pillar,
    gap: row.current === 0,
  }));
  const sum = (key: 'current' | 'atMostTwoIcons' | 'uitpas' | 'fourthPillar') => municipalities.reduce((total, row) => total + row[key], 0);
  return { municipalities, totals: { current: sum('current'), atMostTwoIcons: sum('atMostTwoIcons'), uitpas: sum('uitpas'), fourthPillar: sum('fourthPillar') } };
}

/** The counts a plan indicator can take: one number per measure for the region or one municipality. */
export async function catalogIndicatorValues(raw: RawSql, regionId: string, municipality?: string): Promise<{ current: number; atMostTwoIcons: number; uitpas: number; fourthPillar: number; gaps: number }> {
  const coverage = await catalogCoverage(raw, regionId);
  const rows = municipality ? coverage.municipalities.filter((row) => row.nisCode === municipality) : coverage.municipalities;
  const sum = (key: 'current' | 'atMostTwoIcons' | 'uitpas' | 'fourthPillar') => rows.reduce((total, row) => total + row[key], 0);
  return { current: sum('current'), atMostTwoIcons: sum('atMostTwoIcons'), uitpas: sum('uitpas'), fourthPillar: sum('fourthPillar'), gaps: rows.filter((row) => row.gap).length };
}

const COVERAGE_HEADER = ['NIS-code', 'Gemeente', 'Actueel aanbod', 'Met hoogstens twee taaliconen', 'Met UiTPAS', 'Open als 4de pijler', 'Hiaat in het aanbod'];

/** The coverage table as CSV or XLSX rows (through server/tabular, formulas neutralised). */
export async function coverageFile(coverage: CatalogCoverage, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const rows = [COVERAGE_HEADER, ...coverage.municipalities.map((row) => [row.nisCode, row.name, row.current, row.atMostTwoIcons, row.uitpas, row.fourthPillar, row.gap ? 'ja' : 'nee'])];
  return format === 'csv' ? writeCsv(rows) : writeXlsx([{ name: 'Dekking aanbod', rows }], { title: 'Dekking van het aanbod' });
}

const OFFER_HEADER = ['ID', 'Titel', 'Status', 'Bron', 'Organisator', 'Gemeente', 'Adres', 'Eerstvolgende datum', 'Taaliconen', 'Gratis', 'Prijs (EUR)', 'UiTPAS', 'Kansentarief', 'Met kinderen', 'Kinderopvang', '4de pijler', 'Uren 4de pijler', 'Thema’s', 'Contact', 'Telefoon', 'E-mail'];

/** Every offer of the region (all statuses) as CSV or XLSX for the regisseur. */
export async function offersFile(raw: RawSql, regionId: string, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const rows = await raw.query<Record<string, unknown>>(
    `SELECT o.id, o.title, o.status, o.source, a.name AS organizer, m.name AS municipality, o.address, o.language_icons, o.is_free, o.price_cents,
       o.uitpas, o.kansentarief, o.with_children, o.childcare, o.fourth_pillar, o.fourth_pillar_hours, o.themes, o.contact_name, o.contact_phone, o.contact_email,
       (SELECT min(d.starts_at) FROM offer_dates d WHERE d.offer_id = o.id AND coalesce(d.ends_at, d.starts_at) >= now()) AS next_date
     FROM offers o LEFT JOIN actors a ON a.id = o.organizer_actor_id LEFT JOIN municipalities m ON m.nis_code = o.municipality_nis
     WHERE o.region_id = $1 ORDER BY m.name NULLS LAST, o.title`,
    [regionId],
  );
  const yes = (value: unknown) => (value ? 'ja' : 'nee');
  const dutchDate = (value: unknown) => (value ? new Date(value as string).toLocaleDateString('nl-BE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Brussels' }) : '');
  const table = [
    OFFER_HEADER,
    ...rows.map((row) => [
      String(row.id),
      String(row.title),
      String(row.status),
      String(row.source),
      (row.organizer as string | null) ?? '',
      (row.municipality as string | null) ?? '',
      String(row.address ?? ''),
      dutchDate(row.next_date),
      row.language_icons === null ? '' : Number(row.language_icons),
      yes(row.is_free),
      row.price_cents === null ? '' : Number(row.price_cents) / 100,
      yes(row.uitpas),
      yes(row.kansentarief),
      yes(row.with_children),
      yes(row.childcare),
      yes(row.fourth_pillar),
      row.fourth_pillar_hours === null ? '' : Number(row.fourth_pillar_hours),
      (row.themes as string[]).join(', '),
      (row.contact_name as string | null) ?? '',
      (row.contact_phone as string | null) ?? '',
      (row.contact_email as string | null) ?? '',
    ]),
  ];
  return format === 'csv' ? writeCsv(table) : writeXlsx([{ name: 'Aanbod', rows: table }], { title: 'Aanbod' });
}
