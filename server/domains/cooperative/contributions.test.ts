import { describe, expect, it } from 'vitest';
import { computeContributions, type ContributionInput } from './contributions.js';

const members: ContributionInput[] = [
  { memberId: 'a', inhabitants: 35420, fixedCents: 500000 },
  { memberId: 'b', inhabitants: 19860, fixedCents: 300000 },
  { memberId: 'c', inhabitants: 1060, fixedCents: 100000 },
];

function sum(cents: Map<string, number>): number {
  return [...cents.values()].reduce((total, value) => total + value, 0);
}

function shares(result: ReturnType<typeof computeContributions>): Map<string, number> {
  if (!result.ok) throw new Error(`key failed: ${result.problem}`);
  return result.cents;
}

describe('computeContributions', () => {
  it('splits equally and gives the leftover cent to the first cooperants', () => {
    const cents = shares(computeContributions(1000, 'gelijk', members));
    expect([...cents.values()]).toEqual([334, 333, 333]);
  });

  it('shares per inhabitant and the shares sum exactly to the budget', () => {
    const cents = shares(computeContributions(2_500_000, 'inwoners', members));
    expect(sum(cents)).toBe(2_500_000);
    // 35420 / 56340 of € 25.000 = 1.571.707,49 cents: rounded down; the two cents left go to the largest remainders (c .85, b .66)
    expect(cents.get('a')).toBe(1_571_707);
    expect(cents.get('b')).toBe(881_257);
    expect(cents.get('c')).toBe(47_036);
  });

  it('keeps a fixed table that adds up to the budget as it is, and scales one that does not', () => {
    expect([...shares(computeContributions(900_000, 'vast', members)).values()]).toEqual([500000, 300000, 100000]);
    const scaled = shares(computeContributions(100_001, 'vast', members));
    expect(sum(scaled)).toBe(100_001);
    expect(scaled.get('a')).toBe(55_556);
  });

  it('mixes the parts by their weights', () => {
    const cents = shares(computeContributions(1_000_000, 'mix', members, { equal: 50, inhabitants: 50, fixed: 0 }));
    expect(sum(cents)).toBe(1_000_000);
    // half equal (166.666,67 each) + half by inhabitants (35420/56340 × 500.000 = 314.341,49)
    expect(cents.get('a')).toBe(481_008);
  });

  it('sums exactly for awkward budgets and many cooperants', () => {
    const many = Array.from({ length: 17 }, (_, index) => ({ memberId: `m${index}`, inhabitants: 1000 + index * 137, fixedCents: 7 * index + 3 }));
    for (const budget of [1, 16, 17, 99_999, 1_234_567]) {
      for (const key of ['gelijk', 'inwoners', 'vast'] as const) expect(sum(shares(computeContributions(budget, key, many)))).toBe(budget);
      expect(sum(shares(computeContributions(budget, 'mix', many, { equal: 20, inhabitants: 30, fixed: 50 })))).toBe(budget);
    }
  });

  it('names why a key cannot share', () => {
    expect(computeContributions(100, 'gelijk', [])).toEqual({ ok: false, problem: 'noMembers' });
    expect(computeContributions(100, 'inwoners', [{ memberId: 'x', inhabitants: null, fixedCents: 0 }])).toEqual({ ok: false, problem: 'noInhabitants' });
    expect(computeContributions(100, 'vast', [{ memberId: 'x', inhabitants: 1, fixedCents: 0 }])).toEqual({ ok: false, problem: 'noFixed' });
    expect(computeContributions(100, 'mix', members, { equal: 0, inhabitants: 0, fixed: 0 })).toEqual({ ok: false, problem: 'noWeights' });
  });
});
