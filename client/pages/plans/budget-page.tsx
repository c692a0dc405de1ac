import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { planParams, planPaths } from './plan-common';
import './plans.css';

/** Horizontal bars with the amount written next to each (the chart never carries information alone). */
function Bars({ items, label }: { items: { label: string; totalCents: number }[]; label: string }) {
  const max = Math.max(1, ...items.map((item) => Math.abs(item.totalCents)));
  return (
    <ul className="plan-bars" aria-label={label}>
      {items.map((item) => (
        <li key={item.label}>
          <span>{item.label}</span>
          <span className="plan-bars__bar" style={{ width: `${(100 * Math.abs(item.totalCents)) / max}%` }} aria-hidden="true" />
          <span className="numeric">{formatMoney(item.totalCents)}</span>
        </li>
      ))}
    </ul>
  );
}

interface ChartItem {
  label: string;
  totalCents: number;
  sharePercent?: number;
}

const LABEL_WIDTH = 230;
const BAR_WIDTH = 330;
const AMOUNT_WIDTH = 170;
const ROW_HEIGHT = 30;

function shareText(percent: number): string {
  return `${percent.toLocaleString('nl-BE', { maximumFractionDigits: 2 })} %`;
}

/**
 * A horizontal SVG bar chart with the amount (and share) written next to every bar, followed by the
 * same numbers as a table: the chart is one image with a title and description, the table is the
 * accessible alternative.
 */
function BarChart({ id, title, items }: { id: string; title: string; items: ChartItem[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...items.map((item) => Math.abs(item.totalCents)));
  const withShare = items.some((item) => item.sharePercent !== undefined);
  const width = LABEL_WIDTH + BAR_WIDTH + AMOUNT_WIDTH;
  const height = Math.max(1, items.length) * ROW_HEIGHT + 8;
  const amountText = (item: ChartItem) => (item.sharePercent !== undefined ? `${formatMoney(item.totalCents)} (${shareText(item.sharePercent)})` : formatMoney(item.totalCents));
  return (
    <section aria-labelledby={`${id}-heading`} className="plan-chart">
      <h2 id={`${id}-heading`}>{title}</h2>
      {items.length === 0 ? (
        <p>{t('plans.action.none')}</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: `${width}px` }} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-chart={id}>
            <title id={`${id}-title`}>{t('plans.budget.chartTitle', { title })}</title>
            <desc id={`${id}-desc`}>{items.map((item) => t('plans.budget.chartLabel', { label: item.label, amount: amountText(item) })).join('; ')}</desc>
            {items.map((item, index) => {
              const y = 4 + index * ROW_HEIGHT;
              const barWidth = Math.max(2, (BAR_WIDTH - 8) * (Math.abs(item.totalCents) / max));
              return (
                <g key={item.label} className="plan-chart__row" data-cents={item.totalCents}>
                  <text x={LABEL_WIDTH - 8} y={y + ROW_HEIGHT / 2} textAnchor="end" dominantBaseline="middle" className="plan-chart__label">
                    {item.label}
                  </text>
                  <rect x={LABEL_WIDTH} y={y + 5} width={barWidth} height={ROW_HEIGHT - 10} className="plan-chart__bar" />
                  <text x={LABEL_WIDTH + barWidth + 6} y={y + ROW_HEIGHT / 2} dominantBaseline="middle" className="plan-chart__amount">
                    {amountText(item)}
                  </text>
                </g>
              );
            })}
          </svg>
          <table className="table" aria-labelledby={`${id}-heading`}>
            <thead>
              <tr>
                <th scope="col">{t('plans.budget.item')}</th>
                <th scope="col" className="numeric">
                  {t('plans.action.amount')}
                </th>
                {withShare ? (
                  <th scope="col" className="numeric">
                    {t('plans.budget.share')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.label}>
                  <th scope="row">{item.label}</th>
                  <td className="numeric">{formatMoney(item.totalCents)}</td>
                  {withShare ? <td className="numeric">{item.sharePercent !== undefined ? shareText(item.sharePercent) : ''}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** /r/:slug/plannen/:planId/budget — per SD, OD, year and funding source, with co-financing shares. */
export function PlanBudgetPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { planId = '' } = useParams();
  const key = session.user?.id ?? null;
  const plan = useApi('/api/regions/{slug}/plans/{planId}', { params: { path: planParams(region.slug, planId) }, refreshKey: key });
  const budget = useApi('/api/regions/{slug}/plans/{planId}/budget', { params: { path: planParams(region.slug, planId) }, refreshKey: key });

  if (plan.error?.status === 404 || budget.error?.status === 404) return <NotFoundPage />;
  if (!plan.data || !budget.data) {
    return (
      <Page title={t('plans.budget.heading')} regionName={region.name}>
        {budget.error ? <Notice kind="error">{budget.error.message}</Notice> : <p>{t('app.loading')}</p>}
      </Page>
    );
  }
  const overview = budget.data;
  return (
    <Page title={`${t('plans.budget.heading')}: ${plan.data.title}`} regionName={region.name}>
      <p>
        <Link to={planPaths.plan(region.slug, planId)}>{t('plans.links.backToPlan')}</Link>
      </p>
      <p>
        <strong>{t('plans.budgetTotal')}:</strong> {formatMoney(overview.totalCents)}
      </p>

      {overview.byGoal.length > 0 ? (
        <>
          <h2>{t('plans.budget.perGoal')}</h2>
          <Bars label={t('plans.budget.perGoal')} items={overview.byGoal.map((goal) => ({ label: goal.code, totalCents: goal.totalCents }))} />
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('plans.tree.action')}</th>
                <th scope="col" className="numeric">
                  {t('plans.budget.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.byGoal.flatMap((goal) => [
                <tr key={goal.id}>
                  <th scope="row">
                    {goal.code} {goal.title}
                  </th>
                  <td className="numeric">
                    <strong>{formatMoney(goal.totalCents)}</strong>
                  </td>
                </tr>,
                ...goal.objectives.map((objective) => (
                  <tr key={objective.id}>
                    <td>
                      {objective.code} {objective.title}
                    </td>
                    <td className="numeric">{formatMoney(objective.totalCents)}</td>
                  </tr>
                )),
              ])}
            </tbody>
          </table>
        </>
      ) : (
        <>
          <h2>{t('plans.budget.perGoal')}</h2>
          <Bars label={t('plans.budget.perGoal')} items={overview.byAction.map((action) => ({ label: `${action.number}. ${action.title}`, totalCents: action.totalCents }))} />
        </>
      )}

      <BarChart
        id="budget-year"
        title={t('plans.budget.perYear')}
        items={overview.byYear.map((year) => ({
          label: year.label.startsWith('werkjaar ') ? t('plans.action.workingYear', { year: year.label.slice(9) }) : year.label || t('plans.budget.noYear'),
          totalCents: year.totalCents,
        }))}
      />

      <BarChart
        id="budget-source"
        title={t('plans.budget.perSource')}
        items={overview.bySource.map((source) => ({ label: t(`plans.fundingSources.${source.source}`), totalCents: source.totalCents, sharePercent: source.sharePercent }))}
      />

      {overview.funding.bySource.length > 0 ? (
        <>
          <BarChart
            id="budget-funding"
            title={t('plans.budget.funding')}
            items={overview.funding.bySource.map((source) => ({ label: t(`plans.fundingSources.${source.source}`), totalCents: source.totalCents, sharePercent: source.sharePercent }))}
          />
          <p>
            <strong>{t('plans.budget.fundingTotal')}:</strong> {formatMoney(overview.funding.totalCents)}
          </p>
        </>
      ) : null}
    </Page>
  );
}
