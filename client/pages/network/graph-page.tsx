import { formatNumber } from '../../../common/format.js';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { sectorStyle } from '../../components/sector-style';
import { NetworkNav, networkPaths, useSectors } from './network-common';
import { GraphLegend } from './graph-legend';
import { GraphCanvas, type GraphCanvasHandle } from './graph-canvas';
import { SuggestedEdgesPanel, useSuggestedEdges } from '../matching/suggested-edges';
import { buildGraphModel, computeLayout, findActors, type ClusterBy, type GraphModel, type SizeBy } from './graph-model';

const MAX_MATCHES = 20;
const MAX_NEIGHBOURS_LISTED = 30;
const MAX_COMMUNITIES_LISTED = 40;

/** The "find actor" combobox: type part of a name, pick one of the matches (arrows + Enter, or click). */
function ActorFinder({ model, subtitle, onChoose }: { model: GraphModel; subtitle: (index: number) => string; onChoose: (index: number) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => findActors(model, query, MAX_MATCHES), [model, query]);
  const expanded = open && matches.length > 0;

  const choose = (index: number) => {
    setQuery(model.nodes[index]!.name);
    setOpen(false);
    setActive(-1);
    onChoose(index);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      if (matches.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((old) => (old + step + matches.length) % matches.length);
    } else if (event.key === 'Enter') {
      const index = matches[active] ?? (open ? matches[0] : undefined);
      if (index === undefined) return;
      event.preventDefault();
      choose(index);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="field graph-finder">
      <label htmlFor="graph-find">{t('network.graph.find')}</label>
      <input
        id="graph-find"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls="graph-find-list"
        aria-activedescendant={expanded && active >= 0 && matches[active] !== undefined ? `graph-find-${matches[active]}` : undefined}
        aria-describedby="graph-find-hint"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <p id="graph-find-hint" className="field__hint">
        {t('network.graph.findHint')}
      </p>
      <ul id="graph-find-list" role="listbox" aria-label={t('network.graph.findResults')} className="graph-finder__list" hidden={!expanded}>
        {matches.map((index, position) => (
          <li
            key={index}
            id={`graph-find-${index}`}
            role="option"
            aria-selected={position === active}
            className="graph-finder__option"
            // Keep the focus in the field, so the click is not lost to its blur.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(index)}
          >
            {model.nodes[index]!.name} <span className="muted">{subtitle(index)}</span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {open && query.trim() ? t('network.graph.matches', { count: matches.length }) : ''}
      </p>
    </div>
  );
}

/**
 * The network graph: an interactive canvas (zoom, pan, hover, select, find) with the same information as text
 * beside and below it (the selected actor, brokers, isolated actors) for keyboard and screen-reader users.
 */
export function GraphPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const sectors = useSectors();
  const graph = useApi('/api/regions/{slug}/network/graph', { params: { path: { slug: region.slug } } });
  const [clusterBy, setClusterBy] = useState<ClusterBy>('municipality');
  const [sizeBy, setSizeBy] = useState<SizeBy>('degree');
  const [selected, setSelected] = useState<number | null>(null);
  const [community, setCommunity] = useState<number | null>(null);
  const canvas = useRef<GraphCanvasHandle>(null);
  const data = graph.data;
  // The regisseur can overlay the matching engine's strongest unmet pairs as dashed edges (?voorstellen=1 opens with them on).
  const isAdmin = roleIn(region.slug) === 'admin';
  const [search] = useSearchParams();
  const [showSuggested, setShowSuggested] = useState(() => search.get('voorstellen') === '1');
  const suggestions = useSuggestedEdges(region.slug, isAdmin && showSuggested);

  const model = useMemo(() => (data ? buildGraphModel(data) : null), [data]);
  const layout = useMemo(() => {
    if (!model) return null;
    const started = performance.now();
    const result = computeLayout(model, clusterBy);
    performance.measure('graph-layout', { start: started, end: performance.now(), detail: { clusterBy } });
    return result;
  }, [model, clusterBy]);

  const suggestedPairs = useMemo(() => {
    if (!model || !showSuggested) return [];
    const indexOf = new Map(model.nodes.map((node, index) => [node.id, index]));
    return suggestions.edges.flatMap((edge) => {
      const a = indexOf.get(edge.a.id);
      const b = indexOf.get(edge.b.id);
      return a === undefined || b === undefined ? [] : [[a, b] as const];
    });
  }, [model, showSuggested, suggestions.edges]);

  const municipalityNames = useMemo(() => new Map(region.municipalities.map((m) => [m.nisCode, m.name])), [region.municipalities]);
  const sectorNames = useMemo(() => new Map(sectors.map((s) => [s.key, s.name])), [sectors]);
  const styles = useMemo(() => (model ? model.nodes.map((node) => sectorStyle(sectors, node.sector)) : []), [model, sectors]);
  const municipalityOf = useCallback((nis: string | null) => (nis ? (municipalityNames.get(nis) ?? nis) : t('network.graph.unknown')), [municipalityNames, t]);
  const sectorOf = useCallback((key: string | null) => (key ? (sectorNames.get(key) ?? key) : t('network.graph.unknown')), [sectorNames, t]);

  const clusterLabel = useCallback(
    (key: string) => {
      if (clusterBy === 'municipality') return key ? municipalityOf(key) : t('network.graph.unknown');
      if (clusterBy === 'sector') return key ? sectorOf(key) : t('network.graph.unknown');
      return key === '-1' ? t('network.graph.noCommunity') : t('network.graph.communityNumber', { number: Number(key) + 1 });
    },
    [clusterBy, municipalityOf, sectorOf, t],
  );
  const describe = useCallback(
    (index: number) => {
      const node = model!.nodes[index]!;
      return {
        name: node.name,
        lines: [municipalityOf(node.municipality), sectorOf(node.sector), t('network.graph.degreeCount', { count: node.degree })],
      };
    },
    [model, municipalityOf, sectorOf, t],
  );

  const select = useCallback((index: number | null) => setSelected(index), []);
  const openActor = useCallback((index: number) => navigate(networkPaths.actor(region.slug, model!.nodes[index]!.id)), [navigate, region.slug, model]);
  const focusActor = (index: number) => {
    setSelected(index);
    canvas.current?.centreOn(index);
  };

  const communities = useMemo(() => {
    if (!model) return [];
    const sizes = new Map<number, number>();
    for (const node of model.nodes) if (node.community >= 0) sizes.set(node.community, (sizes.get(node.community) ?? 0) + 1);
    return [...sizes.entries()].sort((a, b) => a[0] - b[0]).slice(0, MAX_COMMUNITIES_LISTED);
  }, [model]);
  const presentSectors = useMemo(() => {
    const keys = new Set(data?.nodes.map((node) => node.sector ?? ''));
    return sectors.filter((sector) => keys.has(sector.key));
  }, [data, sectors]);

  const brokers = data ? data.nodes.filter((n) => n.broker).sort((a, b) => b.betweenness - a.betweenness) : [];
  const isolated = data ? data.nodes.filter((n) => n.isolated) : [];
  const chosen = model && selected !== null ? model.nodes[selected] : undefined;
  const chosenNeighbours = model && selected !== null ? [...model.neighbours[selected]!].sort((a, b) => model.nodes[a]!.name.localeCompare(model.nodes[b]!.name)) : [];

  return (
    <Page title={t('network.graph.title')} regionName={region.name} lead={<p>{t('network.graph.lead')}</p>}>
      <NetworkNav slug={region.slug} isAdmin={isAdmin} />
      {graph.error ? <Notice kind="error">{graph.error.message}</Notice> : null}
      <div className="button-row graph-controls">
        <div className="field">
          <label htmlFor="graph-cluster">{t('network.graph.clusterBy')}</label>
          <select id="graph-cluster" value={clusterBy} onChange={(event) => setClusterBy(event.target.value as ClusterBy)}>
            <option value="municipality">{t('network.graph.byMunicipality')}</option>
            <option value="sector">{t('network.graph.bySector')}</option>
            <option value="community">{t('network.graph.byCommunity')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="graph-size">{t('network.graph.sizeBy')}</label>
          <select id="graph-size" value={sizeBy} onChange={(event) => setSizeBy(event.target.value as SizeBy)}>
            <option value="degree">{t('network.graph.degree')}</option>
            <option value="betweenness">{t('network.graph.betweenness')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="graph-community">{t('network.graph.highlightCommunity')}</label>
          <select id="graph-community" value={community ?? ''} onChange={(event) => setCommunity(event.target.value === '' ? null : Number(event.target.value))}>
            <option value="">{t('network.graph.noHighlight')}</option>
            {communities.map(([number, count]) => (
              <option key={number} value={number}>
                {t('network.graph.communityOption', { number: number + 1, count })}
              </option>
            ))}
          </select>
        </div>
        {model ? <ActorFinder model={model} subtitle={(index) => municipalityOf(model.nodes[index]!.municipality)} onChoose={focusActor} /> : null}
      </div>
      {data && model && layout ? (
        <>
          <p>
            {t('network.graph.summary', { nodes: data.nodes.length, edges: data.edges.length })} · {t('network.graph.communities', { count: data.communities })}
          </p>
          {data.approximate ? <p className="muted">{t('network.graph.approximate')}</p> : null}
          <div className="graph-layout">
            <div className="graph-layout__main">
              <GraphCanvas
                ref={canvas}
                model={model}
                layout={layout}
                sizeBy={sizeBy}
                styles={styles}
                selected={selected}
                community={community}
                clusterLabel={clusterLabel}
                describe={describe}
                label={t('network.graph.canvasLabel', { nodes: data.nodes.length })}
                describedBy="graph-keys"
                onSelect={select}
                onOpen={openActor}
                suggested={suggestedPairs}
              />
              <p id="graph-keys" className="field__hint">
                {t('network.graph.keys')}
              </p>
            </div>
            <aside className="graph-layout__side" aria-label={t('network.graph.sidePanel')}>
              <section aria-labelledby="graph-selection" className="graph-details">
                <h2 id="graph-selection">{t('network.graph.selection')}</h2>
                {chosen && selected !== null ? (
                  <>
                    <p className="graph-details__name">{chosen.name}</p>
                    <dl className="graph-details__facts">
                      <dt>{t('network.graph.municipality')}</dt>
                      <dd>{municipalityOf(chosen.municipality)}</dd>
                      <dt>{t('network.graph.sector')}</dt>
                      <dd>{sectorOf(chosen.sector)}</dd>
                      <dt>{t('network.graph.tableDegree')}</dt>
                      <dd>{chosen.degree}</dd>
                      <dt>{t('network.graph.tableBetweenness')}</dt>
                      <dd>{formatNumber(chosen.betweenness, 3)}</dd>
                      <dt>{t('network.graph.community')}</dt>
                      <dd>{chosen.community >= 0 ? chosen.community + 1 : t('network.graph.noCommunity')}</dd>
                    </dl>
                    {chosen.broker ? <p>{t('network.graph.isBroker')}</p> : null}
                    {chosen.isolated ? <p>{t('network.graph.isIsolated')}</p> : null}
                    <div className="button-row">
                      <Link to={networkPaths.actor(region.slug, chosen.id)}>{t('network.graph.openActor')}</Link>
                      <button type="button" className="button button--small" onClick={() => setSelected(null)}>
                        {t('network.graph.clearSelection')}
                      </button>
                    </div>
                    {chosenNeighbours.length > 0 ? (
                      <>
                        <h3>{t('network.graph.neighbours', { count: chosenNeighbours.length })}</h3>
                        <ul className="plain-list graph-details__neighbours">
                          {chosenNeighbours.slice(0, MAX_NEIGHBOURS_LISTED).map((index) => (
                            <li key={index}>
                              <button type="button" className="graph-link-button" onClick={() => focusActor(index)}>
                                {model.nodes[index]!.name}
                              </button>
                            </li>
                          ))}
                        </ul>
                        {chosenNeighbours.length > MAX_NEIGHBOURS_LISTED ? (
                          <p className="muted">{t('network.graph.moreNeighbours', { count: chosenNeighbours.length - MAX_NEIGHBOURS_LISTED })}</p>
                        ) : null}
                      </>
                    ) : null}
                  </>
                ) : (
                  <p>{t('network.graph.noSelection')}</p>
                )}
                <p className="visually-hidden" role="status">
                  {chosen ? t('network.graph.selectedStatus', { name: chosen.name, count: chosen.degree }) : ''}
                </p>
              </section>
              <GraphLegend sectors={sectors} present={presentSectors} />
              {isAdmin ? (
                <SuggestedEdgesPanel
                  slug={region.slug}
                  enabled={showSuggested}
                  onToggle={setShowSuggested}
                  edges={suggestions.edges}
                  error={suggestions.error}
                  loading={suggestions.loading}
                />
              ) : null}
            </aside>
          </div>
          <section aria-labelledby="graph-brokers">
            <h2 id="graph-brokers">{t('network.graph.brokers')}</h2>
            <p>{t('network.graph.brokersHint')}</p>
            {brokers.length === 0 ? <p>{t('network.graph.none')}</p> : null}
            {brokers.length > 0 ? (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('network.ui.name')}</th>
                    <th scope="col">{t('network.graph.tableDegree')}</th>
                    <th scope="col">{t('network.graph.tableBetweenness')}</th>
                  </tr>
                </thead>
                <tbody>
                  {brokers.map((node) => (
                    <tr key={node.id}>
                      <th scope="row">
                        <Link to={networkPaths.actor(region.slug, node.id)}>{node.name}</Link>
                      </th>
                      <td className="numeric">{node.degree}</td>
                      <td className="numeric">{formatNumber(node.betweenness, 3)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
          <section aria-labelledby="graph-isolated">
            <h2 id="graph-isolated">{t('network.graph.isolated')}</h2>
            {isolated.length === 0 ? <p>{t('network.graph.none')}</p> : null}
            <ul>
              {isolated.slice(0, 200).map((node) => (
                <li key={node.id}>
                  <Link to={networkPaths.actor(region.slug, node.id)}>{node.name}</Link>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <p>{t('network.ui.loading')}</p>
      )}
    </Page>
  );
}
