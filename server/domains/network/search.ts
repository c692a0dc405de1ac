import type { RawSql } from '../../db/client.js';
import type { ActorKind, ActorList, ActorListItem, ActorListQuery, SectorRef } from '../../../common/schemas/network.js';
import { fold, queryWords, variants } from '../../search/dutch.js';
import { analyzeQuery, FUZZY_MIN, MATCH_WEIGHT, NO_SYNONYMS, TYPO_SIMILARITY, type QueryTerm, type SynonymIndex } from '../../search/analyzer.js';
import { Params } from '../../search/sql.js';
import { loadSynonyms } from '../../search/synonyms.js';

export { Params } from '../../search/sql.js';

// Field weights of the tie-break (decision 013): name 0, werking/sterktes 1, other profile text 2.
const FIELD_WEIGHT = 'CASE aw.field WHEN 0 THEN 1 WHEN 1 THEN 0.6 ELSE 0.4 END';
// A synonym's hit counts a little less than the word itself, in the score as in the tie-break.
const SYNONYM_SIM = 0.8;

interface TextMatch {
  join: string;
  score: string;
  textScore: string;
  inName: string;
  exact: string;
  /** Tie-break columns of the hit subquery: quality × field weight, fields covered, and the sector patterns. */
  tie: string;
  fields: string;
  /** LIKE patterns of the query's forms, to find sectors the query names (a parameter only where used). */
  sectorPatterns: string[];
}

/**
 * The actors matching a free-text query, with a relevance score, as a subquery over the word index
 * (network_search.words / actor_words). Every query word must match: one of its Dutch forms inside a
 * word of the actor (compounds: "erfgoed" in "erfgoedcel"), a synonym (search_synonyms), or — with
 * `typos` — a word that looks like it. A word in the name weighs three times a word in the profile
 * text; a name word that starts with the query word adds one more.
 */
function textMatch(terms: QueryTerm[], q: string, params: Params, typos: boolean): TextMatch | null {
  if (terms.length === 0) return null;
  // The dictionary words each query word matches, through the trigram index (migration 0016), with the
  // quality of the match: exact word 1, Dutch form 0.9, compound part 0.75, synonym 0.7, typo 0.5 × similarity.
  const wordSets = terms.map((term, index) => {
    const fuzzy = typos && term.token.length >= FUZZY_MIN;
    const forms = params.add(term.forms);
    const token = params.add(term.token);
    const own = `SELECT ${index} AS tok, mw.word, mw.sim, mw.starts,
        CASE WHEN mw.word = ${token}::text THEN ${MATCH_WEIGHT.exact} WHEN mw.word = ANY(${forms}::text[]) THEN ${MATCH_WEIGHT.stem}
             WHEN mw.sim >= 1 THEN ${MATCH_WEIGHT.compound} ELSE ${MATCH_WEIGHT.typo} * mw.sim END AS quality
      FROM network_search.match_words(${forms}::text[], ${token}::text, ${params.add(fuzzy)}::boolean, ${TYPO_SIMILARITY}) mw`;
    if (term.synonymForms.length === 0) return own;
    return `${own} UNION ALL SELECT ${index}, sw.word, ${SYNONYM_SIM} * sw.sim, sw.starts, ${MATCH_WEIGHT.synonym}
      FROM network_search.match_words(${params.add(term.synonymForms)}::text[], ${token}::text, false, ${TYPO_SIMILARITY}) sw`;
  });
  const nameScore = 'max(CASE WHEN aw.in_name THEN 3 * tw.sim + CASE WHEN tw.starts THEN 1 ELSE 0 END ELSE 0 END)';
  const docScore = 'max(CASE WHEN aw.in_name THEN 0 ELSE tw.sim END)';
  const tie = `max(tw.quality * ${FIELD_WEIGHT})`;
  const bits = 'bit_or(1 << aw.field)';
  const matches = `network_search.actor_words aw JOIN (${wordSets.join(' UNION ALL ')}) tw ON tw.word = aw.word`;
  // One query word needs one aggregation per actor; several add up their best hit per word.
  const hits =
    terms.length === 1
      ? `SELECT aw.actor_id, ${nameScore} + ${docScore} AS text_score, bool_or(aw.in_name) AS in_name, ${tie} AS tie, ${bits} AS bits
         FROM ${matches} GROUP BY aw.actor_id`
      : `SELECT m.actor_id, sum(m.name_score + m.doc_score) AS text_score, bool_or(m.in_name) AS in_name, sum(m.tie) AS tie, bit_or(m.bits) AS bits FROM (
          SELECT aw.actor_id, tw.tok, ${nameScore} AS name_score, ${docScore} AS doc_score, bool_or(aw.in_name) AS in_name, ${tie} AS tie, ${bits} AS bits
          FROM ${matches} GROUP BY aw.actor_id, tw.tok
        ) m GROUP BY m.actor_id HAVING count(*) = ${terms.length}`;
  const exact = params.add(fold(q).trim());
  // The whole query is typed here too: counts use this join without the score, and PostgreSQL refuses a parameter it cannot type.
  const join = `JOIN (${hits}) hit ON hit.actor_id = a.id AND ${exact}::text IS NOT NULL`;
  const sectorPatterns = [...new Set(terms.flatMap((term) => term.forms))].map((form) => `%${form}%`);
  return {
    join,
    score: rankScore('hit.text_score', 'a.search_name', exact, 'hit.in_name'),
    textScore: 'hit.text_score',
    inName: 'hit.in_name',
    exact,
    tie: 'hit.tie',
    fields: '((hit.bits & 1) > 0)::int + ((hit.bits & 2) > 0)::int + ((hit.bits & 4) > 0)::int',
    sectorPatterns,
  };
}

