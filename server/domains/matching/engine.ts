/**
 * The matching engine: which actors answer a need (with a strength) or need a strength, and why.
 * Pure: it gets the region's actors, relations and synonyms, and returns scored suggestions with
 * their reasons as data (the service translates them). How the score is built: docs/matching.md.
 */
import type { QueryTerm, SynonymIndex } from '../../search/analyzer.js';
import { words } from '../../search/analyzer.js';
import { crossesMunicipality, crossesSector } from '../network/service.js';
import { TextIndex, type IndexedText } from './text-index.js';

/** An actor as the engine sees it. */
export interface EngineActor {
  id: string;
  name: string;
  municipality: { nisCode: string; name: string } | null;
  sectors: { key: string; name: string; cultural: boolean }[];
  coordinates: { lat: number; lon: number } | null;
  strengths: string[];
  needs: string[];
}

/** Why a suggestion was made; translated by the service (catalog keys matching.reasons.*). */
export type MatchReason =
  | { kind: 'needStrength'; own: boolean; need: string; strength: string }
  | { kind: 'strengthNeed'; own: boolean; strength: string; need: string }
  | { kind: 'reciprocal'; strength: string; need: string }
  | { kind: 'pair'; needer: string; need: string; haver: string; strength: string }
  | { kind: 'pairReciprocal'; needer: string; need: string; haver: string; strength: string }
  | { kind: 'otherMunicipality'; municipality: string }
  | { kind: 'otherSector'; sector: string }
  | { kind: 'nearby'; km: number }
  | { kind: 'alreadyPartners' };

/** One suggested actor for a reference actor or a typed text. */
export interface EngineSuggestion {
  actor: EngineActor;
  score: number;
  reasons: MatchReason[];
  bovenlokaal: boolean;
  grensverleggend: boolean;
  alreadyPartners: boolean;
}

/** One pair of the region: `a`'s need answered by `b`'s strength. */
export interface EnginePair {
  a: EngineActor;
  b: EngineActor;
  score: number;
  reasons: MatchReason[];
  bovenlokaal: boolean;
  grensverleggend: boolean;
}

/** The weights of the score (see docs/matching.md; tuned on the labelled set). */
export const WEIGHTS = {
  /** Text relevance between the need and the strength (0–1). */
  text: 1,
  /** Text relevance the other way round: they can use something of mine (0–1). */
  reciprocity: 0.3,
  /** Based in another municipality (bovenlokaal). */
  otherMunicipality: 0.08,
  /** Another primary sector (grensverleggend). */
  otherSector: 0.08,
  /** Nearby: 1 in the same town, falling linearly to 0 at PROXIMITY_KM. */
  proximity: 0.06,
  /** Already partners: the score is multiplied by this (suggested last, never hidden). */
  partnerFactor: 0.5,
} as const;

/** A need and a strength meet below this text relevance are not a match. */
export const MIN_RELEVANCE = 0.2;
export const PROXIMITY_KM = 40;
/** In the region-wide list an actor appears in at most this many pairs. */
export const MAX_PAIRS_PER_ACTOR = 3;

/**
 * Words that say how much or whether, not what ("geen eigen podium", "meer bereik bij …"): they are
 * left out of the texts compared, so a need is matched on its subject. The reasons quote the full text.
 */
const FILLER = new Set(
  'meer minder geen eigen ervaring zoek gratis hele bij weinig beperkt beperkte voldoende nood noden aan om naar die dat wat ook onze ons hun zijn is er nog tot uit door over als zo heel veel goed goede sterk sterke ruim ruime zoeken zoekt nodig hebben heeft alle elke iedereen wij we willen kunnen graag extra nieuwe nieuw'.split(' '),
);

/** A need or strength reduced to the words that carry its subject. */
export function subjectText(text: string): string {
  const kept = words(text).filter((word) => !FILLER.has(word));
  return kept.length > 0 ? kept.join(' ') : text;
}

/** Kilometres between two points (haversine), rounded. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

type Side = 'need' | 'strength';

interface TextOwner {
  actor: number;
  side: Side;
  text: string;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Prepares a region once (texts analyzed, indexes built) and answers any number of questions about it. */
