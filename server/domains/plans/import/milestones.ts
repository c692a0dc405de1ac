import type { ParsedMilestone } from './types.js';
import { parseDutchDate } from './timing.js';

const DATE = String.raw`\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}`;
const MILESTONE = new RegExp(String.raw`^(?:\d+[.)]\s*)?(.+?)\s*\(\s*(${DATE})\s*(?:[-–—]|tot)\s*(${DATE})\s*([^)]*)\)\s*$`);

/**
 * Reads one milestone line: "3. Netwerkvond organiseren (01/01/2025 – 28/02/2025)", with text
 * after the end date kept as a note ("met eventueel vervolg"). Null when the line has no date range.
 */
export function parseMilestoneLine(line: string, group: string): ParsedMilestone | null {
  const match = MILESTONE.exec(line.replace(/\s+/g, ' ').trim());
  if (!match) return null;
  const start = parseDutchDate(match[2]!);
  const end = parseDutchDate(match[3]!);
  if (!start || !end || end < start) return null;
  return { title: match[1]!.trim(), start, end, note: (match[4] ?? '').trim(), group };
}
