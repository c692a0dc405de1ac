/**
 * The one way CSV and XLSX (and the zip of a DOCX) come in and go out: encoding and delimiter
 * detection, the zip-bomb guard before parsing, and formula neutralisation in every writer.
 * See docs/decisions/011-one-tabular-module.md.
 */
import { readCsv } from './csv.js';
import { restoreNeutralised } from './formula.js';
import { decodeText, type TextRow } from './text.js';
import { readXlsx } from './xlsx.js';

export { readCsv, writeCsv } from './csv.js';
export { readXlsx, writeXlsx, UnreadableWorkbookError, type SheetSpec } from './xlsx.js';
export { readDocxHtml, UnreadableDocumentError } from './docx.js';
export { assertSafeZip, ZIP_LIMITS } from './zip-guard.js';
export { decodeText, detectDelimiter, type Delimiter, type TextRow } from './text.js';
export { neutraliseFormula, restoreNeutralised, type Cell } from './formula.js';

/** The file is neither a workbook nor text (a NUL byte after decoding: an image, a PDF, an old .xls). */
export class NotATableError extends Error {}

/** Starts with the zip signature, as XLSX and DOCX do. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/**
 * Reads an uploaded table: XLSX (by name or zip signature; zip-guarded) or delimited text in any of
 * the detected encodings and delimiters. Cells our own exports neutralised (`'=…`) read back as written.
 */
export async function readTable(bytes: Uint8Array, filename = ''): Promise<TextRow[]> {
  const rows = /\.xlsx$/i.test(filename) || isZip(bytes) ? await readXlsx(bytes) : readText(bytes);
  return rows.map((row) => ({ line: row.line, cells: row.cells.map(restoreNeutralised) }));
}

function readText(bytes: Uint8Array): TextRow[] {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new NotATableError('binary');
  return readCsv(text);
}
