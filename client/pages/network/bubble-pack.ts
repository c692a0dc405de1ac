import { hierarchy, pack } from 'd3-hierarchy';

export interface PackedBubble<T> {
  item: T;
  x: number;
  y: number;
  r: number;
}

/**
 * Packs items as circles into the half of a circle of radius `radius` around (0, 0): the top half (y < 0) or
 * the bottom one. They are packed into the largest circle that fits in that half (radius / 2, centred at half
 * height), then grown as far as the half allows, so every bubble stays inside the municipality's circle however many actors it has. Areas follow
 * `weight`, which should have a minimum so that actors without relations stay visible.
 */
export function packHalfDisc<T>(items: readonly T[], weight: (item: T) => number, radius: number, top: boolean, padding = 1.5): PackedBubble<T>[] {
  if (items.length === 0) return [];
  const inner = radius / 2;
  const root = hierarchy<{ item?: T; children?: { item: T }[] }>({ children: items.map((item) => ({ item })) })
    .sum((node) => (node.item === undefined ? 0 : weight(node.item)))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  // A lone bubble would fill the whole half: keep it at the size it would have among a few.
  const size = items.length === 1 ? inner : 2 * inner;
  const packed = pack<{ item?: T }>().size([size, size]).padding(padding)(root);
  const offsetY = top ? -inner : inner;
  const leaves = (packed.children ?? []).map((leaf) => ({ item: leaf.data.item as T, x: leaf.x - size / 2, y: leaf.y - size / 2 + offsetY, r: leaf.r }));
  // The half disc is wider than its inscribed circle: grow the pack about the circle's centre (which keeps it on
  // its side of the middle line) as far as it stays inside the circle.
  const fits = (scale: number) => leaves.every(({ x, y, r }) => Math.hypot(x, y) * scale + r * scale <= radius);
  let low = 1;
  let high = 2;
  for (let step = 0; step < 20; step++) {
    const middle = (low + high) / 2;
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return leaves.map(({ item, x, y, r }) => ({ item, x: x * low, y: y * low, r: r * low }));
}
