import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanAction } from '../../../common/schemas/plans.js';
import { filterIndicatorTree, isoDateInBelgium, type PlanPeriodYears } from '../../../common/indicator-progress.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { IndicatorChart } from './indicator-chart';
import { planParams, planPaths } from './plan-common';
import './plans.css';

/** An action (linked to its page) with the charts of its indicators that pass the filter. */
function ActionIndicators({ action, indicators, period, today, level }: { action: PlanAction; indicators: PlanAction['indicators']; period: PlanPeriodYears; today: string; level: 3 | 4 }) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { planId = '' } = useParams();
  const Heading = `h${level}` as const;
  return (
    <div className="indicator-action">
      <Heading>
        <Link to={planPaths.action(region.slug, planId, action.id)}>{t('plans.indicators.actionHeading', { number: action.number, title: action.title })}</Link>
      </Heading>
      {indicators.map((indicator) => (
        <IndicatorChart key={indicator.id} indicator={indicator} period={period} today={today} headingLevel={level === 3 ? 4 : 5} />
      ))}
    </div>
  );
}

/** /r/:slug/plannen/:planId/indicatoren — every indicator of the plan over time, per SD, OD and action. */
export function PlanIndicatorsPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { planId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  // The filters live in the page (so the controls answer at once) and in the address (so a link keeps them).
  const [filters, setFilters] = useState({ sd: search.get('sd'), achter: search.get('achter') });
  const plan = useApi('/api/regions/{slug}/plans/{planId}', { params: { path: planParams(region.slug, planId) }, refreshKey: session.user?.id ?? null });

  if (plan.error?.status === 404) return <NotFoundPage />;
  if (!plan.data) {
    return (
      <Page title={t('plans.indicators.pageHeading')} regionName={region.name}>
        {plan.error ? <Notice kind="error">{plan.error.message}</Notice> : <p>{t('app.loading')}</p>}
      </Page>
    );
  }
  const detail = plan.data;
  const today = isoDateInBelgium(new Date());
  const tree = filterIndicatorTree(detail, { goalId: filters.sd, onlyBehind: filters.achter === '1' });
  const onlyBehind = filters.achter === '1';
  const shown = onlyBehind ? tree.counts.behind : tree.total;

  const setFilter = (name: 'sd' | 'achter', value: string | null) => {
    setFilters({ ...filters, [name]: value });
    const next = new URLSearchParams(search);
    if (value === null) next.delete(name);
    else next.set(name, value);
    setSearch(next, { replace: true });
  };

  return (
    <Page title={`${t('plans.indicators.pageHeading')}: ${detail.title}`} regionName={region.name} lead={<p>{t('plans.indicators.pageLead')}</p>}>
      <p>
        <Link to={planPaths.plan(region.slug, planId)}>{t('plans.links.backToPlan')}</Link>
      </p>
      <p className="muted">{t('plans.indicators.ruleNote')}</p>
      <fieldset className="indicator-filters">
        <legend>{t('plans.indicators.filters')}</legend>
        {detail.goals.length > 0 ? (
          <div>
            <label htmlFor="indicator-filter-goal">{t('plans.indicators.filterGoal')}</label>
            <select id="indicator-filter-goal" value={tree.goalId ?? ''} onChange={(event) => setFilter('sd', event.target.value || null)}>
              <option value="">{t('plans.indicators.filterAllGoals')}</option>
              {detail.goals.map((goal) => (
                <option key={goal.id} value={goal.id}>
                  {goal.code} {goal.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <label className="indicator-filters__check">
          <input type="checkbox" checked={onlyBehind} onChange={(event) => setFilter('achter', event.target.checked ? '1' : null)} />
          {t('plans.indicators.onlyBehind')}
        </label>
      </fieldset>
      <p aria-live="polite" className="indicator-overview">
        {tree.total > 0
          ? t('plans.indicators.overview', { total: tree.total, reached: tree.counts.reached, onTrack: tree.counts['on-track'], behind: tree.counts.behind, unknown: tree.counts.unknown })
          : ''}
      </p>
      {tree.total === 0 ? <p>{t('plans.indicators.empty')}</p> : shown === 0 ? <p>{t('plans.indicators.emptyFiltered')}</p> : null}

      {tree.goals.map(({ goal, objectives }) => (
        <section key={goal.id} aria-labelledby={`indicators-goal-${goal.id}`}>
          <h2 id={`indicators-goal-${goal.id}`}>
            {goal.code} {goal.title}
          </h2>
          {objectives.map(({ objective, actions }) => (
            <section key={objective.id} aria-labelledby={`indicators-objective-${objective.id}`}>
              <h3 id={`indicators-objective-${objective.id}`}>
                {objective.code} {objective.title}
              </h3>
              {actions.map(({ action, indicators }) => (
                <ActionIndicators key={action.id} action={action} indicators={indicators} period={detail.period} today={today} level={4} />
              ))}
            </section>
          ))}
        </section>
      ))}
      {tree.loose.length > 0 ? (
        <section aria-labelledby="indicators-loose">
          <h2 id="indicators-loose">{t('plans.tree.looseActions')}</h2>
          {tree.loose.map(({ action, indicators }) => (
            <ActionIndicators key={action.id} action={action} indicators={indicators} period={detail.period} today={today} level={3} />
          ))}
        </section>
      ) : null}
    </Page>
  );
}
