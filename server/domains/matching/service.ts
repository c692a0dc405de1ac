import { createHash } from 'node:crypto';
import type { TFunction } from 'i18next';
import type { RawSql } from '../../db/client.js';
import { fieldError } from '../../http/errors.js';
import { cachedView } from '../network/cache.js';
import { isMember, type Viewer } from '../network/access.js';
import { SECTORS_JSON } from '../network/search.js';
import type { MatchActor, MatchList, MatchQuery, RegionMatchList, RegionMatchQuery } from '../../../common/schemas/matching.js';
import type { MatchingEngine, EngineActor, MatchReason } from './engine.js';
import { preparedEngine, synonymTerms } from './engine-cache.js';

interface ActorRow {
  id: string;
  name: string;
  municipality_nis: string | null;
  municipality_name: string | null;
  lat: number | string | null;
  lon: number | string | null;
  strengths: string[];
  needs: string[];
  sectors: EngineActor['sectors'] | string;
}

const parseJson = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** The region's actors the viewer may see, with what the engine compares (one query). */
export async function loadEngineActors(raw: RawSql, viewer: Viewer): Promise<EngineActor[]> {
  const rows = await raw.query<ActorRow>(
    `SELECT a.id, a.name, a.municipality_nis, m.name AS municipality_name, m.lat, m.lon, a.strengths, a.needs, ${SECTORS_JSON} AS sectors
       FROM actors a LEFT JOIN municipalities m ON m.nis_code = a.municipality_nis
      WHERE a.region_id = $1${isMember(viewer) ? '' : ' AND a.is_public'}
      ORDER BY a.name, a.id`,
    [viewer.region.id],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    municipality: row.municipality_nis ? { nisCode: row.municipality_nis, name: row.municipality_name ?? row.municipality_nis } : null,
    sectors: parseJson(row.sectors),
    coordinates: row.lat !== null && row.lon !== null ? { lat: Number(row.lat), lon: Number(row.lon) } : null,
    strengths: row.strengths,
    needs: row.needs,
  }));
}

/** The region's relations between actors (any type, any period: they have worked together). */
async function loadRelationPairs(raw: RawSql, regionId: string): Promise<{ a: string; b: string }[]> {
  return raw.query<{ a: string; b: string }>('SELECT source_actor_id AS a, target_actor_id AS b FROM relations WHERE region_id = $1', [regionId]);
}

/**
 * The engine for a region as this viewer may see it (actors, relations, the region's synonyms): the
 * prepared one while the region's counters are unchanged (engine-cache.ts), else built anew.
 */
export async function regionEngine(raw: RawSql, viewer: Viewer): Promise<MatchingEngine> {
  return preparedEngine(raw, viewer, async () => {
    const [actors, relations, synonyms] = await Promise.all([loadEngineActors(raw, viewer), loadRelationPairs(raw, viewer.region.id), synonymTerms(raw, viewer.region.id)]);
    return { actors, relations, synonyms };
  });
}

const quote = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** One reason in the reader's language ("Jouw nood 'geen eigen podium' ↔ hun sterkte 'eigen fuifzaal met podium'"). */
export function reasonText(reason: MatchReason, t: TFunction): string {
  switch (reason.kind) {
    case 'needStrength':
      return t(reason.own ? 'matching.reasons.ownNeed' : 'matching.reasons.need', { need: quote(reason.need), strength: quote(reason.strength) });
    case 'strengthNeed':
      return t(reason.own ? 'matching.reasons.ownStrength' : 'matching.reasons.strength', { need: quote(reason.need), strength: quote(reason.strength) });
    case 'reciprocal':
      return t('matching.reasons.reciprocal', { need: quote(reason.need), strength: quote(reason.strength) });
    case 'pair':
    case 'pairReciprocal':
      return t(reason.kind === 'pair' ? 'matching.reasons.pair' : 'matching.reasons.pairReciprocal', {
        needer: reason.needer,
        need: quote(reason.need),
        haver: reason.haver,
        strength: quote(reason.strength),
      });
    case 'otherMunicipality':
      return t('matching.reasons.otherMunicipality', { municipality: reason.municipality });
    case 'otherSector':
      return t('matching.reasons.otherSector', { sector: reason.sector });
    case 'nearby':
      return t('matching.reasons.nearby', { km: reason.km });
    case 'alreadyPartners':
      return t('matching.reasons.alreadyPartners');
  }
}

const toMatchActor = (actor: EngineActor): MatchActor => ({ id: actor.id, name: actor.name, municipality: actor.municipality, sectors: actor.sectors });

/**
 * Suggestions for an actor's needs or strengths, or for a typed need or strength (GET …/matches).
 * 400 on `actor` when neither an actor nor a text is given, or the actor is not in the region.
 */
export async function matchesFor(raw: RawSql, viewer: Viewer, query: MatchQuery, t: TFunction): Promise<MatchList> {
  if (query.need && query.strength) throw fieldError('strength', 'matching.errors.needOrStrength');
  if (!query.actor && !query.need && !query.strength) throw fieldError('actor', 'matching.errors.actorOrText');
  const engine = await regionEngine(raw, viewer);
  if (query.actor && !engine.actor(query.actor)) throw fieldError('actor', 'matching.errors.unknownActor');
  const side = query.strength ? 'strength' : 'need';
  const text = query.strength ?? query.need;
  const items = engine.suggest({ actorId: query.actor, side, texts: text ? [text] : undefined, limit: query.limit });
  return {
    items: items.map((item) => ({
      actor: toMatchActor(item.actor),
      score: item.score,
      reasons: item.reasons.map((reason) => reasonText(reason, t)),
      bovenlokaal: item.bovenlokaal,
      grensverleggend: item.grensverleggend,
      alreadyPartners: item.alreadyPartners,
    })),
  };
}

/** The strongest pairs of the region without a relation yet, filtered by municipality and sector (regisseur). */
export async function regionMatches(raw: RawSql, viewer: Viewer, query: RegionMatchQuery, t: TFunction): Promise<RegionMatchList> {
  if (query.sector) {
    const [known] = await raw.query<{ key: string }>('SELECT key FROM sectors WHERE key = $1', [query.sector]);
    if (!known) throw fieldError('sector', 'matching.errors.unknownSector');
  }
  if (query.municipality) {
    const [inRegion] = await raw.query<{ nis_code: string }>('SELECT nis_code FROM region_municipalities WHERE region_id = $1 AND nis_code = $2', [viewer.region.id, query.municipality]);
    if (!inRegion) throw fieldError('municipality', 'matching.errors.unknownMunicipality');
  }
  // The full pass is the expensive part: its result is kept while the network (actors, relations) and the
  // synonyms are unchanged, per filter and language, so the list and the graph layer share it.
  const groups = await synonymTerms(raw, viewer.region.id);
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([groups, query.municipality ?? '', query.sector ?? '', query.limit, t('matching.reasons.otherSector', { sector: '' })]))
    .digest('hex')
    .slice(0, 24);
  return cachedView(raw, viewer.region.id, `matches:${isMember(viewer) ? 'member' : 'public'}:${fingerprint}`, async () => {
    const engine = await regionEngine(raw, viewer);
    const pairs = engine.regionPairs(query);
    return {
      actorsCompared: engine.size,
      items: pairs.map((pair) => ({
        a: toMatchActor(pair.a),
        b: toMatchActor(pair.b),
        score: pair.score,
        reasons: pair.reasons.map((reason) => reasonText(reason, t)),
        bovenlokaal: pair.bovenlokaal,
        grensverleggend: pair.grensverleggend,
      })),
    };
  });
}
