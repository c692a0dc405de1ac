import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { recordChange } from '../audit/service.js';
import type { Viewer } from '../network/access.js';
import { createActor } from '../network/service.js';
import { actorInputSchema } from '../../../common/schemas/network.js';
import { brokeringSheets, partnerCardPartners, partnerCards } from './schema.js';
import { notifyWorkshop } from './workshop-events.js';

interface ProposedRow {
  id: string;
  typed_name: string;
  typed_municipality_nis: string | null;
  municipality_name: string | null;
  typed_sector_key: string | null;
  sector_name: string | null;
  sector_cultural: boolean | null;
  ideas: string[];
  sheet_id: string;
  proposed_by: string | null;
  created_at: Date;
}

/** "Voorgestelde nieuwe actoren": names typed on partner cards that are not on the map yet (open ones). */
export async function listProposedActors(database: DatabaseHandle, viewer: Viewer) {
  const rows = await database.raw.query<ProposedRow>(
    `SELECT p.id, p.typed_name, p.typed_municipality_nis, m.name AS municipality_name, p.typed_sector_key, s.name AS sector_name, s.cultural AS sector_cultural,
            p.ideas, c.sheet_id, coalesce(a.name, w.organisation_name, '') AS proposed_by, p.created_at
       FROM partner_card_partners p
       JOIN partner_cards c ON c.id = p.card_id
       JOIN brokering_sheets sh ON sh.id = c.sheet_id
       LEFT JOIN actors a ON a.id = sh.actor_id
       LEFT JOIN workshop_participants w ON w.id = sh.participant_id
       LEFT JOIN municipalities m ON m.nis_code = p.typed_municipality_nis
       LEFT JOIN sectors s ON s.key = p.typed_sector_key
      WHERE sh.region_id = $1 AND p.proposal_status = 'open' AND p.typed_name IS NOT NULL
      ORDER BY lower(p.typed_name), p.created_at`,
    [viewer.region.id],
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      typedName: row.typed_name,
      municipality: row.typed_municipality_nis ? { nisCode: row.typed_municipality_nis, name: row.municipality_name ?? row.typed_municipality_nis } : null,
      sector: row.typed_sector_key ? { key: row.typed_sector_key, name: row.sector_name ?? row.typed_sector_key, cultural: Boolean(row.sector_cultural) } : null,
      ideas: row.ideas,
      proposedBy: row.proposed_by ?? '',
      sheetId: row.sheet_id,
      createdAt: new Date(row.created_at).toISOString(),
    })),
  };
}

async function loadOpen(database: DatabaseHandle, viewer: Viewer, partnerId: string) {
  const [row] = await database.db
    .select({ partner: partnerCardPartners, sheetId: brokeringSheets.id, workshopId: brokeringSheets.workshopId })
    .from(partnerCardPartners)
    .innerJoin(partnerCards, eq(partnerCards.id, partnerCardPartners.cardId))
    .innerJoin(brokeringSheets, eq(brokeringSheets.id, partnerCards.sheetId))
    .where(and(eq(partnerCardPartners.id, partnerId), eq(brokeringSheets.regionId, viewer.region.id)));
  if (!row) throw new AppError('NOT_FOUND');
  if (row.partner.proposalStatus !== 'open') throw new AppError('ALREADY_EXISTS');
  return row;
}

/** The admin creates the proposed actor on the map (through the network service) and the card now points at it. */
export async function createProposedActor(database: DatabaseHandle, viewer: Viewer, partnerId: string, input: { name: string; municipality: string; sector: string }): Promise<string> {
  const row = await loadOpen(database, viewer, partnerId);
  const actorId = await createActor(database.db, viewer.region.id, actorInputSchema.parse({ name: input.name, municipality: input.municipality, sectors: [input.sector] }), viewer.userId);
  await database.db
    .update(partnerCardPartners)
    .set({ actorId, typedName: null, typedMunicipalityNis: null, typedSectorKey: null, proposalStatus: 'created' })
    .where(eq(partnerCardPartners.id, partnerId));
  await recordChange(database.db, { regionId: viewer.region.id, userId: viewer.userId, entityType: 'partner_card_partner', entityId: partnerId, action: 'update', changes: { proposalStatus: { before: 'open', after: 'created' }, actorId: { before: null, after: actorId } } });
  if (row.workshopId) await notifyWorkshop(database, { workshopId: row.workshopId, type: 'card.updated', sheetId: row.sheetId });
  return actorId;
}

/** The admin dismisses a proposed actor: the name stays on the card, it is no longer offered. */
export async function dismissProposedActor(database: DatabaseHandle, viewer: Viewer, partnerId: string): Promise<void> {
  await loadOpen(database, viewer, partnerId);
  await database.db.update(partnerCardPartners).set({ proposalStatus: 'dismissed' }).where(eq(partnerCardPartners.id, partnerId));
  await recordChange(database.db, { regionId: viewer.region.id, userId: viewer.userId, entityType: 'partner_card_partner', entityId: partnerId, action: 'update', changes: { proposalStatus: { before: 'open', after: 'dismissed' } } });
}
