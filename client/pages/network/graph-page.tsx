import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Graph } from '../../../common/schemas/network.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { NetworkNav, networkPaths, sectorColor, useSectors } from './network-common';

type ClusterBy = 'municipality' | 'sector' | 'community';
type SizeBy = 'degree' | 'betweenness';

/**
 * Deterministic cluster layout: clusters on a large circle, nodes of a cluster on a sunflower spiral
 * around its centre. It is computed once per choice (no simulation), so thousands of nodes stay fluid.
 */
function layout(graph: Graph, clusterBy: ClusterBy, width: number, height: number): Map<string, { x: number; y: number }> {
  const keyOf = (node: Graph['nodes'][number]) => (clusterBy === 'municipality' ? (node.municipality ?? '?') : clusterBy === 'sector' ? (node.sector ?? '?') : String(node.community));
  const clusters = new Map<string, Graph['nodes']>();
  for (const node of graph.nodes) clusters.set(keyOf(node), [...(clusters.get(keyOf(node)) ?? []), node]);
  const keys = [...clusters.keys()].sort();
  const positions = new Map<string, { x: number; y: number }>();
  const big = Math.min(width, height) * 0.36;
  keys.forEach((key, index) => {
    const angle = (2 * Math.PI * index) / keys.length;
    const cx = width / 2 + (keys.length > 1 ? big * Math.cos(angle) : 0);
    const cy = height / 2 + (keys.length > 1 ? big * Math.sin(angle) : 0);
    const members = [...clusters.get(key)!].sort((a, b) => b.degree - a.degree);
    const spread = Math.min(big * 0.5, 6 * Math.sqrt(members.length) + 8);
    members.forEach((node, i) => {
      const r = spread * Math.sqrt((i + 0.5) / members.length);
      const theta = i * 2.399963;
      positions.set(node.id, { x: cx + r * Math.cos(theta), y: cy + r * Math.sin(theta) });
    });
  });
  return positions;
}

/** The network graph on a canvas, with brokers, isolated actors and communities also listed as text. */
export function GraphPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const sectors = useSectors();
  const graph = useApi<Graph>(`/api/regions/${encodeURIComponent(region.slug)}/network/graph`);
  const [clusterBy, setClusterBy] = useState<ClusterBy>('municipality');
  const [sizeBy, setSizeBy] = useState<SizeBy>('degree');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const data = graph.data;
  const width = 960;
  const height = 720;
  const positions = useMemo(() => (data ? layout(data, clusterBy, width, height) : new Map()), [data, clusterBy]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || !data) return;
    context.clearRect(0, 0, width, height);
    context.strokeStyle = 'rgba(80, 80, 80, 0.25)';
    context.lineWidth = 1;
    context.beginPath();
    for (const edge of data.edges) {
      const a = positions.get(edge.source);
      const b = positions.get(edge.target);
      if (!a || !b) continue;
      context.moveTo(a.x, a.y);
      context.lineTo(b.x, b.y);
    }
    context.stroke();
    const maxDegree = Math.max(1, ...data.nodes.map((n) => n.degree));
    const maxBetween = Math.max(1e-9, ...data.nodes.map((n) => n.betweenness));
    for (const node of data.nodes) {
      const p = positions.get(node.id);
      if (!p) continue;
      const measure = sizeBy === 'degree' ? node.degree / maxDegree : node.betweenness / maxBetween;
      const radius = 3 + 10 * Math.sqrt(measure);
      context.beginPath();
      context.arc(p.x, p.y, radius, 0, 2 * Math.PI);
      context.fillStyle = node.isolated ? '#ffffff' : sectorColor(sectors, node.sector);
      context.fill();
      context.lineWidth = node.broker ? 3 : 1;
      context.strokeStyle = node.broker ? '#b00020' : node.isolated ? '#333333' : '#ffffff';
      context.stroke();
    }
  }, [data, positions, sizeBy, sectors]);

  const brokers = data ? data.nodes.filter((n) => n.broker).sort((a, b) => b.betweenness - a.betweenness) : [];
  const isolated = data ? data.nodes.filter((n) => n.isolated) : [];

  return (
    <Page title={t('network.graph.title')} regionName={region.name} lead={<p>{t('network.graph.lead')}</p>}>
      <NetworkNav slug={region.slug} isAdmin={roleIn(region.slug) === 'admin'} />
      {graph.error ? <Notice kind="error">{graph.error.message}</Notice> : null}
      <div className="button-row">
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
      </div>
      {data ? (
        <>
          <p>
            {t('network.graph.summary', { nodes: data.nodes.length, edges: data.edges.length })} · {t('network.graph.communities', { count: data.communities })}
          </p>
          {data.approximate ? <p className="muted">{t('network.graph.approximate')}</p> : null}
          <canvas ref={canvasRef} width={width} height={height} className="network-graph" role="img" aria-label={t('network.graph.canvasLabel', { nodes: data.nodes.length })} />
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
                      <td className="numeric">{node.betweenness.toFixed(3)}</td>
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
