import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { actorFactory, linkMemberToActor } from '../network/factories.js';
import type { RegionRow } from '../../http/access.js';
import { lendingItemFactory } from './factories.js';
import { addDays, todayInBrussels } from './dates.js';
import { enqueueJob, getJob, runNextJob } from '../../jobs/queue.js';
import { LENDING_REMINDERS_JOB } from './reminders.js';

let t: TestApp;
let region: RegionRow;
const slug = 'leenregio';
let admin: ApiClient;
let editor: ApiClient;
let otherEditor: ApiClient;
let viewer: ApiClient;
let steering: ApiClient;
let outsider: ApiClient;
let ids: Record<'uitleendienst' | 'bib' | 'jeugd', string>;
const today = todayInBrussels();
const day = (offset: number) => addDays(today, offset);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  region = await regionFactory(db, { slug, municipalities: ['33011', '33021', '32003'] });
  await regionFactory(db, { slug: 'andere-leenregio' });
  ids = {
    uitleendienst: await actorFactory(db, region.id, { name: 'Uitleendienst Test', municipality: '33011', sectors: ['lokaal-cultuurbeleid'] }),
    bib: await actorFactory(db, region.id, { name: 'Bibliotheek Poperinge Test', municipality: '33021', sectors: ['lokaal-cultuurbeleid'] }),
    jeugd: await actorFactory(db, region.id, { name: 'Jeugddienst Diksmuide Test', municipality: '32003', sectors: ['jeugd'] }),
  };
  const adminUser = await userFactory(db, { regionSlug: slug, role: 'admin' });
  const editorUser = await userFactory(db, { regionSlug: slug, role: 'editor' });
  const otherEditorUser = await userFactory(db, { regionSlug: slug, role: 'editor' });
  const viewerUser = await userFactory(db, { regionSlug: slug, role: 'viewer' });
  const steeringUser = await userFactory(db, { regionSlug: slug, role: 'steering' });
  const outsiderUser = await userFactory(db, { regionSlug: 'andere-leenregio', role: 'admin' });
  await linkMemberToActor(db, editorUser.userId, region.id, ids.bib);
  await linkMemberToActor(db, otherEditorUser.userId, region.id, ids.uitleendienst);
  admin = await new ApiClient(t.app).login(adminUser.email, TEST_PASSWORD);
  editor = await new ApiClient(t.app).login(editorUser.email, TEST_PASSWORD);
  otherEditor = await new ApiClient(t.app).login(otherEditorUser.email, TEST_PASSWORD);
  viewer = await new ApiClient(t.app).login(viewerUser.email, TEST_PASSWORD);
  steering = await new ApiClient(t.app).login(steeringUser.email, TEST_PASSWORD);
  outsider = await new ApiClient(t.app).login(outsiderUser.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const base = `/api/regions/${slug}/lending`;
type ErrorJson = { error: { code: string; fields?: { path: string; message: string }[]; details?: { conflicts: { from: string; to: string; blockedUntil: string }[] } } };

async function item(overrides: Parameters<typeof lendingItemFactory>[3] = {}, owner: 'uitleendienst' | 'bib' | 'jeugd' = 'uitleendienst'): Promise<string> {
  return lendingItemFactory(t.database, region.id, ids[owner], overrides);
}

describe('items', () => {
  it('answers 401 to anonymous callers and 403 outside the region', async () => {
    const anonymous = new ApiClient(t.app);
    expect((await anonymous.get(`${base}/items`)).statusCode).toBe(401);
    expect((await anonymous.post(`${base}/items`, { name: 'x', ownerActorId: ids.bib, municipality: '33011', units: 1 })).statusCode).toBe(401);
    expect((await anonymous.post(`${base}/bookings`, { itemId: ids.bib, from: day(1), to: day(1), units: 1, borrowerActorId: ids.bib })).statusCode).toBe(401);
    expect((await outsider.get(`${base}/items`)).statusCode).toBe(403);
  });

  it('lets an editor add an item for their own organisation only, recorded in the audit log', async () => {
    const response = await editor.post(`${base}/items`, { name: 'Leeskoffer', ownerActorId: ids.bib, municipality: '33021', units: 3 });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as { id: string; units: number; canManage: boolean; ownerName: string };
    expect(created).toMatchObject({ units: 3, canManage: true, ownerName: 'Bibliotheek Poperinge Test' });
    const [audit] = await t.database.raw.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'lending_item' AND entity_id = $1", [created.id]);
    expect(audit?.action).toBe('create');
    const forOther = await editor.post(`${base}/items`, { name: 'Tent', ownerActorId: ids.uitleendienst, municipality: '33011', units: 1 });
    expect(forOther.statusCode).toBe(403);
    expect((await viewer.post(`${base}/items`, { name: 'Tent', ownerActorId: ids.bib, municipality: '33011', units: 1 })).statusCode).toBe(403);
  });

  it('refuses bad input with the field and a Dutch reason', async () => {
    const response = await admin.post(`${base}/items`, { name: '', ownerActorId: ids.bib, municipality: '99999', units: 0 });
    expect(response.statusCode).toBe(400);
    const fields = (response.json() as ErrorJson).error.fields!;
    expect(fields.map((field) => field.path).sort()).toEqual(['name', 'units']);
    expect(fields.find((field) => field.path === 'units')?.message).toBe('Moet minstens 1 zijn.');
    const municipality = await admin.post(`${base}/items`, { name: 'Tent', ownerActorId: ids.bib, municipality: '99999', units: 1 });
    expect(municipality.statusCode).toBe(400);
    expect((municipality.json() as ErrorJson).error.fields).toEqual([{ path: 'municipality', message: 'Onbekende gemeente.' }]);
  });

  it('updates with the version read (409 when stale), changes the unit count and audits each field', async () => {
    const itemId = await item({ units: 2 });
    const detail = (await admin.get(`${base}/items/${itemId}`)).json() as { version: number };
    const updated = await otherEditor.patch(`${base}/items/${itemId}`, { version: detail.version, name: 'Grote tent', units: 5, bufferDays: 2 });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ name: 'Grote tent', units: 5, bufferDays: 2, version: detail.version + 1 });
    const stale = await admin.patch(`${base}/items/${itemId}`, { version: detail.version, name: 'Oud' });
    expect(stale.statusCode).toBe(409);
    const [audit] = await t.database.raw.query<{ changes: Record<string, unknown> }>("SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'update'", [itemId]);
    expect(Object.keys(audit!.changes).sort()).toEqual(['bufferDays', 'name', 'units']);
    expect((await editor.patch(`${base}/items/${itemId}`, { version: detail.version + 1, name: 'Niet van mij' })).statusCode).toBe(403);
  });

  it('stores photos in the database, size-limited, and serves them to members', async () => {
    const itemId = await item();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const created = await admin.post(`${base}/items/${itemId}/photos`, { contentType: 'image/png', content: png.toString('base64') });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    const photo = await viewer.get(`${base}/items/${itemId}/photos/${id}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(png)).toBe(true);
    const tooLarge = await admin.post(`${base}/items/${itemId}/photos`, { contentType: 'image/jpeg', content: Buffer.alloc(2 * 1024 * 1024 + 1).toString('base64') });
    expect([400, 413]).toContain(tooLarge.statusCode);
    expect((await admin.delete(`${base}/items/${itemId}/photos/${id}`)).statusCode).toBe(204);
  });

  it('finds what is free for dates within a distance of a municipality, computed in SQL', async () => {
    const ieper = await item({ name: 'Zoektent Ieper', municipality: '33011', units: 2 });
    const poperinge = await item({ name: 'Zoektent Poperinge', municipality: '33021', units: 1 }, 'bib');
    const diksmuide = await item({ name: 'Zoektent Diksmuide', municipality: '32003', units: 1 }, 'jeugd');
    expect((await admin.post(`${base}/bookings`, { itemId: poperinge, from: day(10), to: day(12), units: 1, borrowerActorId: ids.jeugd })).statusCode).toBe(201);
    const response = await editor.get(`${base}/items?q=Zoektent&from=${day(11)}&to=${day(13)}&near=33021&withinKm=15`);
    expect(response.statusCode, response.body).toBe(200);
    const found = response.json() as { id: string; freeUnits: number; distanceKm: number }[];
    expect(found.map((entry) => entry.id)).toEqual([poperinge, ieper]);
    expect(found[0]).toMatchObject({ freeUnits: 0, distanceKm: 0 });
    expect(found[1]!.freeUnits).toBe(2);
    expect(found[1]!.distanceKm).toBeGreaterThan(8);
    expect(found[1]!.distanceKm).toBeLessThan(15);
    expect(found.some((entry) => entry.id === diksmuide)).toBe(false);
    const onlyFree = (await editor.get(`${base}/items?q=Zoektent&from=${day(11)}&to=${day(13)}&onlyFree=true`)).json() as { id: string }[];
    expect(onlyFree.map((entry) => entry.id).sort()).toEqual([ieper, diksmuide].sort());
    const bad = await editor.get(`${base}/items?from=${day(5)}&to=${day(3)}`);
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as ErrorJson).error.fields).toEqual([{ path: 'to', message: 'De einddatum ligt voor de begindatum.' }]);
  });
});

describe('bookings', () => {
  it('books with 201 {id, status} and refuses an overlap with 409 BOOKING_OVERLAP naming the period', async () => {
    const itemId = await item();
    const first = await editor.post(`${base}/bookings`, { itemId, from: day(3), to: day(5), units: 1, borrowerActorId: ids.bib });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'aangevraagd' });
    expect(typeof (first.json() as { id: string }).id).toBe('string');
    const second = await admin.post(`${base}/bookings`, { itemId, from: day(5), to: day(6), units: 1, borrowerActorId: ids.jeugd });
    expect(second.statusCode).toBe(409);
    const error = (second.json() as ErrorJson).error;
    expect(error.code).toBe('BOOKING_OVERLAP');
    expect(error.details!.conflicts).toEqual([expect.objectContaining({ from: day(3), to: day(5), blockedUntil: day(5) })]);
    // `to` is inclusive: the day after is free.
    expect((await admin.post(`${base}/bookings`, { itemId, from: day(6), to: day(6), units: 1, borrowerActorId: ids.jeugd })).statusCode).toBe(201);
  });

  it('keeps the buffer days after a booking out of the pool', async () => {
    const itemId = await item({ bufferDays: 2 });
    expect((await admin.post(`${base}/bookings`, { itemId, from: day(3), to: day(4), units: 1, borrowerActorId: ids.jeugd })).statusCode).toBe(201);
    const during = await admin.post(`${base}/bookings`, { itemId, from: day(6), to: day(6), units: 1, borrowerActorId: ids.bib });
    expect(during.statusCode).toBe(409);
    expect((during.json() as ErrorJson).error.details!.conflicts[0]).toMatchObject({ to: day(4), blockedUntil: day(6) });
    expect((await admin.post(`${base}/bookings`, { itemId, from: day(7), to: day(7), units: 1, borrowerActorId: ids.bib })).statusCode).toBe(201);
  });

  it('gives a request for 4 units 4 free units or a clear refusal', async () => {
    const itemId = await item({ units: 10 });
    expect((await admin.post(`${base}/bookings`, { itemId, from: day(2), to: day(3), units: 4, borrowerActorId: ids.jeugd })).statusCode).toBe(201);
    const tooMany = await admin.post(`${base}/bookings`, { itemId, from: day(3), to: day(4), units: 7, borrowerActorId: ids.bib });
    expect(tooMany.statusCode).toBe(409);
    expect((tooMany.json() as { error: { details: { freeUnits: number } } }).error.details.freeUnits).toBe(6);
    expect((await admin.post(`${base}/bookings`, { itemId, from: day(3), to: day(4), units: 6, borrowerActorId: ids.bib })).statusCode).toBe(201);
    const [units] = await t.database.raw.query<{ n: number }>('SELECT count(DISTINCT bu.unit_id)::int AS n FROM lending_booking_units bu JOIN lending_units u ON u.id = bu.unit_id WHERE u.item_id = $1', [itemId]);
    expect(units!.n).toBe(10);
  });

  it('refuses bad periods and quantities with the field and a Dutch reason', async () => {
    const itemId = await item({ units: 2, maxDays: 3 });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ from: day(5), to: day(4) }, 'to', 'De einddatum ligt voor de begindatum.'],
      [{ from: day(-1), to: day(1) }, 'from', 'De begindatum ligt in het verleden.'],
      [{ from: day(1), to: day(4) }, 'to', 'Dit item kan hoogstens 3 dagen ontleend worden.'],
      [{ from: day(1), to: day(1), units: 3 }, 'units', 'Er zijn maar 2 stuks van dit item.'],
      [{ from: '2026-02-30', to: day(1) }, 'from', 'Ongeldige datum (dd/mm/jjjj).'],
    ];
    for (const [body, path, message] of cases) {
      const response = await admin.post(`${base}/bookings`, { itemId, units: 1, borrowerActorId: ids.bib, ...body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect((response.json() as ErrorJson).error.fields).toEqual([{ path, message }]);
    }
  });

  it('lets a partner book only for their own organisation, and residents only through the owner of an open item', async () => {
    const itemId = await item({ units: 3 });
    expect((await editor.post(`${base}/bookings`, { itemId, from: day(1), to: day(1), units: 1, borrowerActorId: ids.jeugd })).statusCode).toBe(403);
    const resident = { itemId, from: day(1), to: day(1), units: 1, borrowerName: 'Jan Inwoner', borrowerEmail: 'jan@test.be' };
    const partnersOnly = await otherEditor.post(`${base}/bookings`, resident);
    expect(partnersOnly.statusCode).toBe(400);
    expect((partnersOnly.json() as ErrorJson).error.fields![0]!.path).toBe('borrowerActorId');
    const openItem = await item({ audience: 'iedereen' });
    expect((await editor.post(`${base}/bookings`, { ...resident, itemId: openItem })).statusCode).toBe(403);
    const byOwner = await otherEditor.post(`${base}/bookings`, { ...resident, itemId: openItem });
    expect(byOwner.statusCode, byOwner.body).toBe(201);
    expect(byOwner.json()).toMatchObject({ status: 'bevestigd', booking: { borrowerName: 'Jan Inwoner' } });
  });

  it('confirms at once for partners when the owner chose so', async () => {
    const itemId = await item({ autoConfirm: true });
    const response = await editor.post(`${base}/bookings`, { itemId, from: day(2), to: day(2), units: 1, borrowerActorId: ids.bib });
    expect(response.json()).toMatchObject({ status: 'bevestigd' });
  });

  it('walks requested → confirmed → checked out → returned, with notes, versions and rights; return frees the unit', async () => {
    const itemId = await item();
    const created = (await editor.post(`${base}/bookings`, { itemId, from: day(0), to: day(2), units: 1, borrowerActorId: ids.bib })).json() as { id: string; booking: { version: number } };
    const step = (client: ApiClient, transition: string, body: Record<string, unknown>) => client.post(`${base}/bookings/${created.id}/${transition}`, body);
    expect((await step(editor, 'confirm', { version: 1 })).statusCode).toBe(403);
    const confirmed = await step(otherEditor, 'confirm', { version: 1 });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'bevestigd', version: 2 });
    expect((await step(otherEditor, 'check-out', { version: 1 })).statusCode).toBe(409);
    const wrongStep = await step(otherEditor, 'return', { version: 2 });
    expect((wrongStep.json() as ErrorJson).error.code).toBe('BOOKING_STATUS');
    const out = await step(otherEditor, 'check-out', { version: 2, notes: 'Alle haringen aanwezig' });
    expect(out.json()).toMatchObject({ status: 'uitgeleend', checkoutNotes: 'Alle haringen aanwezig', overdue: false });
    expect((await admin.post(`${base}/bookings`, { itemId, from: day(1), to: day(1), units: 1, borrowerActorId: ids.jeugd })).statusCode).toBe(409);
    const back = await step(otherEditor, 'return', { version: 3, notes: 'Proper', damageNotes: 'Eén scheur in het zeil' });
    expect(back.json()).toMatchObject({ status: 'terug', damageNotes: 'Eén scheur in het zeil' });
    expect((await admin.post(`${base}/bookings`, { itemId, from: day(1), to: day(1), units: 1, borrowerActorId: ids.jeugd })).statusCode).toBe(201);
    const history = await t.database.raw.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'lending_booking' AND entity_id = $1 ORDER BY created_at", [created.id]);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'confirm', 'check-out', 'return']);
  });

  it('lets the borrower cancel and the owner refuse, both freeing the days', async () => {
    const itemId = await item();
    const booking = (await editor.post(`${base}/bookings`, { itemId, from: day(4), to: day(4), units: 1, borrowerActorId: ids.bib })).json() as { id: string };
    expect((await viewer.post(`${base}/bookings/${booking.id}/cancel`, { version: 1 })).statusCode).toBe(403);
    expect((await editor.post(`${base}/bookings/${booking.id}/cancel`, { version: 1 })).json()).toMatchObject({ status: 'geannuleerd' });
    const next = (await editor.post(`${base}/bookings`, { itemId, from: day(4), to: day(4), units: 1, borrowerActorId: ids.bib })).json() as { id: string };
    expect((await otherEditor.post(`${base}/bookings/${next.id}/refuse`, { version: 1, notes: 'Dan zelf nodig' })).json()).toMatchObject({ status: 'geweigerd', decisionNote: 'Dan zelf nodig' });
    expect((await admin.post(`${base}/bookings`, { itemId, from: day(4), to: day(4), units: 1, borrowerActorId: ids.jeugd })).statusCode).toBe(201);
  });

  it('lists the borrower’s and the owner’s bookings, computing te laat', async () => {
    const itemId = await item({ name: 'Lijsttent' });
    const booking = (await editor.post(`${base}/bookings`, { itemId, from: day(1), to: day(2), units: 1, borrowerActorId: ids.bib })).json() as { id: string };
    await t.database.raw.query(`UPDATE lending_bookings SET status = 'uitgeleend', from_date = $2, to_date = $3 WHERE id = $1`, [booking.id, day(-5), day(-2)]);
    const mine = (await editor.get(`${base}/bookings?role=borrower`)).json() as { id: string; overdue: boolean }[];
    expect(mine.find((entry) => entry.id === booking.id)).toMatchObject({ overdue: true });
    const owned = (await otherEditor.get(`${base}/bookings?role=owner&status=te-laat`)).json() as { id: string }[];
    expect(owned.map((entry) => entry.id)).toContain(booking.id);
    expect((await editor.get(`${base}/bookings?role=owner`)).json()).not.toContainEqual(expect.objectContaining({ id: booking.id }));
    expect((await editor.get(`${base}/bookings?role=all`)).statusCode).toBe(403);
    expect((await editor.get(`${base}/bookings/${booking.id}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/regions/andere-leenregio/lending/bookings/${booking.id}`)).statusCode).toBe(404);
  });

  it('shows a calendar per item and per municipality', async () => {
    const itemId = await item({ name: 'Kalendertent', municipality: '32003' }, 'jeugd');
    await admin.post(`${base}/bookings`, { itemId, from: day(2), to: day(4), units: 1, borrowerActorId: ids.bib });
    const perItem = (await viewer.get(`${base}/calendar?from=${day(0)}&to=${day(30)}&itemId=${itemId}`)).json() as { items: { id: string }[]; bookings: { from: string; to: string; borrowerName: string }[] };
    expect(perItem.items.map((entry) => entry.id)).toEqual([itemId]);
    expect(perItem.bookings).toEqual([expect.objectContaining({ from: day(2), to: day(4), borrowerName: 'Bibliotheek Poperinge Test' })]);
    const perMunicipality = (await viewer.get(`${base}/calendar?from=${day(0)}&to=${day(30)}&municipality=32003`)).json() as { items: { id: string }[] };
    expect(perMunicipality.items.map((entry) => entry.id)).toContain(itemId);
    expect((await viewer.get(`${base}/calendar?from=${day(0)}&to=${day(90)}`)).statusCode).toBe(400);
  });
});

describe('the database refuses double bookings', () => {
  it('lets exactly one of 50 simultaneous requests for the same unit succeed; the others get 409 with the period', async () => {
    const itemId = await item({ name: 'Drukke tent' });
    const requests = Array.from({ length: 50 }, (_, index) =>
      admin.post(`${base}/bookings`, { itemId, from: day(20 + (index % 3)), to: day(22 + (index % 3)), units: 1, borrowerActorId: index % 2 ? ids.bib : ids.jeugd }),
    );
    const responses = await Promise.all(requests);
    const codes = responses.map((response) => response.statusCode);
    expect(codes.filter((code) => code === 201)).toHaveLength(1);
    expect(codes.filter((code) => code === 409)).toHaveLength(49);
    const winner = responses.find((response) => response.statusCode === 201)!.json() as { booking: { from: string; to: string } };
    for (const loser of responses.filter((response) => response.statusCode === 409)) {
      const error = (loser.json() as ErrorJson).error;
      expect(error.code).toBe('BOOKING_OVERLAP');
      expect(error.details!.conflicts[0]).toMatchObject({ from: winner.booking.from, to: winner.booking.to });
    }
    const [blocking] = await t.database.raw.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM lending_booking_units bu JOIN lending_units u ON u.id = bu.unit_id WHERE u.item_id = $1 AND bu.blocking',
      [itemId],
    );
    expect(blocking!.n).toBe(1);
  });

  it('refuses an overlapping row even when written around the service', async () => {
    const itemId = await item();
    await admin.post(`${base}/bookings`, { itemId, from: day(3), to: day(5), units: 1, borrowerActorId: ids.bib });
    const [unit] = await t.database.raw.query<{ id: string }>('SELECT id FROM lending_units WHERE item_id = $1', [itemId]);
    const [other] = await t.database.raw.query<{ id: string }>(
      `INSERT INTO lending_bookings (region_id, item_id, borrower_actor_id, units, from_date, to_date) VALUES ($1, $2, $3, 1, $4, $5) RETURNING id`,
      [region.id, itemId, ids.jeugd, day(4), day(4)],
    );
    await expect(t.database.raw.query(`INSERT INTO lending_booking_units (booking_id, unit_id, period) VALUES ($1, $2, daterange($3::date, $4::date, '[)'))`, [other!.id, unit!.id, day(4), day(5)])).rejects.toThrow(/lending_no_overlap|conflicting key/);
  });
});

describe('overview, export, labels, feed, reminders, import', () => {
  it('shows the regisseur inventory, use and bovenlokaal share, and exports it as XLSX', async () => {
    const itemId = await item({ name: 'Overzichtstent' });
    await item({ name: 'Nooit gebruikt' }, 'jeugd');
    const booking = (await admin.post(`${base}/bookings`, { itemId, from: day(1), to: day(1), units: 1, borrowerActorId: ids.bib })).json() as { id: string };
    await admin.post(`${base}/bookings/${booking.id}/confirm`, { version: 1 });
    const overview = (await steering.get(`${base}/overview`)).json() as { totals: { bookings: number; bovenlokaal: number; bovenlokaalShare: number }; neverBorrowed: { itemName: string }[]; inventory: { municipality: string; sectorName: string; items: number }[]; usage: { itemName: string }[] };
    expect(overview.totals.bovenlokaal).toBeGreaterThan(0);
    expect(overview.totals.bovenlokaalShare).toBeGreaterThan(0);
    expect(overview.neverBorrowed.map((entry) => entry.itemName)).toContain('Nooit gebruikt');
    expect(overview.usage.map((entry) => entry.itemName)).toContain('Overzichtstent');
    expect(overview.inventory.find((row) => row.municipality === 'Ieper')?.items).toBeGreaterThan(0);
    expect((await editor.get(`${base}/overview`)).statusCode).toBe(403);
    const exported = await admin.get(`${base}/overview/export`);
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Inventaris', 'Gebruik', 'Samenvatting', 'Nooit ontleend']);
  });

  it('prints A4 QR labels, one per unit, for the owner’s items', async () => {
    const itemId = await item({ units: 3 }, 'bib');
    const response = await editor.get(`${base}/labels?itemIds=${itemId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await viewer.get(`${base}/labels?itemIds=${itemId}`)).statusCode).toBe(403);
  });

  it('serves an actor’s bookings as an iCal feed behind a secret link', async () => {
    const itemId = await item({ name: 'Agendatent' });
    await editor.post(`${base}/bookings`, { itemId, from: day(3), to: day(4), units: 1, borrowerActorId: ids.bib });
    expect((await editor.post(`${base}/feeds/${ids.jeugd}`, {})).statusCode).toBe(403);
    const feed = (await editor.post(`${base}/feeds/${ids.bib}`, {})).json() as { url: string };
    const path = new URL(feed.url).pathname;
    const calendar = await new ApiClient(t.app).get(path);
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers['content-type']).toContain('text/calendar');
    expect(calendar.body).toContain('Agendatent');
    expect(calendar.body).toContain(`DTSTART;VALUE=DATE:${day(3).replaceAll('-', '')}`);
    expect(calendar.body).toContain(`DTEND;VALUE=DATE:${day(5).replaceAll('-', '')}`);
    const renewed = (await editor.post(`${base}/feeds/${ids.bib}`, { renew: true })).json() as { url: string };
    expect(renewed.url).not.toBe(feed.url);
    expect((await new ApiClient(t.app).get(path)).statusCode).toBe(404);
  });

  it('mails reminders before pickup and return and for overdue items, once each, through the scheduled job', async () => {
    const pickupItem = await item({ name: 'Ophaaltent' });
    const returnItem = await item({ name: 'Terugbrengtent' });
    const lateItem = await item({ name: 'Laattent' });
    const pickup = (await editor.post(`${base}/bookings`, { itemId: pickupItem, from: day(1), to: day(2), units: 1, borrowerActorId: ids.bib })).json() as { id: string };
    await otherEditor.post(`${base}/bookings/${pickup.id}/confirm`, { version: 1 });
    const back = (await editor.post(`${base}/bookings`, { itemId: returnItem, from: day(0), to: day(1), units: 1, borrowerActorId: ids.bib })).json() as { id: string };
    await t.database.raw.query(`UPDATE lending_bookings SET status = 'uitgeleend' WHERE id = $1`, [back.id]);
    const late = (await editor.post(`${base}/bookings`, { itemId: lateItem, from: day(1), to: day(1), units: 1, borrowerActorId: ids.bib })).json() as { id: string };
    await t.database.raw.query(`UPDATE lending_bookings SET status = 'uitgeleend', from_date = $2, to_date = $3 WHERE id = $1`, [late.id, day(-4), day(-2)]);
    t.sentMail.length = 0;
    const jobId = await enqueueJob(t.database, { kind: LENDING_REMINDERS_JOB });
    expect(await runNextJob(t.database, 'test-worker', [LENDING_REMINDERS_JOB])).toBe(jobId);
    expect((await getJob(t.database, jobId))?.status).toBe('succeeded');
    const subjects = t.sentMail.map((mail) => mail.subject);
    expect(subjects).toContain('Morgen ophalen: Ophaaltent');
    expect(subjects).toContain('Morgen terugbrengen: Terugbrengtent');
    expect(subjects.filter((subject) => subject === 'Te laat: Laattent')).toHaveLength(2); // borrower and the owner's member
    expect(t.sentMail.find((mail) => mail.subject.includes('Ophaaltent'))!.text).toContain(`/r/${slug}/uitleendienst/items/${pickupItem}`);
    const count = t.sentMail.length;
    await enqueueJob(t.database, { kind: LENDING_REMINDERS_JOB });
    await runNextJob(t.database, 'test-worker', [LENDING_REMINDERS_JOB]);
    expect(t.sentMail.length).toBe(count);
  });

  it('imports an inventory: preview with per-row errors, nothing written while any row is wrong, all rows at once otherwise', async () => {
    const bad = 'naam;eigenaar;gemeente;aantal;prijs per dag\nStatafels;Uitleendienst Test;Ieper;10;2,50\nGeluidsbox;Onbekende Club;Ieper;1;0\nSpots;Jeugddienst Diksmuide Test;Nergensdorp;twee;0\n';
    const body = (csv: string) => ({ fileName: 'inventaris.csv', content: Buffer.from(csv, 'utf8').toString('base64') });
    const preview = await admin.post(`${base}/import/preview`, body(bad));
    expect(preview.statusCode, preview.body).toBe(200);
    const result = preview.json() as { committed: boolean; errorCount: number; rows: { row: number; errors: { column: string; message: string }[] }[] };
    expect(result.committed).toBe(false);
    expect(result.rows.map((row) => row.errors.map((error) => error.column))).toEqual([[], ['eigenaar'], ['gemeente', 'aantal']]);
    expect(result.rows[1]!.errors[0]!.message).toContain('onbekende eigenaar');
    const refused = (await admin.post(`${base}/import`, body(bad))).json() as { committed: boolean; created: number };
    expect(refused).toMatchObject({ committed: false, created: 0 });
    const [none] = await t.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM lending_items WHERE name = 'Statafels'");
    expect(none!.n).toBe(0);
    const good = 'naam;eigenaar;gemeente;aantal;prijs per dag;soort\nStatafels;Uitleendienst Test;Ieper;10;2,50;materiaal\nZaaltje;Jeugddienst Diksmuide Test;32003;;;ruimte\n';
    const done = (await admin.post(`${base}/import`, body(good))).json() as { committed: boolean; created: number };
    expect(done).toMatchObject({ committed: true, created: 2 });
    const [tables] = await t.database.raw.query<{ units: number; price: number }>(
      "SELECT (SELECT count(*)::int FROM lending_units u WHERE u.item_id = i.id) AS units, i.price_per_day_cents AS price FROM lending_items i WHERE name = 'Statafels'",
    );
    expect(tables).toMatchObject({ units: 10, price: 250 });
    expect((await editor.post(`${base}/import/preview`, body(good))).statusCode).toBe(403);
  });
});
