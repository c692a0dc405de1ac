import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface Bar {
  label: string;
  count: number;
  note?: string;
}

/**
 * Horizontal bars as SVG (labelled as one image) with the same numbers in a table right under it,
 * so the result is readable without the picture.
 */
export function BarChart({ title, bars, total }: { title: string; bars: Bar[]; total: number }) {
  const { t } = useTranslation();
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const rowHeight = 34;
  const labelWidth = 190;
  const width = 560;
  const barSpace = width - labelWidth - 70;
  const share = (count: number) => (total ? `${Math.round((count / total) * 100)} %` : '–');
  return (
    <div>
      <svg className="pp-chart" viewBox={`0 0 ${width} ${bars.length * rowHeight + 8}`} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{t('participation.results.chartLabel', { question: title })}</title>
        {bars.map((bar, index) => {
          const y = index * rowHeight + 4;
          const length = Math.max(2, (bar.count / max) * barSpace);
          return (
            <g key={bar.label + index}>
              <text x={labelWidth - 8} y={y + rowHeight / 2 + 4} textAnchor="end">
                {bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label}
              </text>
              <rect className="pp-bar" x={labelWidth} y={y + 4} width={length} height={rowHeight - 12} rx={3} />
              <text x={labelWidth + length + 6} y={y + rowHeight / 2 + 4}>
                {bar.count}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t('participation.results.table')}</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('participation.results.option')}</th>
              <th scope="col">{t('participation.results.count')}</th>
              <th scope="col">{t('participation.results.share')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, index) => (
              <tr key={bar.label + index}>
                <th scope="row">{bar.label}{bar.note ? ` (${bar.note})` : ''}</th>
                <td>{bar.count}</td>
                <td>{share(bar.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
