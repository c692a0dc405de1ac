import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BudgetOverview, PlanDetail } from '../../../common/schemas/plans.js';
import { formatMoney } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { planApi, planPaths } from './plan-common';
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

/** /r/:slug/plannen/:planId/budget — per SD, OD, year and funding source, with co-financing shares. */
export function PlanBudgetPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { planId = '' } = useParams();
  const key = session.user?.id ?? null;
  const plan = useApi<PlanDetail>(planApi(region.slug, planId), key);
  const budget = useApi<BudgetOverview>(planApi(region.slug, planId, '/budget'), key);

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

      <h2>{t('plans.budget.perYear')}</h2>
      <Bars
        label={t('plans.budget.perYear')}
        items={overview.byYear.map((year) => ({
          label: year.label.startsWith('werkjaar ') ? t('plans.action.workingYear', { year: year.label.slice(9) }) : year.label || t('plans.budget.noYear'),
          totalCents: year.totalCents,
        }))}
      />

      <h2>{t('plans.budget.perSource')}</h2>
      <Bars label={t('plans.budget.perSource')} items={overview.bySource.map((source) => ({ label: t(`plans.fundingSources.${source.source}`), totalCents: source.totalCents }))} />

      {overview.funding.bySource.length > 0 ? (
        <>
          <h2>{t('plans.budget.funding')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('plans.action.source')}</th>
                <th scope="col" className="numeric">
                  {t('plans.action.amount')}
                </th>
                <th scope="col" className="numeric">
                  {t('plans.budget.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.funding.bySource.map((source) => (
                <tr key={source.source}>
                  <th scope="row">{t(`plans.fundingSources.${source.source}`)}</th>
                  <td className="numeric">{formatMoney(source.totalCents)}</td>
                  <td className="numeric">{source.sharePercent.toLocaleString('nl-BE')} %</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('plans.budget.total')}</th>
                <td className="numeric">{formatMoney(overview.funding.totalCents)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </>
      ) : null}
    </Page>
  );
}
