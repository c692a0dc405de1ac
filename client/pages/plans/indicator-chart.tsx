import { useTranslation } from 'react-i18next';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import type { PlanAction } from '../../../common/schemas/plans.js';
import { formatDate, formatNumber } from '../../../common/format.js';
import {
  indicatorSeries,
  isoDateInBelgium,
  isoDateToTime,
  summarizeIndicator,
  type ChartPoint,
  type IndicatorStatus,
  type IndicatorSummary,
  type PlanPeriodYears,
} from '../../../common/indicator-progress.js';
import './indicator-chart.css';

type Indicator = PlanAction['indicators'][number];

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 22, right: 96, bottom: 34, left: 64 };

/** A symbol next to the status word, so the status never rests on colour alone. */
const STATUS_SYMBOL: Record<IndicatorStatus, string> = { reached: '✓', 'on-track': '→', behind: '!', unknown: '?' };

function withUnit(value: number, unit: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** The status as words with a symbol, coloured as a badge. */
export function IndicatorStatusBadge({ status }: { status: IndicatorStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`indicator-status indicator-status--${status}`} data-status={status}>
      <span aria-hidden="true">{STATUS_SYMBOL[status]} </span>
      {t(`plans.indicators.statuses.${status}`)}
    </span>
  );
}

/** The one-paragraph description a screen reader hears instead of the drawing. */
function chartDescription(t: ReturnType<typeof useTranslation>['t'], indicator: Indicator, summary: IndicatorSummary): string {
  const parts = [t('plans.indicators.chartLabel', { name: indicator.unit ? `${indicator.name} (${indicator.unit})` : indicator.name })];
  if (indicator.baseline !== null) parts.push(t('plans.indicators.chartBaseline', { value: formatNumber(indicator.baseline) }));
  if (indicator.target !== null) {
    parts.push(
      summary.targetDate
        ? t('plans.indicators.chartTargetDate', { value: formatNumber(indicator.target), date: formatDate(summary.targetDate) })
        : t('plans.indicators.chartTarget', { value: formatNumber(indicator.target) }),
    );
  }
  const first = indicator.measurements.reduce<string | null>((min, m) => (min === null || m.measuredOn < min ? m.measuredOn : min), null);
  if (summary.latest && first) {
    parts.push(
      t('plans.indicators.chartMeasurements', {
        count: indicator.measurements.length,
        value: formatNumber(summary.latest.value),
        date: formatDate(summary.latest.measuredOn),
        firstDate: formatDate(first),
      }),
    );
  } else {
    parts.push(t('plans.indicators.chartNoMeasurements'));
  }
  if (summary.progressPercent !== null) parts.push(t('plans.indicators.chartProgress', { percent: formatNumber(summary.progressPercent, 0) }));
  parts.push(t('plans.indicators.chartStatus', { status: t(`plans.indicators.statuses.${summary.status}`) }));
  return parts.join(' ');
}

/** Latest value, share of the way to the target and the status, written out. */
export function IndicatorSummaryLine({ indicator, summary }: { indicator: Indicator; summary: IndicatorSummary }) {
  const { t } = useTranslation();
  return (
    <p className="indicator-summary">
      <IndicatorStatusBadge status={summary.status} />
      {summary.latest ? <span>{t('plans.indicators.latestValue', { value: withUnit(summary.latest.value, indicator.unit), date: formatDate(summary.latest.measuredOn) })}</span> : <span>{t('plans.indicators.none')}</span>}
      {summary.progressPercent !== null ? (
        <span>
          {t('plans.indicators.progressOfWay', { percent: formatNumber(summary.progressPercent, 0) })}
          {summary.expectedPercent !== null ? ` (${t('plans.indicators.expectedByThen', { percent: formatNumber(summary.expectedPercent, 0) })})` : ''}
        </span>
      ) : null}
      <span>
        {indicator.target === null
          ? t('plans.indicators.noTarget')
          : summary.targetDate
            ? t('plans.indicators.targetBy', { value: withUnit(indicator.target, indicator.unit), date: formatDate(summary.targetDate) })
            : `${t('plans.indicators.target')}: ${withUnit(indicator.target, indicator.unit)}`}
      </span>
    </p>
  );
}

