import { describe, expect, it } from 'vitest';
import { parseBudgetCell, parseFlemishAmount } from './budget.js';
import { parseDutchDate, parseTiming } from './timing.js';
import { splitPartners, nameKey } from './partners.js';
import { parseMilestoneLine } from './milestones.js';

describe('Flemish amounts', () => {
  it('reads thousands dots and decimal commas as cents', () => {
    expect(parseFlemishAmount('2.500')).toBe(250_000);
    expect(parseFlemishAmount('10.500,50')).toBe(1_050_050);
    expect(parseFlemishAmount('564')).toBe(56_400);
    expect(parseFlemishAmount('-57.500,00')).toBe(-5_750_000);
    expect(parseFlemishAmount('1.234.567,8')).toBe(123_456_780);
    expect(parseFlemishAmount('2,5.00')).toBeNull();
    expect(parseFlemishAmount('abc')).toBeNull();
  });
});

describe('budget cells', () => {
  it('turns every amount with a currency into its own line', () => {
    const lines = parseBudgetCell('4.000 euro organisatie Boekenkaftdag 750 euro organisatie Boekenfeest');
    expect(lines.map((line) => [line.amountCents, line.description])).toEqual([
      [400_000, 'organisatie Boekenkaftdag'],
      [75_000, 'organisatie Boekenfeest'],
    ]);
  });

  it('keeps the VAT note, the year and the text around the amount', () => {
    const [line] = parseBudgetCell('nieuwe uitpaszuil in 2021 (564 eur btw in)');
    expect(line).toMatchObject({ amountCents: 56_400, vatNote: 'btw in', year: 2021, description: 'nieuwe uitpaszuil in 2021' });
  });

  it('keeps footnote markers and per-year amounts as written', () => {
    expect(parseBudgetCell('2.000 euro* regionale communicatie')[0]).toMatchObject({ amountCents: 200_000, marker: '*', description: 'regionale communicatie' });
    expect(parseBudgetCell('3.000* euro hosting')[0]).toMatchObject({ amountCents: 300_000, marker: '*' });
    expect(parseBudgetCell('200 euro/ jaar hosting')[0]).toMatchObject({ amountCents: 20_000, per: 'jaar', description: 'hosting' });
  });

  it('reads € before the number, a bare number, and ignores numbers without a currency', () => {
    expect(parseBudgetCell('€ 1.000,00 drukwerk')[0]?.amountCents).toBe(100_000);
    expect(parseBudgetCell('2500')[0]?.amountCents).toBe(250_000);
    expect(parseBudgetCell('campagne 15 jaar CO7 in 2021')).toEqual([]);
    expect(parseBudgetCell('nog te bepalen')).toEqual([]);
    expect(parseBudgetCell('')).toEqual([]);
  });

  it('does not read "europese" as a currency', () => {
    expect(parseBudgetCell('50 europese partners')).toEqual([]);
  });
});

describe('timings', () => {
  it('understands ongoing, years, seasons, months and ranges', () => {
    expect(parseTiming('doorlopend')).toMatchObject({ kind: 'ongoing', start: null });
    expect(parseTiming('2021')).toMatchObject({ kind: 'year', start: '2021-01-01', end: '2021-12-31' });
    expect(parseTiming('Najaar 2021')).toMatchObject({ kind: 'season', start: '2021-09-01', end: '2021-11-30', label: 'Najaar 2021' });
    expect(parseTiming('winter 2024')).toMatchObject({ start: '2024-12-01', end: '2025-02-28' });
    expect(parseTiming('juni 2025')).toMatchObject({ kind: 'range', start: '2025-06-01', end: '2025-06-30' });
    expect(parseTiming('2020 - 2021')).toMatchObject({ kind: 'range', start: '2020-01-01', end: '2021-12-31' });
    expect(parseTiming('01/11/2024 – 30/11/2024')).toMatchObject({ kind: 'range', start: '2024-11-01', end: '2024-11-30' });
  });

  it('keeps what follows as a note and unknown text as text', () => {
    expect(parseTiming('2020 - check met stuurgroep')).toMatchObject({ kind: 'year', start: '2020-01-01', note: 'check met stuurgroep' });
    expect(parseTiming('na de zomer')).toMatchObject({ kind: 'text', label: 'na de zomer' });
    expect(parseTiming('  ')).toBeNull();
  });

  it('rejects impossible dates', () => {
    expect(parseDutchDate('31/02/2025')).toBeNull();
    expect(parseDutchDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDutchDate('01/11/ 2024')).toBe('2024-11-01');
  });
});

describe('milestones', () => {
  it('reads title, date range and a trailing note', () => {
    expect(parseMilestoneLine('9. Participatiemarkt (01/03/2025 – 31/03/2025 met eventueel vervolg)', 'G')).toEqual({
      title: 'Participatiemarkt',
      start: '2025-03-01',
      end: '2025-03-31',
      note: 'met eventueel vervolg',
      group: 'G',
    });
    expect(parseMilestoneLine('1. Aanwerven (01/11/ 2024-31/12/2024)', '')?.start).toBe('2024-11-01');
    expect(parseMilestoneLine('Geen datum hier', '')).toBeNull();
    expect(parseMilestoneLine('Omgekeerd (01/12/2024 – 01/11/2024)', '')).toBeNull();
  });
});

describe('partners', () => {
  it('splits on commas, semicolons and "en" but not inside parentheses', () => {
    expect(splitPartners('Bibliotheken, Cel Bovenlokaal Bibliotheekbeleid (Departement CJM), Cultuurconnect').names).toEqual([
      'Bibliotheken',
      'Cel Bovenlokaal Bibliotheekbeleid (Departement CJM)',
      'Cultuurconnect',
    ]);
    expect(splitPartners('stad Mesen en (erfgoed)actoren uit Mesen').names).toEqual(['stad Mesen', '(erfgoed)actoren uit Mesen']);
    expect(splitPartners('A; B\nC').names).toEqual(['A', 'B', 'C']);
  });

  it('keeps a sentence as a note instead of a partner', () => {
    const result = splitPartners('i.s.m. projectvereniging IJzervallei en Viertoren. We stappen in in het door IJzervallei ontwikkelde platform');
    expect(result.names).toEqual(['projectvereniging IJzervallei', 'Viertoren']);
    expect(result.notes).toEqual(['We stappen in in het door IJzervallei ontwikkelde platform']);
  });

  it('matches names regardless of case, accents and legal form', () => {
    expect(nameKey('Vzw Argos')).toBe(nameKey('argos'));
    expect(nameKey('Stad Mesen')).toBe(nameKey('Mesen'));
    expect(nameKey('Geïnteresseerden')).toBe('geinteresseerden');
  });
});
