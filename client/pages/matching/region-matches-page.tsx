import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { networkPaths, useSectors } from '../network/network-common';
import { matchingPaths } from './matching-paths';
import './matching.css';
import { MunicipalitySelect } from '../../components/municipality-select';

const LIMITS = [10, 20, 50, 100] as const;

/**
 * The regisseur's region-wide view: the strongest pairs of actors that have never worked together
 * and fit (one's need, the other's strength), with the reasons, filterable by municipality and sector.
 * The filters live in the URL, so a filtered list can be shared.
 */
export function RegionMatchesPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const sectors = useSectors();
  const [search, setSearch] = useSearchParams();
  const isAdmin = roleIn(region.slug) === 'admin';
  const municipality = search.get('gemeente') ?? '';
  const sector = search.get('sector') ?? '';
  const limit = Number(search.get('aantal')) || 20;
  const query = { municipality: municipality || undefined, sector: sector || undefined, limit: LIMITS.includes(limit as (typeof LIMITS)[number]) ? limit : 20 };
  const result = useApi(isAdmin ? '/api/regions/{slug}/matches/region' : null, { params: { path: { slug: region.slug }, query } });

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };

  return (
    <Page title={t('matching.region.title')} regionName={region.name} lead={<p>{t('matching.region.lead')}</p>}>
      {!isAdmin ? (
        <Notice kind="info">{t('matching.region.forbidden')}</Notice>
      ) : (
        <>
          <form className="match-filters" onSubmit={(event) => event.preventDefault()} aria-label={t('matching.region.title')}>
            <div className="field">
              <label htmlFor="match-municipality">{t('matching.region.municipality')}</label>
              <MunicipalitySelect control={{ id: 'match-municipality' }} municipalities={region.municipalities} value={municipality} onChange={(nis) => setFilter('gemeente', nis)} emptyLabel={t('matching.region.all')} />
            </div>
            <div className="field">
              <label htmlFor="match-sector">{t('matching.region.sector')}</label>
              <select id="match-sector" value={sector} onChange={(event) => setFilter('sector', event.target.value)}>
                <option value="">{t('matching.region.all')}</option>
                {sectors.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="match-limit">{t('matching.region.limit')}</label>
              <select id="match-limit" value={query.limit} onChange={(event) => setFilter('aantal', event.target.value === '20' ? '' : event.target.value)}>
                {LIMITS.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </div>
          </form>
          <p>
            <Link to={matchingPaths.graphWithSuggestions(region.slug)}>{t('matching.region.onGraph')}</Link>
          </p>
          {result.error ? <Notice kind="error">{result.error.message}</Notice> : null}
          <div role="status" aria-live="polite">
            {result.loading ? <p className="muted">{t('matching.suggestions.loading')}</p> : null}
            {result.data ? <p>{t('matching.region.count', { count: result.data.items.length, actors: result.data.actorsCompared })}</p> : null}
          </div>
          {result.data && result.data.items.length === 0 ? <p>{t('matching.region.none')}</p> : null}
          {result.data && result.data.items.length > 0 ? (
            <ol className="match-list">
              {result.data.items.map((pair) => (
                <li key={`${pair.a.id}/${pair.b.id}`} className="match-card">
                  <p className="match-card__head">
                    <Link className="match-card__name" to={networkPaths.actor(region.slug, pair.a.id)}>
                      {pair.a.name}
                    </Link>
                    <span className="match-card__meta">
                      {pair.a.municipality?.name} · {t('matching.region.needs')}
                    </span>
                    <span className="match-pair__arrow" aria-hidden="true">
                      ↔
                    </span>
                    <Link className="match-card__name" to={networkPaths.actor(region.slug, pair.b.id)}>
                      {pair.b.name}
                    </Link>
                    <span className="match-card__meta">
                      {pair.b.municipality?.name} · {t('matching.region.offers')}
                    </span>
                  </p>
                  <ul className="match-card__badges" aria-label={t('matching.suggestions.why')}>
                    <li className="match-badge">{t('matching.suggestions.score', { score: pair.score.toFixed(2) })}</li>
                    {pair.bovenlokaal ? <li className="match-badge match-badge--border">{t('matching.suggestions.bovenlokaal')}</li> : null}
                    {pair.grensverleggend ? <li className="match-badge match-badge--border">{t('matching.suggestions.grensverleggend')}</li> : null}
                  </ul>
                  <ul className="match-card__reasons">
                    {pair.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          ) : null}
        </>
      )}
    </Page>
  );
}