/**
 * One indicator over time as an SVG line chart: measurements as dots on a solid line, the baseline as a
 * dotted line, the target as a dashed line (a diamond on the plan's end date), the expected course and
 * today's date. The SVG is one image with a spoken summary; the same numbers follow in a table.
 */
export function IndicatorChart({
  indicator,
  period,
  headingLevel,
  today = isoDateInBelgium(new Date()),
}: {
  indicator: Indicator;
  period: PlanPeriodYears;
  headingLevel: 3 | 4 | 5;
  today?: string;
}) {
  const { t } = useTranslation();
  const summary = summarizeIndicator(indicator, period);
  const series = indicatorSeries(indicator, period, today);
  const asDate = (iso: string) => new Date(isoDateToTime(iso));
  const x = scaleUtc()
    .domain(series.xDomain.map(asDate))
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain(series.yDomain)
    .nice(5)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const xOf = (iso: string) => x(asDate(iso));
  const path = line<ChartPoint>()
    .x((point) => xOf(point.date))
    .y((point) => y(point.value));
  const left = MARGIN.left;
  const right = WIDTH - MARGIN.right;
  const Heading = `h${headingLevel}` as const;
  const headingId = `indicator-${indicator.id}-heading`;
  // Nothing to draw yet: no measurement, baseline or target. The summary says so in words.
  const empty = indicator.measurements.length === 0 && indicator.baseline === null && indicator.target === null;

  return (
    <section className="indicator-chart" aria-labelledby={headingId} data-indicator={indicator.id}>
      <Heading id={headingId}>
        {indicator.name} {indicator.unit ? <span className="muted">({indicator.unit})</span> : null}
      </Heading>
      <IndicatorSummaryLine indicator={indicator} summary={summary} />
      {empty ? null : (
        <>
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ maxWidth: `${WIDTH}px` }} role="img" aria-label={chartDescription(t, indicator, summary)}>
            <g className="indicator-chart__grid">
              {y.ticks(5).map((tick) => (
                <g key={tick}>
                  <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} />
                  <text x={left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
                    {formatNumber(tick)}
                  </text>
                </g>
              ))}
              {x.ticks(4).map((tick) => (
                <text key={tick.toISOString()} x={x(tick)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle">
                  {formatDate(tick)}
                </text>
              ))}
              <line x1={left} x2={right} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom} className="indicator-chart__axis" />
            </g>
            {series.expectedPath ? <path d={path(series.expectedPath) ?? ''} className="indicator-chart__expected" /> : null}
            {series.baseline ? (
              <g className="indicator-chart__baseline">
                <line x1={left} x2={right} y1={y(series.baseline.value)} y2={y(series.baseline.value)} />
                <rect x={xOf(series.baseline.date) - 4} y={y(series.baseline.value) - 4} width={8} height={8} />
                <text x={right + 6} y={y(series.baseline.value)} dominantBaseline="middle">
                  {t('plans.indicators.axisBaseline')}
                </text>
              </g>
            ) : null}
            {series.target ? (
              <g className="indicator-chart__target">
                <line x1={left} x2={right} y1={y(series.target.value)} y2={y(series.target.value)} />
                {series.target.date ? (
                  <path d={`M${xOf(series.target.date)},${y(series.target.value) - 7}l7,7l-7,7l-7,-7z`} className="indicator-chart__target-date" />
                ) : null}
                <text x={right + 6} y={y(series.target.value)} dominantBaseline="middle">
                  {t('plans.indicators.axisTarget')}
                </text>
              </g>
            ) : null}
            <g className="indicator-chart__today">
              <line x1={xOf(series.today)} x2={xOf(series.today)} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
              <text x={xOf(series.today)} y={MARGIN.top - 8} textAnchor="middle">
                {t('plans.indicators.axisToday')}
              </text>
            </g>
            {series.points.length > 1 ? <path d={path(series.points) ?? ''} className="indicator-chart__line" /> : null}
            <g className="indicator-chart__points">
              {series.points.map((point, index) => (
                <circle key={`${point.date}-${index}`} cx={xOf(point.date)} cy={y(point.value)} r={4.5} data-date={point.date} data-value={point.value} />
              ))}
            </g>
          </svg>
          <ul className="indicator-legend" aria-label={t('plans.indicators.legend')}>
            <li>
              <LegendSwatch kind="line" />
              {t('plans.indicators.legendMeasurements')}
            </li>
            {series.baseline ? (
              <li>
                <LegendSwatch kind="baseline" />
                {t('plans.indicators.legendBaseline')}
              </li>
            ) : null}
            {series.target ? (
              <li>
                <LegendSwatch kind="target" />
                {t('plans.indicators.legendTarget')}
              </li>
            ) : null}
            {series.expectedPath ? (
              <li>
                <LegendSwatch kind="expected" />
                {t('plans.indicators.legendExpected')}
              </li>
            ) : null}
            <li>
              <LegendSwatch kind="today" />
              {t('plans.indicators.legendToday')}
            </li>
          </ul>
          <details className="indicator-chart__table">
            <summary>{t('plans.indicators.asTable')}</summary>
            <IndicatorTable indicator={indicator} series={series} />
          </details>
        </>
      )}
    </section>
  );
}

