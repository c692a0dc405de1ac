import type { FundingSource, ParsedBudgetLine } from './types.js';

const NUMBER = String.raw`-?\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|-?\d+(?:,\d{1,2})?`;
// An amount: optional "€" before, the number, an optional footnote marker, an optional currency
// word after (euro, eur, €), another optional marker, and an optional "/ jaar".
const AMOUNT = new RegExp(
  String.raw`(€\s*)?(?<![\p{L}\d.,])(${NUMBER})(?![\d\p{L}])(\*+)?\s*(euro|eur|€)?(?![\p{L}])(\*+)?(?:\s*\/\s*(jaar|maand|week|stuk|editie))?`,
  'giu',
);
const VAT = /\b(?:btw\s+(?:in|incl\.?|inbegrepen|inclusief|excl\.?|exclusief)|incl\.?\s+btw|excl\.?\s+btw|inclusief\s+btw|exclusief\s+btw)\b/iu;

/** Parses a Flemish number ("2.500", "10.500,50", "-57.500,00", "564") into cents. */
export function parseFlemishAmount(text: string): number | null {
  const trimmed = text.trim();
  if (!new RegExp(`^(?:${NUMBER})$`, 'u').test(trimmed)) return null;
  const negative = trimmed.startsWith('-');
  const [whole = '0', fraction = ''] = trimmed.replace('-', '').replace(/\./g, '').split(',');
  const cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  return negative ? -cents : cents;
}

/** Guesses the funding source from a budget or funding label. */
export function fundingSourceOf(text: string): FundingSource {
  const lower = text.toLocaleLowerCase('nl-BE');
  if (/cofinanc|co-financ/.test(lower)) return 'cofinanciering';
  if (/\besf\b|europ|\bwse\b|\beu\b/.test(lower)) return 'europese-subsidie';
  if (/vlaam|vlaanderen|subsidie|departement/.test(lower)) return 'vlaamse-subsidie';
  if (/eigen (inbreng|middelen)/.test(lower)) return 'eigen-middelen';
  return 'andere';
}

function tidy(text: string): string {
  return text
    .replace(/\(\s*\)/g, '')
    .replace(/^[\s+,;:–-]+|[\s+,;:–(-]+$/g, '')
    .replace(/^\)\s*/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function balanceParentheses(text: string): string {
  const open = (text.match(/\(/g) ?? []).length;
  const close = (text.match(/\)/g) ?? []).length;
  if (open > close && /\($/.test(text.trim()) === false) return text.replace(/\(([^()]*)$/, '$1');
  if (close > open) return text.replace(/^([^()]*)\)/, '$1');
  return text;
}

interface AmountMatch {
  index: number;
  end: number;
  cents: number;
  marker: string;
  per: string;
}

function findAmounts(text: string): AmountMatch[] {
  const found: AmountMatch[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const [whole, euroBefore, number, markerA, currency, markerB, per] = match;
    if (!number || (!euroBefore && !currency)) continue;
    const cents = parseFlemishAmount(number);
    if (cents === null) continue;
    found.push({ index: match.index, end: match.index + whole.length, cents, marker: (markerA ?? '') + (markerB ?? ''), per: per?.toLowerCase() ?? '' });
  }
  return found;
}

/**
 * Splits a free-text budget cell into budget lines: every amount with a currency ("2.500 euro",
 * "€ 1.000,00", "564 eur btw in") starts a line whose description is the text up to the next
 * amount. A cell that is only a number is read as euro. Returns no lines when nothing is understood.
 */
export function parseBudgetCell(cell: string): ParsedBudgetLine[] {
  const text = cell.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  let amounts = findAmounts(text);
  if (amounts.length === 0) {
    const bare = /^(€\s*)?([\d.,-]+)(\*+)?$/u.exec(text);
    const cents = bare?.[2] ? parseFlemishAmount(bare[2]) : null;
    if (cents === null) return [];
    amounts = [{ index: 0, end: text.length, cents, marker: bare?.[3] ?? '', per: '' }];
  }
  const prefix = text.slice(0, amounts[0]?.index ?? 0);
  return amounts.map((amount, position) => {
    const next = amounts[position + 1];
    let segment = text.slice(amount.end, next ? next.index : text.length);
    if (position === 0 && tidy(prefix)) segment = `${prefix.trim()} ${segment}`;
    const vat = VAT.exec(segment);
    if (vat) segment = segment.replace(vat[0], ' ');
    const workingYear = /\bwerkjaar\s*(\d{1,2})\b/i.exec(segment);
    if (workingYear) segment = segment.replace(workingYear[0], ' ');
    const description = tidy(balanceParentheses(tidy(segment)));
    const year = /\b(20\d{2})\b/.exec(description);
    return {
      amountCents: amount.cents,
      description,
      year: year ? Number(year[1]) : null,
      workingYear: workingYear ? Number(workingYear[1]) : null,
      fundingSource: fundingSourceOf(description),
      vatNote: vat ? vat[0] : '',
      marker: amount.marker,
      per: amount.per,
      sourceText: cell.trim(),
    };
  });
}
