import PDFDocument from 'pdfkit';
import type { TFunction } from 'i18next';
import type { Coverage } from '../../../common/schemas/network.js';
import { formatDate, formatNumber } from '../../../common/format.js';

const MARGIN = 30;
const NAME_WIDTH = 120;
const TOTAL_WIDTH = 36;
const ROW_HEIGHT = 15;
const HEADER_HEIGHT = 118;
const WHITE_FILL = '#fff3b0';

export interface CoverageReportModel {
  title: string;
  subtitle: string;
  summary: string[];
  sectors: { name: string; cultural: boolean }[];
  rows: { name: string; cells: { count: number; white: boolean }[]; total: number }[];
  /** Per municipality, the sectors without any actor. */
  whiteSpots: { municipality: string; sectors: string[] }[];
  isolated: string[];
}

const percent = (share: number) => `${formatNumber(Math.round(share * 1000) / 10, 1)} %`;

/** What the printed report says, in the caller's language; the PDF only lays it out. */
export function coverageReportModel(report: Coverage, regionName: string, t: TFunction, today: Date): CoverageReportModel {
  const sectorName = new Map(report.sectors.map((sector) => [sector.key, sector.name]));
  const municipalityName = new Map(report.municipalities.map((municipality) => [municipality.nisCode, municipality.name]));
  const spots = new Map<string, string[]>();
  for (const spot of report.whiteSpots) spots.set(spot.nisCode, [...(spots.get(spot.nisCode) ?? []), sectorName.get(spot.sectorKey) ?? spot.sectorKey]);
  return {
    title: t('network.coveragePdf.title', { region: regionName }),
    subtitle: t(`network.coveragePdf.scope.${report.scope}`, { date: formatDate(today.toISOString().slice(0, 10)) }),
    summary: [
      t('network.coverageUi.totals', { actors: report.totals.actors, relations: report.totals.relations }),
      t('network.coverageUi.bovenlokaalShare', { count: report.relations.bovenlokaal, share: percent(report.relations.bovenlokaalShare) }),
      t('network.coverageUi.grensverleggendShare', { count: report.relations.grensverleggend, share: percent(report.relations.grensverleggendShare) }),
      t('network.coverageUi.whiteSpots', { count: report.whiteSpots.length }),
      t('network.coveragePdf.isolatedCount', { count: report.isolated.length }),
    ],
    sectors: report.sectors.map((sector) => ({ name: sector.name, cultural: sector.cultural })),
    rows: report.municipalities.map((municipality, i) => {
      const counts = report.counts[i] ?? [];
      return { name: municipality.name, cells: counts.map((count) => ({ count, white: count === 0 })), total: counts.reduce((sum, n) => sum + n, 0) };
    }),
    whiteSpots: [...spots.entries()].map(([nis, sectors]) => ({ municipality: municipalityName.get(nis) ?? nis, sectors })),
    isolated: report.isolated.map((actor) => (actor.municipality ? `${actor.name} (${actor.municipality.name})` : actor.name)),
  };
}

/**
 * The coverage report as a landscape A4 PDF: summary, the municipality × sector matrix with the white
 * spots shaded (and marked with a dash, so they read without colour), then the white spots per
 * municipality and the actors without relations.
 */
export function coverageToPdf(model: CoverageReportModel, t: TFunction): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: model.title, Creator: 'Regiekamer' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  const cellWidth = Math.max(14, (width - NAME_WIDTH - TOTAL_WIDTH) / Math.max(1, model.sectors.length));

  doc.font('Helvetica-Bold').fontSize(16).text(model.title);
  doc.font('Helvetica').fontSize(9).fillColor('#444444').text(model.subtitle).fillColor('#000000').moveDown(0.5);
  doc.fontSize(10);
  for (const line of model.summary) doc.text(`• ${line}`);
  doc.moveDown(0.5);

  const matrixHeader = () => {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(8);
    doc.text(t('network.coverage.municipality'), MARGIN, y + HEADER_HEIGHT - 10, { width: NAME_WIDTH });
    model.sectors.forEach((sector, k) => {
      const x = MARGIN + NAME_WIDTH + k * cellWidth;
      if (sector.cultural) doc.rect(x, y, cellWidth, HEADER_HEIGHT).fill('#e8eef6').fillColor('#000000');
      // Sector names read bottom-up, so 22 of them fit across the page.
      doc.save().rotate(-90, { origin: [x + cellWidth / 2 + 3, y + HEADER_HEIGHT - 2] });
      doc.font('Helvetica').fontSize(7).text(sector.name, x + cellWidth / 2 + 3, y + HEADER_HEIGHT - 2, { width: HEADER_HEIGHT - 4, lineBreak: false, ellipsis: true });
      doc.restore();
    });
    doc.font('Helvetica-Bold').fontSize(8).text(t('network.coverage.total'), MARGIN + NAME_WIDTH + model.sectors.length * cellWidth, y + HEADER_HEIGHT - 10, { width: TOTAL_WIDTH, align: 'right' });
    doc.moveTo(MARGIN, y + HEADER_HEIGHT + 1).lineTo(MARGIN + width, y + HEADER_HEIGHT + 1).stroke('#1f3a5f');
    doc.y = y + HEADER_HEIGHT + 3;
  };

  if (doc.y + HEADER_HEIGHT + 3 * ROW_HEIGHT > bottom) doc.addPage();
  matrixHeader();
  for (const row of model.rows) {
    if (doc.y + ROW_HEIGHT > bottom) {
      doc.addPage();
      matrixHeader();
    }
    const y = doc.y;
    doc.font('Helvetica').fontSize(8).fillColor('#000000').text(row.name, MARGIN, y + 4, { width: NAME_WIDTH - 4, lineBreak: false, ellipsis: true });
    row.cells.forEach((cell, k) => {
      const x = MARGIN + NAME_WIDTH + k * cellWidth;
      if (cell.white) doc.rect(x + 1, y + 1, cellWidth - 2, ROW_HEIGHT - 2).fill(WHITE_FILL).fillColor('#000000');
      doc.text(cell.white ? '–' : String(cell.count), x, y + 4, { width: cellWidth - 3, align: 'right', lineBreak: false });
    });
    doc.font('Helvetica-Bold').text(String(row.total), MARGIN + NAME_WIDTH + row.cells.length * cellWidth, y + 4, { width: TOTAL_WIDTH, align: 'right', lineBreak: false });
    doc.moveTo(MARGIN, y + ROW_HEIGHT).lineTo(MARGIN + width, y + ROW_HEIGHT).lineWidth(0.3).stroke('#bbbbbb');
    doc.lineWidth(1);
    doc.y = y + ROW_HEIGHT;
  }
  doc.x = MARGIN;
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(8).fillColor('#444444').text(t('network.coveragePdf.legend'), MARGIN, doc.y, { width }).fillColor('#000000');

  const section = (title: string, lines: string[], empty: string) => {
    doc.moveDown(1);
    if (doc.y + 40 > bottom) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).text(title, MARGIN, doc.y, { width });
    doc.font('Helvetica').fontSize(9);
    if (lines.length === 0) doc.text(empty, { width });
    for (const line of lines) doc.text(line, { width });
  };
  section(
    t('network.coverage.whiteSpots'),
    model.whiteSpots.map((spot) => `${spot.municipality}: ${spot.sectors.join(', ')}`),
    t('network.coveragePdf.none'),
  );
  section(t('network.coverage.isolated'), model.isolated, t('network.coveragePdf.none'));
  doc.end();
  return done;
}
