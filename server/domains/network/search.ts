import type { RawSql } from '../../db/client.js';
import type { ActorKind, ActorList, ActorListItem, ActorListQuery, SectorRef } from '../../../common/schemas/network.js';
import { fold, queryWords, variants } from './dutch.js';

/** Collects positional parameters while a query is built. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// Words this long or longer are also matched by trigram similarity (typos forgiven) in the fallback.
const FUZZY_MIN = 4;
// How similar a dictionary word must be to a query word to count as a typo of it.
const TYPO_SIMILARITY = 0.5;

/**
 * The actors matching a free-text query, with a relevance score, as a subquery over the word index
 * (network_search.words / actor_words). Every query word must match: one of its Dutch forms inside a
 * word of the actor (compounds: "erfgoed" in "erfgoedcel"), or — with `typos` — a word that looks
 * like it. A word in the name weighs three times a word in the profile text; a name word that starts
 * with the query word adds one more.
 */
function textMatch(q: string, params: Params, typos: boolean): { join: string; score: string; textScore: string; inName: string; exact: string } | null {
  const tokens = queryWords(q).slice(0, 8);
  if (tokens.length === 0) return null;
  // The dictionary words each query word matches, through the trigram index (migration 0016).
  const wordSets = tokens.map((token, index) => {
    const fuzzy = typos && token.length >= FUZZY_MIN;
    return `SELECT ${index} AS tok, mw.word, mw.sim, mw.starts
      FROM network_search.match_words(${params.add(variants(token))}::text[], ${params.add(token)}::text, ${params.add(fuzzy)}::boolean, ${TYPO_SIMILARITY}) mw`;
  });
  const nameScore = 'max(CASE WHEN aw.in_name THEN 3 * tw.sim + CASE WHEN tw.starts THEN 1 ELSE 0 END ELSE 0 END)';
  const docScore = 'max(CASE WHEN aw.in_name THEN 0 ELSE tw.sim END)';
  const matches = `network_search.actor_words aw JOIN (${wordSets.join(' UNION ALL ')}) tw ON tw.word = aw.word`;
  // One query word needs one aggregation per actor; several add up their best hit per word.
  const hits =
    tokens.length === 1
      ? `SELECT aw.actor_id, ${nameScore} + ${docScore} AS text_score, bool_or(aw.in_name) AS in_name FROM ${matches} GROUP BY aw.actor_id`
      : `SELECT m.actor_id, sum(m.name_score + m.doc_score) AS text_score, bool_or(m.in_name) AS in_name FROM (
          SELECT aw.actor_id, tw.tok, ${nameScore} AS name_score, ${docScore} AS doc_score, bool_or(aw.in_name) AS in_name
          FROM ${matches} GROUP BY aw.actor_id, tw.tok
        ) m GROUP BY m.actor_id HAVING count(*) = ${tokens.length}`;
  const exact = params.add(fold(q).trim());
  // The whole query is typed here too: counts use this join without the score, and PostgreSQL refuses a parameter it cannot type.
  const join = `JOIN (${hits}) hit ON hit.actor_id = a.id AND ${exact}::text IS NOT NULL`;
  // Among equal hits, the name that is closest to the whole query (shortest, most specific) first.
  return {
    join,
    score: rankScore('hit.text_score', 'a.search_name', exact, 'hit.in_name'),
    textScore: 'hit.text_score',
    inName: 'hit.in_name',
    exact,
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
  options: { member: boolean; typos?: boolean },
  params: Params,
): { from: string; where: string; score: string; text?: { textScore: string; inName: string; exact: string } } {
  let from = 'actors a';
  let score = '0';
  let text: { textScore: string; inName: string; exact: string } | undefined;
  if (query.q && query.q.trim()) {
    const match = textMatch(query.q, params, options.typos ?? false);
    if (match) {
      from = `actors a ${match.join}`;
      score = match.score;
      text = { textScore: match.textScore, inName: match.inName, exact: match.exact };
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

async function runSearch(raw: RawSql, regionId: string, query: ActorListQuery, options: { member: boolean; typos: boolean }): Promise<ActorList> {
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
    sql = `WITH hits AS MATERIALIZED (
         SELECT a.id, a.search_name, ${text.textScore} AS text_score, ${text.inName} AS in_name FROM ${from} WHERE ${where}
       ),
       cutoff AS (
         SELECT COALESCE((SELECT text_score FROM hits ORDER BY text_score DESC OFFSET ${page}::int - 1 LIMIT 1), '-Infinity'::float8) AS t
       ),
       page AS (
         SELECT h.id, ${rankScore('h.text_score', 'h.search_name', text.exact, 'h.in_name')}::float8 AS score, h.search_name
         FROM hits h, cutoff
         WHERE h.text_score >= cutoff.t - ${NAME_SIMILARITY_MAX} OR h.search_name = ${text.exact}
         ORDER BY score DESC, h.search_name, h.id
         LIMIT ${limit} OFFSET ${offset}
       )
       SELECT ${PAGE_COLUMNS}, (SELECT count(*) FROM hits) AS total
       FROM page JOIN actors a ON a.id = page.id LEFT JOIN municipalities m ON m.nis_code = a.municipality_nis
       ORDER BY page.score DESC, page.search_name, a.id`;
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

async function countActors(raw: RawSql, regionId: string, query: Omit<ActorListQuery, 'limit' | 'offset'>, options: { member: boolean; typos: boolean }): Promise<number> {
  const params = new Params();
  const filter = actorFilter(regionId, query, options, params);
  const [row] = await raw.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${filter.from} WHERE ${filter.where}`, params.values);
  return Number(row?.n ?? 0);
}

/** Whether a free-text query needs the typo-forgiving match: only when its exact word forms find (almost) nothing. */
export async function needsTypos(raw: RawSql, regionId: string, query: Omit<ActorListQuery, 'limit' | 'offset'>, options: { member: boolean }): Promise<boolean> {
  if (!query.q?.trim()) return false;
  return (await countActors(raw, regionId, query, { ...options, typos: false })) < TYPO_FALLBACK_BELOW;
}

/** Searches and filters a region's actors, best matches first (or by name without a query). */
export async function searchActors(raw: RawSql, regionId: string, query: ActorListQuery, options: { member: boolean }): Promise<ActorList> {
  const exact = await runSearch(raw, regionId, query, { ...options, typos: false });
  if (!query.q?.trim() || exact.total >= TYPO_FALLBACK_BELOW) return exact;
  if (!(await typosAddWords(raw, query.q))) return exact;
  return runSearch(raw, regionId, query, { ...options, typos: true });
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
