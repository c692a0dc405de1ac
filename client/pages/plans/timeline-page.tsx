import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { actionsOf, planParams, planPaths } from './plan-common';
import './plans.css';

const DAY = 24 * 60 * 60 * 1000;

/** /r/:slug/plannen/:planId/tijdlijn — milestones on a time axis with today's line (Gantt-like). */
export function PlanTimelinePage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { planId = '' } = useParams();
  const plan = useApi('/api/regions/{slug}/plans/{planId}', { params: { path: planParams(region.slug, planId) }, refreshKey: session.user?.id ?? null });

  if (plan.error?.status === 404) return <NotFoundPage />;
  if (!plan.data) {
    return (
      <Page title={t('plans.timeline.heading')} regionName={region.name}>
        {plan.error ? <Notice kind="error">{plan.error.message}</Notice> : <p>{t('app.loading')}</p>}
      </Page>
    );
  }
  const actions = actionsOf(plan.data).map((action) => ({ action, milestones: action.milestones.filter((m) => m.startDate || m.endDate) })).filter((entry) => entry.milestones.length > 0);
  const dates = actions.flatMap((entry) => entry.milestones.flatMap((m) => [m.startDate ?? m.endDate!, m.endDate ?? m.startDate!])).map((iso) => Date.parse(`${iso}T00:00:00Z`));
  const min = Math.min(...dates);
  const max = Math.max(...dates) + DAY;
  const span = Math.max(DAY, max - min);
  const position = (iso: string) => (100 * (Date.parse(`${iso}T00:00:00Z`) - min)) / span;
  const today = Date.now();
  const todayLeft = today >= min && today <= max ? (100 * (today - min)) / span : null;

  return (
    <Page title={`${t('plans.timeline.heading')}: ${plan.data.title}`} regionName={region.name}>
      <p>
        <Link to={planPaths.plan(region.slug, planId)}>{t('plans.links.backToPlan')}</Link>
      </p>
      {actions.length === 0 ? (
        <p>{t('plans.timeline.empty')}</p>
      ) : (
        <>
          <p className="muted">
            {t('plans.timeline.range', { start: formatDate(new Date(min)), end: formatDate(new Date(max - DAY)) })}
            {todayLeft !== null ? ` · ${t('plans.timeline.today')}: ${formatDate(new Date(today))}` : ''}
          </p>
          <div className="plan-timeline">
            {actions.map(({ action, milestones }) => (
              <section key={action.id} aria-label={`${action.number}. ${action.title}`}>
                <div className="plan-timeline__group">
                  <Link to={planPaths.action(region.slug, planId, action.id)}>
                    {action.number}. {action.title}
                  </Link>
                </div>
                <ul className="plain-list">
                  {milestones.map((milestone) => {
                    const start = milestone.startDate ?? milestone.endDate!;
                    const end = milestone.endDate ?? milestone.startDate!;
                    const left = position(start);
                    const width = Math.max(0.3, position(end) + (100 * DAY) / span - left);
                    return (
                      <li key={milestone.id} className="plan-timeline__row">
                        <span>
                          {milestone.title}{' '}
                          <span className="muted">({t('plans.timeline.range', { start: formatDate(start), end: formatDate(end) })}, {t(`plans.milestoneStatuses.${milestone.status}`)})</span>
                        </span>
                        <span className="plan-timeline__track" aria-hidden="true">
                          <span className={`plan-timeline__bar plan-timeline__bar--${milestone.status}`} style={{ left: `${left}%`, width: `${width}%` }} />
                          {todayLeft !== null ? <span className="plan-timeline__today" style={{ left: `${todayLeft}%` }} /> : null}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
    </Page>
  );
}
