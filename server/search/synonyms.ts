import type { RawSql } from '../db/client.js';
import { AppError, fieldError } from '../http/errors.js';
import { fold } from './dutch.js';
import { SynonymIndex } from './analyzer.js';
import type { SynonymGroup } from '../../common/schemas/search.js';

interface SynonymRow {
  id: string;
  region_id: string | null;
  terms: string[];
}

const toGroup = (row: SynonymRow): SynonymGroup => ({ id: row.id, terms: row.terms, scope: row.region_id ? 'region' : 'global' });

/** The synonym groups that apply to a region: the global defaults and the region's own, oldest first. */
export async function listSynonymGroups(raw: RawSql, regionId: string): Promise<SynonymGroup[]> {
  const rows = await raw.query<SynonymRow>(
    'SELECT id, region_id, terms FROM search_synonyms WHERE region_id IS NULL OR region_id = $1 ORDER BY region_id NULLS FIRST, created_at, id',
    [regionId],
  );
  return rows.map(toGroup);
}

/**
 * The region's synonyms prepared for the analyzer. Loaded per search (one small indexed query), so an
 * admin's change applies at once on every server instance without a cache to invalidate.
 */
export async function loadSynonyms(raw: RawSql, regionId: string): Promise<SynonymIndex> {
  return new SynonymIndex((await listSynonymGroups(raw, regionId)).map((group) => group.terms));
}

/** Adds a region's own synonym group (terms folded and de-duplicated; at least two different terms). */
export async function addSynonymGroup(raw: RawSql, regionId: string, terms: string[]): Promise<SynonymGroup> {
  const unique = [...new Set(terms.map((term) => fold(term).trim()))];
  if (unique.length < 2) throw fieldError('terms', 'search.synonyms.distinctTerms');
  const [row] = await raw.query<SynonymRow>('INSERT INTO search_synonyms (region_id, terms) VALUES ($1, $2) RETURNING id, region_id, terms', [regionId, unique]);
  if (!row) throw new Error('insert returned no row');
  return toGroup(row);
}

/** Deletes one of the region's own groups; the global defaults (and other regions' groups) are not found. */
export async function deleteSynonymGroup(raw: RawSql, regionId: string, groupId: string): Promise<void> {
  const rows = await raw.query<{ id: string }>('DELETE FROM search_synonyms WHERE id = $1 AND region_id = $2 RETURNING id', [groupId, regionId]);
  if (rows.length === 0) throw new AppError('NOT_FOUND');
}