/**
 * The full relevance score: the word hits, 5 for an exact name, and up to 2 for a name close to the
 * whole query. Closeness counts only for names that hold a query word: the others share no word with
 * the query, so it would only reorder them by stray letter triples — and computing it for thousands of
 * profile-text hits was most of the time of a common word's search.
 */
function rankScore(textScore: string, searchName: string, exact: string, inName: string): string {
  return `(${textScore} + CASE WHEN ${searchName} = ${exact} THEN 5 ELSE 0 END + CASE WHEN ${inName} THEN 2 * similarity(${searchName}, ${exact}) ELSE 0 END)`;
}

/**
 * FROM and WHERE shared by the list, the export, and the counts: region, visibility, filters and
 * free text. `typos` adds similar-looking words to the text match; searches run without it first and
 * fall back to it only when the exact forms find (almost) nothing.
 */
export function actorFilter(
  regionId: string,
  query: Omit<ActorListQuery, 'limit' | 'offset'>,
  options: { member: boolean; typos?: boolean; synonyms?: SynonymIndex },
  params: Params,
): { from: string; where: string; score: string; text?: Omit<TextMatch, 'join' | 'score'> } {
  let from = 'actors a';
  let score = '0';
  let text: Omit<TextMatch, 'join' | 'score'> | undefined;
  if (query.q && query.q.trim()) {
    const match = textMatch(analyzeQuery(query.q, options.synonyms ?? NO_SYNONYMS), query.q, params, options.typos ?? false);
    if (match) {
      from = `actors a ${match.join}`;
      score = match.score;
      const { join: _join, score: _score, ...rest } = match;
      text = rest;
    }
  }
  const region = params.add(regionId);
  const where = [`a.region_id = ${region}`];
  if (query.q && query.q.trim() && score === '0') where.push('false');
  if (!options.member) where.push('a.is_public');
  if (query.municipality) {
    const m = params.add(query.municipality);
    // Seated in the municipality or active there; as one id set, so both sides use their index.
    where.push(
      `a.id IN (SELECT x.id FROM actors x WHERE x.region_id = ${region} AND x.municipality_nis = ${m} UNION ALL SELECT am.actor_id FROM actor_municipalities am WHERE am.nis_code = ${m})`,
    );
  }
  if (query.sector) where.push(`EXISTS (SELECT 1 FROM actor_sectors x WHERE x.actor_id = a.id AND x.sector_key = ${params.add(query.sector)})`);
  if (query.cultural) {
    where.push(
      `EXISTS (SELECT 1 FROM actor_sectors x JOIN sectors s ON s.key = x.sector_key WHERE x.actor_id = a.id AND x.position = 0 AND s.cultural = ${params.add(query.cultural === 'true')})`,
    );
  }
  if (query.kind) where.push(`a.kind = ${params.add(query.kind)}`);
  if (query.tag) where.push(`EXISTS (SELECT 1 FROM unnest(a.tags) tag WHERE rk_fold(tag) = ${params.add(fold(query.tag.trim()))})`);
  return { from, where: where.join(' AND '), score, ...(text ? { text } : {}) };
}

