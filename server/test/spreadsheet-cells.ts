import { expect } from 'vitest';
import ExcelJS from 'exceljs';
import { readCsv } from '../tabular/index.js';

// Raw cells of an export, as a spreadsheet would see them: no readTable, which strips our own `'` again.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Every cell of a CSV export, parsed but not restored (a neutralised cell keeps its leading `'`). */
export function csvCells(body: string): string[] {
  return readCsv(body.replace(/^\uFEFF/, '')).flatMap((row) => row.cells);
}

/** Every cell value of every sheet of an XLSX export, as exceljs loads it from the bytes. */
export async function xlsxCells(payload: Buffer): Promise<ExcelJS.CellValue[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ExcelJS.Buffer);
  const cells: ExcelJS.CellValue[] = [];
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
  return cells;
}

/** No text cell starts like a formula; the expected texts are there, neutralised with a leading `'`. */
export function expectNeutralised(cells: readonly unknown[], expected: readonly string[]): void {
  const texts = cells.filter((cell): cell is string => typeof cell === 'string');
  expect(texts.filter((text) => FORMULA_START.test(text))).toEqual([]);
  for (const text of expected) expect(texts).toContain(`'${text}`);
}
