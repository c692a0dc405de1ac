import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { actorFactory, linkMemberToActor, relationFactory } from './factories.js';
import type { RegionRow } from '../../http/access.js';

let t: TestApp;
const slug = 'netwerkregio';
let adminEmail: string;
let editorEmail: string;
let viewerEmail: string;
let ids: Record<string, string>;

const newActor = {
  name: 'Cultuurcentrum Het Perron',
  kind: 'lokaal-bestuur',
  sectors: ['lokaal-cultuurbeleid', 'kunsten'],
  municipality: '33011',
  otherMunicipalities: ['33021'],
  description: 'Programmeert podiumkunsten en werkt samen met scholen.',
  strengths: ['zalen', 'programmatie'],
  needs: ['vrijwilligers'],
  website: 'https://www.hetperron.be',
  contactName: 'Geheime Contactpersoon',
  contactEmail: 'contact-perron@test.be',
  contactPhone: '+32 57 23 94 80',
  isPublic: true,
};

interface Fixture {
  slug: string;
  region: RegionRow;
  adminEmail: string;
  editorEmail: string;
  viewerEmail: string;
  ids: Record<string, string>;
}

let regionCount = 0;

/**
 * A region of its own with four actors, the public Het Perron (with contact data), an editor of the
 * library and two relations: each test that counts or deletes starts from this, not from another test.
 */
async function freshRegion(): Promise<Fixture> {
  const db = t.database.db;
  regionCount += 1;
  const slug = regionCount === 1 ? 'netwerkregio' : `netwerkregio-${regionCount}`;
  const region = await regionFactory(db, { slug, municipalities: ['33011', '33021', '33016'] });
  const adminEmail = (await userFactory(db, { regionSlug: slug, role: 'admin' })).email;
  const editor = await userFactory(db, { regionSlug: slug, role: 'editor' });
  const viewerEmail = (await userFactory(db, { regionSlug: slug, role: 'viewer' })).email;
  const ids: Record<string, string> = {
    bib: await actorFactory(db, region.id, { name: 'Bibliotheek Poperinge', municipality: '33021', sectors: ['lokaal-cultuurbeleid'], contactEmail: 'bib-prive@test.be' }),
    erfgoed: await actorFactory(db, region.id, { name: 'Erfgoedcel CO7', municipality: '33011', sectors: ['erfgoed'] }),
    hidden: await actorFactory(db, region.id, { name: 'Verborgen Vereniging', municipality: '33016', sectors: ['welzijn'], isPublic: false }),
    sport: await actorFactory(db, region.id, { name: 'Sportdienst Ieper', municipality: '33011', sectors: ['sport'] }),
    perron: await actorFactory(db, region.id, { ...newActor, kind: 'lokaal-bestuur', municipality: '33011' }),
  };
  await linkMemberToActor(db, editor.userId, region.id, ids.bib!);
  await relationFactory(db, region.id, ids.bib!, ids.erfgoed!, 'samenwerking'); // bovenlokaal + grensverleggend
  await relationFactory(db, region.id, ids.erfgoed!, ids.sport!, 'project'); // same municipality, other sector
  return { slug, region, adminEmail, editorEmail: editor.email, viewerEmail, ids };
}

beforeAll(async () => {
  t = await createTestApp();
  ({ adminEmail, editorEmail, viewerEmail, ids } = await freshRegion());
});
afterAll(async () => t.close());