interface ListRow {
  id: string;
  name: string;
  kind: ActorKind;
  municipality_nis: string | null;
  municipality_name: string | null;
  description: string;
  website: string | null;
  tags: string[];
  is_public: boolean;
  sectors: SectorRef[] | string | null;
  score: number | string;
  total: number | string;
}

function parseJson<T>(value: T | string | null, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** The sectors of an actor as JSON, primary first (a correlated subquery on alias a). */
export const SECTORS_JSON = `COALESCE((SELECT json_agg(json_build_object('key', s.key, 'name', s.name, 'cultural', s.cultural) ORDER BY x.position)
   FROM actor_sectors x JOIN sectors s ON s.key = x.sector_key WHERE x.actor_id = a.id), '[]'::json)`;

// With fewer hits than this from the exact word forms, the search also forgives typos.
const TYPO_FALLBACK_BELOW = 3;

// Upper bound of what the name adds to the word hits: 2 × similarity (at most 1), plus a margin for float rounding.
// The exact-name bonus (5) is handled apart: an exact name is always a candidate for the page.
const NAME_SIMILARITY_MAX = 2.001;

const PAGE_COLUMNS = `a.id, a.name, a.kind, a.municipality_nis, m.name AS municipality_name, a.description, a.website, a.tags, a.is_public,
            ${SECTORS_JSON} AS sectors, page.score`;

async function runSearch(raw: RawSql, regionId: string, query: ActorListQuery, options: { member: boolean; typos: boolean; synonyms: SynonymIndex }): Promise<ActorList> {
  const params = new Params();
  const { from, where, score, text } = actorFilter(regionId, query, options, params);
  const limit = params.add(query.limit);
  const offset = params.add(query.offset);
  let sql: string;
  if (text) {
    // Free text. The matching actors and their word score are computed once (hits); the total is a plain
    // count over them. The name similarity — the expensive part of the score — is computed only for the
    // actors that can still reach the page: with T the (offset + limit)-th best word score, an actor whose
    // word score is below T − 2 ends below at least offset + limit others whatever its name, unless its
    // name is the query itself (+5). Same ranking as scoring every hit, a fraction of the work.
    const page = params.add(query.offset + query.limit);
    // Ties are broken by relevance signals, an id only last (decision 013): a sector named by the query,
    // the match quality weighted by field (name > werking/sterktes > other text), the fields covered, and
    // the whole query as a phrase in the name.
    sql = `WITH hits AS MATERIALIZED (
         SELECT a.id, a.search_name, ${text.textScore} AS text_score, ${text.inName} AS in_name, ${text.tie} AS tie, ${text.fields} AS fields
         FROM ${from} WHERE ${where}
       ),
       matched_sectors AS (
         SELECT array_agg(s.key) AS keys FROM sectors s WHERE rk_fold(s.name) LIKE ANY(${params.add(text.sectorPatterns)}::text[])
       ),
       cutoff AS (
         SELECT COALESCE((SELECT text_score FROM hits ORDER BY text_score DESC OFFSET ${page}::int - 1 LIMIT 1), '-Infinity'::float8) AS t
       ),
       page AS (
         SELECT ranked.id, ranked.score, row_number() OVER (ORDER BY ranked.score DESC, ranked.sector_hit DESC, ranked.tie DESC,
                  ranked.fields DESC, ranked.phrase DESC, ranked.id) AS position
         FROM (
           SELECT h.id, ${rankScore('h.text_score', 'h.search_name', text.exact, 'h.in_name')}::float8 AS score, h.tie, h.fields,
             CASE WHEN ms.keys IS NULL THEN false
                  ELSE EXISTS (SELECT 1 FROM actor_sectors x WHERE x.actor_id = h.id AND x.sector_key = ANY(ms.keys)) END AS sector_hit,
             strpos(h.search_name, ${text.exact}) > 0 AS phrase
           FROM hits h, cutoff, matched_sectors ms
           WHERE h.text_score >= cutoff.t - ${NAME_SIMILARITY_MAX} OR h.search_name = ${text.exact}
         ) ranked
         ORDER BY position
         LIMIT ${limit} OFFSET ${offset}
       )
       SELECT ${PAGE_COLUMNS}, (SELECT count(*) FROM hits) AS total
       FROM page JOIN actors a ON a.id = page.id LEFT JOIN municipalities m ON m.nis_code = a.municipality_nis
       ORDER BY page.position`;
  } else {
    sql = `WITH page AS (
       SELECT a.id, ${score}::float8 AS score, count(*) OVER () AS total
       FROM ${from} WHERE ${where}
       ORDER BY score DESC, a.search_name, a.id
       LIMIT ${limit} OFFSET ${offset}
     )
     SELECT ${PAGE_COLUMNS}, page.total
     FROM page JOIN actors a ON a.id = page.id LEFT JOIN municipalities m ON m.nis_code = a.municipality_nis
     ORDER BY page.score DESC, a.search_name, a.id`;
  }
  const rows = await raw.query<ListRow>(sql, params.values);
  let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && query.offset > 0) total = await countActors(raw, regionId, query, options);
  return { total, items: rows.map((row) => toListItem(row, options.member, Boolean(query.q?.trim()))) };
}

