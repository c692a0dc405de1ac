import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SpreidingOverview } from '../../../common/schemas/plans.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { planParams, planPaths } from './plan-common';
import './plans.css';

type Reach = SpreidingOverview['municipalities'][number];

const COLUMNS = 5;
const CELL = 168;
const MAX_RADIUS = 44;
const UNREACHED_RADIUS = 14;

/**
 * One circle per municipality, its area proportional to the number of actions reaching it.
 * Municipalities no action reaches get a dashed ring and the words "niet bereikt" (not colour alone).
 * The SVG is one image with a text description; the table below is the accessible alternative.
 */
function SpreidingBubbles({ municipalities }: { municipalities: Reach[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...municipalities.map((m) => m.actions));
  const columns = Math.max(1, Math.min(COLUMNS, municipalities.length));
  const rows = Math.ceil(municipalities.length / columns);
  const width = columns * CELL;
  const height = rows * (CELL + 24);
  const unreached = municipalities.filter((m) => m.actions === 0).length;
  return (
    <figure className="plan-bubbles">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: `${width}px` }} role="img" aria-labelledby="bubbles-title bubbles-desc">
        <title id="bubbles-title">{t('plans.spreiding.bubblesTitle')}</title>
        <desc id="bubbles-desc">{t('plans.spreiding.bubblesDesc', { count: municipalities.length, unreached })}</desc>
        {municipalities.map((municipality, index) => {
          const cx = (index % columns) * CELL + CELL / 2;
          const cy = Math.floor(index / columns) * (CELL + 24) + MAX_RADIUS + 4;
          const reached = municipality.actions > 0;
          // Area ∝ actions: the radius grows with the square root.
          const r = reached ? MAX_RADIUS * Math.sqrt(municipality.actions / max) : UNREACHED_RADIUS;
          return (
            <g key={municipality.nisCode} className={reached ? 'plan-bubble' : 'plan-bubble plan-bubble--unreached'} data-nis={municipality.nisCode} data-actions={municipality.actions}>
              <circle cx={cx} cy={cy} r={r} />
              <text x={cx} y={cy + MAX_RADIUS + 18} textAnchor="middle" className="plan-bubble__name">
                {municipality.name}
              </text>
              <text x={cx} y={cy + MAX_RADIUS + 34} textAnchor="middle" className="plan-bubble__count">
                {reached ? t('plans.spreiding.actionCount', { count: municipality.actions }) : t('plans.spreiding.notReached')}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t('plans.spreiding.bubblesCaption')}</figcaption>
    </figure>
  );
}

/** /r/:slug/plannen/:planId/spreiding — actions per municipality (unreached ones flagged) and the partners per action. */
export function PlanSpreidingPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { planId = '' } = useParams();
  const key = session.user?.id ?? null;
  const plan = useApi('/api/regions/{slug}/plans/{planId}', { params: { path: planParams(region.slug, planId) }, refreshKey: key });
  const spreiding = useApi('/api/regions/{slug}/plans/{planId}/spreiding', { params: { path: planParams(region.slug, planId) }, refreshKey: key });
  const partners = useApi('/api/regions/{slug}/plans/partners', { params: { path: { slug: region.slug } }, refreshKey: key });

  if (plan.error?.status === 404 || spreiding.error?.status === 404) return <NotFoundPage />;
  if (!plan.data || !spreiding.data) {
    return (
      <Page title={t('plans.spreiding.heading')} regionName={region.name}>
        {spreiding.error ? <Notice kind="error">{spreiding.error.message}</Notice> : <p>{t('app.loading')}</p>}
      </Page>
    );
  }
  const data = spreiding.data;
  const max = Math.max(1, ...data.municipalities.map((m) => m.actions));
  const planPartners = (partners.data?.items ?? [])
    .map((partner) => ({ ...partner, actions: partner.actions.filter((action) => action.planId === planId) }))
    .filter((partner) => partner.actions.length > 0);

  return (
    <Page title={`${t('plans.spreiding.heading')}: ${plan.data.title}`} regionName={region.name}>
      <p>
        <Link to={planPaths.plan(region.slug, planId)}>{t('plans.links.backToPlan')}</Link>
      </p>
      <SpreidingBubbles municipalities={data.municipalities} />
      <h2 id="spreiding-table">{t('plans.spreiding.tableHeading')}</h2>
      <table className="table" aria-labelledby="spreiding-table">
        <thead>
          <tr>
            <th scope="col">{t('plans.spreiding.municipality')}</th>
            <th scope="col" className="numeric">
              {t('plans.spreiding.actions')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('plans.spreiding.actions')}</span>
            </th>
            <th scope="col">{t('plans.spreiding.reachedColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {data.municipalities.map((municipality) => (
            <tr key={municipality.nisCode}>
              <th scope="row">{municipality.name}</th>
              <td className="numeric">{municipality.actions}</td>
              <td>
                {municipality.actions > 0 ? <span className="plan-bars__bar" style={{ display: 'block', width: `${(100 * municipality.actions) / max}%` }} aria-hidden="true" /> : null}
              </td>
              <td>{municipality.actions > 0 ? t('plans.spreiding.reached') : <strong>{t('plans.spreiding.notReached')}</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.unreached.length > 0 ? (
        <Notice kind="warning" live={false}>
          <p>
            <strong>{t('plans.spreiding.unreached')}:</strong> {data.unreached.map((municipality) => municipality.name).join(', ')}
          </p>
        </Notice>
      ) : (
        <p>{t('plans.spreiding.allReached')}</p>
      )}
      {data.unplaced > 0 ? <p className="muted">{t('plans.spreiding.unplaced', { count: data.unplaced })}</p> : null}
      {data.unmappedTexts.length > 0 ? (
        <section aria-labelledby="spreiding-unmapped">
          <h2 id="spreiding-unmapped">{t('plans.spreiding.unmappedHeading')}</h2>
          <p className="muted">{t('plans.spreiding.unmappedLead')}</p>
          <ul className="plan-unmapped">
            {data.unmappedTexts.map((item) => (
              <li key={item.actionId}>
                <Link to={planPaths.action(region.slug, planId, item.actionId)}>{t('plans.spreiding.unmappedItem', { number: item.number, title: item.title })}</Link>
                {' — '}
                <q>{item.text}</q> <span className="muted">({t('plans.spreiding.unmappedParts', { parts: item.unmapped.join(', ') })})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2>{t('plans.spreiding.partnersHeading')}</h2>
      <ul>
        {planPartners.map((partner) => (
          <li key={partner.actorId ?? partner.name}>
            <strong>{partner.name}</strong> <span className="muted">({partner.actorId ? t('plans.spreiding.linked') : t('plans.spreiding.unlinked')})</span>:{' '}
            {partner.actions.map((action, index) => (
              <span key={action.actionId}>
                {index > 0 ? ', ' : ''}
                <Link to={planPaths.action(region.slug, planId, action.actionId)}>
                  {t('plans.tree.number')} {action.number}
                </Link>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </Page>
  );
}
