import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ACTOR_KINDS } from '../../../common/actor-kinds.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { apiHref } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useFlash } from '../../flash';
import { useRegion } from '../regions/region-context';
import { NetworkNav, networkPaths, useSectors } from './network-common';

const PAGE_SIZE = 25;
const FILTERS = ['q', 'municipality', 'sector', 'cultural', 'kind', 'tag'] as const;

/** The actor list: free-text search plus filters, kept in the URL so a search can be shared. */
export function ActorListPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const isAdmin = roleIn(region.slug) === 'admin';
  const sectors = useSectors();
  const flash = useFlash();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(() => Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as Record<(typeof FILTERS)[number], string>);
  const offset = Number(params.get('offset') ?? '0') || 0;
  // On a phone the filters fold behind one button, so the results show on the first screen.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = FILTERS.filter((key) => params.get(key)).length;

  // The filters as the URL has them; the server checks them (a hand-edited URL gets its 400 message).
  const filters = Object.fromEntries(FILTERS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : [])));
  const list = useApi('/api/regions/{slug}/actors', { params: { path: { slug: region.slug }, query: { ...filters, limit: PAGE_SIZE, offset } } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FILTERS) if (draft[key].trim()) next.set(key, draft[key].trim());
    setParams(next);
  };
  const goTo = (newOffset: number) => {
    const next = new URLSearchParams(params);
    next.set('offset', String(newOffset));
    setParams(next);
  };
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.floor(offset / PAGE_SIZE) + 1;
  const exportHref = (format: 'csv' | 'xlsx') => apiHref('/api/regions/{slug}/actors/export', { path: { slug: region.slug }, query: { ...filters, format } });

  return (
    <Page title={t('network.ui.actors')} regionName={region.name} lead={<p>{t('network.ui.lead')}</p>}>
      <NetworkNav slug={region.slug} isAdmin={isAdmin} />
      {flash ? <Notice kind="success">{t(flash.key, flash.params)}</Notice> : null}
      <button
        type="button"
        className="button filters-toggle"
        aria-expanded={filtersOpen}
        aria-controls="actor-filters"
        onClick={() => setFiltersOpen((open) => !open)}
      >
        {t('network.ui.filtersToggle', { count: activeFilters })}
      </button>
      <form id="actor-filters" className="form network-filters" data-open={filtersOpen} role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor="actor-q">{t('network.ui.search')}</label>
          <p id="actor-q-hint" className="field__hint">
            {t('network.ui.searchHint')}
          </p>
          <input id="actor-q" type="search" value={draft.q} aria-describedby="actor-q-hint" onChange={(event) => setDraft({ ...draft, q: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="actor-municipality">{t('network.ui.municipality')}</label>
          <select id="actor-municipality" value={draft.municipality} onChange={(event) => setDraft({ ...draft, municipality: event.target.value })}>
            <option value="">{t('network.ui.allMunicipalities')}</option>
            {region.municipalities.map((m) => (
              <option key={m.nisCode} value={m.nisCode}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="actor-sector">{t('network.ui.sector')}</label>
          <select id="actor-sector" value={draft.sector} onChange={(event) => setDraft({ ...draft, sector: event.target.value })}>
            <option value="">{t('network.ui.allSectors')}</option>
            {sectors.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="actor-cultural">{t('network.ui.culturalFilter')}</label>
          <select id="actor-cultural" value={draft.cultural} onChange={(event) => setDraft({ ...draft, cultural: event.target.value })}>
            <option value="">{t('network.ui.culturalAll')}</option>
            <option value="true">{t('network.ui.culturalYes')}</option>
            <option value="false">{t('network.ui.culturalNo')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="actor-kind">{t('network.ui.kind')}</label>
          <select id="actor-kind" value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value })}>
            <option value="">{t('network.ui.allKinds')}</option>
            {ACTOR_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`network.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="actor-tag">{t('network.ui.tag')}</label>
          <input id="actor-tag" type="text" value={draft.tag} onChange={(event) => setDraft({ ...draft, tag: event.target.value })} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {t('network.ui.filter')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft({ q: '', municipality: '', sector: '', cultural: '', kind: '', tag: '' });
              setParams(new URLSearchParams());
            }}
          >
            {t('network.ui.reset')}
          </button>
        </div>
      </form>

      <div className="button-row">
        {isAdmin ? (
          <Link className="button button--primary" to={networkPaths.create(region.slug)}>
            {t('network.ui.newActor')}
          </Link>
        ) : null}
        <a className="button" href={exportHref('csv')} download>
          {t('network.ui.exportCsv')}
        </a>
        <a className="button" href={exportHref('xlsx')} download>
          {t('network.ui.exportXlsx')}
        </a>
      </div>

      {list.error ? <Notice kind="error">{list.error.message}</Notice> : null}
      <p role="status" className="count">
        {list.data ? t('network.ui.results', { count: total }) : t('network.ui.loading')}
      </p>
      {list.data && list.data.items.length === 0 ? <p>{t('network.ui.noResults')}</p> : null}
      <ul className="plain-list stack actor-list">
        {list.data?.items.map((actor) => (
          <li key={actor.id} className="card">
            <h2 className="card__title">
              <Link to={networkPaths.actor(region.slug, actor.id)}>{actor.name}</Link>
            </h2>
            <p className="card__meta">
              {[actor.municipality?.name, t(`network.kinds.${actor.kind}`), actor.sectors.map((s) => s.name).join(', '), t(actor.cultural ? 'network.ui.cultural' : 'network.ui.nonCultural')]
                .filter(Boolean)
                .join(' · ')}
              {actor.isPublic === false ? ` · ${t('network.ui.notPublic')}` : ''}
            </p>
            {actor.description ? <p className="card__text">{actor.description}</p> : null}
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label={t('network.ui.pageOf', { page, pages })} className="button-row">
          <button type="button" className="button" disabled={offset === 0} onClick={() => goTo(Math.max(0, offset - PAGE_SIZE))}>
            {t('network.ui.previous')}
          </button>
          <span>{t('network.ui.pageOf', { page, pages })}</span>
          <button type="button" className="button" disabled={page >= pages} onClick={() => goTo(offset + PAGE_SIZE)}>
            {t('network.ui.next')}
          </button>
        </nav>
      ) : null}
    </Page>
  );
}
