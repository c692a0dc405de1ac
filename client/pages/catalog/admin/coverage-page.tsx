import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/page';
import { Notice } from '../../../components/notice';
import { NoAccess } from '../../../components/access';
import { apiHref } from '../../../api';
import { useApi } from '../../../use-api';
import { useSession } from '../../../session';
import { useRegion } from '../../regions/region-context';
import { CatalogAdminNav } from './catalog-admin-common';

// Leaflet is its own chunk, shared with the public catalog's map.
const CoverageMap = lazy(() => import('./coverage-map').then((m) => ({ default: m.CoverageMap })));

/** Current offers per municipality with the gaps flagged ("hiaten in het aanbod"), exports and a poster per municipality. */
export function CatalogCoveragePage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const role = roleIn(region.slug);
  const coverage = useApi(role ? '/api/regions/{slug}/catalog/coverage' : null, { params: { path: { slug: region.slug } } });
  if (!role) return <NoAccess />;
  const data = coverage.data;
  const gaps = data?.municipalities.filter((row) => row.gap) ?? [];
  const slug = { path: { slug: region.slug } };

  return (
    <Page title={t('catalog.coverageUi.title')} regionName={region.name} lead={<p>{t('catalog.coverageUi.lead')}</p>}>
      <CatalogAdminNav slug={region.slug} role={role} />
      <div className="button-row">
        <a className="button" href={apiHref('/api/regions/{slug}/catalog/coverage/export', { ...slug, query: { format: 'xlsx' } })} download>
          {t('catalog.coverageUi.exportXlsx')}
        </a>
        <a className="button" href={apiHref('/api/regions/{slug}/catalog/coverage/export', { ...slug, query: { format: 'csv' } })} download>
          {t('catalog.coverageUi.exportCsv')}
        </a>
        <a className="button" href={apiHref('/api/regions/{slug}/catalog/export', { ...slug, query: { format: 'xlsx' } })} download>
          {t('catalog.coverageUi.exportOffers')}
        </a>
      </div>
      {coverage.error ? <Notice kind="error">{coverage.error.message}</Notice> : null}
      {!data ? (
        <p role="status">{t('catalog.admin.loading')}</p>
      ) : (
        <>
          <p className="catalog-coverage-gaps">{gaps.length > 0 ? t('catalog.coverageUi.gapsSummary', { count: gaps.length, names: gaps.map((row) => row.name).join(', ') }) : t('catalog.coverageUi.noGaps')}</p>
          <Suspense fallback={<p role="status">{t('catalog.admin.loading')}</p>}>
            <CoverageMap municipalities={data.municipalities} />
          </Suspense>
          <p id="catalog-coverage-caption" className="coverage-title">
            {t('catalog.coverageUi.caption')}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="catalog-coverage-caption">
            <table className="table catalog-coverage-table" aria-labelledby="catalog-coverage-caption">
              <thead>
                <tr>
                  <th scope="col">{t('catalog.coverageUi.municipality')}</th>
                  <th scope="col">{t('catalog.coverageUi.current')}</th>
                  <th scope="col">{t('catalog.coverageUi.atMostTwoIcons')}</th>
                  <th scope="col">{t('catalog.coverageUi.uitpas')}</th>
                  <th scope="col">{t('catalog.coverageUi.fourthPillar')}</th>
                  <th scope="col">{t('catalog.coverageUi.poster')}</th>
                </tr>
              </thead>
              <tbody>
                {data.municipalities.map((row) => (
                  <tr key={row.nisCode} className={row.gap ? 'is-gap-row' : undefined}>
                    <th scope="row">
                      {row.name}
                      {row.gap ? <span className="coverage-gap">{t('catalog.coverageUi.gap')}</span> : null}
                    </th>
                    <td className={row.gap ? 'numeric is-gap' : 'numeric'}>{row.current}</td>
                    <td className="numeric">{row.atMostTwoIcons}</td>
                    <td className="numeric">{row.uitpas}</td>
                    <td className="numeric">{row.fourthPillar}</td>
                    <td>
                      <a href={apiHref('/api/regions/{slug}/catalog/coverage/{nisCode}/poster.pdf', { path: { slug: region.slug, nisCode: row.nisCode } })} target="_blank" rel="noreferrer">
                        {t('catalog.coverageUi.posterLink', { municipality: row.name })}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('catalog.coverageUi.total')}</th>
                  <td className="numeric">{data.totals.current}</td>
                  <td className="numeric">{data.totals.atMostTwoIcons}</td>
                  <td className="numeric">{data.totals.uitpas}</td>
                  <td className="numeric">{data.totals.fourthPillar}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
