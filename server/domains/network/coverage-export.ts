import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import type { Coverage } from '../../../common/schemas/network.js';
import { toCsv } from './import.js';

function matrixRows(report: Coverage): (string | number)[][] {
  return report.municipalities.map((municipality, i) => {
    const counts = report.counts[i] ?? [];
    return [municipality.name, ...counts, counts.reduce((sum, n) => sum + n, 0)];
  });
}

/** The coverage matrix as CSV: one row per municipality, one column per sector, and a total. */
export function coverageCsv(report: Coverage, t: TFunction): Buffer {
  const header = [t('network.coverage.municipality'), ...report.sectors.map((s) => s.name), t('network.coverage.total')];
  return toCsv(header, matrixRows(report).map((row) => row.map(String)));
}

/** The coverage report as a workbook: the matrix (white spots shaded), the white spots, and a summary. */
export async function coverageWorkbook(report: Coverage, t: TFunction): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const matrix = workbook.addWorksheet(t('network.coverage.matrix'));
  matrix.addRow([t('network.coverage.municipality'), ...report.sectors.map((s) => s.name), t('network.coverage.total')]).font = { bold: true };
  matrix.addRow(['', ...report.sectors.map((s) => t(s.cultural ? 'network.coverage.cultural' : 'network.coverage.nonCultural')), '']).font = { italic: true };
  for (const values of matrixRows(report)) {
    const row = matrix.addRow(values);
    values.forEach((value, index) => {
      if (index > 0 && index <= report.sectors.length && value === 0) {
        row.getCell(index + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      }
    });
  }
  matrix.getColumn(1).width = 24;
  matrix.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];

  const spots = workbook.addWorksheet(t('network.coverage.whiteSpots'));
  spots.addRow([t('network.coverage.municipality'), t('network.coverage.sector')]).font = { bold: true };
  const municipalityName = new Map(report.municipalities.map((m) => [m.nisCode, m.name]));
  const sectorName = new Map(report.sectors.map((s) => [s.key, s.name]));
  for (const spot of report.whiteSpots) spots.addRow([municipalityName.get(spot.nisCode) ?? spot.nisCode, sectorName.get(spot.sectorKey) ?? spot.sectorKey]);
  spots.getColumn(1).width = 24;
  spots.getColumn(2).width = 32;

  const summary = workbook.addWorksheet(t('network.coverage.summary'));
  summary.addRow(['', t('network.coverage.total'), t('network.coverage.share')]).font = { bold: true };
  summary.addRow([t('network.coverage.actors'), report.totals.actors, '']);
  summary.addRow([t('network.coverage.relations'), report.totals.relations, '']);
  summary.addRow([t('network.coverage.bovenlokaal'), report.relations.bovenlokaal, report.relations.bovenlokaalShare]);
  summary.addRow([t('network.coverage.grensverleggend'), report.relations.grensverleggend, report.relations.grensverleggendShare]);
  summary.addRow([t('network.coverage.whiteSpots'), report.whiteSpots.length, '']);
  summary.addRow([t('network.coverage.isolated'), report.isolated.length, '']);
  summary.getColumn(3).numFmt = '0.0%';
  summary.getColumn(1).width = 32;
  for (const actor of report.isolated) summary.addRow(['', actor.name, actor.municipality?.name ?? '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
