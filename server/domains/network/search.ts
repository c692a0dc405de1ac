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
function textMatch(q: string, params: Params, typos: boolean): { join: string; score: string } | null {
  const tokens = queryWords(q).slice(0, 8);
  if (tokens.length === 0) return null;
  const wordSets = tokens.map((token, index) => {
    const forms = variants(token);
    const contains = forms.map((form) => `w.word LIKE ${params.add(`%${form}%`)}`).join(' OR ');
    const starts = forms.map((form) => `w.word LIKE ${params.add(`${form}%`)}`).join(' OR ');
    const fuzzy = typos && token.length >= FUZZY_MIN;
    const t = fuzzy ? params.add(token) : '';
    const condition = fuzzy ? `(${contains}) OR (w.word % ${t}::text AND similarity(w.word, ${t}::text) >= ${TYPO_SIMILARITY})` : contains;
    const similarity = fuzzy ? `CASE WHEN ${contains} THEN 1 ELSE similarity(w.word, ${t}::text) END` : '1';
    return `SELECT ${index} AS tok, w.word, (${similarity})::float8 AS sim, (${starts}) AS starts FROM network_search.words w WHERE ${condition}`;
  });
  const join = `JOIN (
      SELECT m.actor_id, sum(m.name_score + m.doc_score) AS text_score FROM (
        SELECT aw.actor_id, tw.tok,
          max(CASE WHEN aw.in_name THEN 3 * tw.sim + CASE WHEN tw.starts THEN 1 ELSE 0 END ELSE 0 END) AS name_score,
          max(CASE WHEN aw.in_name THEN 0 ELSE tw.sim END) AS doc_score
        FROM network_search.actor_words aw JOIN (${wordSets.join(' UNION ALL ')}) tw ON tw.word = aw.word
        GROUP BY aw.actor_id, tw.tok
      ) m GROUP BY m.actor_id HAVING count(*) = ${tokens.length}
    ) hit ON hit.actor_id = a.id`;
  const exact = params.add(fold(q).trim());
  // Among equal hits, the name that is closest to the whole query (shortest, most specific) first.
  return { join, score: `(hit.text_score + CASE WHEN a.search_name = ${exact} THEN 5 ELSE 0 END + 2 * similarity(a.search_name, ${exact}))` };
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
): { from: string; where: string; score: string } {
  let from = 'actors a';
  let score = '0';
  if (query.q && query.q.trim()) {
    const text = textMatch(query.q, params, options.typos ?? false);
    if (text) {
      from = `actors a ${text.join}`;
      score = text.score;
    }
  }
  const where = [`a.region_id = ${params.add(regionId)}`];
  if (query.q && query.q.trim() && score === '0') where.push('false');
  if (!options.member) where.push('a.is_public');
  if (query.municipality) {
    const m = params.add(query.municipality);
    where.push(`(a.municipality_nis = ${m} OR EXISTS (SELECT 1 FROM actor_municipalities am WHERE am.actor_id = a.id AND am.nis_code = ${m}))`);
  }
  if (query.sector) where.push(`EXISTS (SELECT 1 FROM actor_sectors x WHERE x.actor_id = a.id AND x.sector_key = ${params.add(query.sector)})`);
  if (query.cultural) {
    where.push(
      `EXISTS (SELECT 1 FROM actor_sectors x JOIN sectors s ON s.key = x.sector_key WHERE x.actor_id = a.id AND x.position = 0 AND s.cultural = ${params.add(query.cultural === 'true')})`,
    );
  }
  if (query.kind) where.push(`a.kind = ${params.add(query.kind)}`);
  if (query.tag) where.push(`EXISTS (SELECT 1 FROM unnest(a.tags) tag WHERE rk_fold(tag) = ${params.add(fold(query.tag.trim()))})`);
  return { from, where: where.join(' AND '), score };
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

async function runSearch(raw: RawSql, regionId: string, query: ActorListQuery, options: { member: boolean; typos: boolean }): Promise<ActorList> {
  const params = new Params();
  const { from, where, score } = actorFilter(regionId, query, options, params);
  const limit = params.add(query.limit);
  const offset = params.add(query.offset);
  const rows = await raw.query<ListRow>(
    `WITH page AS (
       SELECT a.id, ${score}::float8 AS score, count(*) OVER () AS total
       FROM ${from} WHERE ${where}
       ORDER BY score DESC, a.search_name, a.id
       LIMIT ${limit} OFFSET ${offset}
     )
     SELECT a.id, a.name, a.kind, a.municipality_nis, m.name AS municipality_name, a.description, a.website, a.tags, a.is_public,
            ${SECTORS_JSON} AS sectors, page.score, page.total
     FROM page JOIN actors a ON a.id = page.id LEFT JOIN municipalities m ON m.nis_code = a.municipality_nis
     ORDER BY page.score DESC, a.search_name, a.id`,
    params.values,
  );
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
  return runSearch(raw, regionId, query, { ...options, typos: true });
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
