import type { ParsedTiming } from './types.js';

// Meteorological seasons as Flemish plans use them ("najaar 2021" = autumn).
const SEASONS: Record<string, [string, string, number]> = {
  voorjaar: ['03-01', '05-31', 0],
  lente: ['03-01', '05-31', 0],
  zomer: ['06-01', '08-31', 0],
  najaar: ['09-01', '11-30', 0],
  herfst: ['09-01', '11-30', 0],
  winter: ['12-01', '02-28', 1],
};
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads dd/mm/jjjj (also d/m/jjjj, dd-mm-jjjj, "01/11/ 2024") as an ISO date; null when invalid. */
export function parseDutchDate(text: string): string | null {
  const match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const DATE = String.raw`\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}`;
const DATE_RANGE = new RegExp(String.raw`^(${DATE})\s*(?:[-–—]|tot(?:\s+en\s+met)?|t\.e\.m\.?)\s*(${DATE})(.*)$`, 'i');
const SEASON_OR_MONTH = new RegExp(String.raw`^(${[...Object.keys(SEASONS), ...MONTHS].join('|')})\s+(\d{4})(.*)$`, 'i');

function yearSpan(year: number, toYear = year) {
  return { start: `${year}-01-01`, end: `${toYear}-12-31` };
}

function periodOf(word: string, year: number): { start: string; end: string } {
  const season = SEASONS[word];
  if (season) {
    const endYear = year + season[2];
    const end = season[2] ? `${endYear}-02-${pad(lastDay(endYear, 2))}` : `${year}-${season[1]}`;
    return { start: `${year}-${season[0]}`, end };
  }
  const month = MONTHS.indexOf(word) + 1;
  return { start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
}

function cleanNote(text: string): string {
  return text.replace(/^[\s,;:–—-]+/, '').replace(/[\s,;]+$/, '').trim();
}

/**
 * Understands the timings plans use: "doorlopend", "2021", "Najaar 2021", "juni 2025",
 * "2020 - 2021", "01/11/2024 – 30/11/2024", with anything after it kept as a note
 * ("2020 - check met stuurgroep"). Returns kind 'text' when nothing is understood.
 */
export function parseTiming(input: string): ParsedTiming | null {
  const label = input.replace(/\s+/g, ' ').trim();
  if (!label) return null;
  const lower = label.toLocaleLowerCase('nl-BE');

  const ongoing = /^(doorlopend|continu|permanent|jaarlijks|heel het jaar)\b(.*)$/i.exec(lower);
  if (ongoing) return { kind: 'ongoing', start: null, end: null, label, note: cleanNote(label.slice(ongoing[1]!.length)) };

  const dates = DATE_RANGE.exec(label);
  if (dates) {
    const start = parseDutchDate(dates[1]!);
    const end = parseDutchDate(dates[2]!);
    if (start && end && start <= end) return { kind: 'range', start, end, label, note: cleanNote(dates[3] ?? '') };
  }
  const single = new RegExp(`^(${DATE})(.*)$`).exec(label);
  if (single) {
    const date = parseDutchDate(single[1]!);
    if (date) return { kind: 'range', start: date, end: date, label, note: cleanNote(single[2] ?? '') };
  }

  const years = /^(\d{4})\s*(?:[-–—]|tot)\s*(\d{4})\b(.*)$/.exec(label);
  if (years && Number(years[1]) <= Number(years[2])) {
    return { kind: 'range', ...yearSpan(Number(years[1]), Number(years[2])), label, note: cleanNote(years[3] ?? '') };
  }

  const period = SEASON_OR_MONTH.exec(lower);
  if (period) {
    const word = period[1]!;
    const year = Number(period[2]);
    const span = periodOf(word, year);
    const kind = word in SEASONS ? 'season' : 'range';
    return { kind, ...span, label, note: cleanNote(label.slice(label.length - (period[3] ?? '').length)) };
  }

  const year = /^(?:in\s+)?((?:19|20)\d{2})(?![\d/])(.*)$/i.exec(label);
  if (year) return { kind: 'year', ...yearSpan(Number(year[1])), label, note: cleanNote(year[2] ?? '') };

  return { kind: 'text', start: null, end: null, label, note: '' };
}
