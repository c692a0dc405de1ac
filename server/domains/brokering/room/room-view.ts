import type { RawSql } from '../../../db/client.js';
import type { RegionRow } from '../../../http/access.js';
import { crossesMunicipality, crossesSector, listRelations } from '../../network/service.js';
import { getWorkshop } from './service.js';
import type { RoomSnapshot, WorkshopReport } from '../../../../common/schemas/workshops.js';

type Municipality = { nisCode: string; name: string } | null;

const municipality = (nis: string | null, name: string | null): Municipality => (nis ? { nisCode: nis, name: name ?? nis } : null);

interface ParticipantRow {
  id: string;
  name: string;
  organisation_name: string;
  guest: boolean;
  joined_at: string | Date | null;
  actor_id: string | null;
  actor_name: string | null;
  actor_nis: string | null;
  actor_mun: string | null;
  strengths: string[] | null;
  needs: string[] | null;
  sheet_id: string | null;
  current_step: number | null;
}

async function participants(raw: RawSql, workshopId: string) {
  const rows = await raw.query<ParticipantRow>(
    `SELECT p.id, p.name, p.organisation_name, p.guest_token_hash IS NOT NULL AS guest, p.joined_at,
            a.id AS actor_id, a.name AS actor_name, a.municipality_nis AS actor_nis, m.name AS actor_mun, a.strengths, a.needs,
            s.id AS sheet_id, s.current_step
       FROM workshop_participants p
       LEFT JOIN actors a ON a.id = p.actor_id
       LEFT JOIN municipalities m ON m.nis_code = a.municipality_nis
       LEFT JOIN LATERAL (
         SELECT id, current_step FROM brokering_sheets
          WHERE workshop_id = p.workshop_id AND (participant_id = p.id OR (p.actor_id IS NOT NULL AND actor_id = p.actor_id))
          ORDER BY participant_id = p.id DESC LIMIT 1) s ON true
      WHERE p.workshop_id = $1 AND p.joined_at IS NOT NULL
      ORDER BY p.joined_at, p.name`,
    [workshopId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    organisation: row.actor_name ?? row.organisation_name,
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '', municipality: municipality(row.actor_nis, row.actor_mun) } : null,
    newOrganisation: row.actor_id === null,
    guest: row.guest,
    sheetId: row.sheet_id,
    step: row.current_step ?? 1,
    joinedAt: row.joined_at ? new Date(row.joined_at).toISOString() : null,
    strengths: row.strengths ?? [],
    needs: row.needs ?? [],
  }));
}

interface CardRow {
  id: string;
  sheet_id: string;
  start_kind: 'need' | 'strength';
  start_text: string;
  updated_at: string | Date;
  participant: string | null;
  organisation: string | null;
}

interface PartnerRow {
  card_id: string;
  actor_id: string | null;
  name: string;
  nis: string | null;
  mun: string | null;
  sector_key: string | null;
  sector_name: string | null;
  cultural: boolean | null;
  ideas: string[];
  kept: boolean;
  own_nis: string | null;
  own_sector: string | null;
}

