import { describe, expect, test } from 'vitest';
import type { Graph } from '../../../common/schemas/network.js';
import { buildGraphModel, computeLayout, findActors, normaliseName } from './graph-model';

function node(id: string, name: string, municipality: string, sector: string, community: number, degree: number): Graph['nodes'][number] {
  return { id, name, municipality, sector, cultural: false, degree, betweenness: 0, community, isolated: degree === 0, broker: false };
}

// Three municipalities of different sizes, one isolated actor, edges within and across.
const nodes = [
  ...Array.from({ length: 40 }, (_, i) => node(`a${i}`, `Bibliotheek Ieper ${i}`, '33011', 'kunsten', 0, 2)),
  ...Array.from({ length: 12 }, (_, i) => node(`b${i}`, `Repaircafé Poperinge ${i}`, '33021', 'sport', 1, 2)),
  node('c0', 'Jeugdhuis Vleteren', '33041', 'jeugd', 2, 1),
  node('lonely', 'Fanfare Sint-Jan', '33041', 'jeugd', -1, 0),
];
const edges = [
  ...Array.from({ length: 39 }, (_, i) => ({ source: `a${i}`, target: `a${i + 1}` })),
  ...Array.from({ length: 11 }, (_, i) => ({ source: `b${i}`, target: `b${i + 1}` })),
  { source: 'a0', target: 'c0' },
  { source: 'a0', target: 'ghost' },
].map((edge, i) => ({ id: `e${i}`, ...edge, type: 'samenwerking' as const, bovenlokaal: false, grensverleggend: false }));
const graph: Graph = { nodes, edges, communities: 3, approximate: false };

describe('graph model', () => {
  test('indexes edges and neighbours, leaving out edges to unknown actors', () => {
    const model = buildGraphModel(graph);
    expect(model.edgeSource.length).toBe(51);
    expect(model.neighbours[model.indexById.get('a0')!]!.map((i) => model.nodes[i]!.id).sort()).toEqual(['a1', 'c0']);
    expect(model.neighbours[model.indexById.get('lonely')!]).toEqual([]);
  });

  test('finds actors by part of the name, without accents, names that start with it first', () => {
    const model = buildGraphModel(graph);
    expect(normaliseName('Repaircafé')).toBe('repaircafe');
    expect(findActors(model, 'cafe poperinge 1', 5).map((i) => model.nodes[i]!.name)).toEqual(['Repaircafé Poperinge 1', 'Repaircafé Poperinge 10', 'Repaircafé Poperinge 11']);
    expect(findActors(model, 'vleteren', 5).map((i) => model.nodes[i]!.name)).toEqual(['Jeugdhuis Vleteren']);
    expect(findActors(model, 'ieper', 3)).toHaveLength(3);
    expect(findActors(model, '   ', 3)).toEqual([]);
  });

  test.each(['municipality', 'sector', 'community'] as const)('lays out clusters by %s without overlap, and the quadtree finds each node', (clusterBy) => {
    const model = buildGraphModel(graph);
    const layout = computeLayout(model, clusterBy);
    expect(layout.clusters.map((c) => c.size).reduce((a, b) => a + b, 0)).toBe(nodes.length);
    for (const a of layout.clusters) {
      for (const b of layout.clusters) {
        if (a === b) continue;
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.radius + b.radius);
      }
    }
    for (let i = 0; i < nodes.length; i++) {
      expect(layout.tree.find(layout.x[i]!, layout.y[i]!, 0.01)).toBe(i);
      expect(layout.x[i]!).toBeGreaterThanOrEqual(layout.bounds.minX);
      expect(layout.x[i]!).toBeLessThanOrEqual(layout.bounds.maxX);
    }
  });
});
