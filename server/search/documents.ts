/**
 * The generic document index: a domain registers its documents (an offer, a need, a survey) with
 * weighted fields and exact-match filters, and searches them with the shared analyzer. Candidates come
 * from the trigram index on the folded text (every query word, or one of its forms or synonyms, inside
 * the text); they are ranked in memory by the same match kinds and field weights as actor search.
 */
import type { RawSql } from '../db/client.js';
import { analyzeQuery, bestMatches, FUZZY_MIN, TYPO_SIMILARITY, words, type QueryTerm, type SynonymIndex, type TermMatch } from './analyzer.js';
import { Params } from './sql.js';
import { loadSynonyms } from './synonyms.js';

/** One searchable field of a document; weight 3 for a name or title, 1 for body text (any positive number). */
export interface DocumentField {
  name: string;
  text: string;
  weight: number;
}

export interface SearchDocument {
  regionId: string;
  /** The domain's document kind, e.g. 'offer', 'need', 'strength', 'survey'. */
  kind: string;
  documentId: string;
  fields: DocumentField[];
  /** Exact-match values a search can filter on (e.g. { status: 'gepubliceerd', municipality: '33011' }). */
  filters?: Record<string, string | number | boolean>;
}

export interface DocumentQuery {
  regionId: string;
  kind: string;
  query: string;
  filters?: Record<string, string | number | boolean>;
  limit?: number;
  offset?: number;
  /** Defaults to the region's synonyms (search_synonyms); pass NO_SYNONYMS to search without them. */
  synonyms?: SynonymIndex;
}

export interface DocumentHit {
  documentId: string;
  score: number;
  /** Each query word's best match: which field, which word, how (exact, stem, compound, synonym, typo). */
  matches: (TermMatch & { field: string })[];
}

/** Registers or replaces a document in the index (call it in the transaction that writes the document). */
export async function indexDocument(raw: RawSql, document: SearchDocument): Promise<void> {
  await raw.query(
    `INSERT INTO search_documents (region_id, kind, document_id, fields, filters) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)
     ON CONFLICT (region_id, kind, document_id) DO UPDATE SET fields = EXCLUDED.fields, filters = EXCLUDED.filters, updated_at = now()`,
    [document.regionId, document.kind, document.documentId, JSON.stringify(document.fields), JSON.stringify(document.filters ?? {})],
  );
}

/** Removes a document from the index. */
export async function removeDocument(raw: RawSql, key: { regionId: string; kind: string; documentId: string }): Promise<void> {
  await raw.query('DELETE FROM search_documents WHERE region_id = $1 AND kind = $2 AND document_id = $3', [key.regionId, key.kind, key.documentId]);
}

// Fewer exact candidates than this and the search also forgives typos, as actor search does.
const TYPO_FALLBACK_BELOW = 3;
// Candidates ranked in memory at most: the index is meant for a region's offers or surveys, not for 50,000 rows.
const MAX_CANDIDATES = 2000;

function likePatterns(term: QueryTerm): string[] {
  return [...term.forms, ...term.synonymForms].map((form) => `%${form.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
}

async function candidates(raw: RawSql, query: DocumentQuery, terms: QueryTerm[], typos: boolean): Promise<{ document_id: string; fields: DocumentField[] | string }[]> {
  const params = new Params();
  const where = [`region_id = ${params.add(query.regionId)}`, `kind = ${params.add(query.kind)}`];
  if (query.filters && Object.keys(query.filters).length > 0) where.push(`filters @> ${params.add(JSON.stringify(query.filters))}::jsonb`);
  for (const term of terms) {
    const contained = `search_text LIKE ANY(${params.add(likePatterns(term))}::text[])`;
    const resembling = typos && term.token.length >= FUZZY_MIN ? ` OR word_similarity(${params.add(term.token)}::text, search_text) >= ${TYPO_SIMILARITY}` : '';
    where.push(`(${contained}${resembling})`);
  }
  return raw.query(`SELECT document_id, fields FROM search_documents WHERE ${where.join(' AND ')} LIMIT ${MAX_CANDIDATES}`, params.values);
}

/** Scores one document: per query word its best match weight × field weight, summed; null unless every word matches. */
export function scoreDocument(terms: QueryTerm[], fields: DocumentField[]): DocumentHit['matches'] | null {
  const best = new Map<string, TermMatch & { field: string }>();
  for (const field of fields) {
    for (const match of bestMatches(terms, words(field.text))) {
      const weighted = { ...match, weight: match.weight * field.weight, field: field.name };
      const current = best.get(match.term);
      if (!current || weighted.weight > current.weight) best.set(match.term, weighted);
    }
  }
  return best.size === terms.length ? terms.map((term) => best.get(term.token)!) : null;
}

function rank(rows: { document_id: string; fields: DocumentField[] | string }[], terms: QueryTerm[]): DocumentHit[] {
  const hits: (DocumentHit & { fieldsCovered: number })[] = [];
  for (const row of rows) {
    const fields = typeof row.fields === 'string' ? (JSON.parse(row.fields) as DocumentField[]) : row.fields;
    const matches = scoreDocument(terms, fields);
    if (!matches) continue;
    const score = Math.round(matches.reduce((sum, match) => sum + match.weight, 0) * 1000) / 1000;
    hits.push({ documentId: row.document_id, score, matches, fieldsCovered: new Set(matches.map((match) => match.field)).size });
  }
  // Ties: more fields covered first, then a stable id order — never the alphabet of a title.
  hits.sort((a, b) => b.score - a.score || b.fieldsCovered - a.fieldsCovered || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
  return hits.map(({ fieldsCovered: _covered, ...hit }) => hit);
}

/** Searches a region's documents of one kind, best first; typos are forgiven when the exact forms find (almost) nothing. */
export async function searchDocuments(raw: RawSql, query: DocumentQuery): Promise<{ total: number; items: DocumentHit[] }> {
  const synonyms = query.synonyms ?? (await loadSynonyms(raw, query.regionId));
  const terms = analyzeQuery(query.query, synonyms);
  if (terms.length === 0) return { total: 0, items: [] };
  let hits = rank(await candidates(raw, query, terms, false), terms);
  if (hits.length < TYPO_FALLBACK_BELOW) hits = rank(await candidates(raw, query, terms, true), terms);
  const offset = query.offset ?? 0;
  return { total: hits.length, items: hits.slice(offset, offset + (query.limit ?? 20)) };
}
