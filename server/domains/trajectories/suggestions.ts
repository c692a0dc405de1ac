import type { TFunction } from 'i18next';
import type { Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { rawOver } from '../catalog/tx-raw.js';
import { CURRENT_OFFERS_VIEW } from '../catalog/schema.js';
import { haversineKmSql } from '../reference/distance.js';
import { LANGUAGE_ICONS_FOR_LEVEL, type Suggestion, type Transport } from '../../../common/schemas/trajectories.js';
import type { OpeningHours, Weekday } from '../../../common/schemas/catalog.js';
import type { ParticipantRow } from './access.js';

// How far one gets without help, per way of travelling (the seed's rural-mobility problem): beyond it an offer is "hard to reach".
export const REACH_KM: Record<Transport, number> = { 'te-voet': 3, fiets: 10, 'openbaar-vervoer': 20, auto: 40 };
// Offers further than this are not suggested at all.
const MAX_KM = 60;
const MAX_SUGGESTIONS = 6;
const TIME_ZONE = 'Europe/Brussels';

interface OfferRow {
  id: string;
  title: string;
  organizer_name: string | null;
  municipality_name: string | null;
  distance_km: number | null;
  language_icons: number | null;
  themes: string[];
  is_free: boolean;
  uitpas: boolean;
  kansentarief: boolean;
  with_children: boolean;
  childcare: boolean;
  fourth_pillar: boolean;
  opening_hours: OpeningHours[];
  next_starts_at: string | Date | null;
}

type Reason = Suggestion['reasons'][number];

function slotsOf(offer: OfferRow): { day: Weekday; start: string }[] {
  if (offer.opening_hours.length) return offer.opening_hours.flatMap((hours) => hours.days.map((day) => ({ day, start: hours.opens })));
  if (!offer.next_starts_at) return [];
  const at = new Date(offer.next_starts_at);
  const day = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: TIME_ZONE }).format(at).toLowerCase() as Weekday;
  const start = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TIME_ZONE }).format(at);
  return [{ day, start }];
}

/** Score and reasons of one offer for one participant; pure, so the weights are tested without a database. */
export function scoreOffer(participant: ParticipantRow, offer: OfferRow, t: TFunction): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let score = 0;
  const wanted = new Set(participant.interests.map((interest) => interest.toLocaleLowerCase('nl')));
  const shared = offer.themes.filter((theme) => wanted.has(theme.toLocaleLowerCase('nl')));
  if (shared.length) {
    score += 3 * shared.length;
    reasons.push({ kind: 'plus', text: t('trajectories.reasons.interest', { themes: shared.join(', ') }) });
  }
  if (offer.language_icons !== null) reasons.push({ kind: 'plus', text: t('trajectories.reasons.language', { count: offer.language_icons }) });
  if (offer.distance_km !== null) {
    const km = Math.round(offer.distance_km);
    const reach = REACH_KM[participant.transport];
    if (offer.distance_km <= reach / 2) {
      score += 3;
      reasons.push({ kind: 'plus', text: t('trajectories.reasons.nearby', { km }) });
    } else if (offer.distance_km <= reach) {
      score += 1;
      reasons.push({ kind: 'plus', text: t('trajectories.reasons.reachable', { km, transport: t(`trajectories.transport.${participant.transport}`) }) });
    } else {
      score -= 3;
      reasons.push({ kind: 'min', text: t('trajectories.reasons.far', { km, transport: t(`trajectories.transport.${participant.transport}`) }) });
    }
  }
  if (participant.availableDays.length) {
    const slots = slotsOf(offer);
    const fits = slots.filter((slot) => participant.availableDays.includes(slot.day) && (!participant.availableFrom || slot.start >= participant.availableFrom) && (!participant.availableUntil || slot.start < participant.availableUntil));
    if (fits.length) {
      score += 2;
      reasons.push({ kind: 'plus', text: t('trajectories.reasons.days', { day: t(`trajectories.weekdays.${fits[0]!.day}`), time: fits[0]!.start }) });
    } else if (slots.length) {
      score -= 2;
      reasons.push({ kind: 'min', text: t('trajectories.reasons.otherDays') });
    }
  }
  if (participant.needsChildcare) {
    if (offer.childcare) {
      score += 2;
      reasons.push({ kind: 'plus', text: t('trajectories.reasons.childcare') });
    } else if (offer.with_children) {
      score += 1;
      reasons.push({ kind: 'plus', text: t('trajectories.reasons.withChildren') });
    } else {
      score -= 2;
      reasons.push({ kind: 'min', text: t('trajectories.reasons.noChildcare') });
    }
  } else if (participant.withChildren && offer.with_children) {
    score += 1;
    reasons.push({ kind: 'plus', text: t('trajectories.reasons.withChildren') });
  }
  if (offer.is_free) {
    score += 1;
    reasons.push({ kind: 'plus', text: t('trajectories.reasons.free') });
  } else if (participant.uitpasKansentarief && offer.kansentarief) {
    score += 1;
    reasons.push({ kind: 'plus', text: t('trajectories.reasons.kansentarief') });
  }
  if (offer.fourth_pillar) {
    score += 1;
    reasons.push({ kind: 'plus', text: t('trajectories.reasons.fourthPillar') });
  }
  return { score, reasons };
}

