export type Delimiter = '\t' | ';' | ',';

export interface TextRow {
  cells: string[];
  /** 1-based line of the row's first character. */
  line: number;
}

/** Picks the delimiter that splits the most lines into several cells (tab first on ties). */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split(/\r?\n/).filter((line) => line.trim()).slice(0, 200);
  // Lines with three or more cells decide; two-column files fall back to two cells.
  for (const minimum of [3, 2]) {
    let best: Delimiter | null = null;
    let bestScore = 0;
    for (const candidate of ['\t', ';', ','] as Delimiter[]) {
      const score = lines.filter((line) => line.split(candidate).length >= minimum).length;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best) return best;
  }
  return '\t';
}

/**
 * Reads delimited text into rows (RFC 4180 quoting: "a;b", doubled quotes, line breaks inside
 * quotes). A stray quote in the middle of a cell is kept as a character, as spreadsheets do.
 */
export function readDelimited(text: string, delimiter: Delimiter, quotes = true): TextRow[] {
  const rows: TextRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  let line = 1;
  let rowLine = 1;
  const source = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          cell += '"';
          index += 1;
        } else quoted = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (quotes && char === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      continue;
    }
    if (char === delimiter) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
      continue;
    }
    if (char === '\r' && source[index + 1] === '\n') continue;
    if (char === '\n' || char === '\r') {
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      atCellStart = true;
      line += 1;
      rowLine = line;
      continue;
    }
    cell += char;
    atCellStart = false;
  }
  if (quoted) throw new Error(`unterminated quote starting near line ${rowLine}`);
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}
