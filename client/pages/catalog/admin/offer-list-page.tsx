import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OFFER_STATUSES, type OfferStatus } from '../../../../common/schemas/catalog.js';
import { formatDateTime } from '../../../../common/format.js';
import { Page } from '../../../components/page';
import { Notice } from '../../../components/notice';
import { NoAccess } from '../../../components/access';
import { useApi } from '../../../use-api';
import { useSession } from '../../../session';
import { useRegion } from '../../regions/region-context';
import { CatalogAdminNav, catalogAdminPaths } from './catalog-admin-common';

const PAGE_SIZE = 50;

/** The region's offers for members: editors see their own organisation's, admins all; filtered by status. */
export function OfferListPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const role = roleIn(region.slug);
  const [params, setParams] = useSearchParams();
  const status = OFFER_STATUSES.find((option) => option === params.get('status'));
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [searchText, setSearchText] = useState(q);
  const mine = role === 'editor';
  const list = useApi(role ? '/api/regions/{slug}/catalog/offers' : null, {
    params: { path: { slug: region.slug }, query: { ...(status ? { status } : {}), ...(q ? { q } : {}), ...(mine ? { mine: 'true' as const } : {}), limit: PAGE_SIZE, offset } },
  });
  if (!role) return <NoAccess />;

  const setFilter = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next);
  };
  const data = list.data;
  const all = data ? data.counts.draft + data.counts.published + data.counts.archived : 0;
  const statusLabel = (option: OfferStatus) => t(`catalog.admin.status.${option}`);

  return (
    <Page title={t('catalog.admin.title')} regionName={region.name} lead={<p>{t('catalog.admin.lead')}</p>}>
      <CatalogAdminNav slug={region.slug} role={role} />
      {mine ? <p>{t('catalog.admin.mineOnly')}</p> : null}
      <form
        className="form form--inline catalog-admin-filters"
        role="search"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          setFilter({ q: searchText.trim() || null });
        }}
      >
        <div className="field field--grow">
          <label htmlFor="offer-search">{t('catalog.admin.search')}</label>
          <input id="offer-search" type="search" value={searchText} onChange={(event) => setSearchText(event.target.value)} />
        </div>
        <button type="submit" className="button">
          {t('catalog.admin.searchButton')}
        </button>
      </form>
      <fieldset className="catalog-admin-status">
        <legend>{t('catalog.admin.statusFilter')}</legend>
        <div className="button-row">
          <label className="checkbox">
            <input type="radio" name="offer-status" checked={!status} onChange={() => setFilter({ status: null })} /> {t('catalog.admin.allStatuses', { count: all })}
          </label>
          {OFFER_STATUSES.map((option) => (
            <label key={option} className="checkbox">
              <input type="radio" name="offer-status" value={option} checked={status === option} onChange={() => setFilter({ status: option })} />{' '}
              {t('catalog.admin.statusCount', { label: statusLabel(option), count: data?.counts[option] ?? 0 })}
            </label>
          ))}
        </div>
      </fieldset>
      {list.error ? <Notice kind="error">{list.error.message}</Notice> : null}
      {!data ? (
        <p role="status">{t('catalog.admin.loading')}</p>
      ) : data.items.length === 0 ? (
        <p>{t('catalog.admin.none')}</p>
      ) : (
        <>
          <p id="offer-list-caption">{t('catalog.admin.count', { count: data.total })}</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="offer-list-caption">
            <table className="table catalog-admin-table" aria-labelledby="offer-list-caption">
              <thead>
                <tr>
                  <th scope="col">{t('catalog.admin.columns.title')}</th>
                  <th scope="col">{t('catalog.admin.columns.status')}</th>
                  <th scope="col">{t('catalog.admin.columns.next')}</th>
                  <th scope="col">{t('catalog.admin.columns.municipality')}</th>
                  <th scope="col">{t('catalog.admin.columns.organizer')}</th>
                  <th scope="col">{t('catalog.admin.columns.icons')}</th>
                  <th scope="col">{t('catalog.admin.columns.source')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((offer) => (
                  <tr key={offer.id}>
                    <th scope="row">
                      <Link to={catalogAdminPaths.offer(region.slug, offer.id)}>{offer.title}</Link>
                    </th>
                    <td>
                      <span className={`offer-status offer-status--${offer.status}`}>{statusLabel(offer.status)}</span>
                    </td>
                    <td>{offer.nextStartsAt ? formatDateTime(offer.nextStartsAt) : offer.calendarType === 'permanent' ? t('catalog.admin.alwaysOpen') : t('catalog.admin.noDate')}</td>
                    <td>{offer.municipality?.name ?? '—'}</td>
                    <td>{offer.organizer?.name ?? '—'}</td>
                    <td className="numeric">{offer.languageIcons ?? '?'}</td>
                    <td>{t(`catalog.admin.source.${offer.source}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.total > PAGE_SIZE ? (
            <div className="button-row">
              {offset > 0 ? (
                <button type="button" className="button" onClick={() => setFilter({ offset: String(Math.max(0, offset - PAGE_SIZE)) })}>
                  {t('catalog.admin.previous')}
                </button>
              ) : null}
              {offset + PAGE_SIZE < data.total ? (
                <button type="button" className="button" onClick={() => setFilter({ offset: String(offset + PAGE_SIZE) })}>
                  {t('catalog.admin.next')}
                </button>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </Page>
  );
}
