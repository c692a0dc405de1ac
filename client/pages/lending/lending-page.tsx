import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { apiHref } from '../../api';
import { useRegion } from '../regions/region-context';
import { LendingNav, lendingPaths, useLendingMe } from './lending-common';

type Kind = 'materiaal' | 'ruimte' | 'set';

/** Availability search: what is free from–to, near a municipality, within some kilometres. */
export function LendingPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const me = useLendingMe(region.slug);
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState(() => ({
    from: params.get('van') ?? '',
    to: params.get('tot') ?? '',
    units: params.get('aantal') ?? '1',
    near: params.get('bij') ?? '',
    withinKm: params.get('km') ?? '',
    kind: params.get('soort') ?? '',
    q: params.get('q') ?? '',
  }));
  const query = {
    ...(params.get('van') && params.get('tot') ? { from: params.get('van')!, to: params.get('tot')!, units: Number(params.get('aantal') ?? '1'), onlyFree: 'true' as const } : {}),
    ...(params.get('bij') ? { near: params.get('bij')! } : {}),
    ...(params.get('bij') && params.get('km') ? { withinKm: Number(params.get('km')) } : {}),
    ...(params.get('soort') ? { kind: params.get('soort') as Kind } : {}),
    ...(params.get('q') ? { q: params.get('q')! } : {}),
  };
  const items = useApi('/api/regions/{slug}/lending/items', { params: { path: { slug: region.slug }, query } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    const map: Record<string, string> = { from: 'van', to: 'tot', units: 'aantal', near: 'bij', withinKm: 'km', kind: 'soort', q: 'q' };
    for (const [key, value] of Object.entries(form)) if (value) next.set(map[key]!, value);
    setParams(next);
  };
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [key]: event.target.value }));
  const list = items.data ?? [];
  const dateQuery = params.get('van') && params.get('tot') ? `?van=${params.get('van')}&tot=${params.get('tot')}&aantal=${params.get('aantal') ?? '1'}` : '';

  return (
    <Page title={t('lending.title')} regionName={region.name} lead={<p>{t('lending.intro')}</p>}>
      <LendingNav slug={region.slug} seesOverview={me?.seesOverview ?? false} canAddItems={me?.canAddItems ?? false} />
      <h2>{t('lending.search.heading')}</h2>
      <form className="lending-search" onSubmit={submit} role="search">
        <div className="field">
          <label htmlFor="lend-from">{t('lending.search.from')}</label>
          <input id="lend-from" type="date" value={form.from} onChange={set('from')} />
        </div>
        <div className="field">
          <label htmlFor="lend-to">{t('lending.search.to')}</label>
          <input id="lend-to" type="date" value={form.to} min={form.from || undefined} onChange={set('to')} />
        </div>
        <div className="field">
          <label htmlFor="lend-units">{t('lending.search.units')}</label>
          <input id="lend-units" type="number" min={1} max={500} value={form.units} onChange={set('units')} />
        </div>
        <div className="field">
          <label htmlFor="lend-near">{t('lending.search.near')}</label>
          <select id="lend-near" value={form.near} onChange={set('near')}>
            <option value="">{t('lending.search.anywhere')}</option>
            {region.municipalities.map((municipality) => (
              <option key={municipality.nisCode} value={municipality.nisCode}>
                {municipality.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lend-km">{t('lending.search.withinKm')}</label>
          <input id="lend-km" type="number" min={0} max={500} value={form.withinKm} onChange={set('withinKm')} />
        </div>
        <div className="field">
          <label htmlFor="lend-kind">{t('lending.search.kind')}</label>
          <select id="lend-kind" value={form.kind} onChange={set('kind')}>
            <option value="">{t('lending.search.allKinds')}</option>
            {(['materiaal', 'ruimte', 'set'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t(`lending.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lend-q">{t('lending.search.q')}</label>
          <input id="lend-q" type="search" value={form.q} onChange={set('q')} />
        </div>
        <button type="submit" className="button button--primary">
          {t('lending.search.submit')}
        </button>
      </form>
      {items.error ? <Notice kind="error">{items.error.message}</Notice> : null}
      <p role="status" className="muted">
        {items.data ? t('lending.search.results', { count: list.length }) : ''}
      </p>
      {items.data && list.length === 0 ? <p>{t('lending.search.none')}</p> : null}
      <ul className="card-grid plain-list">
        {list.map((item) => (
          <li key={item.id} className="card">
            {item.photoId ? (
              // Decorative here: the heading link names the item, the item page describes the photo.
              <img className="lending-thumb" src={apiHref('/api/regions/{slug}/lending/items/{itemId}/photos/{photoId}', { path: { slug: region.slug, itemId: item.id, photoId: item.photoId } })} alt="" loading="lazy" />
            ) : null}
            <h3 className="card__title">
              <Link className="card__link" to={`${lendingPaths.item(region.slug, item.id)}${dateQuery}`}>
                {item.name}
              </Link>
            </h3>
            <p className="card__meta">
              {t(`lending.kinds.${item.kind}`)} · {item.ownerName} · {item.municipality.name}
              {item.distanceKm !== null && params.get('bij') ? ` · ${t('lending.search.distance', { km: formatNumber(item.distanceKm, 1) })}` : ''}
            </p>
            <p className="card__text">
              {t('lending.search.units', { count: item.units })} · {item.pricePerDayCents > 0 ? t('lending.search.perDay', { price: formatMoney(item.pricePerDayCents) }) : t('lending.item.free')}
            </p>
            {item.freeUnits !== null ? (
              <p className={item.freeUnits > 0 ? 'lending-free' : 'lending-busy'}>{item.freeUnits > 0 ? t('lending.search.free', { free: item.freeUnits, units: item.units }) : t('lending.search.notFree')}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </Page>
  );
}