export class MatchingEngine {
  private readonly index: TextIndex;
  private readonly owners: TextOwner[] = [];
  private readonly textsOf: { need: number[]; strength: number[] }[] = [];
  private readonly sideIds: Record<Side, Set<number>> = { need: new Set(), strength: new Set() };
  private readonly partners = new Set<number>();
  private readonly byId = new Map<string, number>();

  constructor(
    private readonly actors: readonly EngineActor[],
    relations: readonly { a: string; b: string }[],
    synonyms: SynonymIndex,
    /** The analysis of every text, in the engine's order (`analysis`), kept from an earlier build. */
    analysis?: readonly QueryTerm[][],
  ) {
    this.index = new TextIndex(synonyms);
    let next = 0;
    const addText = (text: string) => this.index.add(subjectText(text), analysis?.[next++]);
    actors.forEach((actor, position) => this.byId.set(actor.id, position));
    for (const relation of relations) {
      const a = this.byId.get(relation.a);
      const b = this.byId.get(relation.b);
      if (a !== undefined && b !== undefined) this.partners.add(this.pairKey(a, b));
    }
    actors.forEach((actor, position) => {
      const own = { need: [] as number[], strength: [] as number[] };
      for (const [side, texts] of [['need', actor.needs], ['strength', actor.strengths]] as const) {
        for (const text of texts) {
          const id = addText(text);
          this.owners[id] = { actor: position, side, text };
          this.sideIds[side].add(id);
          own[side].push(id);
        }
      }
      this.textsOf.push(own);
    });
  }

  /** One number per unordered pair of actor positions. */
  private pairKey(a: number, b: number): number {
    return a < b ? a * this.actors.length + b : b * this.actors.length + a;
  }

  /** The analysis of every text (actors in order, each one's needs then strengths): what a rebuild may reuse. */
  get analysis(): QueryTerm[][] {
    return this.index.texts.map((text) => text.terms);
  }

  /** How many actors the engine compares. */
  get size(): number {
    return this.actors.length;
  }

  /** The actor with this id, if it is in the region (and visible to the caller). */
  actor(id: string): EngineActor | undefined {
    const position = this.byId.get(id);
    return position === undefined ? undefined : this.actors[position];
  }

  /** Best relevance of one text against some of the index's texts, with the best one. */
  private best(text: number | IndexedText, among: readonly number[], memo?: Map<number, number>): { relevance: number; text: number | null } {
    let best = { relevance: 0, text: null as number | null };
    const from = typeof text === 'number' ? this.index.texts[text]! : text;
    for (const other of among) {
      const relevance = memo && typeof text === 'number' ? this.index.relevanceMemo(text, other, memo) : this.index.relevanceOf(from, this.index.texts[other]!);
      if (relevance > best.relevance) best = { relevance, text: other };
    }
    return best;
  }

  private borders(reference: EngineActor, other: EngineActor): { score: number; reasons: MatchReason[]; bovenlokaal: boolean; grensverleggend: boolean } {
    const reasons: MatchReason[] = [];
    let score = 0;
    const bovenlokaal = crossesMunicipality(reference.municipality?.nisCode ?? null, other.municipality?.nisCode ?? null);
    const grensverleggend = crossesSector(reference.sectors[0]?.key ?? null, other.sectors[0]?.key ?? null);
    if (bovenlokaal && other.municipality) {
      score += WEIGHTS.otherMunicipality;
      reasons.push({ kind: 'otherMunicipality', municipality: other.municipality.name });
    }
    if (grensverleggend && other.sectors[0]) {
      score += WEIGHTS.otherSector;
      reasons.push({ kind: 'otherSector', sector: other.sectors[0].name });
    }
    if (reference.coordinates && other.coordinates) {
      const km = distanceKm(reference.coordinates, other.coordinates);
      const nearness = Math.max(0, 1 - km / PROXIMITY_KM);
      score += WEIGHTS.proximity * nearness;
      if (bovenlokaal && km <= 15) reasons.push({ kind: 'nearby', km: Math.max(1, Math.round(km)) });
    }
    return { score, reasons, bovenlokaal, grensverleggend };
  }

