/** The delimiters a CSV from Flemish organisations uses: `;` (Excel in Belgium), `,` and tab. */
export type Delimiter = '\t' | ';' | ',';

/** One row of a table as text, with the 1-based line (CSV) or row number (XLSX) where it starts. */
export interface TextRow {
  cells: string[];
  line: number;
}

/**
 * Bytes → text: a UTF-8 or UTF-16 byte order mark decides; without one, valid UTF-8 is UTF-8 and
 * anything else is Windows-1252 (older Excel exports on Windows). The BOM is not part of the text.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ; five bytes unassigned).
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node's TextDecoder('windows-1252') decodes like Latin-1 (0x80–0x9F become control characters),
 * so the euro sign and curly quotes of Excel on Windows are mapped here.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

/** Picks the delimiter that splits the most of the first 200 lines into several cells (tab first on ties). */
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
