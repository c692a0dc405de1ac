/** The hovered actor's name and facts beside the pointer, kept inside the canvas (decorative: the side panel says the same). */
export function GraphTooltip({ tip, x, y, width, height }: { tip: { name: string; lines: string[] }; x: number; y: number; width: number; height: number }) {
  return (
    <div
      className="graph-tooltip"
      aria-hidden="true"
      style={{
        left: Math.min(x + 14, Math.max(0, width - 260)),
        top: y + 14 > height - 90 ? Math.max(0, y - 90) : y + 14,
      }}
    >
      <strong>{tip.name}</strong>
      {tip.lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </div>
  );
}
