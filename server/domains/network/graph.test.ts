import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { actorFactory, linkMemberToActor, relationFactory } from './factories.js';
import { betweenness } from './graph.js';

let t: TestApp;
const slug = 'grafiekregio';
let editorEmail: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const region = await regionFactory(db, { slug, municipalities: ['33011', '33021', '33016'] });
  // Two triangles joined through a single bridge actor, plus an isolated and a hidden actor.
  const make = async (key: string, municipality: string, sectors: string[], isPublic = true) => {
    ids[key] = await actorFactory(db, region.id, { name: `Actor ${key}`, municipality, sectors, isPublic });
  };
  await make('a1', '33011', ['kunsten']);
  await make('a2', '33011', ['erfgoed']);
  await make('a3', '33011', ['kunsten']);
  await make('bridge', '33021', ['welzijn']);
  await make('b1', '33016', ['sport']);
  await make('b2', '33016', ['sport']);
  await make('b3', '33016', ['jeugd']);
  await make('alone', '33021', ['toerisme']);
  await make('hidden', '33021', ['welzijn'], false);
  const link = (a: string, b: string) => relationFactory(db, region.id, ids[a]!, ids[b]!);
  await link('a1', 'a2');
  await link('a2', 'a3');
  await link('a3', 'a1');
  await link('a1', 'bridge');
  await link('bridge', 'b1');
  await link('b1', 'b2');
  await link('b2', 'b3');
  await link('b3', 'b1');
  await link('hidden', 'alone');
  const editor = await userFactory(db, { regionSlug: slug, role: 'editor' });
  editorEmail = editor.email;
  await linkMemberToActor(db, editor.userId, region.id, ids.b1!);
});
afterAll(async () => t.close());

type BubbleActor = { name: string; relations: number };

type GraphBody = {
  nodes: { id: string; name: string; degree: number; betweenness: number; community: number; isolated: boolean; broker: boolean }[];
  edges: { source: string; target: string; bovenlokaal: boolean; grensverleggend: boolean }[];
  communities: number;
  approximate: boolean;
};

describe('network graph', () => {
  it('computes degree, betweenness, communities, isolated actors and brokers on the server', async () => {
    const member = await new ApiClient(t.app).login(editorEmail, TEST_PASSWORD);
    const graph = (await member.get(`/api/regions/${slug}/network/graph`)).json() as GraphBody;
    const node = (key: string) => graph.nodes.find((n) => n.id === ids[key])!;
    expect(graph.nodes).toHaveLength(9);
    expect(graph.edges).toHaveLength(9);
    expect(node('a1').degree).toBe(3);
    expect(node('bridge').broker).toBe(true);
    expect(node('bridge').betweenness).toBeGreaterThan(node('a2').betweenness);
    expect(node('a2').betweenness).toBe(0);
    expect(node('a2').community).toBe(node('a3').community);
    expect(node('b2').community).toBe(node('b3').community);
    expect(node('a2').community).not.toBe(node('b2').community);
    expect(graph.communities).toBeGreaterThanOrEqual(3);
    expect(node('alone').isolated).toBe(false);
    expect(graph.approximate).toBe(false);
    const bridgeEdge = graph.edges.find((e) => e.source === ids.a1 && e.target === ids.bridge)!;
    expect(bridgeEdge).toMatchObject({ bovenlokaal: true, grensverleggend: true });
    const anonymous = (await new ApiClient(t.app).get(`/api/regions/${slug}/network/graph`)).json() as GraphBody;
    expect(anonymous.nodes.map((n) => n.name)).not.toContain('Actor hidden');
    expect(anonymous.nodes.find((n) => n.id === ids.alone)?.isolated).toBe(true);
    expect(anonymous.edges).toHaveLength(8);
  });

  it('matches exact betweenness on a path and stays fast on 5,000 nodes and 20,000 edges', () => {
    // Path 0-1-2-3-4: the middle node lies on 4 of the 6 pairs not involving it.
    const path = [[1], [0, 2], [1, 3], [2, 4], [3]];
    const { values } = betweenness(5, path);
    expect(values[2]).toBeCloseTo(4 / 6, 5);
    expect(values[0]).toBe(0);
    const n = 5000;
    const adjacency: number[][] = Array.from({ length: n }, () => []);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let e = 0; e < 20000; e++) {
      const a = Math.floor(random() * n);
      const b = Math.floor(random() * n);
      if (a === b) continue;
      adjacency[a]!.push(b);
      adjacency[b]!.push(a);
    }
    // Large graphs switch to sampled betweenness (its speed is measured by npm run bench, not asserted here).
    const result = betweenness(n, adjacency);
    expect(result.approximate).toBe(true);
    expect(result.values).toHaveLength(n);
    expect(result.values.every((value) => Number.isFinite(value) && value >= 0)).toBe(true);
  });
});

describe('bubble scheme', () => {
  it('splits actors per municipality into cultural and non-cultural, own municipality first', async () => {
    const editor = await new ApiClient(t.app).login(editorEmail, TEST_PASSWORD);
    const scheme = (await editor.get(`/api/regions/${slug}/network/bubbles`)).json() as {
      municipalities: { nisCode: string; own: boolean; cultural: BubbleActor[]; nonCultural: BubbleActor[] }[];
    };
    expect(scheme.municipalities[0]).toMatchObject({ nisCode: '33016', own: true });
    const ieper = scheme.municipalities.find((m) => m.nisCode === '33011')!;
    expect(ieper.cultural.map((a) => a.name).sort()).toEqual(['Actor a1', 'Actor a2', 'Actor a3']);
    expect(ieper.nonCultural).toEqual([]);
    const poperinge = scheme.municipalities.find((m) => m.nisCode === '33021')!;
    expect(poperinge.nonCultural.map((a) => a.name)).toContain('Actor hidden');
    const anonymous = (await new ApiClient(t.app).get(`/api/regions/${slug}/network/bubbles`)).json() as typeof scheme;
    expect(anonymous.municipalities[0]?.own).toBe(false);
    expect(JSON.stringify(anonymous)).not.toContain('Actor hidden');
  });

  it('counts each actor\'s relations with actors the viewer may see, for the size of its bubble', async () => {
    type Scheme = { municipalities: { cultural: BubbleActor[]; nonCultural: BubbleActor[] }[] };
    const relationsOf = (scheme: Scheme, name: string) =>
      scheme.municipalities.flatMap((m) => [...m.cultural, ...m.nonCultural]).find((a) => a.name === name)?.relations;
    const editor = await new ApiClient(t.app).login(editorEmail, TEST_PASSWORD);
    const member = (await editor.get(`/api/regions/${slug}/network/bubbles`)).json() as Scheme;
    expect(relationsOf(member, 'Actor a1')).toBe(3);
    expect(relationsOf(member, 'Actor bridge')).toBe(2);
    expect(relationsOf(member, 'Actor alone')).toBe(1);
    const anonymous = (await new ApiClient(t.app).get(`/api/regions/${slug}/network/bubbles`)).json() as Scheme;
    // Its only partner is hidden from visitors.
    expect(relationsOf(anonymous, 'Actor alone')).toBe(0);
  });
});