/**
 * The region's current offers ranked by fit for the participant, each with its reasons. Hard limits in
 * SQL (the Dutch the activity asks, cost when only free will do, the distance from the participant's
 * municipality); the softer fit is scored here. Offers already placed (and not declined) are left out.
 */
export async function suggestPlacements(db: Db, region: RegionRow, participant: ParticipantRow, t: TFunction, onlyOfferId?: string): Promise<Suggestion[]> {
  const distance = haversineKmSql('home.lat::float8', 'home.lon::float8', 'coalesce(o.latitude, om.lat)::float8', 'coalesce(o.longitude, om.lon)::float8');
  const maxIcons = LANGUAGE_ICONS_FOR_LEVEL[participant.dutchLevel];
  const rows = await rawOver(db).query<OfferRow>(
    `SELECT o.id, o.title, a.name AS organizer_name, om.name AS municipality_name, ${distance} AS distance_km,
            o.language_icons, o.themes, o.is_free, o.uitpas, o.kansentarief, o.with_children, o.childcare, o.fourth_pillar,
            o.opening_hours, o.next_starts_at
       FROM ${CURRENT_OFFERS_VIEW} o
       JOIN municipalities home ON home.nis_code = $2
       LEFT JOIN municipalities om ON om.nis_code = o.municipality_nis
       LEFT JOIN actors a ON a.id = o.organizer_actor_id
      WHERE o.region_id = $1
        AND (o.language_icons IS NULL OR o.language_icons <= $3)
        AND (NOT $4::boolean OR o.is_free OR ($5::boolean AND o.kansentarief))
        AND (${distance} IS NULL OR ${distance} <= $6)
        AND ($8::uuid IS NULL OR o.id = $8::uuid)
        AND NOT EXISTS (SELECT 1 FROM trajectory_placements p WHERE p.participant_id = $7 AND p.offer_id = o.id AND p.status <> 'geweigerd')`,
    [region.id, participant.municipalityNis, maxIcons, participant.freeOnly, participant.uitpasKansentarief, MAX_KM, participant.id, onlyOfferId ?? null],
  );
  return rows
    .map((offer) => {
      const { score, reasons } = scoreOffer(participant, { ...offer, distance_km: offer.distance_km === null ? null : Number(offer.distance_km) }, t);
      return {
        offerId: offer.id,
        title: offer.title,
        organizerName: offer.organizer_name,
        municipalityName: offer.municipality_name,
        distanceKm: offer.distance_km === null ? null : Math.round(Number(offer.distance_km) * 10) / 10,
        languageIcons: offer.language_icons,
        nextStartsAt: offer.next_starts_at ? new Date(offer.next_starts_at).toISOString() : null,
        score,
        reasons,
      };
    })
    .sort((a, b) => b.score - a.score || (a.distanceKm ?? 999) - (b.distanceKm ?? 999) || a.title.localeCompare(b.title, 'nl'))
    .slice(0, MAX_SUGGESTIONS);
}
