import { useState } from 'react';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api, apiHref } from '../../api';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanAction, PlanDetail } from '../../../common/schemas/plans.js';
import { formatMoney } from '../../../common/format.js';
import { Page } from '../../components/page';
import { LiveStatus, Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { actionsOf, periodLabel, planParams, planPaths, ProgressBar } from './plan-common';
import './plans.css';

function ActionTable({ actions, slug, planId, caption }: { actions: PlanAction[]; slug: string; planId: string; caption: string }) {
  const { t } = useTranslation();
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('plans.tree.number')}</th>
          <th scope="col">{t('plans.tree.action')}</th>
          <th scope="col">{t('plans.tree.timing')}</th>
          <th scope="col" className="numeric">
            {t('plans.tree.budget')}
          </th>
          <th scope="col">{t('plans.tree.status')}</th>
          <th scope="col">{t('plans.progress')}</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={action.id}>
            <td>{action.number}</td>
            <td>
              <Link to={planPaths.action(slug, planId, action.id)}>{action.title}</Link>
              {action.partners.length > 0 ? <div className="muted">{action.partners.map((partner) => partner.name).join(', ')}</div> : null}
            </td>
            <td>{action.timing?.label ?? ''}</td>
            <td className="numeric">{action.budgetTotalCents ? formatMoney(action.budgetTotalCents) : ''}</td>
            <td>{t(`plans.actionStatuses.${action.status}`)}</td>
            <td>
              <ProgressBar value={action.progress} label={t('plans.progress')} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Adds an action to a draft plan, under an objective or loose. */
function AddActionForm({ plan, onAdded }: { plan: PlanDetail; onAdded: () => void }) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const [objectiveId, setObjectiveId] = useState(plan.goals[0]?.objectives[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const { run, busy, error } = useSubmit(async () => {
    setStatus(null);
    const created = await api.POST('/api/regions/{slug}/plans/{planId}/actions', { params: { path: planParams(region.slug, plan.id) }, body: { title, objectiveId: objectiveId || null } });
    setTitle('');
    setStatus(t('plans.addAction.added', { number: created.number }));
    onAdded();
  });
  return (
    <section aria-labelledby="add-action-heading">
      <h2 id="add-action-heading">{t('plans.addAction.heading')}</h2>
      <ErrorSummary error={error} fields={[{ path: 'title', id: 'add-action-title', label: t('plans.addAction.title') }]} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Field id="add-action-objective" label={t('plans.addAction.objective')}>
          {(control) => (
            <select {...control} value={objectiveId} onChange={(event) => setObjectiveId(event.target.value)}>
              <option value="">{t('plans.addAction.none')}</option>
              {plan.goals.flatMap((goal) =>
                goal.objectives.map((objective) => (
                  <option key={objective.id} value={objective.id}>
                    {goal.code} · {objective.code} {objective.title}
                  </option>
                )),
              )}
            </select>
          )}
        </Field>
        <Field id="add-action-title" label={t('plans.addAction.title')} error={error?.fieldMessage('title')}>
          {(control) => <input {...control} type="text" value={title} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <SubmitButton busy={busy}>{t('plans.addAction.submit')}</SubmitButton>
      </form>
      <LiveStatus message={status} />
    </section>
  );
}

/** /r/:slug/plannen/:planId — the plan as a collapsible tree SD → OD → action with progress bars. */
export function PlanPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { planId = '' } = useParams();
  const plan = useApi('/api/regions/{slug}/plans/{planId}', { params: { path: planParams(region.slug, planId) }, refreshKey: session.user?.id ?? null });
  const [open, setOpen] = useState<boolean | null>(null);

  if (plan.error?.status === 404) return <NotFoundPage />;
  if (!plan.data) {
    return (
      <Page title={t('plans.title')} regionName={region.name}>
        {plan.error ? <Notice kind="error">{plan.error.message}</Notice> : <p>{t('app.loading')}</p>}
      </Page>
    );
  }
  const detail = plan.data;
  const exportParams = { path: planParams(region.slug, detail.id) };

  return (
    <Page title={detail.title} regionName={region.name}>
      <p>
        <Link to={planPaths.list(region.slug)}>{t('plans.links.backToPlans')}</Link>
      </p>
      <dl className="plan-meta">
        <div>
          <dt>{t('plans.kindLabel')}</dt>
          <dd>{t(`plans.kinds.${detail.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('plans.statusLabel')}</dt>
          <dd>
            <span className="plan-badge">{t(`plans.statuses.${detail.status}`)}</span>
          </dd>
        </div>
        {periodLabel(detail.period) ? (
          <div>
            <dt>{t('plans.period')}</dt>
            <dd>{periodLabel(detail.period)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('plans.budgetTotal')}</dt>
          <dd>{formatMoney(detail.budgetTotalCents)}</dd>
        </div>
        <div>
          <dt>{t('plans.progress')}</dt>
          <dd>
            <ProgressBar value={detail.progress} label={t('plans.progress')} />
          </dd>
        </div>
      </dl>
      <nav className="plan-links" aria-label={t('plans.links.exports')}>
        <Link to={planPaths.budget(region.slug, detail.id)}>{t('plans.links.budget')}</Link>
        <Link to={planPaths.timeline(region.slug, detail.id)}>{t('plans.links.timeline')}</Link>
        <Link to={planPaths.spreiding(region.slug, detail.id)}>{t('plans.links.spreiding')}</Link>
        <Link to={planPaths.partners(region.slug, detail.id)}>{t('plans.partners.navLink')}</Link>
        <Link to={planPaths.indicators(region.slug, detail.id)}>{t('plans.indicators.navLink')}</Link>
        {detail.myRole ? <Link to={planPaths.versions(region.slug, detail.id)}>{t('plans.links.versions')}</Link> : null}
        {detail.myRole && detail.status !== 'ontwerp' ? <Link to={planPaths.proposals(region.slug, detail.id)}>{t('plans.links.proposals')}</Link> : null}
        {(detail.myRole === 'admin' || detail.myRole === 'editor') && detail.status !== 'afgesloten' ? <Link to={planPaths.table(region.slug, detail.id)}>{t('plans.links.table')}</Link> : null}
        <a href={apiHref('/api/regions/{slug}/plans/{planId}/export.xlsx', exportParams)} download>
          {t('plans.links.xlsx')}
        </a>
        <a href={apiHref('/api/regions/{slug}/plans/{planId}/export.csv', exportParams)} download>
          {t('plans.links.csv')}
        </a>
        <a href={apiHref('/api/regions/{slug}/plans/{planId}/export.pdf', exportParams)} download>
          {t('plans.links.pdf')}
        </a>
        <a href={apiHref('/api/regions/{slug}/plans/{planId}/milestones.ics', exportParams)}>{t('plans.links.ical')}</a>
      </nav>

      <section className="plan-tree" aria-labelledby="plan-tree-heading">
        <h2 id="plan-tree-heading">{t('plans.tree.heading')}</h2>
        {detail.goals.length > 0 ? (
          <div className="button-row">
            <button type="button" className="button button--small" onClick={() => setOpen(true)}>
              {t('plans.tree.expandAll')}
            </button>
            <button type="button" className="button button--small" onClick={() => setOpen(false)}>
              {t('plans.tree.collapseAll')}
            </button>
          </div>
        ) : null}
        {detail.goals.map((goal) => (
          <details key={`${goal.id}-${String(open)}`} open={open ?? true}>
            <summary>
              <span className="plan-code">
                {goal.code} {goal.title}
              </span>
              <ProgressBar value={goal.progress} label={`${t('plans.progress')} ${goal.code}`} />
              <span>{formatMoney(goal.budgetTotalCents)}</span>
            </summary>
            {goal.objectives.map((objective) => (
              <details key={`${objective.id}-${String(open)}`} open={open ?? false}>
                <summary>
                  <span className="plan-code">
                    {objective.code} {objective.title}
                  </span>
                  <span className="muted">{t('plans.tree.actionCount', { count: objective.actions.length })}</span>
                  <ProgressBar value={objective.progress} label={`${t('plans.progress')} ${objective.code}`} />
                  <span>{formatMoney(objective.budgetTotalCents)}</span>
                </summary>
                <ActionTable actions={objective.actions} slug={region.slug} planId={detail.id} caption={`${objective.code} ${objective.title}`} />
              </details>
            ))}
          </details>
        ))}
        {detail.actions.length > 0 ? (
          <ActionTable actions={detail.actions} slug={region.slug} planId={detail.id} caption={t('plans.tree.looseActions')} />
        ) : null}
        {actionsOf(detail).length === 0 ? <p>{t('plans.empty')}</p> : null}
      </section>
      {(detail.myRole === 'admin' || detail.myRole === 'editor') && detail.status === 'ontwerp' ? <AddActionForm plan={detail} onAdded={plan.reload} /> : null}
    </Page>
  );
}
