import type { DatabaseHandle } from '../../db/client.js';
import { registerJobHandler, schedule } from '../../jobs/queue.js';
import { DEFAULT_RETENTION_MONTHS } from '../../../common/schemas/trajectories.js';

export const TRAJECTORY_RETENTION_JOB = 'trajectories.retention';

/**
 * Erases the personal fields of participants whose evaluation is longer ago than their region's retention
 * period (trajectory_settings.retention_months, default 12; decision 031): first
 * name, languages, referral note, step notes, what partners were told and answered. The code, stages,
 * placements and hours stay (pseudonymous figures). Each erasure is logged without what was erased.
 */
export async function erasePersonalFieldsAfterRetention(database: DatabaseHandle, today = new Date().toISOString().slice(0, 10)): Promise<number> {
  return database.rawTransaction(async (tx) => {
    const erased = await tx.query<{ id: string; region_id: string }>(
      `UPDATE trajectory_participants p SET first_name = NULL, languages = '{}', referral_note = '', personal_data_erased_at = now()
        WHERE p.personal_data_erased_at IS NULL
          AND EXISTS (SELECT 1 FROM trajectory_steps s WHERE s.participant_id = p.id AND s.kind = 'evaluatie'
                       AND s.happened_on < ($1::date - make_interval(months => coalesce(
                         (SELECT ts.retention_months FROM trajectory_settings ts WHERE ts.region_id = p.region_id), $2::int))))
        RETURNING p.id, p.region_id`,
      [today, DEFAULT_RETENTION_MONTHS],
    );
    if (!erased.length) return 0;
    const ids = erased.map((row) => row.id);
    await tx.query(`UPDATE trajectory_steps SET note = '' WHERE participant_id = ANY($1::uuid[])`, [ids]);
    await tx.query(`UPDATE trajectory_placements SET expectations = '', partner_message = '' WHERE participant_id = ANY($1::uuid[])`, [ids]);
    // What a buddy duo did together (buddy network, decision 030) is personal too; the duo's dates stay for the figures.
    await tx.query(`UPDATE buddy_duo_meetings SET activity = '' WHERE duo_id IN (SELECT id FROM buddy_duos WHERE participant_id = ANY($1::uuid[]))`, [ids]);
    for (const row of erased) {
      await tx.query(`INSERT INTO audit_log (region_id, user_id, entity_type, entity_id, action) VALUES ($1, NULL, 'trajectory_participant', $2, 'retention-erase')`, [row.region_id, row.id]);
    }
    return erased.length;
  });
}

registerJobHandler(TRAJECTORY_RETENTION_JOB, async ({ database }) => ({ erased: await erasePersonalFieldsAfterRetention(database) }));
// Daily is enough: a day more or less of retention is within the stated period.
schedule(TRAJECTORY_RETENTION_JOB, 86_400);
