import type { TFunction } from 'i18next';
import type { Db } from '../../db/client.js';
import { writeXlsx } from '../../tabular/index.js';
import type { RegionRow } from '../../http/access.js';
import { rawOver } from '../catalog/tx-raw.js';
import { MIN_GROUP, TRAJECTORY_HOURS_GOAL, TRAJECTORY_STAGES, type Monitoring, type TrajectoryStage } from '../../../common/schemas/trajectories.js';
import { listCoaches } from './service.js';

/** A count of people, or null when the group is too small to show without risking re-identification. */
export function shown(count: number): number | null {
  return count >= MIN_GROUP ? count : null;
}

/**
 * Counts of groups with the small ones hidden (null), and, while the hidden ones together are fewer
 * than MIN_GROUP people, the smallest shown one hidden too: otherwise the total minus the shown groups
 * would give a small group away. Zero is shown: it identifies nobody.
 */
export function suppressGroups(counts: number[]): (number | null)[] {
  const result: (number | null)[] = counts.map((count) => (count === 0 || count >= MIN_GROUP ? count : null));
  const hiddenSum = () => counts.reduce((sum, count, index) => sum + (result[index] === null ? count : 0), 0);
  while (hiddenSum() > 0 && hiddenSum() < MIN_GROUP) {
    let smallest = -1;
    result.forEach((value, index) => {
      if (value !== null && value > 0 && (smallest < 0 || value < (result[smallest] as number))) smallest = index;
    });
    if (smallest < 0) break;
    result[smallest] = null;
  }
  return result;
}

/**
 * Pseudonymous, aggregated figures for the regisseur and the steering group: counts per municipality
 * and stage, hours, placements, UiTPAS use, continuation. No names, and no group under MIN_GROUP people
 * (decision 027). The admin also gets the waiting referrals by code, to assign a coach.
 */
