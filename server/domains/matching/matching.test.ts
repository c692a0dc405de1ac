import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ApiClient, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { actorFactory, relationFactory } from '../network/factories.js';
import type { MatchList, RegionMatchList } from '../../../common/schemas/matching.js';
import { forgetBuiltEngines } from './engine-cache.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const IEPER = '33011';
const POPERINGE = '33021';
const ZONNEBEKE = '33037';

/** A fresh region with its own members, so tests never share state. */
async function setup() {
  const region = await regionFactory(t.database.db, { municipalities: [IEPER, POPERINGE, ZONNEBEKE] });
  const other = await regionFactory(t.database.db);
  const admin = await userFactory(t.database.db, { regionSlug: region.slug, role: 'admin' });
  const viewer = await userFactory(t.database.db, { regionSlug: region.slug, role: 'viewer' });
  const outsider = await userFactory(t.database.db, { regionSlug: other.slug, role: 'admin' });
  const login = (email: string) => new ApiClient(t.app).login(email, TEST_PASSWORD);
  const actor = (name: string, input: { municipality?: string; sectors?: string[]; strengths?: string[]; needs?: string[]; isPublic?: boolean }) =>
    actorFactory(t.database.db, region.id, { name, ...input });
  return { region, other, admin: await login(admin.email), viewer: await login(viewer.email), outsider: await login(outsider.email), actor };
}