function LegendSwatch({ kind }: { kind: 'line' | 'baseline' | 'target' | 'expected' | 'today' }) {
  return (
    <svg className="indicator-legend__swatch" width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">
      {kind === 'today' ? (
        <line x1="14" x2="14" y1="0" y2="14" className="indicator-chart__today-line" />
      ) : (
        <line x1="1" x2="27" y1="7" y2="7" className={`indicator-legend__${kind}`} />
      )}
      {kind === 'line' ? <circle cx="14" cy="7" r="3.5" className="indicator-legend__dot" /> : null}
    </svg>
  );
}

/** The chart's numbers as a table: baseline, every measurement with its source, target. */
function IndicatorTable({ indicator, series }: { indicator: Indicator; series: ReturnType<typeof indicatorSeries> }) {
  const { t } = useTranslation();
  return (
    <table className="table">
      <caption>{t('plans.indicators.tableCaption', { name: indicator.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('plans.indicators.tableWhat')}</th>
          <th scope="col">{t('plans.indicators.measuredOn')}</th>
          <th scope="col" className="numeric">
            {t('plans.indicators.value')}
          </th>
          <th scope="col">{t('plans.indicators.source')}</th>
        </tr>
      </thead>
      <tbody>
        {indicator.baseline !== null ? (
          <tr>
            <th scope="row">{t('plans.indicators.rowBaseline')}</th>
            <td>{series.baseline ? formatDate(series.baseline.date) : '—'}</td>
            <td className="numeric">{withUnit(indicator.baseline, indicator.unit)}</td>
            <td />
          </tr>
        ) : null}
        {series.points.map((point, index) => (
          <tr key={`${point.date}-${index}`} className="indicator-chart__measurement-row">
            <th scope="row">{t('plans.indicators.rowMeasurement')}</th>
            <td>{formatDate(point.date)}</td>
            <td className="numeric">{withUnit(point.value, indicator.unit)}</td>
            <td>{point.source}</td>
          </tr>
        ))}
        {series.target ? (
          <tr>
            <th scope="row">{t('plans.indicators.rowTarget')}</th>
            <td>{series.target.date ? formatDate(series.target.date) : '—'}</td>
            <td className="numeric">{withUnit(series.target.value, indicator.unit)}</td>
            <td />
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
