import type { TFunction } from 'i18next';
import type { Coverage } from '../../../common/schemas/network.js';
import { writeCsv, writeXlsx } from '../../tabular/index.js';

function matrixRows(report: Coverage): (string | number)[][] {
  return report.municipalities.map((municipality, i) => {
    const counts = report.counts[i] ?? [];
    return [municipality.name, ...counts, counts.reduce((sum, n) => sum + n, 0)];
  });
}

function matrixHeader(report: Coverage, t: TFunction): string[] {
  return [t('network.coverage.municipality'), ...report.sectors.map((s) => s.name), t('network.coverage.total')];
}

/** The coverage matrix as CSV: one row per municipality, one column per sector, and a total. */
export function coverageCsv(report: Coverage, t: TFunction): Buffer {
  return writeCsv([matrixHeader(report, t), ...matrixRows(report)]);
}

/** The coverage report as a workbook: the matrix (white spots shaded), the white spots, and a summary. */
export function coverageWorkbook(report: Coverage, t: TFunction): Promise<Buffer> {
  const kinds = ['', ...report.sectors.map((s) => t(s.cultural ? 'network.coverage.cultural' : 'network.coverage.nonCultural')), ''];
  const municipalityName = new Map(report.municipalities.map((m) => [m.nisCode, m.name]));
  const sectorName = new Map(report.sectors.map((s) => [s.key, s.name]));
  const spots = report.whiteSpots.map((spot) => [municipalityName.get(spot.nisCode) ?? spot.nisCode, sectorName.get(spot.sectorKey) ?? spot.sectorKey]);
  const summary = [
    ['', t('network.coverage.total'), t('network.coverage.share')],
    [t('network.coverage.actors'), report.totals.actors, ''],
    [t('network.coverage.relations'), report.totals.relations, ''],
    [t('network.coverage.bovenlokaal'), report.relations.bovenlokaal, report.relations.bovenlokaalShare],
    [t('network.coverage.grensverleggend'), report.relations.grensverleggend, report.relations.grensverleggendShare],
    [t('network.coverage.whiteSpots'), report.whiteSpots.length, ''],
    [t('network.coverage.isolated'), report.isolated.length, ''],
    ...report.isolated.map((actor) => ['', actor.name, actor.municipality?.name ?? '']),
  ];
  return writeXlsx([
    {
      name: t('network.coverage.matrix'),
      rows: [matrixHeader(report, t), kinds, ...matrixRows(report)],
      boldRows: [1],
      italicRows: [2],
      widths: [24],
      frozen: { rows: 2, columns: 1 },
      // White spots: a zero in a sector column of a municipality row.
      shade: (value, row, column) => row > 2 && column > 1 && column <= report.sectors.length + 1 && value === 0,
    },
    { name: t('network.coverage.whiteSpots'), rows: [[t('network.coverage.municipality'), t('network.coverage.sector')], ...spots], boldRows: [1], widths: [24, 32] },
    { name: t('network.coverage.summary'), rows: summary, boldRows: [1], widths: [32], numberFormats: { 3: '0.0%' } },
  ]);
}
