import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { periodLabel, planPaths } from './plan-common';
import './plans.css';

/** /r/:slug/plannen — the plans of a region (drafts only for members). */
export function PlansListPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const plans = useApi('/api/regions/{slug}/plans', { params: { path: { slug: region.slug } }, refreshKey: session.user?.id ?? null });
  const canImport = region.myRole === 'admin';

  return (
    <Page title={t('plans.title')} regionName={region.name} lead={<p>{t('plans.lead')}</p>}>
      {canImport ? (
        <p>
          <Link className="button button--primary" to={planPaths.import(region.slug)}>
            {t('plans.importAction')}
          </Link>
        </p>
      ) : null}
      {plans.error ? <Notice kind="error">{plans.error.message}</Notice> : null}
      {plans.loading ? <p>{t('app.loading')}</p> : null}
      {plans.data && plans.data.items.length === 0 ? <p>{t('plans.empty')}</p> : null}
      {plans.data && plans.data.items.length > 0 ? (
        <ul className="card-grid">
          {plans.data.items.map((plan) => (
            <li key={plan.id} className="card">
              <h2 className="card__title">
                <Link to={planPaths.plan(region.slug, plan.id)}>{plan.title}</Link>
              </h2>
              <p className="card__meta">
                {t(`plans.kinds.${plan.kind}`)} · <span className="plan-badge">{t(`plans.statuses.${plan.status}`)}</span>
                {periodLabel(plan.period) ? ` · ${periodLabel(plan.period)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
