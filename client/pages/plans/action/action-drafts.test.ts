import { describe, expect, it } from 'vitest';
import { budgetPayload, NEW_LINE, parseEuro, partnerPayload } from './action-drafts';

describe('action drafts', () => {
  it('reads amounts as people type them in Flanders', () => {
    expect(parseEuro('2.500,00')).toBe(250_000);
    expect(parseEuro('€ 1.000')).toBe(100_000);
    expect(parseEuro('564')).toBe(56_400);
    expect(parseEuro('12,5')).toBe(1_250);
    expect(parseEuro('twaalf')).toBeNull();
  });

  it('names the field of the first line it cannot read', () => {
    expect(budgetPayload([{ ...NEW_LINE, amount: '10' }, { ...NEW_LINE, amount: 'x' }])).toEqual({ invalid: 'budgetLines.1.amountCents' });
    expect(budgetPayload([{ ...NEW_LINE, amount: '10', year: '20266' }])).toEqual({ invalid: 'budgetLines.0.year' });
    const lines = budgetPayload([{ ...NEW_LINE, amount: '1.250,50', description: 'zaal', year: '2026' }]);
    expect(lines).toMatchObject([{ amountCents: 125_050, description: 'zaal', year: 2026, fundingSource: 'eigen-middelen' }]);
  });

  it('keeps a partner link only while the linked name is unchanged, and drops empty rows', () => {
    expect(
      partnerPayload([
        { name: 'Bibliotheek Ieper', actorId: 'a1', linkedName: 'Bibliotheek Ieper' },
        { name: 'Bibliotheek Poperinge', actorId: 'a2', linkedName: 'Bibliotheek Ieper' },
        { name: '  ', actorId: null, linkedName: null },
      ]),
    ).toEqual([
      { name: 'Bibliotheek Ieper', actorId: 'a1' },
      { name: 'Bibliotheek Poperinge', actorId: null },
    ]);
  });
});