async function cards(raw: RawSql, workshopId: string) {
  const cardRows = await raw.query<CardRow>(
    `SELECT c.id, c.sheet_id, c.start_kind, c.start_text, c.updated_at, p.name AS participant, COALESCE(sa.name, p.organisation_name) AS organisation
       FROM partner_cards c
       JOIN brokering_sheets s ON s.id = c.sheet_id
       LEFT JOIN workshop_participants p ON p.id = s.participant_id
       LEFT JOIN actors sa ON sa.id = s.actor_id
      WHERE s.workshop_id = $1
      ORDER BY c.created_at, c.position`,
    [workshopId],
  );
  // Set-based: the primary sector of every actor involved is looked up once (DISTINCT ON over the
  // (actor_id, position) index, migration 0067), not in a subquery per partner row and side.
  const partnerRows = await raw.query<PartnerRow>(
    `WITH card_partners AS (
       SELECT pp.card_id, pp.actor_id, pp.typed_name, pp.typed_municipality_nis, pp.typed_sector_key, pp.ideas, pp.kept, pp.position, pp.created_at,
              s.actor_id AS own_actor_id
         FROM partner_card_partners pp
         JOIN partner_cards c ON c.id = pp.card_id
         JOIN brokering_sheets s ON s.id = c.sheet_id
        WHERE s.workshop_id = $1
     ), primary_sectors AS (
       SELECT DISTINCT ON (x.actor_id) x.actor_id, x.sector_key
         FROM actor_sectors x
        WHERE x.actor_id IN (SELECT actor_id FROM card_partners WHERE actor_id IS NOT NULL UNION SELECT own_actor_id FROM card_partners WHERE own_actor_id IS NOT NULL)
        ORDER BY x.actor_id, x.position
     )
     SELECT cp.card_id, cp.actor_id, COALESCE(a.name, cp.typed_name) AS name,
            COALESCE(a.municipality_nis, cp.typed_municipality_nis) AS nis, m.name AS mun,
            sec.key AS sector_key, sec.name AS sector_name, sec.cultural, cp.ideas, cp.kept,
            sa.municipality_nis AS own_nis, os.sector_key AS own_sector
       FROM card_partners cp
       LEFT JOIN actors sa ON sa.id = cp.own_actor_id
       LEFT JOIN primary_sectors os ON os.actor_id = cp.own_actor_id
       LEFT JOIN actors a ON a.id = cp.actor_id
       LEFT JOIN primary_sectors ps ON ps.actor_id = cp.actor_id
       LEFT JOIN municipalities m ON m.nis_code = COALESCE(a.municipality_nis, cp.typed_municipality_nis)
       LEFT JOIN sectors sec ON sec.key = COALESCE(ps.sector_key, cp.typed_sector_key)
      ORDER BY cp.position, cp.created_at`,
    [workshopId],
  );
  const byCard = new Map<string, RoomSnapshot['cards'][number]['partners']>();
  for (const row of partnerRows) {
    const list = byCard.get(row.card_id) ?? [];
    list.push({
      actorId: row.actor_id,
      name: row.name,
      municipality: municipality(row.nis, row.mun),
      sector: row.sector_key ? { key: row.sector_key, name: row.sector_name ?? row.sector_key, cultural: row.cultural ?? false } : null,
      ideas: row.ideas,
      kept: row.kept,
      bovenlokaal: crossesMunicipality(row.own_nis, row.nis),
      grensverleggend: crossesSector(row.own_sector, row.sector_key),
    });
    byCard.set(row.card_id, list);
  }
  return cardRows.map((row) => ({
    id: row.id,
    sheetId: row.sheet_id,
    participant: row.participant ?? '',
    organisation: row.organisation ?? '',
    startKind: row.start_kind,
    startText: row.start_text,
    partners: byCard.get(row.id) ?? [],
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

/** One bubble per municipality with the partners chosen on the cards; cultural actors first, then by how often chosen. */
function bubbles(cardList: RoomSnapshot['cards']): RoomSnapshot['bubbles'] {
  const byMunicipality = new Map<string, { municipality: { nisCode: string; name: string }; partners: Map<string, RoomSnapshot['bubbles'][number]['partners'][number]> }>();
  for (const card of cardList) {
    for (const partner of card.partners) {
      if (!partner.municipality) continue;
      const bubble = byMunicipality.get(partner.municipality.nisCode) ?? { municipality: partner.municipality, partners: new Map() };
      const key = partner.actorId ?? `typed:${partner.name.toLowerCase()}`;
      const entry = bubble.partners.get(key) ?? { key, name: partner.name, cultural: partner.sector?.cultural ?? false, sectorKey: partner.sector?.key ?? null, times: 0 };
      entry.times++;
      bubble.partners.set(key, entry);
      byMunicipality.set(partner.municipality.nisCode, bubble);
    }
  }
  return [...byMunicipality.values()]
    .map((bubble) => ({
      municipality: bubble.municipality,
      partners: [...bubble.partners.values()].sort((a, b) => Number(b.cultural) - Number(a.cultural) || b.times - a.times || a.name.localeCompare(b.name, 'nl')),
    }))
    .sort((a, b) => b.partners.length - a.partners.length || a.municipality.name.localeCompare(b.municipality.name, 'nl'));
}

interface CombinationRow {
  id: string;
  title: string;
  scenario: string;
  ideas: string[];
  pursue: boolean;
  actors: string | { id: string; name: string; nis: string | null; mun: string | null }[] | null;
  idea_id: string | null;
  idea_title: string | null;
  idea_status: string | null;
}

async function combinations(raw: RawSql, workshopId: string): Promise<RoomSnapshot['combinations']> {
  const rows = await raw.query<CombinationRow>(
    `SELECT c.id, c.title, c.scenario, c.ideas, c.pursue,
            (SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'nis', a.municipality_nis, 'mun', m.name) ORDER BY a.name)
               FROM brokering_combination_actors ca JOIN actors a ON a.id = ca.actor_id LEFT JOIN municipalities m ON m.nis_code = a.municipality_nis
              WHERE ca.combination_id = c.id) AS actors,
            i.id AS idea_id, i.title AS idea_title, i.status AS idea_status
       FROM brokering_combinations c
       LEFT JOIN cooperation_ideas i ON i.combination_id = c.id
      WHERE c.workshop_id = $1 OR c.sheet_id IN (SELECT id FROM brokering_sheets WHERE workshop_id = $1)
      ORDER BY c.pursue DESC, c.created_at`,
    [workshopId],
  );
  return rows.map((row) => {
    const actors = (typeof row.actors === 'string' ? JSON.parse(row.actors) : (row.actors ?? [])) as { id: string; name: string; nis: string | null; mun: string | null }[];
    return {
      id: row.id,
      title: row.title,
      scenario: row.scenario,
      ideas: row.ideas,
      pursue: row.pursue,
      actors: actors.map((actor) => ({ id: actor.id, name: actor.name, municipality: municipality(actor.nis, actor.mun) })),
      cooperationIdea: row.idea_id ? { id: row.idea_id, title: row.idea_title ?? '', status: row.idea_status ?? 'idee' } : null,
    };
  });
}

/** What the facilitator's screen shows: who is at which step, the cards, the bubbles, the combinations. */
export async function roomSnapshot(raw: RawSql, region: RegionRow, workshopId: string): Promise<RoomSnapshot> {
  const workshop = await getWorkshop(raw, region.id, workshopId);
  const [people, cardList, combinationList] = [await participants(raw, workshopId), await cards(raw, workshopId), await combinations(raw, workshopId)];
  const steps = [1, 2, 3, 4, 5].map((step) => ({ step, count: people.filter((person) => person.step === step).length }));
  return {
    workshop,
    region: { slug: region.slug, name: region.name },
    participants: people.map(({ strengths: _s, needs: _n, ...person }) => person),
    steps,
    cards: cardList,
    bubbles: bubbles(cardList),
    combinations: combinationList,
  };
}

/** Counts and shares (0–1, rounded to 3 decimals) of bovenlokaal and grensverleggend links. */
export function shareOf(links: { bovenlokaal: boolean; grensverleggend: boolean }[]) {
  const total = links.length;
  const bovenlokaal = links.filter((link) => link.bovenlokaal).length;
  const grensverleggend = links.filter((link) => link.grensverleggend).length;
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 1000);
  return { total, bovenlokaal, grensverleggend, bovenlokaalShare: share(bovenlokaal), grensverleggendShare: share(grensverleggend) };
}

/**
 * The workshop's report: participants with their strengths and needs, the cards, the pursued
 * combinations, and the rapport bovenlokale netwerken: the partners kept on the cards (each against the
 * card's own organisation) compared with the region's current relations on the map.
 */
export async function workshopReport(raw: RawSql, region: RegionRow, workshopId: string, userId: string): Promise<WorkshopReport> {
  const workshop = await getWorkshop(raw, region.id, workshopId);
  const people = await participants(raw, workshopId);
  const cardList = await cards(raw, workshopId);
  const combinationList = await combinations(raw, workshopId);
  const kept = cardList.flatMap((card) => card.partners.filter((partner) => partner.kept));
  const relations = await listRelations(raw, { region, role: 'admin', userId, user: null, ownActorId: null });
  return {
    workshop,
    region: { slug: region.slug, name: region.name },
    participants: people,
    cards: cardList,
    combinations: combinationList.filter((combination) => combination.pursue),
    bovenlokaal: { workshop: shareOf(kept), region: shareOf(relations) },
  };
}
