import { parse, CsvError } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula, type Cell } from './formula.js';
import { detectDelimiter, type Delimiter, type TextRow } from './text.js';

/**
 * Reads delimited text (delimiter detected unless given) into rows with their starting line.
 * RFC 4180 quoting; a stray quote inside a cell is kept as a character, as spreadsheets do, and
 * quoting that does not add up (prose pasted into a cell) makes the text read without quoting.
 */
export function readCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): TextRow[] {
  const source = text.replace(/^\uFEFF/, '');
  const read = (quote: boolean) =>
    parse(source, { delimiter, quote: quote ? '"' : false, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  let records;
  try {
    records = read(true);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    records = read(false);
  }
  // info.lines is the line a record ends on; the next one starts on the line after.
  let previousEnd = 0;
  return records.map(({ record, info }) => {
    const row = { cells: record, line: previousEnd + 1 };
    previousEnd = info.lines;
    return row;
  });
}

/**
 * Rows → CSV as Excel in Flanders opens it: `;`-separated, UTF-8 with BOM, CRLF. Text that a
 * spreadsheet would run as a formula is neutralised (OWASP: leading `'`); numbers stay numbers.
 */
export function writeCsv(rows: readonly (readonly Cell[])[]): Buffer {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : (cell ?? ''))));
  const text = stringify(safe, { delimiter: ';', record_delimiter: '\r\n', quoted_match: [/^\s|\s$/, /[\r\n]/] });
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}