async function matches(client: ApiClient, slug: string, query: Record<string, string>): Promise<MatchList> {
  const response = await client.get(`/api/regions/${slug}/matches?${new URLSearchParams(query).toString()}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as MatchList;
}

describe('GET /api/regions/:slug/matches', () => {
  it('is for members of the region: 401 anonymous, 403 for another region, 200 for a viewer', async () => {
    const s = await setup();
    const url = `/api/regions/${s.region.slug}/matches?need=podium`;
    expect((await new ApiClient(t.app).get(url)).statusCode).toBe(401);
    expect((await s.outsider.get(url)).statusCode).toBe(403);
    expect((await s.viewer.get(url)).statusCode).toBe(200);
  });

  it('answers 400 with the field for missing input, both texts, an unknown actor and a limit out of range', async () => {
    const s = await setup();
    const problem = async (query: string) => {
      const response = await s.viewer.get(`/api/regions/${s.region.slug}/matches?${query}`);
      expect(response.statusCode, query).toBe(400);
      return (response.json() as { error: { fields: { path: string; message: string }[] } }).error.fields[0];
    };
    expect(await problem('limit=5')).toMatchObject({ path: 'actor', message: 'Kies een actor of geef een nood of sterkte.' });
    expect((await problem('need=podium&strength=zaal'))?.path).toBe('strength');
    expect((await problem('actor=00000000-0000-4000-8000-000000000000'))?.path).toBe('actor');
    expect((await problem('need=podium&limit=0'))?.path).toBe('limit');
    expect((await problem('need=podium&limit=51'))?.path).toBe('limit');
    expect((await problem('actor=geen-uuid'))?.path).toBe('actor');
  });

  it('suggests the actor whose strength answers a need, with the reasons in Dutch and the borders', async () => {
    const s = await setup();
    const me = await s.actor('Jeugdhuis De Kelder', { municipality: IEPER, sectors: ['jeugd'], needs: ['geen eigen podium'], strengths: ['jonge vrijwilligers'] });
    const zaal = await s.actor('Zaal Zonnebeke', { municipality: ZONNEBEKE, sectors: ['kunsten'], strengths: ['eigen fuifzaal met podium'], needs: ['jonge vrijwilligers voor de bar'] });
    await s.actor('Fietsclub', { municipality: IEPER, sectors: ['sport'], strengths: ['wielertoeristen'] });
    const result = await matches(s.viewer, s.region.slug, { actor: me });
    expect(result.items[0]?.actor).toMatchObject({ id: zaal, name: 'Zaal Zonnebeke', municipality: { nisCode: ZONNEBEKE, name: 'Zonnebeke' } });
    expect(result.items[0]?.actor.sectors[0]?.key).toBe('kunsten');
    expect(result.items[0]).toMatchObject({ bovenlokaal: true, grensverleggend: true, alreadyPartners: false });
    expect(result.items[0]?.reasons).toEqual(
      expect.arrayContaining([
        "Jouw nood 'geen eigen podium' ↔ hun sterkte 'eigen fuifzaal met podium'",
        "Wederzijds: jouw sterkte 'jonge vrijwilligers' ↔ hun nood 'jonge vrijwilligers voor de bar'",
        'andere gemeente (Zonnebeke)',
        'andere sector (Kunsten)',
      ]),
    );
    expect(result.items.map((item) => item.actor.name)).not.toContain('Fietsclub');
    expect(result.items.map((item) => item.actor.id)).not.toContain(me);
  });

  it('gives the reasons in English to an English reader', async () => {
    const s = await setup();
    await s.actor('Zaal Zonnebeke', { municipality: ZONNEBEKE, strengths: ['eigen fuifzaal met podium'] });
    expect((await s.viewer.patch('/api/account', { name: 'Reader', locale: 'en' })).statusCode).toBe(200);
    const response = await s.viewer.get(`/api/regions/${s.region.slug}/matches?need=${encodeURIComponent('geen eigen podium')}`);
    expect((response.json() as MatchList).items[0]?.reasons[0]).toBe("Need 'geen eigen podium' ↔ their strength 'eigen fuifzaal met podium'");
  });

  it('finds strengths through synonyms and Dutch word forms (nieuwkomers ~ anderstaligen, taalcafés)', async () => {
    const s = await setup();
    await s.actor('Bib Poperinge', { municipality: POPERINGE, strengths: ['taalcafé voor anderstaligen'] });
    const result = await matches(s.viewer, s.region.slug, { need: 'Nederlands oefenen met nieuwkomers' });
    expect(result.items.map((item) => item.actor.name)).toEqual(['Bib Poperinge']);
  });

  it('does not suggest actors that need the same thing as having it', async () => {
    const s = await setup();
    await s.actor('Zaal A', { strengths: ['repetitieruimte voor toneel'] });
    await s.actor('Toneelgroep B', { strengths: ['ervaring met repetitieruimte'], needs: ['repetitieruimte voor toneel'] });
    const names = (await matches(s.viewer, s.region.slug, { need: 'repetitieruimte voor toneel' })).items.map((item) => item.actor.name);
    expect(names).toEqual(['Zaal A']);
  });

  it('matches a strength with the needs it answers, leaving out actors that already offer it', async () => {
    const s = await setup();
    const me = await s.actor('Vervoerdienst', { municipality: IEPER, sectors: ['mobiliteit'], strengths: ['busjes met chauffeur'] });
    await s.actor('Seniorenclub', { municipality: POPERINGE, sectors: ['welzijn'], needs: ['vervoer naar activiteiten', 'een chauffeur voor uitstappen'] });
    await s.actor('Busbedrijf', { municipality: POPERINGE, needs: ['chauffeurs'], strengths: ['busjes met chauffeur'] });
    const result = await matches(s.viewer, s.region.slug, { actor: me, strength: 'busjes met chauffeur' });
    expect(result.items.map((item) => item.actor.name)).toEqual(['Seniorenclub']);
    expect(result.items[0]?.reasons[0]).toBe("Jouw sterkte 'busjes met chauffeur' ↔ hun nood 'een chauffeur voor uitstappen'");
  });

  it('ranks existing partners lower and says so', async () => {
    const s = await setup();
    const me = await s.actor('Museum', { municipality: IEPER, needs: ['vrijwilligers voor rondleidingen'] });
    const partner = await s.actor('Gidsenkring Ieper', { municipality: IEPER, strengths: ['vrijwilligers voor rondleidingen'] });
    await s.actor('Gidsenkring Poperinge', { municipality: IEPER, strengths: ['vrijwilligers voor rondleidingen'] });
    await relationFactory(t.database.db, s.region.id, me, partner);
    const result = await matches(s.viewer, s.region.slug, { actor: me });
    expect(result.items.map((item) => item.actor.name)).toEqual(['Gidsenkring Poperinge', 'Gidsenkring Ieper']);
    expect(result.items[1]).toMatchObject({ alreadyPartners: true });
    expect(result.items[1]?.reasons.at(-1)).toBe('al partners op de netwerkkaart (lager gerangschikt)');
    expect(result.items[1]!.score).toBeLessThan(result.items[0]!.score / 1.5);
  });

  it('prefers, at equal fit, the actor across the municipal and sector border', async () => {
    const s = await setup();
    const me = await s.actor('Bib Ieper', { municipality: IEPER, sectors: ['lokaal-cultuurbeleid'], needs: ['publiek voor lezingen'] });
    await s.actor('Buur', { municipality: IEPER, sectors: ['lokaal-cultuurbeleid'], strengths: ['publiek voor lezingen'] });
    await s.actor('Overkant', { municipality: POPERINGE, sectors: ['welzijn'], strengths: ['publiek voor lezingen'] });
    const result = await matches(s.viewer, s.region.slug, { actor: me });
    expect(result.items.map((item) => [item.actor.name, item.bovenlokaal, item.grensverleggend])).toEqual([
      ['Overkant', true, true],
      ['Buur', false, false],
    ]);
    expect(result.items[0]?.reasons).toContain('dichtbij (ongeveer 11 km)');
  });

  it('respects the limit and never shows actors of another region', async () => {
    const s = await setup();
    for (let i = 0; i < 4; i += 1) await s.actor(`Zaal ${i}`, { strengths: ['zaal met podium'] });
    await actorFactory(t.database.db, s.other.id, { name: 'Zaal elders', strengths: ['zaal met podium'] });
    const result = await matches(s.viewer, s.region.slug, { need: 'podium', limit: '3' });
    expect(result.items).toHaveLength(3);
    expect(result.items.every((item) => item.actor.name.startsWith('Zaal '))).toBe(true);
    const all = await matches(s.viewer, s.region.slug, { need: 'podium' });
    expect(all.items.map((item) => item.actor.name)).not.toContain('Zaal elders');
  });
});

describe('the prepared engine kept between requests (engine-cache.ts)', () => {
  const names = (list: MatchList) => list.items.map((item) => item.actor.name);
  // Writes go straight to the database, as another server instance would make them: only the change
  // counters the triggers keep can tell this process that its prepared engine is out of date.
  const sql = (text: string, params: unknown[]) => t.database.raw.query(text, params);

  it('reflects a changed, added and removed strength at once', async () => {
    const s = await setup();
    const zaal = await s.actor('Zaal Zonnebeke', { municipality: ZONNEBEKE, strengths: ['eigen fuifzaal met podium'] });
    const need = { need: 'geen eigen podium' };
    expect(names(await matches(s.viewer, s.region.slug, need))).toEqual(['Zaal Zonnebeke']);
    expect(names(await matches(s.viewer, s.region.slug, need))).toEqual(['Zaal Zonnebeke']);
    await sql('UPDATE actors SET strengths = $2 WHERE id = $1', [zaal, ['grote parking']]);
    expect(names(await matches(s.viewer, s.region.slug, need))).toEqual([]);
    await s.actor('Cultuurcentrum', { municipality: POPERINGE, strengths: ['podium met geluidsinstallatie'] });
    expect(names(await matches(s.viewer, s.region.slug, need))).toEqual(['Cultuurcentrum']);
    await sql('UPDATE actors SET strengths = $2 WHERE id = $1', [zaal, ['grote parking', 'open podium op zondag']]);
    expect(names(await matches(s.viewer, s.region.slug, need)).sort()).toEqual(['Cultuurcentrum', 'Zaal Zonnebeke']);
  });

  it("reflects a changed need of the reference actor and of the others (who then no longer count as having it)", async () => {
    const s = await setup();
    const me = await s.actor('Jeugdhuis', { municipality: IEPER, needs: ['geen eigen podium'] });
    const zaal = await s.actor('Zaal Zonnebeke', { municipality: ZONNEBEKE, strengths: ['eigen fuifzaal met podium'] });
    await s.actor('Vervoerdienst', { municipality: POPERINGE, strengths: ['busjes met chauffeur'] });
    expect(names(await matches(s.viewer, s.region.slug, { actor: me }))).toEqual(['Zaal Zonnebeke']);
    await sql('UPDATE actors SET needs = $2 WHERE id = $1', [me, ['vervoer met chauffeur']]);
    expect(names(await matches(s.viewer, s.region.slug, { actor: me }))).toEqual(['Vervoerdienst']);
    // The hall now needs a stage itself: it is not suggested as having one.
    expect(names(await matches(s.viewer, s.region.slug, { need: 'podium' }))).toEqual(['Zaal Zonnebeke']);
    await sql('UPDATE actors SET needs = $2 WHERE id = $1', [zaal, ['een groter podium']]);
    expect(names(await matches(s.viewer, s.region.slug, { need: 'podium' }))).toEqual([]);
  });

  it('reflects a new relation, a removed actor and a region synonym added by the admin', async () => {
    const s = await setup();
    const me = await s.actor('Museum', { municipality: IEPER, needs: ['vrijwilligers voor rondleidingen'] });
    const gids = await s.actor('Gidsenkring', { municipality: POPERINGE, strengths: ['vrijwilligers voor rondleidingen'] });
    await s.actor('Heemkring', { municipality: POPERINGE, strengths: ['erfgoedverhalen'] });
    expect((await matches(s.viewer, s.region.slug, { actor: me })).items[0]).toMatchObject({ actor: { name: 'Gidsenkring' }, alreadyPartners: false });
    await relationFactory(t.database.db, s.region.id, me, gids);
    expect((await matches(s.viewer, s.region.slug, { actor: me })).items[0]).toMatchObject({ actor: { name: 'Gidsenkring' }, alreadyPartners: true });

    expect(names(await matches(s.viewer, s.region.slug, { need: 'kwispelverhalen' }))).toEqual([]);
    const added = await s.admin.post(`/api/regions/${s.region.slug}/search/synonyms`, { terms: ['kwispelverhalen', 'erfgoedverhalen'] });
    expect(added.statusCode, added.body).toBe(201);
    expect(names(await matches(s.viewer, s.region.slug, { need: 'kwispelverhalen' }))).toEqual(['Heemkring']);

    await sql('DELETE FROM relations WHERE source_actor_id = $1', [me]);
    await sql('DELETE FROM actors WHERE id = $1', [gids]);
    expect(names(await matches(s.viewer, s.region.slug, { actor: me }))).toEqual([]);
  });

  it('gives the same answers from the shared cache alone (another instance, or after a restart), also after a change', async () => {
    const s = await setup();
    const me = await s.actor('Jeugdhuis', { municipality: IEPER, needs: ['geen eigen podium'], strengths: ['jonge vrijwilligers'] });
    const zaal = await s.actor('Zaal Zonnebeke', { municipality: ZONNEBEKE, sectors: ['jeugd'], strengths: ['eigen fuifzaal met podium'], needs: ['jonge vrijwilligers voor de bar'] });
    const first = await matches(s.viewer, s.region.slug, { actor: me });
    const [stored] = await t.database.raw.query<{ count: number }>("SELECT count(*)::int AS count FROM counter_cache WHERE namespace = 'matching-engine' AND key = $1", [`${s.region.id}:member`]);
    expect(stored?.count).toBe(1);
    forgetBuiltEngines();
    expect(await matches(s.viewer, s.region.slug, { actor: me })).toEqual(first);
    await sql('UPDATE actors SET needs = $2 WHERE id = $1', [zaal, []]);
    forgetBuiltEngines();
    const after = await matches(s.viewer, s.region.slug, { actor: me });
    expect(after.items[0]?.actor.name).toBe('Zaal Zonnebeke');
    expect(after.items[0]?.reasons.some((reason) => reason.startsWith('Wederzijds'))).toBe(false);
  });

  it('keeps the public and the member view apart', async () => {
    const s = await setup();
    await s.actor('Zaal Zonnebeke', { municipality: ZONNEBEKE, strengths: ['eigen fuifzaal met podium'] });
    await s.actor('Verborgen zaal', { municipality: POPERINGE, strengths: ['zaal met podium'], isPublic: false });
    expect(names(await matches(s.viewer, s.region.slug, { need: 'podium' })).sort()).toEqual(['Verborgen zaal', 'Zaal Zonnebeke']);
    const [publicView] = await t.database.raw.query<{ count: number }>("SELECT count(*)::int AS count FROM counter_cache WHERE namespace = 'matching-engine' AND key = $1", [`${s.region.id}:public`]);
    expect(publicView?.count).toBe(0);
  });
});

describe('GET /api/regions/:slug/matches/region', () => {
  it('is for the regisseur: 401, 403 for a viewer and another region', async () => {
    const s = await setup();
    const url = `/api/regions/${s.region.slug}/matches/region`;
    expect((await new ApiClient(t.app).get(url)).statusCode).toBe(401);
    expect((await s.viewer.get(url)).statusCode).toBe(403);
    expect((await s.outsider.get(url)).statusCode).toBe(403);
    expect((await s.admin.get(url)).statusCode).toBe(200);
  });

  it('lists the strongest pairs without a relation, once per pair, filterable by municipality and sector', async () => {
    const s = await setup();
    const kelder = await s.actor('Jeugdhuis De Kelder', { municipality: IEPER, sectors: ['jeugd'], needs: ['geen eigen podium'], strengths: ['jonge vrijwilligers'] });
    const zaal = await s.actor('Zaal Zonnebeke', { municipality: ZONNEBEKE, sectors: ['kunsten'], strengths: ['eigen fuifzaal met podium'], needs: ['jonge vrijwilligers voor de bar'] });
    const bib = await s.actor('Bib Poperinge', { municipality: POPERINGE, sectors: ['lokaal-cultuurbeleid'], strengths: ['taalcafé voor anderstaligen'] });
    const ocmw = await s.actor('OCMW Ieper', { municipality: IEPER, sectors: ['welzijn'], needs: ['oefenkansen Nederlands voor nieuwkomers'] });
    const get = async (query = '') => {
      const response = await s.admin.get(`/api/regions/${s.region.slug}/matches/region${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as RegionMatchList;
    };
    const all = await get();
    expect(all.actorsCompared).toBe(4);
    // Each pair once; the direction is the stronger one (here the bar's volunteers beat the stage), the other is a reason.
    const pairs = all.items.map((item) => [item.a.name, item.b.name].sort().join(' + '));
    expect(pairs.sort()).toEqual(['Bib Poperinge + OCMW Ieper', 'Jeugdhuis De Kelder + Zaal Zonnebeke']);
    const kelderPair = all.items.find((item) => item.a.id === kelder || item.b.id === kelder)!;
    expect([kelderPair.a.id, kelderPair.b.id].sort()).toEqual([kelder, zaal].sort());
    expect(kelderPair.reasons).toEqual(
      expect.arrayContaining([
        "Zaal Zonnebeke: nood 'jonge vrijwilligers voor de bar' ↔ Jeugdhuis De Kelder: sterkte 'jonge vrijwilligers'",
        "Wederzijds: Jeugdhuis De Kelder: nood 'geen eigen podium' ↔ Zaal Zonnebeke: sterkte 'eigen fuifzaal met podium'",
      ]),
    );
    expect(kelderPair).toMatchObject({ bovenlokaal: true, grensverleggend: true });

    expect((await get(`?municipality=${POPERINGE}`)).items.map((item) => item.b.id)).toEqual([bib]);
    expect((await get('?sector=jeugd')).items.map((item) => item.b.id)).toEqual([kelder]);
    await relationFactory(t.database.db, s.region.id, bib, ocmw, 'project');
    expect((await get()).items.map((item) => item.b.id)).toEqual([kelder]);
  });

  it('answers 400 for an unknown sector, a municipality outside the region and a bad limit', async () => {
    const s = await setup();
    const field = async (query: string) => {
      const response = await s.admin.get(`/api/regions/${s.region.slug}/matches/region?${query}`);
      expect(response.statusCode, query).toBe(400);
      return (response.json() as { error: { fields: { path: string }[] } }).error.fields[0]?.path;
    };
    expect(await field('sector=bestaat-niet')).toBe('sector');
    expect(await field('municipality=38002')).toBe('municipality');
    expect(await field('limit=500')).toBe('limit');
  });
});
