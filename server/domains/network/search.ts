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

// Words this long or longer are also matched with trigram word similarity (typos forgiven).
const FUZZY_MIN = 4;

/**
 * The WHERE clause and relevance score for a free-text query. Every word must match somewhere:
 * one of its Dutch variants as a substring of the folded name or profile text (compounds), or the
 * word itself by trigram word similarity (typos). Name hits weigh three times profile hits; a hit at
 * the start of a word in the name and an exact name weigh extra.
 */
function textMatch(q: string, params: Params, typos: boolean): { where: string[]; score: string } {
  const tokens = queryWords(q).slice(0, 8);
  const where: string[] = [];
  const scores: string[] = [];
  for (const token of tokens) {
    const forms = variants(token).map((form) => params.add(`%${form}%`));
    const nameHit = forms.map((p) => `a.search_name LIKE ${p}`).join(' OR ');
    const docHit = forms.map((p) => `a.search_doc LIKE ${p}`).join(' OR ');
    const t = params.add(token);
    const fuzzy = typos && token.length >= FUZZY_MIN;
    const fuzzyName = fuzzy ? `${t}::text <% a.search_name` : 'false';
    const fuzzyDoc = fuzzy ? `${t}::text <% a.search_doc` : 'false';
    where.push(`(${nameHit} OR ${docHit} OR ${fuzzyName} OR ${fuzzyDoc})`);
    scores.push(
      `(CASE WHEN ${nameHit} THEN 3 + (CASE WHEN a.search_name LIKE ${t}::text || '%' OR a.search_name LIKE '% ' || ${t}::text || '%' THEN 1 ELSE 0 END)` +
        (fuzzy ? ` WHEN ${fuzzyName} THEN 2 * word_similarity(${t}::text, a.search_name)` : '') +
        ` ELSE 0 END + CASE WHEN ${docHit} THEN 1` +
        (fuzzy ? ` WHEN ${fuzzyDoc} THEN word_similarity(${t}::text, a.search_doc)` : '') +
        ` ELSE 0 END)`,
    );
  }
  if (tokens.length === 0) return { where: [], score: '0' };
  const exact = params.add(fold(q).trim());
  // Among equal hits, the name that is closest to the whole query (shortest, most specific) first.
  return { where, score: `(${scores.join(' + ')} + CASE WHEN a.search_name = ${exact} THEN 5 ELSE 0 END + 2 * similarity(a.search_name, ${exact}))` };
}

/**
 * WHERE conditions shared by the list, the export, and the counts: region, visibility and filters.
 * `typos` adds trigram word similarity to the text match; it is costly on long profile texts, so
 * searches first run without it and fall back to it only when the exact forms find (almost) nothing.
 */
export function actorFilter(
  regionId: string,
  query: Omit<ActorListQuery, 'limit' | 'offset'>,
  options: { member: boolean; typos?: boolean },
  params: Params,
): { where: string; score: string } {
  const where = [`a.region_id = ${params.add(regionId)}`];
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
  let score = '0';
  if (query.q && query.q.trim()) {
    const text = textMatch(query.q, params, options.typos ?? false);
    if (text.where.length === 0) where.push('false');
    where.push(...text.where);
    score = text.score;
  }
  return { where: where.join(' AND '), score };
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
  const { where, score } = actorFilter(regionId, query, options, params);
  const limit = params.add(query.limit);
  const offset = params.add(query.offset);
  const rows = await raw.query<ListRow>(
    `WITH page AS (
       SELECT a.id, ${score}::float8 AS score, count(*) OVER () AS total
       FROM actors a WHERE ${where}
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
  const [row] = await raw.query<{ n: number | string }>(`SELECT count(*) AS n FROM actors a WHERE ${filter.where}`, params.values);
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
