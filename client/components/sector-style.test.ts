import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { contrastRatio, SECTOR_PALETTE, sectorStyle, UNKNOWN_SECTOR_STYLE } from './sector-style';

// The real taxonomy, in its order, from the migration that loads it.
const sql = readFileSync(new URL('../../server/db/migrations/0003_sectors.sql', import.meta.url), 'utf8');
const sectors = [...sql.matchAll(/^\s*\('([a-z0-9-]+)', '([^']+)'/gm)].map(([, key, name]) => ({ key: key!, name: name! }));

describe('sector style', () => {
  test('reads the 22 sectors of the taxonomy', () => {
    expect(sectors).toHaveLength(22);
  });

  test('gives every sector its own (colour, shape) pair and its own code', () => {
    const styles = sectors.map((sector) => sectorStyle(sectors, sector.key));
    expect(new Set(styles.map((s) => `${s.colour}/${s.shape}`)).size).toBe(22);
    expect(new Set(styles.map((s) => s.code)).size).toBe(22);
    expect(new Set(styles.map((s) => `${s.colour}/${s.code}`)).size).toBe(22);
    for (const style of styles) expect(style.code).toMatch(/^[A-Z]{1,2}$/);
  });

  test('separates the sectors users found mixed up', () => {
    const style = (key: string) => sectorStyle(sectors, key);
    expect(style('lokaal-cultuurbeleid')).not.toEqual(style('inburgering'));
    const browns = ['amateurkunsten', 'welzijn', 'milieu', 'andere-2'].map((key) => JSON.stringify(style(key)));
    expect(new Set(browns).size).toBe(4);
  });

  test('every colour carries a white code (4.5:1) and stands out on the white background (3:1)', () => {
    for (const colour of [...SECTOR_PALETTE, UNKNOWN_SECTOR_STYLE.colour]) {
      expect(contrastRatio(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  test('draws an unknown or missing sector in the neutral style', () => {
    expect(sectorStyle(sectors, null)).toEqual(UNKNOWN_SECTOR_STYLE);
    expect(sectorStyle(sectors, 'no-such-sector')).toEqual(UNKNOWN_SECTOR_STYLE);
  });
});
