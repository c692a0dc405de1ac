/**
 * How a sector is drawn: a colour, a shape and a 1–2 letter code. 22 sectors cannot be told apart by colour
 * alone (least of all by colour-blind readers), so every sector has its own (colour, shape) pair and its own
 * code; the bubble scheme prints the code in the mark, the graph draws the shape, the legends show both.
 */
export type SectorShape = 'circle' | 'square';

export interface SectorStyle {
  colour: string;
  shape: SectorShape;
  code: string;
}

// Dark enough for white codes (contrast ≥ 4.5:1) and for the marks on white (≥ 3:1); neighbours differ in hue.
export const SECTOR_PALETTE = [
  '#1f5f8b', // blue
  '#a63d11', // vermilion
  '#2e6b34', // green
  '#6b3fa0', // purple
  '#a0204b', // wine
  '#00676b', // teal
  '#7a5c00', // ochre
  '#4d4d4d', // grey
  '#8c2d8c', // magenta
  '#26327a', // navy
  '#6e4328', // brown
] as const;

// Codes for the 22 boxes of the taxonomy (migration 0003), Dutch like their names.
const CODES: Record<string, string> = {
  kunsten: 'K',
  amateurkunsten: 'AK',
  circuskunsten: 'CK',
  'lokaal-cultuurbeleid': 'LC',
  'sociaal-cultureel-volwassenenwerk': 'SC',
  onderwijs: 'O',
  jeugd: 'J',
  erfgoed: 'E',
  'onroerend-erfgoed': 'OE',
  sport: 'S',
  welzijn: 'W',
  gezondheidszorg: 'G',
  milieu: 'M',
  toerisme: 'T',
  inburgering: 'I',
  mobiliteit: 'MO',
  duurzaamheid: 'D',
  'lokale-economie': 'LE',
  tewerkstelling: 'TW',
  'ruimtelijke-ordening': 'RO',
  andere: 'AC',
  'andere-2': 'AM',
};

export const UNKNOWN_SECTOR_STYLE: SectorStyle = { colour: '#555555', shape: 'circle', code: '?' };

/** The style of a sector, by its position in the taxonomy: colour cycles through the palette, the shape changes per round. */
export function sectorStyle(sectors: readonly { key: string; name?: string }[], key: string | null): SectorStyle {
  const index = key ? sectors.findIndex((sector) => sector.key === key) : -1;
  if (index < 0) return UNKNOWN_SECTOR_STYLE;
  const sector = sectors[index]!;
  const code = CODES[sector.key] ?? (sector.name ?? sector.key).slice(0, 2).toUpperCase();
  return {
    colour: SECTOR_PALETTE[index % SECTOR_PALETTE.length]!,
    shape: Math.floor(index / SECTOR_PALETTE.length) % 2 === 0 ? 'circle' : 'square',
    code,
  };
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