async function countActors(
  raw: RawSql,
  regionId: string,
  query: Omit<ActorListQuery, 'limit' | 'offset'>,
  options: { member: boolean; typos: boolean; synonyms?: SynonymIndex },
): Promise<number> {
  const params = new Params();
  const filter = actorFilter(regionId, query, options, params);
  const [row] = await raw.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${filter.from} WHERE ${filter.where}`, params.values);
  return Number(row?.n ?? 0);
}

/** Whether a free-text query needs the typo-forgiving match: only when its exact word forms find (almost) nothing. */
export async function needsTypos(
  raw: RawSql,
  regionId: string,
  query: Omit<ActorListQuery, 'limit' | 'offset'>,
  options: { member: boolean; synonyms?: SynonymIndex },
): Promise<boolean> {
  if (!query.q?.trim()) return false;
  return (await countActors(raw, regionId, query, { ...options, typos: false })) < TYPO_FALLBACK_BELOW;
}

/** Searches and filters a region's actors, best matches first (or by name without a query). */
export async function searchActors(raw: RawSql, regionId: string, query: ActorListQuery, options: { member: boolean }): Promise<ActorList> {
  const synonyms = query.q?.trim() ? await loadSynonyms(raw, regionId) : NO_SYNONYMS;
  const exact = await runSearch(raw, regionId, query, { ...options, typos: false, synonyms });
  if (!query.q?.trim() || exact.total >= TYPO_FALLBACK_BELOW) return exact;
  if (!(await typosAddWords(raw, query.q))) return exact;
  return runSearch(raw, regionId, query, { ...options, typos: true, synonyms });
}

/**
 * Whether forgiving typos lets any query word match more dictionary words than its exact forms do.
 * When it does not, the typo search would return exactly the exact result (same words, same scores),
 * so it is skipped: a few index lookups in the dictionary instead of a second search.
 */
async function typosAddWords(raw: RawSql, q: string): Promise<boolean> {
  const tokens = queryWords(q).slice(0, 8).filter((token) => token.length >= FUZZY_MIN);
  if (tokens.length === 0) return false;
  const params = new Params();
  const checks = tokens.map((token) => {
    const forms = params.add(variants(token));
    const t = params.add(token);
    return `(SELECT count(*) FROM network_search.match_words(${forms}::text[], ${t}::text, true, ${TYPO_SIMILARITY}))
      > (SELECT count(*) FROM network_search.match_words(${forms}::text[], ${t}::text, false, ${TYPO_SIMILARITY}))`;
  });
  const [row] = await raw.query<{ more: boolean }>(`SELECT (${checks.join(' OR ')}) AS more`, params.values);
  return row?.more === true;
}

function toListItem(row: ListRow, member: boolean, withScore: boolean): ActorListItem {
  const sectors = parseJson<SectorRef[]>(row.sectors, []);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    municipality: row.municipality_nis ? { nisCode: row.municipality_nis, name: row.municipality_name ?? row.municipality_nis } : null,
    sectors,
    cultural: sectors[0]?.cultural ?? false,
    description: row.description,
    website: row.website,
    tags: row.tags,
    ...(member ? { isPublic: row.is_public } : {}),
    ...(withScore ? { score: Math.round(Number(row.score) * 1000) / 1000 } : {}),
  };
}
