import type { SectorStyle } from './sector-style';

/** A sector's mark for legends: its shape in its colour with its code in white (decorative; the name is text beside it). */
export function SectorMark({ style, size = 22 }: { style: SectorStyle; size?: number }) {
  const half = size / 2;
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false" className="sector-mark">
      {style.shape === 'square' ? (
        <rect x={1} y={1} width={size - 2} height={size - 2} rx={2} fill={style.colour} />
      ) : (
        <circle cx={half} cy={half} r={half - 1} fill={style.colour} />
      )}
      <text x={half} y={half} dy="0.35em" textAnchor="middle" fontSize={style.code.length > 1 ? size * 0.42 : size * 0.52} fontWeight={700} fill="#ffffff">
        {style.code}
      </text>
    </svg>
  );
}
