import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory } from '../../test/factories.js';
import { searchDocuments } from '../../search/documents.js';
import { offerFactory } from './factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('current_offers view', () => {
  it('holds published offers with a date not yet over, or permanent ones; never drafts or past ones', async () => {
    const region = await regionFactory(t.database.db);
    const day = 86_400_000;
    const future = await offerFactory(t.database.db, region.id, { title: 'Toekomst' });
    const ongoing = await offerFactory(t.database.db, region.id, {
      title: 'Loopt nu',
      calendarType: 'periodic',
      dates: [{ startsAt: new Date(Date.now() - 10 * day), endsAt: new Date(Date.now() + 10 * day) }],
    });
    const permanent = await offerFactory(t.database.db, region.id, { title: 'Altijd', calendarType: 'permanent' });
    await offerFactory(t.database.db, region.id, { title: 'Voorbij', dates: [{ startsAt: new Date(Date.now() - 2 * day), endsAt: new Date(Date.now() - day) }] });
    await offerFactory(t.database.db, region.id, { title: 'Klad', status: 'draft' });
    const rows = await t.database.raw.query<{ id: string; next_starts_at: Date | null }>('SELECT id, next_starts_at FROM current_offers WHERE region_id = $1', [region.id]);
    expect(rows.map((row) => row.id).sort()).toEqual([future, ongoing, permanent].sort());
    expect(rows.find((row) => row.id === permanent)?.next_starts_at).toBeNull();
  });

  it('the same UiTdatabank @id cannot be stored twice in one region', async () => {
    const region = await regionFactory(t.database.db);
    await offerFactory(t.database.db, region.id, { source: 'uitdatabank', sourceId: 'https://io.uitdatabank.be/event/1' });
    await expect(offerFactory(t.database.db, region.id, { source: 'uitdatabank', sourceId: 'https://io.uitdatabank.be/event/1' })).rejects.toThrow();
  });

  it('offer texts are searchable through the shared document index', async () => {
    const region = await regionFactory(t.database.db);
    const id = await offerFactory(t.database.db, region.id, { title: 'Fietslessen voor volwassenen', translations: { en: { title: 'Cycling lessons' } } });
    expect((await searchDocuments(t.database.raw, { regionId: region.id, kind: 'offer', query: 'fietsles' })).items.map((hit) => hit.documentId)).toEqual([id]);
    expect((await searchDocuments(t.database.raw, { regionId: region.id, kind: 'offer', query: 'cycling' })).items.map((hit) => hit.documentId)).toEqual([id]);
  });
});
