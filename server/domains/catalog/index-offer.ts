import type { RawSql } from '../../db/client.js';
import { indexDocument, removeDocument, type DocumentField } from '../../search/documents.js';
import { OFFER_DOCUMENT_KIND } from './schema.js';
import type { OfferTranslations } from '../../../common/schemas/catalog.js';

/** What the search index needs of an offer. */
export interface IndexableOffer {
  id: string;
  regionId: string;
  title: string;
  description: string;
  translations: OfferTranslations;
  themes: string[];
  locationName: string;
  locality: string | null;
  organizerName: string | null;
  status: string;
  municipalityNis: string | null;
}

/**
 * Indexes an offer's texts in search_documents (kind 'offer'): titles weigh 3 (Dutch and every
 * translation), themes and organiser 2, descriptions and place 1. Filters: status, municipality.
 * Call it in the transaction that writes the offer.
 */
export async function indexOffer(raw: RawSql, offer: IndexableOffer): Promise<void> {
  const fields: DocumentField[] = [{ name: 'title', text: offer.title, weight: 3 }];
  for (const [language, translation] of Object.entries(offer.translations)) {
    if (translation?.title) fields.push({ name: `title_${language}`, text: translation.title, weight: 3 });
  }
  if (offer.themes.length > 0) fields.push({ name: 'themes', text: offer.themes.join(' '), weight: 2 });
  if (offer.organizerName) fields.push({ name: 'organizer', text: offer.organizerName, weight: 2 });
  if (offer.description) fields.push({ name: 'description', text: offer.description, weight: 1 });
  for (const [language, translation] of Object.entries(offer.translations)) {
    if (translation?.description) fields.push({ name: `description_${language}`, text: translation.description, weight: 1 });
  }
  const place = [offer.locationName, offer.locality].filter(Boolean).join(' ');
  if (place) fields.push({ name: 'place', text: place, weight: 1 });
  await indexDocument(raw, {
    regionId: offer.regionId,
    kind: OFFER_DOCUMENT_KIND,
    documentId: offer.id,
    fields,
    filters: { status: offer.status, ...(offer.municipalityNis ? { municipality: offer.municipalityNis } : {}) },
  });
}

/** Removes an offer from the search index. */
export async function unindexOffer(raw: RawSql, regionId: string, offerId: string): Promise<void> {
  await removeDocument(raw, { regionId, kind: OFFER_DOCUMENT_KIND, documentId: offerId });
}
