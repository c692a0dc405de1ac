import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../use-api';
import { useSession } from '../../../session';
import { Page } from '../../../components/page';
import { Notice } from '../../../components/notice';
import { currentLocale } from '../../../i18n';
import { formatMoney } from '../../../../common/format.js';
import type { PublicOfferSummary } from '../../../../common/schemas/catalog-public.js';
import { LanguageIcons } from './language-icons';
import { formatWhen, textLanguage } from './format';
import { PUBLIC_OFFERS_PAGE_SIZE as PAGE_SIZE, publicOfferQuery } from '../../../../common/catalog-public-query.js';
import './public-catalog.css';

// The map (Leaflet) is its own chunk, loaded only when the reader asks for the map.
const OfferMap = lazy(() => import('./offer-map').then((m) => ({ default: m.OfferMap })));

const RADII = [5, 10, 20] as const;

/** The filters live in the address, so a filtered list can be shared, bookmarked or printed on a poster. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    // Another filter starts again at the first page.
    if (!('offset' in changes)) next.delete('offset');
    setParams(next, { replace: false });
  };
  return { params, set };
}

function OfferCard({ offer, slug }: { offer: PublicOfferSummary; slug: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className="offer-card">
      {/* Element Timing (on the element that holds the text): bench/catalog-public.ts measures when the first card is painted. */}
      <h2 className="offer-card__title">
        <Link to={`/r/${slug}/aanbod/${offer.id}`} {...textLanguage(offer.titleLanguage, locale)} {...{ elementtiming: 'offer-card' }}>
          {offer.title}
        </Link>
      </h2>
      <p className="offer-card__when">
        {offer.nextDate ? t('catalogPublic.nextTime', { date: formatWhen(offer.nextDate, locale) }) : t('catalogPublic.alwaysOpen')}
      </p>
      <p className="offer-card__where">
        {[offer.locationName, offer.municipality?.name].filter(Boolean).join(', ')}
        {offer.distanceKm !== null ? ` · ${t('catalogPublic.distance', { km: offer.distanceKm })}` : null}
      </p>
      <div className="offer-card__facts">
        <LanguageIcons count={offer.languageIcons} />
        {offer.free ? <span className="chip chip--free">{t('catalogPublic.free')}</span> : offer.priceCents !== null ? <span className="chip">{formatMoney(offer.priceCents)}</span> : null}
        {offer.uitpas ? <span className="chip chip--uitpas">UiTPAS</span> : null}
        {offer.kids ? <span className="chip">{t('catalogPublic.kids')}</span> : null}
      </div>
    </li>
  );
}

