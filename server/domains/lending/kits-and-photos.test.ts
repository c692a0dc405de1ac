import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { actorFactory, linkMemberToActor } from '../network/factories.js';
import { lendingItemFactory } from './factories.js';
import { addDays, todayInBrussels } from './dates.js';

// Each test gets its own region (with an admin, an editor linked to a library, and two actors).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const day = (offset: number) => addDays(todayInBrussels(), offset);
type ErrorJson = { error: { code: string; fields?: { path: string; message: string }[] } };
type Found = { id: string; freeUnits: number | null; units: number };

async function freshRegion() {
  const db = t.database.db;
  const region = await regionFactory(db, { municipalities: ['33011', '33021'] });
  const library = await actorFactory(db, region.id, { name: 'Bibliotheek Kit', municipality: '33021' });
  const service = await actorFactory(db, region.id, { name: 'Uitleendienst Kit', municipality: '33011' });
  const adminUser = await userFactory(db, { regionSlug: region.slug, role: 'admin' });
  const editorUser = await userFactory(db, { regionSlug: region.slug, role: 'editor' });
  await linkMemberToActor(db, editorUser.userId, region.id, library);
  const admin = await new ApiClient(t.app).login(adminUser.email, TEST_PASSWORD);
  const editor = await new ApiClient(t.app).login(editorUser.email, TEST_PASSWORD);
  const base = `/api/regions/${region.slug}/lending`;
  const item = (owner: string, overrides: Parameters<typeof lendingItemFactory>[3] = {}) => lendingItemFactory(t.database, region.id, owner, overrides);
  const search = async (from: string, to: string, extra = '') => {
    const response = await admin.get(`${base}/items?from=${from}&to=${to}${extra}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Found[];
  };
  return { region, library, service, admin, editor, base, item, search };
}

describe('kits in the calendar', () => {
  it("shows on a kit's own calendar the days a part is in use elsewhere, and not twice its own booking", async () => {
    const { admin, base, service, library, item } = await freshRegion();
    const tent = await item(service, { name: 'Partytent', units: 1 });
    const created = await admin.post(`${base}/items`, { name: 'Marktpakket', kind: 'set', ownerActorId: service, municipality: '33011', kitParts: [{ itemId: tent, quantity: 1 }] });
    const kit = (created.json() as { id: string }).id;
    expect((await admin.post(`${base}/bookings`, { itemId: tent, from: day(12), to: day(13), units: 1, borrowerActorId: library })).statusCode).toBe(201);
    expect((await admin.post(`${base}/bookings`, { itemId: kit, from: day(20), to: day(20), units: 1, borrowerActorId: library })).statusCode).toBe(201);
    type Entry = { itemId: string; from: string; to: string; units: number; partName: string | null; kitName: string | null };
    const calendar = async (extra: string) => ((await admin.get(`${base}/calendar?from=${day(10)}&to=${day(25)}${extra}`)).json() as { bookings: Entry[] }).bookings;

    const ofKit = await calendar(`&itemId=${kit}`);
    expect(ofKit.map(({ itemId, from, to, units, partName }) => ({ itemId, from, to, units, partName }))).toEqual([
      { itemId: kit, from: day(20), to: day(20), units: 1, partName: null },
      { itemId: kit, from: day(12), to: day(13), units: 1, partName: 'Partytent' },
    ]);
    // The tent's own calendar shows its own booking and the kit's that takes it along.
    expect((await calendar(`&itemId=${tent}`)).map(({ itemId, from, units, partName, kitName }) => ({ itemId, from, units, partName, kitName }))).toEqual([
      { itemId: tent, from: day(12), units: 1, partName: null, kitName: null },
      { itemId: tent, from: day(20), units: 1, partName: null, kitName: 'Marktpakket' },
    ]);
    // A municipality's calendar lists every item's own bookings, without the kit's borrowed view of its parts.
    expect((await calendar('&municipality=33011')).every((entry) => entry.partName === null)).toBe(true);
  });
});

describe('kits in the availability search', () => {
  it('counts a kit free only while every part has enough free units, buffer days included', async () => {
    const { admin, base, service, library, item, search } = await freshRegion();
    const speakers = await item(service, { name: 'Luidspreker', units: 3, bufferDays: 2 });
    const mixer = await item(service, { name: 'Mengtafel', units: 1 });
    const created = await admin.post(`${base}/items`, {
      name: 'Geluidspakket',
      kind: 'set',
      ownerActorId: service,
      municipality: '33011',
      kitParts: [
        { itemId: speakers, quantity: 2 },
        { itemId: mixer, quantity: 1 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const kit = (created.json() as { id: string }).id;
    const kitIn = (found: Found[]) => found.find((entry) => entry.id === kit)?.freeUnits;

    expect(kitIn(await search(day(20), day(21)))).toBe(1);
    // Two of the three speakers booked on their own: one left, the kit needs two.
    expect((await admin.post(`${base}/bookings`, { itemId: speakers, from: day(20), to: day(20), units: 2, borrowerActorId: library })).statusCode).toBe(201);
    const during = await search(day(20), day(21));
    expect(during.find((entry) => entry.id === speakers)?.freeUnits).toBe(1);
    expect(kitIn(during)).toBe(0);
    expect((await search(day(20), day(21), '&onlyFree=true')).some((entry) => entry.id === kit)).toBe(false);
    // The speakers' two buffer days after the 20th keep them (and so the kit) out until the 23rd.
    expect(kitIn(await search(day(22), day(22)))).toBe(0);
    expect(kitIn(await search(day(23), day(24)))).toBe(1);
    // A mixer booked elsewhere blocks the kit too, even with every speaker free.
    expect((await admin.post(`${base}/bookings`, { itemId: mixer, from: day(30), to: day(31), units: 1, borrowerActorId: library })).statusCode).toBe(201);
    expect(kitIn(await search(day(31), day(32)))).toBe(0);
    expect(kitIn(await search(day(32), day(33)))).toBe(1);
  });

  it('agrees with the booking: a kit shown as not free is refused with 409, a free one is booked with its parts', async () => {
    const { admin, base, service, library, item, search } = await freshRegion();
    const tables = await item(service, { name: 'Tafel', units: 4 });
    const created = await admin.post(`${base}/items`, { name: 'Feestpakket', kind: 'set', ownerActorId: service, municipality: '33011', kitParts: [{ itemId: tables, quantity: 3 }] });
    const kit = (created.json() as { id: string }).id;
    expect((await admin.post(`${base}/bookings`, { itemId: tables, from: day(10), to: day(10), units: 2, borrowerActorId: library })).statusCode).toBe(201);
    expect((await search(day(10), day(10))).find((entry) => entry.id === kit)?.freeUnits).toBe(0);
    expect((await admin.post(`${base}/bookings`, { itemId: kit, from: day(10), to: day(10), units: 1, borrowerActorId: library })).statusCode).toBe(409);
    expect((await search(day(11), day(11))).find((entry) => entry.id === kit)?.freeUnits).toBe(1);
    expect((await admin.post(`${base}/bookings`, { itemId: kit, from: day(11), to: day(11), units: 1, borrowerActorId: library })).statusCode).toBe(201);
    const after = await search(day(11), day(11));
    expect(after.find((entry) => entry.id === tables)?.freeUnits).toBe(1);
    expect(after.find((entry) => entry.id === kit)?.freeUnits).toBe(0);
  });

  it('edits a kit’s composition with the version, and refuses a kit inside a kit', async () => {
    const { admin, base, service, item } = await freshRegion();
    const tent = await item(service, { name: 'Tent' });
    const pegs = await item(service, { name: 'Haringen', units: 5 });
    const created = (await admin.post(`${base}/items`, { name: 'Tentpakket', kind: 'set', ownerActorId: service, municipality: '33011', kitParts: [{ itemId: tent, quantity: 1 }] })).json() as { id: string; version: number };
    const updated = await admin.patch(`${base}/items/${created.id}`, { version: created.version, kitParts: [{ itemId: tent, quantity: 1 }, { itemId: pegs, quantity: 4 }] });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((updated.json() as { kitParts: { name: string; quantity: number }[] }).kitParts).toEqual([
      expect.objectContaining({ name: 'Haringen', quantity: 4 }),
      expect.objectContaining({ name: 'Tent', quantity: 1 }),
    ]);
    const nested = await admin.post(`${base}/items`, { name: 'Superpakket', kind: 'set', ownerActorId: service, municipality: '33011', kitParts: [{ itemId: created.id, quantity: 1 }] });
    expect(nested.statusCode).toBe(400);
    expect((nested.json() as ErrorJson).error.fields).toEqual([{ path: 'kitParts.0.itemId', message: 'Een pakket bevat enkel andere items (geen pakketten) van deze regio.' }]);
  });
});

describe('items through the form', () => {
  it('creates an item with every condition for the editor’s own organisation and shows it in the search', async () => {
    const { editor, base, library, search } = await freshRegion();
    const me = (await editor.get(`${base}/me`)).json() as { canAddItems: boolean; ownActor: { id: string } };
    expect(me).toMatchObject({ canAddItems: true, ownActor: { id: library } });
    const created = await editor.post(`${base}/items`, {
      name: 'Vouwtafel',
      kind: 'materiaal',
      ownerActorId: library,
      municipality: '33021',
      address: 'Bibliotheekstraat 1, Poperinge',
      units: 3,
      audience: 'iedereen',
      pricePerDayCents: 250,
      depositCents: 2000,
      maxDays: 7,
      bufferDays: 1,
      description: 'Tafel van 180 × 80 cm',
      instructions: 'Plooi de poten in voor het vervoer.',
      autoConfirmPartners: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ units: 3, audience: 'iedereen', pricePerDayCents: 250, depositCents: 2000, maxDays: 7, bufferDays: 1, autoConfirmPartners: true, version: 1, address: 'Bibliotheekstraat 1, Poperinge' });
    const id = (created.json() as { id: string }).id;
    expect((await search(day(5), day(6))).find((entry) => entry.id === id)).toMatchObject({ units: 3, freeUnits: 3 });
  });

  it('makes a material with several units one unit when it becomes a room, as a new room would be', async () => {
    const { admin, base, service, item } = await freshRegion();
    const itemId = await item(service, { name: 'Zaal of tafels', units: 3 });
    const detail = (await admin.get(`${base}/items/${itemId}`)).json() as { version: number };
    const updated = await admin.patch(`${base}/items/${itemId}`, { version: detail.version, kind: 'ruimte' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ kind: 'ruimte', units: 1 });
  });

  it('refuses a negative price and too many buffer days with the fields and Dutch reasons', async () => {
    const { editor, base, library } = await freshRegion();
    const response = await editor.post(`${base}/items`, { name: 'Tent', ownerActorId: library, municipality: '33021', pricePerDayCents: -100, bufferDays: 61 });
    expect(response.statusCode).toBe(400);
    const fields = (response.json() as ErrorJson).error.fields!;
    expect(fields.map((field) => field.path).sort()).toEqual(['bufferDays', 'pricePerDayCents']);
    expect(fields.find((field) => field.path === 'pricePerDayCents')?.message).toBe('Moet minstens 0 zijn.');
  });
});

describe('photos', () => {
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)]);
  const jpeg = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.alloc(64, 2)]);

  it('stores a photo with what it shows and lists it on the item in order', async () => {
    const { editor, base, library, item } = await freshRegion();
    const itemId = await item(library, { name: 'Leeskoffer' });
    const first = await editor.post(`${base}/items/${itemId}/photos`, { contentType: 'image/png', content: png.toString('base64'), alt: 'Open koffer met prentenboeken' });
    expect(first.statusCode, first.body).toBe(201);
    const second = await editor.post(`${base}/items/${itemId}/photos`, { contentType: 'image/jpeg', content: jpeg.toString('base64') });
    expect(second.statusCode, second.body).toBe(201);
    const detail = (await editor.get(`${base}/items/${itemId}`)).json() as { photos: { id: string; alt: string }[]; photoId: string };
    expect(detail.photos).toEqual([
      { id: (first.json() as { id: string }).id, alt: 'Open koffer met prentenboeken' },
      { id: (second.json() as { id: string }).id, alt: '' },
    ]);
    expect(detail.photoId).toBe(detail.photos[0]!.id);
  });

  it('refuses a photo over 2 MB and a file that is not the image type it claims, in Dutch on the content field', async () => {
    const { editor, base, library, item } = await freshRegion();
    const itemId = await item(library);
    const big = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.alloc(3 * 1024 * 1024)]);
    const tooLarge = await editor.post(`${base}/items/${itemId}/photos`, { contentType: 'image/jpeg', content: big.toString('base64') });
    expect(tooLarge.statusCode).toBe(400);
    expect((tooLarge.json() as ErrorJson).error.fields).toEqual([{ path: 'content', message: 'De foto is 3 MB; hoogstens 2 MB mag. Verklein de foto en probeer opnieuw.' }]);
    const pdf = Buffer.from('%PDF-1.7 not a photo');
    const wrongType = await editor.post(`${base}/items/${itemId}/photos`, { contentType: 'image/png', content: pdf.toString('base64') });
    expect(wrongType.statusCode).toBe(400);
    expect((wrongType.json() as ErrorJson).error.fields).toEqual([{ path: 'content', message: 'Dit bestand is geen JPEG-, PNG- of WebP-foto. Kies een foto in een van die formaten.' }]);
    const [stored] = await t.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM lending_photos WHERE item_id = $1', [itemId]);
    expect(stored!.n).toBe(0);
  });

  it('lets only the owner’s editors and admins add or remove photos', async () => {
    const { editor, admin, base, service, item } = await freshRegion();
    const itemId = await item(service);
    expect((await editor.post(`${base}/items/${itemId}/photos`, { contentType: 'image/png', content: png.toString('base64') })).statusCode).toBe(403);
    const added = await admin.post(`${base}/items/${itemId}/photos`, { contentType: 'image/png', content: png.toString('base64') });
    const photoId = (added.json() as { id: string }).id;
    expect((await editor.delete(`${base}/items/${itemId}/photos/${photoId}`)).statusCode).toBe(403);
    expect((await admin.delete(`${base}/items/${itemId}/photos/${photoId}`)).statusCode).toBe(204);
  });
});
