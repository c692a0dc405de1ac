import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { rawOver } from '../catalog/tx-raw.js';
import type { TrajectoryStage } from '../../../common/schemas/trajectories.js';

/** What a figures test needs of one participant; everything but municipality and referral date optional. */
export interface FigureParticipant {
  municipalityNis: string;
  referredOn: string;
  stage?: TrajectoryStage;
  uitpasKansentarief?: boolean;
  continuesAfter?: boolean | null;
  intakeOn?: string;
  firstVisitOn?: string;
  /** An accepted placement at the offer, accepted on the date, with hours attended on that day. */
  placement?: { offerId: string; organizerActorId: string | null; acceptedOn: string; hours?: number; attendedOn?: string };
}

/**
 * Inserts a participant with steps, an accepted placement and hours straight into the tables: figures
 * tests need dozens of them on known dates, which the API (dates of today) cannot give. Returns the id.
 */
export async function figureParticipantFactory(db: Db, regionId: string, input: FigureParticipant): Promise<string> {
  const raw = rawOver(db);
  const [row] = await raw.query<{ id: string }>(
    `INSERT INTO trajectory_participants (region_id, code, first_name, municipality_nis, inburgeraar_status, referred_on, stage, uitpas_kansentarief, continues_after)
     VALUES ($1, $2, $3, $4, 'verplicht', $5, $6, $7, $8) RETURNING id`,
    [regionId, `TR-${randomUUID().slice(0, 8).toUpperCase()}`, `Naam${randomUUID().slice(0, 4)}`, input.municipalityNis, input.referredOn, input.stage ?? 'verwijzing', input.uitpasKansentarief ?? false, input.continuesAfter ?? null],
  );
  const id = row!.id;
  for (const [kind, on] of [['intake', input.intakeOn], ['eerste-bezoek', input.firstVisitOn]] as const) {
    if (on) await raw.query(`INSERT INTO trajectory_steps (participant_id, kind, happened_on) VALUES ($1, $2, $3)`, [id, kind, on]);
  }
  const placement = input.placement;
  if (placement) {
    const [placed] = await raw.query<{ id: string }>(
      `INSERT INTO trajectory_placements (region_id, participant_id, offer_id, offer_title, organizer_actor_id, status, responded_at, created_at)
       SELECT $1, $2, o.id, o.title, $4, 'aanvaard', $5::date + time '12:00', $5::date + time '09:00' FROM offers o WHERE o.id = $3 RETURNING id`,
      [regionId, id, placement.offerId, placement.organizerActorId, placement.acceptedOn],
    );
    // A day counts at most 12 hours: more hours are logged as several entries of up to 10.
    for (let left = placement.hours ?? 0; left > 0; left -= 10) {
      await raw.query(`INSERT INTO trajectory_hours (placement_id, participant_id, attended_on, hours) VALUES ($1, $2, $3, $4)`, [placed!.id, id, placement.attendedOn ?? placement.acceptedOn, Math.min(left, 10)]);
    }
  }
  return id;
}
