import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { regionFactory } from '../test/factories.js';
import { indexDocument, removeDocument, searchDocuments, type DocumentField } from './documents.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const offer = (title: string, body: string): DocumentField[] => [
  { name: 'title', text: title, weight: 3 },
  { name: 'body', text: body, weight: 1 },
];

describe('generic document index', () => {
  it('finds a domain’s documents by Dutch forms, compounds, synonyms and typos; title above body; filters; per kind and region', async () => {
    const region = await regionFactory(t.database.db);
    const other = await regionFactory(t.database.db);
    const ids = { workshop: randomUUID(), reading: randomUUID(), lang: randomUUID(), draft: randomUUID(), survey: randomUUID(), elsewhere: randomUUID() };
    const raw = t.database.raw;
    await indexDocument(raw, { regionId: region.id, kind: 'offer', documentId: ids.workshop, fields: offer('Theaterworkshop voor scholen', 'Twee uur spelen met klassen.'), filters: { status: 'gepubliceerd' } });
    await indexDocument(raw, { regionId: region.id, kind: 'offer', documentId: ids.reading, fields: offer('Voorleesuurtje', 'Voorlezen uit prentenboeken; ook een toneelstukje.'), filters: { status: 'gepubliceerd' } });
    await indexDocument(raw, { regionId: region.id, kind: 'offer', documentId: ids.lang, fields: offer('Taalcafé', 'Nederlands oefenen met anderstaligen.'), filters: { status: 'gepubliceerd' } });
    await indexDocument(raw, { regionId: region.id, kind: 'offer', documentId: ids.draft, fields: offer('Theater op maat', 'Nog niet klaar.'), filters: { status: 'ontwerp' } });
    await indexDocument(raw, { regionId: region.id, kind: 'survey', documentId: ids.survey, fields: offer('Bevraging theater', '') });
    await indexDocument(raw, { regionId: other.id, kind: 'offer', documentId: ids.elsewhere, fields: offer('Theater elders', '') });

    const theater = await searchDocuments(raw, { regionId: region.id, kind: 'offer', query: 'theater', filters: { status: 'gepubliceerd' } });
    // "toneel" is a default synonym of theater: found, below the title hit.
    expect(theater.items.map((hit) => hit.documentId)).toEqual([ids.workshop, ids.reading]);
    expect(theater.items[0]?.matches[0]).toMatchObject({ field: 'title', word: 'theaterworkshop', kind: 'compound' });
    expect(theater.items[1]?.matches[0]).toMatchObject({ field: 'body', kind: 'synonym' });
    expect((await searchDocuments(raw, { regionId: region.id, kind: 'offer', query: 'voorlezen' })).items.map((hit) => hit.documentId)).toEqual([ids.reading]);
    expect((await searchDocuments(raw, { regionId: region.id, kind: 'offer', query: 'nieuwkomers' })).items.map((hit) => hit.documentId)).toEqual([ids.lang]);
    expect((await searchDocuments(raw, { regionId: region.id, kind: 'offer', query: 'taalcafee' })).items.map((hit) => hit.documentId)).toEqual([ids.lang]);
    expect((await searchDocuments(raw, { regionId: region.id, kind: 'offer', query: 'theater klassen' })).items.map((hit) => hit.documentId)).toEqual([ids.workshop]);
    expect((await searchDocuments(raw, { regionId: region.id, kind: 'survey', query: 'theater' })).items.map((hit) => hit.documentId)).toEqual([ids.survey]);

    await removeDocument(raw, { regionId: region.id, kind: 'offer', documentId: ids.workshop });
    expect((await searchDocuments(raw, { regionId: region.id, kind: 'offer', query: 'workshop' })).total).toBe(0);
  });
});
