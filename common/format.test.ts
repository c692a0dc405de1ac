import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney } from './format.js';

describe('Belgian formatting', () => {
  it('writes dates as dd/mm/jjjj', () => {
    expect(formatDate('2024-06-25T10:00:00Z')).toBe('25/06/2024');
    expect(formatDate(new Date(Date.UTC(2021, 0, 3, 12)))).toBe('03/01/2021');
  });

  it('uses Belgian time for the day boundary', () => {
    // 23:30 UTC on 31 December is already New Year in Brussels.
    expect(formatDate('2023-12-31T23:30:00Z')).toBe('01/01/2024');
    expect(formatDateTime('2024-06-25T08:05:00Z')).toBe('25/06/2024 10:05');
  });

  it('writes money as € 2.500,00', () => {
    expect(formatMoney(250000)).toBe('€ 2.500,00');
    expect(formatMoney(1050050)).toBe('€ 10.500,50');
    expect(formatMoney(0)).toBe('€ 0,00');
  });
});
