import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { planPaths, ProgressBar } from './plan-common';
import { MergeForm } from './merge-form';
import { useAction } from './action/use-action';
import { ActionResults, BudgetLinesTable, Fields, MilestonesTable } from './action/action-details';
import { ActionPartners } from './action/action-partners';
import { Indicators, NewIndicator } from './action/action-indicators';
import { IndicatorSources } from './action/indicator-sources';
import { EditForm } from './action/action-edit-form';
import { History, Proposals } from './action/action-history';
import './plans.css';

/** /r/:slug/plannen/:planId/acties/:actionId — one action: all fields, milestones, budget, partners, edit form, history. */
export function ActionPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { planId = '', actionId = '' } = useParams();
  const { member, plan, action, history, proposals, decisionError, saved, decide, createIndicator, measure } = useAction(planId, actionId);

  if (action.error?.status === 404 || plan.error?.status === 404) return <NotFoundPage />;
  if (!action.data || !plan.data) {
    return (
      <Page title={t('plans.title')} regionName={region.name}>
        {action.error ? <Notice kind="error">{action.error.message}</Notice> : <p>{t('app.loading')}</p>}
      </Page>
    );
  }
  const current = action.data;
  const canEdit = (region.myRole === 'admin' || region.myRole === 'editor') && plan.data.status !== 'afgesloten';

  return (
    <Page title={`${t('plans.tree.number')} ${current.number} — ${current.title}`} regionName={region.name}>
      <p>
        <Link to={planPaths.plan(region.slug, planId)}>{t('plans.links.backToPlan')}</Link>
      </p>
      <p>
        <span className="plan-badge">{t(`plans.actionStatuses.${current.status}`)}</span> <ProgressBar value={current.progress} label={t('plans.progress')} />
      </p>
      <Fields action={current} />
      <ActionPartners action={current} canEdit={canEdit} isAdmin={region.myRole === 'admin'} onChanged={saved} />
      <BudgetLinesTable action={current} />
      <MilestonesTable action={current} />
      <ActionResults action={current} />
      {canEdit ? <NewIndicator create={createIndicator} /> : null}
      {current.indicators.length > 0 ? <Indicators indicators={current.indicators} period={plan.data.period} canMeasure={canEdit} measure={measure} /> : null}
      {canEdit ? <IndicatorSources planId={planId} action={current} onChanged={saved} /> : null}

      {canEdit ? (
        <EditForm
          key={current.id}
          action={current}
          plan={plan.data}
          onSaved={(next) => {
            saved(next);
            proposals.reload();
          }}
        />
      ) : null}
      {canEdit && plan.data.status === 'ontwerp' ? (
        <MergeForm
          slug={region.slug}
          plan={plan.data}
          action={current}
          onMerged={(next) => {
            saved(next);
            plan.reload();
          }}
        />
      ) : null}

      {member ? (
        <>
          <h2>{t('plans.proposals.heading')}</h2>
          {decisionError ? <Notice kind="error">{decisionError}</Notice> : null}
          <Proposals items={(proposals.data?.items ?? []).filter((proposal) => proposal.actionId === current.id)} plan={plan.data} canDecide={region.myRole === 'steering'} onDecide={(id, decision) => void decide(id, decision)} />
          <h2>{t('plans.action.history')}</h2>
          <History items={history.data?.items ?? []} plan={plan.data} />
        </>
      ) : null}
    </Page>
  );
}