export async function monitoringFigures(db: Db, region: RegionRow, options: { withAssignment: boolean }): Promise<Monitoring> {
  const raw = rawOver(db);
  const perParticipant = `SELECT p.id, p.municipality_nis, p.stage, p.uitpas_kansentarief, p.continues_after,
        coalesce((SELECT sum(h.hours) FROM trajectory_hours h WHERE h.participant_id = p.id), 0)::float8 AS hours
      FROM trajectory_participants p WHERE p.region_id = $1`;
  const [totals] = await raw.query<{ participants: number; hours: number; reached: number; uitpas: number; continuing: number }>(
    `SELECT count(*)::int AS participants, coalesce(sum(hours), 0)::float8 AS hours,
            count(*) FILTER (WHERE hours >= $2)::int AS reached,
            count(*) FILTER (WHERE uitpas_kansentarief)::int AS uitpas,
            count(*) FILTER (WHERE continues_after)::int AS continuing
       FROM (${perParticipant}) x`,
    [region.id, TRAJECTORY_HOURS_GOAL],
  );
  // Waiting time: referral → first visit together, as a median over at least MIN_GROUP people.
  const [waiting] = await raw.query<{ people: number; median: number | null }>(
    `SELECT count(*)::int AS people, percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::float8 AS median
       FROM (SELECT min(s.happened_on) - p.referred_on AS days FROM trajectory_participants p
               JOIN trajectory_steps s ON s.participant_id = p.id AND s.kind = 'eerste-bezoek'
              WHERE p.region_id = $1 GROUP BY p.id, p.referred_on) w`,
    [region.id],
  );
  const [placements] = await raw.query<{ count: number }>(`SELECT count(*)::int AS count FROM trajectory_placements WHERE region_id = $1 AND status = 'aanvaard'`, [region.id]);
  const perMunicipality = await raw.query<{ name: string; participants: number; hours: number }>(
    `SELECT m.name, count(*)::int AS participants, coalesce(sum(x.hours), 0)::float8 AS hours
       FROM (${perParticipant}) x JOIN municipalities m ON m.nis_code = x.municipality_nis
      GROUP BY m.name ORDER BY count(*) DESC, m.name`,
    [region.id],
  );
  const perStage = await raw.query<{ stage: TrajectoryStage; participants: number }>(`SELECT stage, count(*)::int AS participants FROM trajectory_participants WHERE region_id = $1 GROUP BY stage`, [region.id]);
  const unassigned = options.withAssignment
    ? await raw.query<{ id: string; code: string; municipality_name: string; referred_on: string | Date }>(
        `SELECT p.id, p.code, m.name AS municipality_name, p.referred_on FROM trajectory_participants p JOIN municipalities m ON m.nis_code = p.municipality_nis
          WHERE p.region_id = $1 AND p.coach_user_id IS NULL ORDER BY p.referred_on, p.code`,
        [region.id],
      )
    : [];
  const total = totals!.participants;
  const enough = total >= MIN_GROUP;
  // A share is shown only when both it and the rest are groups of MIN_GROUP or more: "all but two" identifies too.
  const safe = (count: number) => count === 0 || count >= MIN_GROUP;
  const part = (count: number) => (enough && safe(count) && safe(total - count) ? count : null);
  const municipalityCounts = suppressGroups(perMunicipality.map((row) => row.participants));
  const rows: Monitoring['perMunicipality'] = [];
  let otherCount = 0;
  let otherHours = 0;
  perMunicipality.forEach((row, index) => {
    if (municipalityCounts[index] === null) {
      otherCount += row.participants;
      otherHours += row.hours;
    } else rows.push({ municipalityName: row.name, participants: row.participants, hours: row.hours });
  });
  // Small municipalities together: one row (empty name = "other municipalities"), itself a group of MIN_GROUP or more.
  if (otherCount > 0) rows.push({ municipalityName: '', participants: shown(otherCount), hours: shown(otherCount) === null ? null : otherHours });
  const stageCounts = suppressGroups(TRAJECTORY_STAGES.map((stage) => perStage.find((row) => row.stage === stage)?.participants ?? 0));
  return {
    minGroup: MIN_GROUP,
    totals: {
      participants: shown(total),
      placements: enough ? placements!.count : null,
      hours: enough ? totals!.hours : null,
      reached40: part(totals!.reached),
      uitpas: part(totals!.uitpas),
      continuing: part(totals!.continuing),
      waitingDays: waiting && waiting.people >= MIN_GROUP && waiting.median !== null ? Math.round(waiting.median) : null,
    },
    perMunicipality: rows,
    perStage: TRAJECTORY_STAGES.map((stage, index) => ({ stage, participants: stageCounts[index] ?? null })),
    unassigned: unassigned.map((row) => ({ id: row.id, code: row.code, municipalityName: row.municipality_name, referredOn: typeof row.referred_on === 'string' ? row.referred_on.slice(0, 10) : row.referred_on.toISOString().slice(0, 10) })),
    coaches: options.withAssignment ? await listCoaches(db, region) : [],
  };
}

/** The same figures as XLSX (totals, per municipality, per stage); hidden groups stay hidden ("minder dan 5"). */
export function monitoringXlsx(figures: Monitoring, t: TFunction): Promise<Buffer> {
  const hidden = t('trajectories.monitoring.hidden', { min: figures.minGroup }) as string;
  const cell = (value: number | null) => value ?? hidden;
  const totals = (['participants', 'placements', 'hours', 'reached40', 'uitpas', 'continuing', 'waitingDays'] as const).map((key) => [t(`trajectories.monitoring.${key}`) as string, cell(figures.totals[key])]);
  const municipalities = figures.perMunicipality.map((row) => [row.municipalityName || (t('trajectories.monitoring.otherMunicipalities') as string), cell(row.participants), cell(row.hours)]);
  const stages = figures.perStage.map((row) => [t(`trajectories.stages.${row.stage}`) as string, cell(row.participants)]);
  return writeXlsx(
    [
      { name: t('trajectories.monitoring.title') as string, rows: totals },
      { name: t('trajectories.monitoring.perMunicipality') as string, rows: [[t('trajectories.monitoring.municipality') as string, t('trajectories.monitoring.participants') as string, t('trajectories.monitoring.hours') as string], ...municipalities], boldRows: [1] },
      { name: t('trajectories.monitoring.perStage') as string, rows: [[t('trajectories.monitoring.stage') as string, t('trajectories.monitoring.participants') as string], ...stages], boldRows: [1] },
    ],
    { title: t('trajectories.monitoring.title') as string },
  );
}
