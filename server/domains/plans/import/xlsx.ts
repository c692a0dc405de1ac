import ExcelJS from 'exceljs';
import type { TextRow } from './delimited.js';
import { PlanImportError } from './types.js';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A cell's value as the text a person sees, numbers in Flemish notation, dates as dd/mm/jjjj. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2).replace('.', ',');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Reads the first worksheet that has content into rows of text (1-based row numbers as lines). */
export async function readXlsxRows(bytes: Uint8Array): Promise<TextRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new PlanImportError('unreadableXlsx');
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new PlanImportError('noActions');
  const rows: TextRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value));
    rows.push({ cells, line: rowNumber });
  });
  return rows;
}

/** Writes rows (first row = header) to a one-sheet workbook with readable column widths. */
export async function writeXlsx(sheetName: string, title: string, header: readonly string[], rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Regiekamer';
  workbook.title = title;
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow([`Plan: ${title}`]);
  const headerRow = sheet.addRow([...header]);
  headerRow.font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = header[index] === 'Actie' ? 60 : ['Budget', 'Partners', 'Regierol', 'Actorrol', 'Mijlpalen', 'Wat', 'Waarom', 'Hoe'].includes(header[index] ?? '') ? 40 : 14;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
