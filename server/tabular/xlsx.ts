import ExcelJS from 'exceljs';
import { neutraliseFormula, type Cell } from './formula.js';
import type { TextRow } from './text.js';
import { assertSafeZip, UnreadableZipError } from './zip-guard.js';

/** A workbook could not be read (damaged, password-protected, not a workbook) or has no sheet with content. */
export class UnreadableWorkbookError extends Error {
  constructor(readonly reason: 'unreadable' | 'empty') {
    super(reason);
  }
}

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

/**
 * Reads the first worksheet with content into rows of text (row numbers as lines), after the zip
 * guard: a zip bomb is refused (AppError FILE_TOO_COMPLEX) before exceljs inflates anything.
 */
export async function readXlsx(bytes: Uint8Array): Promise<TextRow[]> {
  try {
    await assertSafeZip(bytes);
  } catch (error) {
    if (error instanceof UnreadableZipError) throw new UnreadableWorkbookError('unreadable');
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableWorkbookError('unreadable');
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new UnreadableWorkbookError('empty');
  const rows: TextRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value));
    rows.push({ cells, line: rowNumber });
  });
  return rows;
}

/** One sheet to write: rows of cells plus the little layout the exports use. */
export interface SheetSpec {
  name: string;
  rows: readonly (readonly Cell[])[];
  /** 1-based row numbers written bold (header rows) or italic. */
  boldRows?: readonly number[];
  italicRows?: readonly number[];
  /** Width per column (1-based index − 1); `defaultWidth` for the rest. */
  widths?: readonly (number | undefined)[];
  defaultWidth?: number;
  wrapText?: boolean;
  frozen?: { rows?: number; columns?: number };
  /** Number formats by 1-based column ('0.0%'). */
  numberFormats?: Readonly<Record<number, string>>;
  /** Cells shaded light yellow (white spots), by 1-based row and column. */
  shade?: (value: Cell, row: number, column: number) => boolean;
}

/**
 * Writes a workbook. Text cells that a spreadsheet would run as a formula are neutralised
 * (OWASP: leading `'`) in every sheet; numbers stay numeric cells.
 */
export async function writeXlsx(sheets: readonly SheetSpec[], meta: { title?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Regiekamer';
  if (meta.title) workbook.title = meta.title;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
    spec.rows.forEach((cells, index) => {
      const rowNumber = index + 1;
      const row = sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : (cell ?? null))));
      if (spec.boldRows?.includes(rowNumber)) row.font = { bold: true };
      if (spec.italicRows?.includes(rowNumber)) row.font = { italic: true };
      if (spec.shade) {
        cells.forEach((cell, column) => {
          if (spec.shade!(cell, rowNumber, column + 1)) row.getCell(column + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
        });
      }
    });
    const columnCount = Math.max(sheet.columnCount, spec.widths?.length ?? 0);
    for (let column = 1; column <= columnCount; column += 1) {
      const width = spec.widths?.[column - 1] ?? spec.defaultWidth;
      if (width !== undefined) sheet.getColumn(column).width = width;
      if (spec.wrapText) sheet.getColumn(column).alignment = { wrapText: true, vertical: 'top' };
      const format = spec.numberFormats?.[column];
      if (format) sheet.getColumn(column).numFmt = format;
    }
    if (spec.frozen) sheet.views = [{ state: 'frozen', xSplit: spec.frozen.columns ?? 0, ySplit: spec.frozen.rows ?? 0 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