/** The public catalog of a region: search, the filters a newcomer needs, results as cards or on a map. */
export function PublicCatalogPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const locale = currentLocale();
  const { params, set } = useFilters();
  const [view, setView] = useState<'list' | 'map'>('list');
  const [locating, setLocating] = useState(false);
  const [locationFailed, setLocationFailed] = useState(false);
  const [searchText, setSearchText] = useState(params.get('q') ?? '');

  const { roleIn } = useSession();
  const info = useApi('/api/regions/{slug}/public-catalog', { params: { path: { slug } } });
  const municipality = params.get('municipality') ?? '';
  const radius = params.get('radiusKm') ?? '';
  const lat = params.get('lat');
  const when = params.get('when') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const query = publicOfferQuery(params, locale, view);
  const offers = useApi('/api/regions/{slug}/offers', { params: { path: { slug }, query } });
  const regionName = info.data?.region.name ?? '';
  const total = offers.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const useMyLocation = () => {
    setLocationFailed(false);
    if (!('geolocation' in navigator)) return setLocationFailed(true);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        set({ lat: position.coords.latitude.toFixed(4), lon: position.coords.longitude.toFixed(4), radiusKm: radius || '10', municipality: null });
      },
      () => {
        setLocating(false);
        setLocationFailed(true);
      },
      { timeout: 10_000, maximumAge: 600_000 },
    );
  };

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    set({ q: searchText.trim() || null });
  };

  if (info.error?.status === 404) return <Notice kind="error">{t('common.notFound')}</Notice>;

  return (
    <Page title={regionName ? t('catalogPublic.title', { region: regionName }) : t('nav.catalog')} lead={t('catalogPublic.intro')}>
      {/* Members of the region reach the back office from the module's own page. */}
      {roleIn(slug) ? (
        <p className="catalog-manage">
          <Link to={`/r/${slug}/aanbod/beheer`}>{t('catalogPublic.manage')}</Link>
        </p>
      ) : null}
      <form className="catalog-search" role="search" onSubmit={onSearch}>
        <label htmlFor="catalog-q">{t('catalogPublic.searchLabel')}</label>
        <div className="catalog-search__row">
          <input id="catalog-q" type="search" value={searchText} onChange={(event) => setSearchText(event.target.value)} aria-describedby="catalog-q-hint" enterKeyHint="search" />
          <button type="submit" className="button button--primary">
            {t('catalogPublic.searchButton')}
          </button>
        </div>
        <p id="catalog-q-hint" className="hint">
          {t('catalogPublic.searchHint')}
        </p>
      </form>

      <section className="catalog-filters" aria-label={t('catalogPublic.filters')}>
        <div className="catalog-filters__grid">
          <div className="filter">
            <label htmlFor="filter-municipality">{t('catalogPublic.municipality')}</label>
            <select
              id="filter-municipality"
              value={lat ? 'here' : municipality}
              onChange={(event) => set({ municipality: event.target.value === 'here' ? municipality : event.target.value, lat: null, lon: null })}
            >
              <option value="">{t('catalogPublic.allMunicipalities')}</option>
              {lat ? <option value="here">{t('catalogPublic.myLocation')}</option> : null}
              {(info.data?.municipalities ?? []).map((option) => (
                <option key={option.nisCode} value={option.nisCode}>
                  {option.name}
                </option>
              ))}
            </select>
            <button type="button" className="button button--link filter__locate" onClick={useMyLocation}>
              {t('catalogPublic.useMyLocation')}
            </button>
          </div>
          {municipality || lat ? (
            <div className="filter">
              <label htmlFor="filter-radius">{t('catalogPublic.radius')}</label>
              <select id="filter-radius" value={lat ? radius || '10' : radius} onChange={(event) => set({ radiusKm: event.target.value })}>
                {lat ? null : <option value="">{t('catalogPublic.onlyThisMunicipality')}</option>}
                {RADII.map((km) => (
                  <option key={km} value={String(km)}>
                    {t('catalogPublic.withinKm', { km })}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="filter">
            <label htmlFor="filter-icons">{t('catalogPublic.dutch')}</label>
            <select id="filter-icons" value={params.get('maxLanguageIcons') ?? ''} onChange={(event) => set({ maxLanguageIcons: event.target.value })}>
              <option value="">{t('catalogPublic.anyDutch')}</option>
              {[1, 2, 3].map((count) => (
                <option key={count} value={String(count)}>
                  {t('catalogPublic.atMostIcons', { count })}
                </option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor="filter-when">{t('catalogPublic.when')}</label>
            <select id="filter-when" value={when} onChange={(event) => set({ when: event.target.value, from: null, to: null })}>
              <option value="">{t('catalogPublic.anyTime')}</option>
              <option value="week">{t('catalogPublic.thisWeek')}</option>
              <option value="range">{t('catalogPublic.dateRange')}</option>
            </select>
          </div>
          {when === 'range' ? (
            <>
              <div className="filter">
                <label htmlFor="filter-from">{t('catalogPublic.from')}</label>
                <input id="filter-from" type="date" value={params.get('from') ?? ''} onChange={(event) => set({ from: event.target.value })} />
              </div>
              <div className="filter">
                <label htmlFor="filter-to">{t('catalogPublic.to')}</label>
                <input id="filter-to" type="date" value={params.get('to') ?? ''} onChange={(event) => set({ to: event.target.value })} />
              </div>
            </>
          ) : null}
          {info.data && info.data.themes.length > 0 ? (
            <div className="filter">
              <label htmlFor="filter-theme">{t('catalogPublic.theme')}</label>
              <select id="filter-theme" value={params.get('theme') ?? ''} onChange={(event) => set({ theme: event.target.value })}>
                <option value="">{t('catalogPublic.allThemes')}</option>
                {info.data.themes.map((theme) => (
                  <option key={theme} value={theme} lang="nl">
                    {theme}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <div className="catalog-filters__toggles">
          {(['free', 'uitpas', 'kids'] as const).map((key) => (
            <label key={key} className="toggle">
              <input type="checkbox" checked={params.get(key) === 'true'} onChange={(event) => set({ [key]: event.target.checked ? 'true' : null })} />
              <span>{t(`catalogPublic.${key}`)}</span>
            </label>
          ))}
        </div>
        {locating ? <p role="status">{t('catalogPublic.locating')}</p> : null}
        {locationFailed ? <Notice kind="warning">{t('catalogPublic.locationFailed')}</Notice> : null}
      </section>

      <div className="catalog-results__head">
        <p role="status" className="catalog-results__count">
          {offers.data ? t('catalogPublic.results', { count: total }) : offers.loading ? t('app.loading') : ''}
        </p>
        <div className="view-toggle" role="group" aria-label={`${t('catalogPublic.list')} / ${t('catalogPublic.map')}`}>
          <button type="button" className="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
            {t('catalogPublic.list')}
          </button>
          <button type="button" className="button" aria-pressed={view === 'map'} onClick={() => setView('map')}>
            {t('catalogPublic.map')}
          </button>
        </div>
      </div>

      {offers.error ? <Notice kind="error">{offers.error.message}</Notice> : null}
      {offers.data && total === 0 ? <p className="catalog-empty">{t('catalogPublic.noResults')}</p> : null}

      {view === 'map' && info.data ? (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <OfferMap slug={slug} municipalities={info.data.municipalities} offers={offers.data?.items ?? []} />
        </Suspense>
      ) : null}

      {offers.data && offers.data.items.length > 0 ? (
        <ul className="offer-cards">
          {offers.data.items.map((offer) => (
            <OfferCard key={offer.id} offer={offer} slug={slug} />
          ))}
        </ul>
      ) : null}

      {view === 'list' && pages > 1 ? (
        <nav className="pager" aria-label={t('catalogPublic.pageOf', { page: offset / PAGE_SIZE + 1, pages })}>
          <button type="button" className="button" disabled={offset === 0} onClick={() => set({ offset: String(Math.max(0, offset - PAGE_SIZE)) })}>
            {t('catalogPublic.previous')}
          </button>
          <span>{t('catalogPublic.pageOf', { page: offset / PAGE_SIZE + 1, pages })}</span>
          <button type="button" className="button" disabled={offset + PAGE_SIZE >= total} onClick={() => set({ offset: String(offset + PAGE_SIZE) })}>
            {t('catalogPublic.next')}
          </button>
        </nav>
      ) : null}
    </Page>
  );
}
