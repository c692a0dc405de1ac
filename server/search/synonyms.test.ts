import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ApiClient, type TestApp } from '../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../test/factories.js';
import { actorFactory } from '../domains/network/factories.js';
import type { RegionRow } from '../http/access.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function regionWithAdmin(): Promise<{ region: RegionRow; admin: ApiClient }> {
  const region = await regionFactory(t.database.db);
  const { email } = await userFactory(t.database.db, { regionSlug: region.slug, role: 'admin' });
  return { region, admin: await new ApiClient(t.app).login(email, TEST_PASSWORD) };
}

async function actorNames(slug: string, q: string): Promise<string[]> {
  const response = await new ApiClient(t.app).get(`/api/regions/${slug}/actors?${new URLSearchParams({ q }).toString()}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: { name: string }[] }).items.map((item) => item.name);
}

describe('synonym admin API', () => {
  it('lists the global defaults, adds and deletes a region group, and keeps the defaults', async () => {
    const { region, admin } = await regionWithAdmin();
    const url = `/api/regions/${region.slug}/search/synonyms`;
    const list = (await admin.get(url)).json() as { id: string; terms: string[]; scope: string }[];
    expect(list.find((group) => group.terms.includes('nieuwkomers'))).toMatchObject({
      scope: 'global',
      terms: ['nieuwkomers', 'inburgeraars', 'anderstaligen', 'migratieachtergrond'],
    });
    const added = await admin.post(url, { terms: ['Speelpleinwerking', 'grabbelpas', 'speelpleinwerking'] });
    expect(added.statusCode, added.body).toBe(201);
    const group = added.json() as { id: string; terms: string[]; scope: string };
    expect(group).toMatchObject({ scope: 'region', terms: ['speelpleinwerking', 'grabbelpas'] });
    expect(((await admin.get(url)).json() as { id: string }[]).map((g) => g.id)).toContain(group.id);
    expect((await admin.delete(`${url}/${group.id}`)).statusCode).toBe(204);
    expect(((await admin.get(url)).json() as { id: string }[]).map((g) => g.id)).not.toContain(group.id);
    const globalId = list.find((g) => g.scope === 'global')!.id;
    expect((await admin.delete(`${url}/${globalId}`)).statusCode).toBe(404);
  });

  it('answers 401 anonymous, 403 for editors and other regions, and 400 with a Dutch field message', async () => {
    const { region, admin } = await regionWithAdmin();
    const other = await regionWithAdmin();
    const url = `/api/regions/${region.slug}/search/synonyms`;
    expect((await new ApiClient(t.app).get(url)).statusCode).toBe(401);
    const { email } = await userFactory(t.database.db, { regionSlug: region.slug, role: 'editor' });
    const editor = await new ApiClient(t.app).login(email, TEST_PASSWORD);
    expect((await editor.get(url)).statusCode).toBe(403);
    expect((await editor.post(url, { terms: ['a1', 'b1'] })).statusCode).toBe(403);
    expect((await other.admin.get(url)).statusCode).toBe(403);
    const ownGroup = (await admin.post(url, { terms: ['toneel', 'drama'] })).json() as { id: string };
    expect((await other.admin.delete(`/api/regions/${other.region.slug}/search/synonyms/${ownGroup.id}`)).statusCode).toBe(404);
    const twoWords = await admin.post(url, { terms: ['mensen met een beperking', 'handicap'] });
    expect(twoWords.statusCode).toBe(400);
    expect(twoWords.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: [{ path: 'terms.0', message: 'Gebruik één woord per term (letters, cijfers en koppeltekens).' }] } });
    const same = await admin.post(url, { terms: ['Toneel', 'toneel'] });
    expect(same.json()).toMatchObject({ error: { fields: [{ path: 'terms', message: 'Geef minstens twee verschillende woorden.' }] } });
  });
});

describe('synonyms and ranking signals in actor search', () => {
  it('finds actors through a default synonym group and through a group the region added, direct hits first', async () => {
    const { region, admin } = await regionWithAdmin();
    await actorFactory(t.database.db, region.id, { name: 'Taalpunt Oost', description: 'Oefenkansen Nederlands voor anderstaligen.' });
    await actorFactory(t.database.db, region.id, { name: 'Welkom Noord', description: 'Onthaal van nieuwkomers in de gemeente.' });
    await actorFactory(t.database.db, region.id, { name: 'Speelplein De Wei', description: 'Zomerwerking met speelpleinen voor kinderen.' });
    expect(await actorNames(region.slug, 'nieuwkomers')).toEqual(['Welkom Noord', 'Taalpunt Oost']);
    expect(await actorNames(region.slug, 'grabbelpas')).toEqual([]);
    await admin.post(`/api/regions/${region.slug}/search/synonyms`, { terms: ['grabbelpas', 'speelplein'] });
    expect(await actorNames(region.slug, 'grabbelpas')).toEqual(['Speelplein De Wei']);
    // Synonyms of one region do not leak into another.
    const other = await regionWithAdmin();
    await actorFactory(t.database.db, other.region.id, { name: 'Speelplein Zuid', description: 'Speelpleinwerking.' });
    expect(await actorNames(other.region.slug, 'grabbelpas')).toEqual([]);
  });

  it('ranks the seniors’ centre above libraries that only mention seniors, and werking above target groups on ties', async () => {
    const { region } = await regionWithAdmin();
    // Names chosen so that the alphabet would put the libraries first.
    for (const name of ['Bibliotheek Aalbeke', 'Bibliotheek Beselare', 'Bibliotheek Circus']) {
      await actorFactory(t.database.db, region.id, { name, description: 'Boeken, strips en films voor iedereen.', targetGroups: ['gezinnen', 'senioren'] });
    }
    await actorFactory(t.database.db, region.id, { name: 'Dienstencentrum De Linde', description: 'Activiteiten en een restaurant voor senioren uit de buurt.' });
    await actorFactory(t.database.db, region.id, { name: 'Seniorenraad Zwevegem', description: 'Adviesraad van de gemeente.' });
    const names = await actorNames(region.slug, 'senior');
    expect(names[0]).toBe('Seniorenraad Zwevegem');
    expect(names[1]).toBe('Dienstencentrum De Linde');
    expect(names.slice(2).sort()).toEqual(['Bibliotheek Aalbeke', 'Bibliotheek Beselare', 'Bibliotheek Circus']);
  });
});
