/** Cell values the writers accept: text is neutralised, numbers stay numbers. */
export type Cell = string | number | null | undefined;

// OWASP CSV injection: a spreadsheet treats a cell starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run as a formula gets a leading `'`, so it shows as text. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The reverse on import: our own export's `'=…` reads back as `=…` (re-exported, it is neutralised again). */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
