import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ApiClient, type TestApp } from '../../test/test-app.js';
import { regionFactory, userFactory } from '../../test/factories.js';
import { demoRegions } from '../demo/demo-data.js';
import { seedNetworkDemo } from './demo.js';
import { relevanceSet } from './relevance-set.js';
import { variants, queryWords, fold } from '../../search/dutch.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  for (const region of demoRegions) await regionFactory(t.database.db, { slug: region.slug, name: region.name, municipalities: [...region.municipalities] });
  await userFactory(t.database.db, { regionSlug: 'zuidelijke-westhoek', role: 'editor', email: 'partner@demo.regiekamer.be' });
  await seedNetworkDemo(t.database.db);
});
afterAll(async () => t.close());

type Item = { name: string; score?: number; municipality: { nisCode: string } | null; sectors: { key: string }[] };

async function search(slug: string, params: Record<string, string>): Promise<{ total: number; items: Item[] }> {
  const query = new URLSearchParams(params).toString();
  const response = await new ApiClient(t.app).get(`/api/regions/${slug}/actors?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { total: number; items: Item[] };
}

describe('Dutch word variants', () => {
  it('folds accents and case and derives stems', () => {
    expect(fold('Taalcafé ÇA')).toBe('taalcafe ca');
    expect(queryWords('het Perron van Ieper')).toEqual(['perron', 'ieper']);
    expect(variants('voorlezen')).toContain('voorlees');
    expect(variants('bibliotheek')).toContain('bibliothek');
    expect(variants('scholen')).toContain('school');
    expect(variants('musea')).toContain('museum');
    expect(variants('kunnen')).not.toContain('kuun');
  });
});

describe('actor search', () => {
  it(`finds what a Dutch speaker expects (relevance set of ${relevanceSet.length} queries, recall@10)`, async () => {
    let expectedTotal = 0;
    let found = 0;
    const misses: string[] = [];
    for (const testCase of relevanceSet) {
      const result = await search(testCase.region, { q: testCase.query, limit: '10' });
      const names = result.items.map((item) => item.name);
      for (const name of testCase.expected) {
        expectedTotal += 1;
        if (names.includes(name)) found += 1;
        else misses.push(`"${testCase.query}" → ${name} (got: ${names.slice(0, 5).join(', ') || 'nothing'})`);
      }
    }
    const recall = found / expectedTotal;
    console.log(`[network search] relevance set: ${relevanceSet.length} queries, ${expectedTotal} expected hits, recall@10 = ${(recall * 100).toFixed(1)}%`);
    if (misses.length > 0) console.log(`[network search] misses:\n  ${misses.join('\n  ')}`);
    expect(relevanceSet.length).toBeGreaterThanOrEqual(25);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('ranks name matches above profile-text matches', async () => {
    expect((await search('zuidelijke-westhoek', { q: 'erfgoed' })).items[0]?.name).toBe('Erfgoedcel CO7');
    expect((await search('zuidelijke-westhoek', { q: 'uitleendienst' })).items[0]?.name).toBe('Uitleendienst CO7');
    const museum = (await search('zuidelijke-westhoek', { q: 'museum' })).items.slice(0, 2).map((i) => i.name).sort();
    expect(museum).toEqual(['In Flanders Fields Museum', 'Passchendaele Museum']);
    // Ties among profile-text hits go to the actor whose werking mentions the word, not to the alphabet.
    expect((await search('zuidelijke-westhoek', { q: 'senior' })).items[0]?.name).toBe('Lokaal dienstencentrum De Bres');
    const buddy = (await search('westhoek', { q: 'buddy' })).items[0]?.name;
    expect(buddy).toBe('Buddywerking Lo-Reninge');
  });

  it('combines free text with municipality and sector filters and pages with a total', async () => {
    const inIeper = await search('zuidelijke-westhoek', { q: 'bibliotheek', municipality: '33021' });
    expect(inIeper.items.map((i) => i.name)).toContain('Bibliotheek Poperinge');
    expect(inIeper.items.map((i) => i.name)).not.toContain('Bibliotheek Ieper');
    const heritage = await search('zuidelijke-westhoek', { sector: 'erfgoed' });
    expect(heritage.items.every((item) => item.sectors.some((s) => s.key === 'erfgoed'))).toBe(true);
    expect(heritage.total).toBeGreaterThanOrEqual(5);
    const page1 = await search('zuidelijke-westhoek', { limit: '5', offset: '0' });
    const page2 = await search('zuidelijke-westhoek', { limit: '5', offset: '5' });
    expect(page1.total).toBe(page2.total);
    expect(page1.total).toBeGreaterThanOrEqual(45);
    expect(page1.items.map((i) => i.name)).not.toContain(page2.items[0]?.name);
    const nonCultural = await search('zuidelijke-westhoek', { cultural: 'false', q: 'ieper' });
    expect(nonCultural.items.map((i) => i.name)).toContain('Sportdienst Ieper');
    expect(nonCultural.items.map((i) => i.name)).not.toContain('Bibliotheek Ieper');
    const beyond = await search('zuidelijke-westhoek', { limit: '5', offset: '500' });
    expect(beyond).toEqual({ total: page1.total, items: [] });
    expect((await search('zuidelijke-westhoek', { q: 'xyzzyqwerty' })).total).toBe(0);
  });

  it('pages through free-text results in the same order and with the same total as one long page', async () => {
    // The name similarity is only computed for actors that can still reach the requested page; paging
    // must therefore give exactly the slices of the full ranking.
    for (const q of ['erfgoed', 'ieper', 'bibliotheek', 'museum', 'de', 'wandelen', 'biblioteek']) {
      const all = await search('zuidelijke-westhoek', { q, limit: '500' });
      for (const [limit, offset] of [[1, 0], [3, 0], [3, 2], [5, 5], [2, 9]] as const) {
        const page = await search('zuidelijke-westhoek', { q, limit: String(limit), offset: String(offset) });
        if (page.items.length > 0) expect(page.total, q).toBe(all.total);
        expect(page.items.map((i) => [i.name, i.score]), `${q} ${limit}@${offset}`).toEqual(all.items.slice(offset, offset + limit).map((i) => [i.name, i.score]));
      }
    }
  });

  it('seeds at least 60 demo actors with relations and links the demo editor', async () => {
    const [row] = await t.database.raw.query<{ actors: number; relations: number }>('SELECT (SELECT count(*)::int FROM actors) AS actors, (SELECT count(*)::int FROM relations) AS relations');
    expect(row!.actors).toBeGreaterThanOrEqual(60);
    expect(row!.relations).toBeGreaterThanOrEqual(40);
    const [link] = await t.database.raw.query<{ name: string }>(
      "SELECT a.name FROM memberships m JOIN users u ON u.id = m.user_id JOIN actors a ON a.id = m.actor_id WHERE u.email = 'partner@demo.regiekamer.be'",
    );
    expect(link?.name).toBe('Bibliotheek Poperinge');
  });
});
