import { quadtree, type Quadtree } from 'd3-quadtree';
import type { Graph } from '../../../common/schemas/network.js';

export type ClusterBy = 'municipality' | 'sector' | 'community';
export type SizeBy = 'degree' | 'betweenness';
export type GraphNode = Graph['nodes'][number];

/** The graph in index form: typed arrays and adjacency lists, so drawing and hit-testing never look up ids. */
export interface GraphModel {
  nodes: GraphNode[];
  indexById: Map<string, number>;
  /** Both ends of every edge, as node indices (edges to unknown nodes are left out). */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Distinct neighbours of each node. */
  neighbours: number[][];
  maxDegree: number;
  maxBetweenness: number;
  /** Lower-case, accent-free names for the "find actor" field. */
  searchNames: string[];
}

/** Lower case without accents, so "cafe" finds "Repaircafé". */
export function normaliseName(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Builds the index form of a graph once per response. */
export function buildGraphModel(graph: Graph): GraphModel {
  const indexById = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const sources: number[] = [];
  const targets: number[] = [];
  const neighbourSets = graph.nodes.map(() => new Set<number>());
  for (const edge of graph.edges) {
    const a = indexById.get(edge.source);
    const b = indexById.get(edge.target);
    if (a === undefined || b === undefined || a === b) continue;
    sources.push(a);
    targets.push(b);
    neighbourSets[a]!.add(b);
    neighbourSets[b]!.add(a);
  }
  let maxDegree = 1;
  let maxBetweenness = 1e-9;
  for (const node of graph.nodes) {
    if (node.degree > maxDegree) maxDegree = node.degree;
    if (node.betweenness > maxBetweenness) maxBetweenness = node.betweenness;
  }
  return {
    nodes: graph.nodes,
    indexById,
    edgeSource: Int32Array.from(sources),
    edgeTarget: Int32Array.from(targets),
    neighbours: neighbourSets.map((set) => [...set]),
    maxDegree,
    maxBetweenness,
    searchNames: graph.nodes.map((node) => normaliseName(node.name)),
  };
}

/** Indices of the actors whose name contains the query (names that start with it first), at most `limit`. */
export function findActors(model: GraphModel, query: string, limit: number): number[] {
  const needle = normaliseName(query.trim());
  if (needle.length === 0) return [];
  const starts: number[] = [];
  const contains: number[] = [];
  for (let i = 0; i < model.searchNames.length && starts.length < limit; i++) {
    const at = model.searchNames[i]!.indexOf(needle);
    if (at === 0) starts.push(i);
    else if (at > 0 && contains.length < limit) contains.push(i);
  }
  return [...starts, ...contains].slice(0, limit);
}

/** One group of the layout, with its centre and radius in world units (for its label). */
export interface LayoutCluster {
  key: string;
  x: number;
  y: number;
  radius: number;
  size: number;
}

/** Node positions in world units, the world's bounds and a quadtree over the nodes for hit-testing. */
export interface GraphLayout {
  clusterBy: ClusterBy;
  x: Float64Array;
  y: Float64Array;
  clusters: LayoutCluster[];
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
  tree: Quadtree<number>;
}

// World units between neighbouring nodes of a cluster, and between clusters.
const NODE_SPACING = 7;
const CLUSTER_GAP = 40;

/** The key a node is grouped by. */
export function clusterKey(node: GraphNode, clusterBy: ClusterBy): string {
  if (clusterBy === 'municipality') return node.municipality ?? '';
  if (clusterBy === 'sector') return node.sector ?? '';
  return String(node.community);
}

/**
 * Deterministic cluster layout: each cluster is a sunflower spiral (hubs in the middle), and the clusters sit on
 * one big circle, each getting an arc in proportion to its diameter and the circle made large enough that no two
 * neighbours overlap. No simulation: 5,000 nodes take a few milliseconds, so it stays on the main thread.
 */
export function computeLayout(model: GraphModel, clusterBy: ClusterBy): GraphLayout {
  const groups = new Map<string, number[]>();
  model.nodes.forEach((node, i) => {
    const key = clusterKey(node, clusterBy);
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  // Largest clusters first, with a stable order among equals; the "none" group (isolated, unknown) last.
  const keys = [...groups.keys()].sort((a, b) => {
    const none = Number(a === '' || a === '-1') - Number(b === '' || b === '-1');
    return none || groups.get(b)!.length - groups.get(a)!.length || a.localeCompare(b);
  });
  const radii = keys.map((key) => NODE_SPACING * Math.sqrt(groups.get(key)!.length) + 8);
  const total = radii.reduce((sum, r) => sum + 2 * r + CLUSTER_GAP, 0);
  const angles: number[] = [];
  let running = 0;
  for (const r of radii) {
    const share = (2 * r + CLUSTER_GAP) / total;
    angles.push(2 * Math.PI * (running + share / 2));
    running += share;
  }
  // Grow the big circle until every pair of neighbouring clusters is apart (chord ≥ sum of radii + gap).
  let big = keys.length > 1 ? total / (2 * Math.PI) : 0;
  if (keys.length > 1) {
    for (let guard = 0; guard < 60; guard++) {
      let ok = true;
      for (let i = 0; i < keys.length; i++) {
        const j = (i + 1) % keys.length;
        let delta = Math.abs(angles[j]! - angles[i]!);
        if (delta > Math.PI) delta = 2 * Math.PI - delta;
        if (2 * big * Math.sin(delta / 2) < radii[i]! + radii[j]! + CLUSTER_GAP) ok = false;
      }
      if (ok) break;
      big *= 1.08;
    }
  }
  const x = new Float64Array(model.nodes.length);
  const y = new Float64Array(model.nodes.length);
  const clusters: LayoutCluster[] = [];
  keys.forEach((key, index) => {
    const cx = big * Math.cos(angles[index]! - Math.PI / 2);
    const cy = big * Math.sin(angles[index]! - Math.PI / 2);
    const members = groups.get(key)!.sort((a, b) => model.nodes[b]!.degree - model.nodes[a]!.degree || a - b);
    members.forEach((node, i) => {
      const r = NODE_SPACING * Math.sqrt(i + 0.5);
      const theta = i * 2.399963229728653; // the golden angle
      x[node] = cx + r * Math.cos(theta);
      y[node] = cy + r * Math.sin(theta);
    });
    clusters.push({ key, x: cx, y: cy, radius: radii[index]!, size: members.length });
  });
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const cluster of clusters) {
    minX = Math.min(minX, cluster.x - cluster.radius);
    minY = Math.min(minY, cluster.y - cluster.radius);
    maxX = Math.max(maxX, cluster.x + cluster.radius);
    maxY = Math.max(maxY, cluster.y + cluster.radius);
  }
  if (clusters.length === 0) {
    minX = minY = -100;
    maxX = maxY = 100;
  }
  const tree = quadtree<number>()
    .x((i) => x[i]!)
    .y((i) => y[i]!)
    .addAll(Array.from({ length: model.nodes.length }, (_, i) => i));
  return { clusterBy, x, y, clusters, bounds: { minX, minY, maxX, maxY }, tree };
}

/** Radius of a node in world units (2…10), by the chosen measure. */
export function nodeRadius(model: GraphModel, node: GraphNode, sizeBy: SizeBy): number {
  const measure = sizeBy === 'degree' ? node.degree / model.maxDegree : node.betweenness / model.maxBetweenness;
  return 2 + 8 * Math.sqrt(measure);
}
