import { describe, expect, test } from 'vitest';
import { packHalfDisc } from './bubble-pack';

const R = 120;

describe('packHalfDisc', () => {
  test('keeps every bubble inside its half of the circle, also for a municipality with many actors', () => {
    const items = Array.from({ length: 250 }, (_, i) => ({ id: i, relations: i % 17 }));
    for (const top of [true, false]) {
      const bubbles = packHalfDisc(items, (item) => 1 + Math.sqrt(item.relations), R, top);
      expect(bubbles).toHaveLength(250);
      for (const b of bubbles) {
        expect(Math.hypot(b.x, b.y) + b.r).toBeLessThanOrEqual(R + 1e-6);
        if (top) expect(b.y + b.r).toBeLessThanOrEqual(1e-6);
        else expect(b.y - b.r).toBeGreaterThanOrEqual(-1e-6);
      }
    }
  });

  test('does not let bubbles overlap', () => {
    const bubbles = packHalfDisc(Array.from({ length: 40 }, (_, i) => i), (i) => 1 + (i % 5), R, true);
    for (let i = 0; i < bubbles.length; i++) {
      for (let j = i + 1; j < bubbles.length; j++) {
        const a = bubbles[i]!;
        const b = bubbles[j]!;
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r - 1e-6);
      }
    }
  });

  test('sizes bubbles by weight: more relations, larger bubble; none is empty', () => {
    const bubbles = packHalfDisc([{ relations: 0 }, { relations: 9 }, { relations: 0 }], (item) => 1 + Math.sqrt(item.relations), R, false);
    const small = bubbles.find((b) => b.item.relations === 0)!;
    const large = bubbles.find((b) => b.item.relations === 9)!;
    expect(large.r).toBeGreaterThan(small.r * 1.5);
    expect(small.r).toBeGreaterThan(0);
  });

  test('packs nothing for no actors', () => {
    expect(packHalfDisc([], () => 1, R, true)).toEqual([]);
  });
});
