import PDFDocument from 'pdfkit';
import type { PlanAction, PlanDetail } from '../../../common/schemas/plans.js';
import { formatMoney } from '../../../common/format.js';

const COLUMNS = [
  { title: 'Nr', width: 28 },
  { title: 'Actie', width: 300 },
  { title: 'Timing', width: 90 },
  { title: 'Budget', width: 170 },
  { title: 'Partners', width: 180 },
] as const;
const MARGIN = 36;
const PADDING = 3;

function budgetText(action: PlanAction): string {
  return action.budgetLines
    .map((line) =>
      [
        `${formatMoney(line.amountCents)}${line.marker}${line.per ? ` / ${line.per}` : ''}`,
        line.vatNote,
        line.workingYear !== null ? `werkjaar ${line.workingYear}` : '',
        line.description,
      ]
        .filter(Boolean)
        .join(' '),
    )
    .join('\n');
}

/**
 * The plan as a landscape A4 PDF in the table people know: Nr | Actie | Timing | Budget | Partners,
 * with SD and OD as shaded header rows and the column header repeated on every page.
 */
export function planToPdf(detail: PlanDetail): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: detail.title, Creator: 'Regiekamer' }, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const tableWidth = COLUMNS.reduce((sum, column) => sum + column.width, 0);
  const bottom = doc.page.height - MARGIN;

  const header = () => {
    doc.font('Helvetica-Bold').fontSize(9);
    let x = MARGIN;
    const y = doc.y;
    doc.rect(MARGIN, y, tableWidth, 16).fill('#1f3a5f');
    doc.fillColor('#ffffff');
    for (const column of COLUMNS) {
      doc.text(column.title, x + PADDING, y + 4, { width: column.width - 2 * PADDING });
      x += column.width;
    }
    doc.fillColor('#000000');
    doc.y = y + 16;
  };
  const ensure = (height: number) => {
    if (doc.y + height > bottom) {
      doc.addPage();
      header();
    }
  };
  const band = (text: string, fill: string) => {
    doc.font('Helvetica-Bold').fontSize(9);
    const height = doc.heightOfString(text, { width: tableWidth - 2 * PADDING }) + 2 * PADDING;
    ensure(height);
    const y = doc.y;
    doc.rect(MARGIN, y, tableWidth, height).fill(fill);
    doc.fillColor('#000000').text(text, MARGIN + PADDING, y + PADDING, { width: tableWidth - 2 * PADDING });
    doc.y = y + height;
  };
  const row = (action: PlanAction) => {
    const cells = [action.number, action.title, [action.timing?.label, action.timing?.note].filter(Boolean).join(' — '), budgetText(action), action.partners.map((p) => p.name).join(', ')];
    doc.font('Helvetica').fontSize(8);
    const height = Math.max(...cells.map((cell, index) => doc.heightOfString(cell || ' ', { width: COLUMNS[index]!.width - 2 * PADDING }))) + 2 * PADDING;
    ensure(height);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, index) => {
      const width = COLUMNS[index]!.width;
      doc.rect(x, y, width, height).lineWidth(0.5).stroke('#9aa5b1');
      doc.fillColor('#000000').text(cell, x + PADDING, y + PADDING, { width: width - 2 * PADDING });
      x += width;
    });
    doc.y = y + height;
  };

  doc.font('Helvetica-Bold').fontSize(14).text(detail.title, MARGIN, MARGIN);
  doc.moveDown(0.5);
  header();
  for (const goal of detail.goals) {
    band(`${goal.code} ${goal.title}`, '#c9d6e8');
    for (const objective of goal.objectives) {
      band(`${objective.code} ${objective.title}`, '#e6edf5');
      for (const action of objective.actions) row(action);
    }
  }
  for (const action of detail.actions) row(action);
  doc.font('Helvetica-Bold').fontSize(9);
  ensure(20);
  doc.text(`Totaal budget: ${formatMoney(detail.budgetTotalCents)}`, MARGIN, doc.y + 6);

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing in the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).fillColor('#555555');
    doc.text(`${detail.title} — ${index + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN + 10, { width: tableWidth, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