describe('actors: create, read, roles', () => {
  it('lets an admin create an actor and shows it in full to members', async () => {
    const { slug, adminEmail } = await freshRegion();
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const response = await admin.post(`/api/regions/${slug}/actors`, { ...newActor, name: 'Cultuurcentrum De Nieuwe Zaal' });
    expect(response.statusCode, response.body).toBe(201);
    const actor = response.json() as { id: string; cultural: boolean; sectors: { key: string }[]; contactEmail: string; otherMunicipalities: { nisCode: string }[]; canEdit: boolean; version: number };
    expect(actor.sectors.map((s) => s.key)).toEqual(['lokaal-cultuurbeleid', 'kunsten']);
    expect(actor.cultural).toBe(true);
    expect(actor.contactEmail).toBe('contact-perron@test.be');
    expect(actor.otherMunicipalities.map((m) => m.nisCode)).toEqual(['33021']);
    expect(actor.canEdit).toBe(true);
    expect(actor.version).toBe(1);
  });

  it('shows anonymous visitors public profiles only, without contact data', async () => {
    const { slug, ids, viewerEmail } = await freshRegion();
    const anonymous = new ApiClient(t.app);
    const detail = await anonymous.get(`/api/regions/${slug}/actors/${ids.perron}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain('contact-perron@test.be');
    expect(detail.body).not.toContain('Geheime Contactpersoon');
    expect((detail.json() as { canEdit: boolean }).canEdit).toBe(false);
    expect((await anonymous.get(`/api/regions/${slug}/actors/${ids.hidden}`)).statusCode).toBe(404);
    const list = (await anonymous.get(`/api/regions/${slug}/actors`)).json() as { total: number; items: { name: string; isPublic?: boolean }[] };
    expect(list.items.map((i) => i.name)).not.toContain('Verborgen Vereniging');
    expect(list.items[0]?.isPublic).toBeUndefined();
    const viewer = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    const memberList = (await viewer.get(`/api/regions/${slug}/actors`)).json() as { total: number; items: { name: string }[] };
    expect(memberList.items.map((i) => i.name)).toContain('Verborgen Vereniging');
    expect(memberList.total).toBe(list.total + 1);
    expect(((await viewer.get(`/api/regions/${slug}/actors/${ids.bib}`)).json() as { contactEmail: string }).contactEmail).toBe('bib-prive@test.be');
  });

  it('lets an editor edit only the actor of their own organisation', async () => {
    const editor = await new ApiClient(t.app).login(editorEmail, TEST_PASSWORD);
    const own = (await editor.get(`/api/regions/${slug}/actors/${ids.bib}`)).json() as Record<string, unknown> & { version: number; canEdit: boolean };
    expect(own.canEdit).toBe(true);
    const body = {
      name: 'Bibliotheek Poperinge',
      kind: 'lokaal-bestuur',
      sectors: ['lokaal-cultuurbeleid'],
      municipality: '33021',
      description: 'Voorleesmomenten voor kinderen en taalcafés.',
      strengths: ['leesbevordering'],
      needs: ['ruimte voor workshops'],
      isPublic: true,
      version: own.version,
    };
    const ok = await editor.patch(`/api/regions/${slug}/actors/${ids.bib}`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    // The word index follows the edit at once: the new profile text is searchable.
    const found = (await editor.get(`/api/regions/${slug}/actors?q=voorlezen`)).json() as { items: { name: string }[] };
    expect(found.items.map((i) => i.name)).toEqual(['Bibliotheek Poperinge']);
    expect(await editor.patch(`/api/regions/${slug}/actors/${ids.erfgoed}`, { ...body, name: 'Overgenomen', version: 1 })).toHaveProperty('statusCode', 403);
    expect((await editor.post(`/api/regions/${slug}/actors`, newActor)).statusCode).toBe(403);
    const viewer = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    expect((await viewer.patch(`/api/regions/${slug}/actors/${ids.bib}`, { ...body, version: own.version + 1 })).statusCode).toBe(403);
    expect((await new ApiClient(t.app).patch(`/api/regions/${slug}/actors/${ids.bib}`, body)).statusCode).toBe(401);
  });

  it('records every change with who, when and which fields, and shows it as history', async () => {
    const { slug, ids, editorEmail, viewerEmail } = await freshRegion();
    const editor = await new ApiClient(t.app).login(editorEmail, TEST_PASSWORD);
    const own = (await editor.get(`/api/regions/${slug}/actors/${ids.bib}`)).json() as { version: number };
    const edit = await editor.patch(`/api/regions/${slug}/actors/${ids.bib}`, {
      name: 'Bibliotheek Poperinge',
      kind: 'lokaal-bestuur',
      sectors: ['lokaal-cultuurbeleid'],
      municipality: '33021',
      description: 'Voorleesmomenten voor kinderen en taalcafés.',
      isPublic: true,
      version: own.version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const viewer = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    const history = (await viewer.get(`/api/regions/${slug}/actors/${ids.bib}/history`)).json() as { action: string; user: { name: string } | null; changes: Record<string, { before: unknown; after: unknown }> }[];
    expect(history[0]?.action).toBe('update');
    expect(history[0]?.user?.name).toBe('Test editor');
    expect(history[0]?.changes.description).toEqual({ before: '', after: 'Voorleesmomenten voor kinderen en taalcafés.' });
    expect(history[0]?.changes.kind).toEqual({ before: 'organisatie', after: 'lokaal-bestuur' });
    expect(Object.keys(history[0]?.changes ?? {})).not.toContain('name');
    expect(history.at(-1)?.action).toBe('create');
    expect((await new ApiClient(t.app).get(`/api/regions/${slug}/actors/${ids.bib}/history`)).statusCode).toBe(401);
  });

  it('refuses a stale version with 409 and the current state', async () => {
    const first = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const second = await new ApiClient(t.app).login(editorEmail, TEST_PASSWORD);
    const current = (await first.get(`/api/regions/${slug}/actors/${ids.bib}`)).json() as { version: number };
    const body = { name: 'Bibliotheek Poperinge', sectors: ['lokaal-cultuurbeleid'], municipality: '33021', description: 'eerste', version: current.version };
    expect((await first.patch(`/api/regions/${slug}/actors/${ids.bib}`, body)).statusCode).toBe(200);
    const conflict = await second.patch(`/api/regions/${slug}/actors/${ids.bib}`, { ...body, description: 'tweede' });
    expect(conflict.statusCode).toBe(409);
    const error = (conflict.json() as { error: { code: string; details: { current: { description: string } } } }).error;
    expect(error.code).toBe('CONFLICT');
    expect(error.details.current.description).toBe('eerste');
  });

  it('answers 400 with the field and a Dutch reason for bad input', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const bad = await admin.post(`/api/regions/${slug}/actors`, { ...newActor, name: '', website: 'geen-url', contactEmail: 'x@', sectors: [] });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { error: { fields: { path: string; message: string }[] } }).error.fields.map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['name', 'website', 'contactEmail', 'sectors']));
    const outside = await admin.post(`/api/regions/${slug}/actors`, { ...newActor, municipality: '38002' });
    expect(outside.statusCode).toBe(400);
    expect((outside.json() as { error: { fields: { path: string; message: string }[] } }).error.fields[0]).toEqual({ path: 'municipality', message: 'Deze gemeente hoort niet bij de regio.' });
    const sector = await admin.post(`/api/regions/${slug}/actors`, { ...newActor, sectors: ['kunsten', 'bestaat-niet'] });
    expect((sector.json() as { error: { fields: { path: string }[] } }).error.fields[0]?.path).toBe('sectors.1');
  });
});

describe('linking an editor to their organisation', () => {
  it('is done by an admin and decides which actor the editor may edit', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const other = await userFactory(t.database.db, { regionSlug: slug, role: 'editor' });
    const editor = await new ApiClient(t.app).login(other.email, TEST_PASSWORD);
    expect(((await editor.get(`/api/regions/${slug}/actors/${ids.sport}`)).json() as { canEdit: boolean }).canEdit).toBe(false);
    expect((await editor.request('PUT', `/api/regions/${slug}/actors/${ids.sport}/editors/${other.userId}`)).statusCode).toBe(403);
    expect((await admin.request('PUT', `/api/regions/${slug}/actors/${ids.sport}/editors/${other.userId}`)).statusCode).toBe(204);
    expect(((await editor.get(`/api/regions/${slug}/actors/${ids.sport}`)).json() as { canEdit: boolean; editors: unknown[] })).toMatchObject({ canEdit: true, editors: [] });
    const seenByAdmin = (await admin.get(`/api/regions/${slug}/actors/${ids.sport}`)).json() as { editors: { userId: string; role: string }[] };
    expect(seenByAdmin.editors).toEqual([expect.objectContaining({ userId: other.userId, role: 'editor' })]);
    expect((await admin.delete(`/api/regions/${slug}/actors/${ids.sport}/editors/${other.userId}`)).statusCode).toBe(204);
    expect(((await editor.get(`/api/regions/${slug}/actors/${ids.sport}`)).json() as { canEdit: boolean }).canEdit).toBe(false);
    const outsider = await regionFactory(t.database.db, { municipalities: ['33011'] });
    const stranger = await userFactory(t.database.db, { regionSlug: outsider.slug, role: 'viewer' });
    expect((await admin.request('PUT', `/api/regions/${slug}/actors/${ids.sport}/editors/${stranger.userId}`)).statusCode).toBe(404);
  });
});

describe('the users page shows and sets the organisation of each member', () => {
  it('lists the linked actor per member and follows linking and unlinking', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    type Overview = { members: { userId: string; email: string; actor: { id: string; name: string } | null }[] };
    const member = await userFactory(t.database.db, { regionSlug: slug, role: 'editor' });
    const actorOf = async () => ((await admin.get(`/api/regions/${slug}/members`)).json() as Overview).members.find((m) => m.userId === member.userId)?.actor;
    expect(await actorOf()).toBeNull();
    expect((await admin.request('PUT', `/api/regions/${slug}/actors/${ids.erfgoed}/editors/${member.userId}`)).statusCode).toBe(204);
    expect(await actorOf()).toEqual({ id: ids.erfgoed, name: 'Erfgoedcel CO7' });
    const all = ((await admin.get(`/api/regions/${slug}/members`)).json() as Overview).members;
    expect(all.find((m) => m.email === editorEmail)?.actor).toEqual({ id: ids.bib, name: 'Bibliotheek Poperinge' });
    expect((await admin.delete(`/api/regions/${slug}/actors/${ids.erfgoed}/editors/${member.userId}`)).statusCode).toBe(204);
    expect(await actorOf()).toBeNull();
  });
});

describe('relations', () => {
  it('marks bovenlokaal and grensverleggend and lets editors link their own actor only', async () => {
    const editor = await new ApiClient(t.app).login(editorEmail, TEST_PASSWORD);
    const created = await editor.post(`/api/regions/${slug}/relations`, { sourceActorId: ids.bib, targetActorId: ids.sport, type: 'deelt-infrastructuur', validFrom: '2024-01-01', validTo: '2026-12-31', note: 'Leeszaal in sporthal' });
    expect(created.statusCode, created.body).toBe(201);
    const relation = created.json() as { id: string; bovenlokaal: boolean; grensverleggend: boolean; validFrom: string; version: number };
    expect(relation).toMatchObject({ bovenlokaal: true, grensverleggend: true, validFrom: '2024-01-01' });
    expect((await editor.post(`/api/regions/${slug}/relations`, { sourceActorId: ids.erfgoed, targetActorId: ids.sport, type: 'samenwerking' })).statusCode).toBe(403);
    expect((await editor.post(`/api/regions/${slug}/relations`, { sourceActorId: ids.bib, targetActorId: ids.sport, type: 'deelt-infrastructuur' })).statusCode).toBe(409);
    const period = await editor.post(`/api/regions/${slug}/relations`, { sourceActorId: ids.bib, targetActorId: ids.sport, type: 'project', validFrom: '2025-01-01', validTo: '2024-01-01' });
    expect((period.json() as { error: { fields: { path: string }[] } }).error.fields[0]?.path).toBe('validTo');
    const updated = await editor.patch(`/api/regions/${slug}/relations/${relation.id}`, { type: 'samenwerking', note: 'gewijzigd', version: relation.version });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await editor.patch(`/api/regions/${slug}/relations/${relation.id}`, { type: 'project', version: relation.version })).statusCode).toBe(409);
    const detail = (await editor.get(`/api/regions/${slug}/actors/${ids.sport}`)).json() as { relations: { direction: string; other: { name: string }; note: string }[] };
    expect(detail.relations).toContainEqual(expect.objectContaining({ direction: 'incoming', note: 'gewijzigd', other: expect.objectContaining({ name: 'Bibliotheek Poperinge' }) }));
    expect((await editor.delete(`/api/regions/${slug}/relations/${relation.id}`)).statusCode).toBe(204);
  });

  it('hides relations with non-public actors from anonymous visitors', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const created = await admin.post(`/api/regions/${slug}/relations`, { sourceActorId: ids.hidden, targetActorId: ids.sport, type: 'ondersteunt' });
    expect(created.statusCode).toBe(201);
    const anonymous = (await new ApiClient(t.app).get(`/api/regions/${slug}/relations`)).json() as { source: { name: string } }[];
    expect(anonymous.map((r) => r.source.name)).not.toContain('Verborgen Vereniging');
    const member = (await admin.get(`/api/regions/${slug}/relations`)).json() as { source: { name: string } }[];
    expect(member.map((r) => r.source.name)).toContain('Verborgen Vereniging');
    expect((await admin.delete(`/api/regions/${slug}/relations/${(created.json() as { id: string }).id}`)).statusCode).toBe(204);
  });
});

describe('relation changes in the actor history', () => {
  // A region of its own, so these actors leave the counts of the other tests alone.
  const slug = 'historiekregio';
  let region: RegionRow;
  let adminEmail: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    region = await regionFactory(t.database.db, { slug, municipalities: ['33011', '33021', '33016'] });
    adminEmail = (await userFactory(t.database.db, { regionSlug: slug, role: 'admin' })).email;
    ids = {
      erfgoed: await actorFactory(t.database.db, region.id, { name: 'Erfgoedcel CO7', municipality: '33011', sectors: ['erfgoed'] }),
      hidden: await actorFactory(t.database.db, region.id, { name: 'Verborgen Vereniging', municipality: '33016', sectors: ['welzijn'], isPublic: false }),
    };
  });
  type Entry = { action: string; entityType: string; user: { name: string } | null; at: string; changes: Record<string, { before: unknown; after: unknown }>; relation: { id: string; type: string | null; direction: string; other: { id: string; name: string | null } } | null };

  it('shows create, update and delete of a relation on the pages of both actors, also after it is gone', async () => {
    const db = t.database.db;
    const museum = await actorFactory(db, region.id, { name: 'Museum Aan de IJzer', municipality: '33011', sectors: ['erfgoed'] });
    const school = await actorFactory(db, region.id, { name: 'Basisschool De Vlinder', municipality: '33016', sectors: ['onderwijs'] });
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const created = await admin.post(`/api/regions/${slug}/relations`, { sourceActorId: museum, targetActorId: school, type: 'project', note: 'Klasbezoeken' });
    expect(created.statusCode, created.body).toBe(201);
    const relation = created.json() as { id: string; version: number };
    const unrelated = await admin.post(`/api/regions/${slug}/relations`, { sourceActorId: ids.erfgoed, targetActorId: ids.hidden, type: 'ondersteunt' });
    expect(unrelated.statusCode).toBe(201);
    expect((await admin.patch(`/api/regions/${slug}/relations/${relation.id}`, { type: 'samenwerking', note: 'Vaste partner', version: relation.version })).statusCode).toBe(200);
    expect((await admin.delete(`/api/regions/${slug}/relations/${relation.id}`)).statusCode).toBe(204);

    const fromMuseum = (await admin.get(`/api/regions/${slug}/actors/${museum}/history`)).json() as Entry[];
    const relationEntries = fromMuseum.filter((entry) => entry.entityType === 'relation');
    expect(relationEntries.map((entry) => entry.action)).toEqual(['delete', 'update', 'create']);
    for (const entry of relationEntries) {
      expect(entry.user?.name).toBeTruthy();
      expect(entry.relation).toMatchObject({ id: relation.id, direction: 'outgoing', other: { id: school, name: 'Basisschool De Vlinder' } });
    }
    expect(relationEntries[1]?.changes.note).toEqual({ before: 'Klasbezoeken', after: 'Vaste partner' });
    expect(relationEntries[1]?.relation?.type).toBe('samenwerking');
    expect(relationEntries[2]?.relation?.type).toBe('project');
    expect(fromMuseum.at(-1)).toMatchObject({ entityType: 'actor', action: 'create', relation: null });
    expect(fromMuseum.some((entry) => entry.relation?.id === (unrelated.json() as { id: string }).id)).toBe(false);

    const fromSchool = (await admin.get(`/api/regions/${slug}/actors/${school}/history`)).json() as Entry[];
    expect(fromSchool.filter((entry) => entry.entityType === 'relation').map((entry) => [entry.action, entry.relation?.direction, entry.relation?.other.name])).toEqual([
      ['delete', 'incoming', 'Museum Aan de IJzer'],
      ['update', 'incoming', 'Museum Aan de IJzer'],
      ['create', 'incoming', 'Museum Aan de IJzer'],
    ]);
  });

  it('includes relations made outside the API and keeps the name of a deleted other actor', async () => {
    const db = t.database.db;
    const centre = await actorFactory(db, region.id, { name: 'Jeugdhuis De Kelder', municipality: '33021', sectors: ['jeugd'] });
    const partner = await actorFactory(db, region.id, { name: 'Speelpleinwerking Zonnekind', municipality: '33021', sectors: ['jeugd'] });
    const relationId = await relationFactory(db, region.id, partner, centre, 'samenwerking'); // e.g. demo data: no create entry
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    expect((await admin.patch(`/api/regions/${slug}/relations/${relationId}`, { type: 'samenwerking', note: 'Zomerwerking', version: 1 })).statusCode).toBe(200);
    expect((await admin.delete(`/api/regions/${slug}/actors/${partner}`)).statusCode).toBe(204);
    const history = (await admin.get(`/api/regions/${slug}/actors/${centre}/history`)).json() as Entry[];
    const update = history.find((entry) => entry.entityType === 'relation' && entry.action === 'update');
    expect(update?.relation).toMatchObject({ id: relationId, type: 'samenwerking', direction: 'incoming', other: { id: partner } });
    expect(update?.changes.note).toEqual({ before: '', after: 'Zomerwerking' });
    const removed = history.find((entry) => entry.entityType === 'relation' && entry.action === 'delete');
    expect(removed?.relation).toMatchObject({ id: relationId, other: { id: partner, name: 'Speelpleinwerking Zonnekind' } });
  });
});

describe('coverage', () => {
  it('counts actors per municipality and sector, with white spots, shares and isolated actors', async () => {
    const { slug, viewerEmail } = await freshRegion();
    const viewer = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    const report = (await viewer.get(`/api/regions/${slug}/coverage`)).json() as {
      municipalities: { nisCode: string }[];
      sectors: { key: string }[];
      counts: number[][];
      whiteSpots: { nisCode: string; sectorKey: string }[];
      relations: { bovenlokaal: number; grensverleggend: number; bovenlokaalShare: number };
      isolated: { name: string }[];
      totals: { actors: number; relations: number };
    };
    const i = report.municipalities.findIndex((m) => m.nisCode === '33011');
    const k = report.sectors.findIndex((s) => s.key === 'erfgoed');
    expect(report.counts[i]![k]).toBe(1);
    const kunsten = report.sectors.findIndex((s) => s.key === 'kunsten');
    expect(report.counts[i]![kunsten]).toBe(1); // Het Perron's second sector
    expect(report.whiteSpots).toContainEqual({ nisCode: '33016', sectorKey: 'erfgoed' });
    expect(report.whiteSpots).not.toContainEqual({ nisCode: '33011', sectorKey: 'erfgoed' });
    expect(report.totals.relations).toBe(2);
    expect(report.relations.bovenlokaal).toBe(1);
    expect(report.relations.grensverleggend).toBe(2);
    expect(report.relations.bovenlokaalShare).toBe(0.5);
    expect(report.isolated.map((a) => a.name)).toEqual(['Cultuurcentrum Het Perron', 'Verborgen Vereniging']);
    const anonymous = (await new ApiClient(t.app).get(`/api/regions/${slug}/coverage`)).json() as { isolated: { name: string }[]; totals: { actors: number } };
    expect(anonymous.isolated.map((a) => a.name)).toEqual(['Cultuurcentrum Het Perron']);
    expect(anonymous.totals.actors).toBe(report.totals.actors - 1);
  });
});

describe('cached views', () => {
  it('serve the coverage from the cache until the network changes', async () => {
    const { slug, region, adminEmail } = await freshRegion();
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const first = (await admin.get(`/api/regions/${slug}/coverage`)).json() as { totals: { actors: number; relations: number } };
    const [cached] = await t.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM counter_cache WHERE namespace = 'network-view' AND key = $1 || ':coverage:member:thuis'", [region.id]);
    expect(cached?.n).toBe(1);
    expect((await admin.get(`/api/regions/${slug}/coverage`)).json()).toEqual(first);
    const created = (await admin.post(`/api/regions/${slug}/actors`, { name: 'Nieuwe Fanfare', sectors: ['amateurkunsten'], municipality: '33016' })).json() as { id: string; version: number };
    const after = (await admin.get(`/api/regions/${slug}/coverage`)).json() as { totals: { actors: number } };
    expect(after.totals.actors).toBe(first.totals.actors + 1);
    await admin.patch(`/api/regions/${slug}/actors/${created.id}`, { name: 'Nieuwe Fanfare', sectors: ['amateurkunsten'], municipality: '33011', version: created.version });
    const moved = (await admin.get(`/api/regions/${slug}/coverage`)).json() as { municipalities: { nisCode: string }[]; sectors: { key: string }[]; counts: number[][] };
    const k = moved.sectors.findIndex((s) => s.key === 'amateurkunsten');
    expect(moved.counts[moved.municipalities.findIndex((m) => m.nisCode === '33011')]![k]).toBe(1);
    expect(moved.counts[moved.municipalities.findIndex((m) => m.nisCode === '33016')]![k]).toBe(0);
    expect((await admin.delete(`/api/regions/${slug}/actors/${created.id}`)).statusCode).toBe(204);
    expect(((await admin.get(`/api/regions/${slug}/coverage`)).json() as { totals: { actors: number } }).totals.actors).toBe(first.totals.actors);
  });
});

describe('deleting an actor', () => {
  it('is for admins only and keeps the history', async () => {
    const { slug, ids, adminEmail, editorEmail } = await freshRegion();
    const editor = await new ApiClient(t.app).login(editorEmail, TEST_PASSWORD);
    expect((await editor.delete(`/api/regions/${slug}/actors/${ids.perron}`)).statusCode).toBe(403);
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    expect((await admin.delete(`/api/regions/${slug}/actors/${ids.perron}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/regions/${slug}/actors/${ids.perron}`)).statusCode).toBe(404);
    const rows = await t.database.raw.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'actor' AND entity_id = $1 ORDER BY created_at", [ids.perron]);
    expect(rows.map((r) => r.action)).toEqual(['create', 'delete']);
  });
});
