import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CoverageScope } from '../../../common/schemas/network.js';
import { formatNumber } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { apiHref } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { NetworkNav, networkPaths } from './network-common';

// Belgian notation: 42,9 %.
const percent = (share: number) => `${formatNumber(Math.round(share * 1000) / 10, 1)} %`;

/** The coverage report: municipality × sector matrix, white spots, cross-border shares, isolated actors. */
export function CoveragePage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const [scope, setScope] = useState<CoverageScope>('thuis');
  const report = useApi('/api/regions/{slug}/coverage', { params: { path: { slug: region.slug }, query: { scope } } });
  const data = report.data;

  return (
    <Page title={t('network.coverageUi.title')} regionName={region.name} lead={<p>{t('network.coverageUi.lead')}</p>}>
      <NetworkNav slug={region.slug} isAdmin={roleIn(region.slug) === 'admin'} />
      <fieldset className="coverage-scope">
        <legend>{t('network.coverageUi.scopeLegend')}</legend>
        {(['thuis', 'werkingsgebied'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="coverage-scope" value={option} checked={scope === option} onChange={() => setScope(option)} /> {t(`network.coverageUi.scope.${option}`)}
          </label>
        ))}
        <p className="muted">{t('network.coverageUi.scopeHint')}</p>
      </fieldset>
      <div className="button-row">
        <a className="button" href={apiHref('/api/regions/{slug}/coverage/export', { path: { slug: region.slug }, query: { format: 'pdf', scope } })} download>
          {t('network.coverageUi.exportPdf')}
        </a>
        <a className="button" href={apiHref('/api/regions/{slug}/coverage/export', { path: { slug: region.slug }, query: { format: 'xlsx', scope } })} download>
          {t('network.coverageUi.exportXlsx')}
        </a>
        <a className="button" href={apiHref('/api/regions/{slug}/coverage/export', { path: { slug: region.slug }, query: { format: 'csv', scope } })} download>
          {t('network.coverageUi.exportCsv')}
        </a>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('network.coverageUi.print')}
        </button>
      </div>
      {report.error ? <Notice kind="error">{report.error.message}</Notice> : null}
      {data ? (
        <>
          <ul>
            <li>{t('network.coverageUi.totals', { actors: data.totals.actors, relations: data.totals.relations })}</li>
            <li>{t('network.coverageUi.bovenlokaalShare', { count: data.relations.bovenlokaal, share: percent(data.relations.bovenlokaalShare) })}</li>
            <li>{t('network.coverageUi.grensverleggendShare', { count: data.relations.grensverleggend, share: percent(data.relations.grensverleggendShare) })}</li>
            <li>{t('network.coverageUi.whiteSpots', { count: data.whiteSpots.length })}</li>
          </ul>
          {/* The title stands above the scrolling box, so it stays readable on a phone; the caption keeps the table named. */}
          <p id="coverage-caption" className="coverage-title">
            {t('network.coverageUi.matrixCaption')}
          </p>
          <div className="table-scroll coverage-scroll" tabIndex={0} role="region" aria-labelledby="coverage-caption">
            <table className="table coverage-matrix" aria-labelledby="coverage-caption">
              <thead>
                <tr>
                  <th scope="col">{t('network.ui.municipality')}</th>
                  {data.sectors.map((sector) => (
                    <th key={sector.key} scope="col">
                      {sector.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.municipalities.map((municipality, i) => (
                  <tr key={municipality.nisCode}>
                    <th scope="row">{municipality.name}</th>
                    {data.sectors.map((sector, k) => {
                      const count = data.counts[i]?.[k] ?? 0;
                      return (
                        <td key={sector.key} className={count === 0 ? 'numeric coverage-matrix__white' : 'numeric'}>
                          {count === 0 ? (
                            <>
                              <span aria-hidden="true">0</span>
                              <span className="visually-hidden">{t('network.coverageUi.whiteSpot')}</span>
                            </>
                          ) : (
                            <Link to={`${networkPaths.list(region.slug)}?municipality=${municipality.nisCode}&sector=${sector.key}`}>{count}</Link>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('network.coverageUi.isolated')}</h2>
          {data.isolated.length === 0 ? <p>{t('network.graph.none')}</p> : null}
          <ul>
            {data.isolated.map((actor) => (
              <li key={actor.id}>
                <Link to={networkPaths.actor(region.slug, actor.id)}>{actor.name}</Link>
                {actor.municipality ? ` (${actor.municipality.name})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('network.ui.loading')}</p>
      )}
    </Page>
  );
}