  /**
   * Actors that answer the reference actor's needs (side 'need') or need its strengths (side
   * 'strength'); `texts` replaces the actor's own needs/strengths with typed ones. The reference
   * actor is never suggested; actors that have the same need (or strength) themselves are left out.
   */
  suggest(options: { actorId?: string; side: Side; texts?: string[]; limit: number }): EngineSuggestion[] {
    const referencePosition = options.actorId ? this.byId.get(options.actorId) : undefined;
    const reference = referencePosition === undefined ? undefined : this.actors[referencePosition];
    // Typed texts are probes: the engine is shared between requests (service.ts) and must not grow with them.
    const queries =
      options.texts && options.texts.length > 0
        ? options.texts.map((text) => ({ indexed: this.index.probe(subjectText(text)), text }))
        : referencePosition === undefined
          ? []
          : (this.textsOf[referencePosition]?.[options.side] ?? []).map((id) => ({ indexed: this.index.texts[id]!, text: this.owners[id]!.text }));
    const answering: Side = options.side === 'need' ? 'strength' : 'need';

    const found = new Map<number, { relevance: number; query: string; their: string }>();
    for (const query of queries) {
      for (const candidate of this.index.candidatesOf(query.indexed, this.sideIds[answering])) {
        const owner = this.owners[candidate]!;
        if (owner.actor === referencePosition) continue;
        const relevance = this.index.relevanceOf(query.indexed, this.index.texts[candidate]!);
        if (relevance < MIN_RELEVANCE) continue;
        const previous = found.get(owner.actor);
        if (previous && previous.relevance >= relevance) continue;
        // An actor that itself needs (or offers) what was asked is not the one to answer it.
        const same = this.best(query.indexed, this.textsOf[owner.actor]![options.side]);
        if (same.relevance >= relevance) continue;
        found.set(owner.actor, { relevance, query: query.text, their: owner.text });
      }
    }

    const out: EngineSuggestion[] = [];
    for (const [position, match] of found) {
      const actor = this.actors[position]!;
      const own = reference !== undefined;
      const reasons: MatchReason[] = [
        options.side === 'need'
          ? { kind: 'needStrength', own, need: match.query, strength: match.their }
          : { kind: 'strengthNeed', own, strength: match.query, need: match.their },
      ];
      let score = WEIGHTS.text * match.relevance;
      let bovenlokaal = false;
      let grensverleggend = false;
      let alreadyPartners = false;
      if (reference && referencePosition !== undefined) {
        const back = this.reciprocity(referencePosition, position, options.side);
        if (back) {
          score += WEIGHTS.reciprocity * back.relevance;
          reasons.push({ kind: 'reciprocal', strength: back.strength, need: back.need });
        }
        const borders = this.borders(reference, actor);
        score += borders.score;
        reasons.push(...borders.reasons);
        bovenlokaal = borders.bovenlokaal;
        grensverleggend = borders.grensverleggend;
        alreadyPartners = this.partners.has(this.pairKey(referencePosition, position));
        if (alreadyPartners) {
          score *= WEIGHTS.partnerFactor;
          reasons.push({ kind: 'alreadyPartners' });
        }
      }
      out.push({ actor, score: round(score), reasons, bovenlokaal, grensverleggend, alreadyPartners });
    }
    return out.sort((x, y) => y.score - x.score || x.actor.name.localeCompare(y.actor.name, 'nl')).slice(0, options.limit);
  }

  /**
   * The other way round: the best of the reference's strengths for the other's needs (when the
   * reference asked with its needs), or of the other's strengths for the reference's needs.
   */
  private reciprocity(reference: number, other: number, side: Side, memo?: Map<number, number>): { relevance: number; strength: string; need: string } | null {
    const [needer, haver] = side === 'need' ? [other, reference] : [reference, other];
    let best: { relevance: number; strength: string; need: string } | null = null;
    for (const need of this.textsOf[needer]!.need) {
      const match = this.best(need, this.textsOf[haver]!.strength, memo);
      if (match.text !== null && match.relevance >= MIN_RELEVANCE && (!best || match.relevance > best.relevance)) {
        best = { relevance: match.relevance, need: this.owners[need]!.text, strength: this.owners[match.text]!.text };
      }
    }
    return best;
  }

  /**
   * The strongest pairs of the region that have no relation yet: one actor's need answered by the
   * other's strength, scored like suggest() (reciprocity, borders, proximity). Filters keep the pairs
   * with at least one actor in the municipality / with the sector.
   */
  regionPairs(options: { municipality?: string; sector?: string; limit: number }): EnginePair[] {
    const keep = (actor: EngineActor) =>
      (!options.municipality || actor.municipality?.nisCode === options.municipality) && (!options.sector || actor.sectors.some((sector) => sector.key === options.sector));
    const best = new Map<number, EnginePair>();
    // The pass compares the same need and strength texts again and again (candidates, "they need it too",
    // reciprocity): each distinct pair is scored once in this pass.
    const memo = new Map<number, number>();
    this.actors.forEach((needer, neederPosition) => {
      for (const need of this.textsOf[neederPosition]!.need) {
        const byHaver = new Map<number, { relevance: number; strength: number }>();
        for (const candidate of this.index.candidates(need, this.sideIds.strength)) {
          const haverPosition = this.owners[candidate]!.actor;
          if (haverPosition === neederPosition) continue;
          const haver = this.actors[haverPosition]!;
          if (!keep(needer) && !keep(haver)) continue;
          if (this.partners.has(this.pairKey(neederPosition, haverPosition))) continue;
          const relevance = this.index.relevanceMemo(need, candidate, memo);
          if (relevance < MIN_RELEVANCE) continue;
          const previous = byHaver.get(haverPosition);
          if (!previous || relevance > previous.relevance) byHaver.set(haverPosition, { relevance, strength: candidate });
        }
        for (const [haverPosition, match] of byHaver) {
          const haver = this.actors[haverPosition]!;
          if (this.best(need, this.textsOf[haverPosition]!.need, memo).relevance >= match.relevance) continue;
          const key = this.pairKey(neederPosition, haverPosition);
          const current = best.get(key);
          // Cheap upper bound first: a pair already better than anything this match could reach stays.
          if (current && current.score >= WEIGHTS.text * match.relevance + WEIGHTS.reciprocity + WEIGHTS.otherMunicipality + WEIGHTS.otherSector + WEIGHTS.proximity) continue;
          const reasons: MatchReason[] = [{ kind: 'pair', needer: needer.name, need: this.owners[need]!.text, haver: haver.name, strength: this.owners[match.strength]!.text }];
          let score = WEIGHTS.text * match.relevance;
          const back = this.reciprocity(neederPosition, haverPosition, 'need', memo);
          if (back) {
            score += WEIGHTS.reciprocity * back.relevance;
            reasons.push({ kind: 'pairReciprocal', needer: haver.name, need: back.need, haver: needer.name, strength: back.strength });
          }
          const borders = this.borders(needer, haver);
          score += borders.score;
          reasons.push(...borders.reasons);
          if (!current || score > current.score) {
            best.set(key, { a: needer, b: haver, score: round(score), reasons, bovenlokaal: borders.bovenlokaal, grensverleggend: borders.grensverleggend });
          }
        }
      }
    });
    // A few actors with broad texts ("vrijwilligers") would otherwise fill the whole list: each appears at most a few times.
    const shown = new Map<string, number>();
    const out: EnginePair[] = [];
    const ranked = [...best.values()].sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name, 'nl') || x.b.name.localeCompare(y.b.name, 'nl'));
    for (const pair of ranked) {
      if (out.length >= options.limit) break;
      if ((shown.get(pair.a.id) ?? 0) >= MAX_PAIRS_PER_ACTOR || (shown.get(pair.b.id) ?? 0) >= MAX_PAIRS_PER_ACTOR) continue;
      shown.set(pair.a.id, (shown.get(pair.a.id) ?? 0) + 1);
      shown.set(pair.b.id, (shown.get(pair.b.id) ?? 0) + 1);
      out.push(pair);
    }
    return out;
  }
}
