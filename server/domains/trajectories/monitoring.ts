import type { TFunction } from 'i18next';
import type { Db } from '../../db/client.js';
import { writeXlsx } from '../../tabular/index.js';
import { formatMonth } from '../../../common/format.js';
import type { RegionRow } from '../../http/access.js';
import { rawOver } from '../catalog/tx-raw.js';
import { MIN_GROUP, MONITORING_TOTALS, TRAJECTORY_HOURS_GOAL, TRAJECTORY_STAGES, type Monitoring, type TrajectoryStage } from '../../../common/schemas/trajectories.js';
import { listCoaches } from './service.js';

/** A count of people, or null when the group is too small to show without risking re-identification. */
export function shown(count: number): number | null {
  return count >= MIN_GROUP ? count : null;
}

/**
 * Counts of groups with the small ones hidden (null), and, while the hidden ones together are fewer
 * than MIN_GROUP people, the smallest shown one hidden too: otherwise the total minus the shown groups
 * would give a small group away. Zero is shown: it identifies nobody. `forced` marks cells hidden
 * already for another reason (their row is hidden); they count with the hidden ones.
 */
export function suppressGroups(counts: number[], forced: boolean[] = []): (number | null)[] {
  const result: (number | null)[] = counts.map((count, index) => (!forced[index] && (count === 0 || count >= MIN_GROUP) ? count : null));
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
 * A measure of groups (hours, placements, offers) shown only where the people behind it are shown after
 * suppressGroups: the hours of one person are as telling as the person.
 */
export function suppressMeasures(people: number[], measures: number[], forced: boolean[] = []): (number | null)[] {
  const shownPeople = suppressGroups(people, forced);
  return measures.map((measure, index) => (shownPeople[index] === null ? null : measure));
}

type GroupRow = { name: string; people: number; parts: number[] };

/**
 * Groups that suppressGroups hides, folded into one row named '' (the small groups together) with summed
 * people and parts; that row's people show only when it is itself a group of MIN_GROUP or more.
 */
function foldSmallGroups(rows: GroupRow[]): { name: string; people: number | null; parts: number[] }[] {
  const people = suppressGroups(rows.map((row) => row.people));
  const kept: { name: string; people: number | null; parts: number[] }[] = rows.filter((_, index) => people[index] !== null);
  const folded = rows.filter((_, index) => people[index] === null);
  if (folded.length) {
    const sum = folded.reduce((total, row) => total + row.people, 0);
    const parts = folded[0]!.parts.map((_, part) => folded.reduce((total, row) => total + (row.parts[part] ?? 0), 0));
    kept.push({ name: '', people: shown(sum), parts });
  }
  return kept;
}

/** A share in whole percent, only when its count may be shown. */
function percent(count: number | null, of: number): number | null {
  return count === null || of === 0 ? null : Math.round((count / of) * 100);
}

/** The first day of each of the 12 months up to and including today's, as yyyy-mm, oldest first. */
export function lastTwelveMonths(today: string): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (11 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

/**
 * Pseudonymous, aggregated figures for the regisseur and the steering group: totals, per month, per
 * municipality and stage, offers used per municipality and sector, hours, UiTPAS use, continuation and
 * waiting times. No names, and no group under MIN_GROUP people (decision 027, 032). The admin also gets
 * the waiting referrals by code, to assign a coach.
 */
export async function monitoringFigures(db: Db, region: RegionRow, options: { withAssignment: boolean; today?: string }): Promise<Monitoring> {
  const raw = rawOver(db);
  const perParticipant = `SELECT p.id, p.municipality_nis, p.stage, p.uitpas_kansentarief, p.continues_after,
        coalesce((SELECT sum(h.hours) FROM trajectory_hours h WHERE h.participant_id = p.id), 0)::float8 AS hours,
        EXISTS (SELECT 1 FROM trajectory_steps s WHERE s.participant_id = p.id AND s.kind = 'intake') AS has_intake,
        EXISTS (SELECT 1 FROM trajectory_placements pl WHERE pl.participant_id = p.id AND pl.status = 'aanvaard') AS placed,
        EXISTS (SELECT 1 FROM trajectory_placements pl JOIN offers o ON o.id = pl.offer_id
                 WHERE pl.participant_id = p.id AND pl.status = 'aanvaard' AND o.uitpas) AS placed_uitpas
      FROM trajectory_participants p WHERE p.region_id = $1`;
  const [totals] = await raw.query<{ participants: number; hours: number; reached: number; uitpas: number; uitpas_used: number; continuing: number; known: number }>(
    `SELECT count(*)::int AS participants, coalesce(sum(hours), 0)::float8 AS hours,
            count(*) FILTER (WHERE hours >= $2)::int AS reached,
            count(*) FILTER (WHERE uitpas_kansentarief)::int AS uitpas,
            count(*) FILTER (WHERE uitpas_kansentarief AND placed_uitpas)::int AS uitpas_used,
            count(*) FILTER (WHERE continues_after)::int AS continuing,
            count(*) FILTER (WHERE continues_after IS NOT NULL)::int AS known
       FROM (${perParticipant}) x`,
    [region.id, TRAJECTORY_HOURS_GOAL],
  );
  // Waiting time: referral → first visit together, median and average over at least MIN_GROUP people.
  const [waiting] = await raw.query<{ people: number; median: number | null; average: number | null }>(
    `SELECT count(*)::int AS people, percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::float8 AS median, avg(days)::float8 AS average
       FROM (SELECT min(s.happened_on) - p.referred_on AS days FROM trajectory_participants p
               JOIN trajectory_steps s ON s.participant_id = p.id AND s.kind = 'eerste-bezoek'
              WHERE p.region_id = $1 GROUP BY p.id, p.referred_on) w`,
    [region.id],
  );
  const [placements] = await raw.query<{ count: number }>(`SELECT count(*)::int AS count FROM trajectory_placements WHERE region_id = $1 AND status = 'aanvaard'`, [region.id]);
  const perMunicipality = await raw.query<{ name: string; participants: number; intakes: number; placed: number; hour_people: number; hours: number }>(
    `SELECT m.name, count(*)::int AS participants, count(*) FILTER (WHERE has_intake)::int AS intakes, count(*) FILTER (WHERE placed)::int AS placed,
            count(*) FILTER (WHERE hours > 0)::int AS hour_people, coalesce(sum(x.hours), 0)::float8 AS hours
       FROM (${perParticipant}) x JOIN municipalities m ON m.nis_code = x.municipality_nis
      GROUP BY m.name ORDER BY count(*) DESC, m.name`,
    [region.id],
  );
  const perStage = await raw.query<{ stage: TrajectoryStage; participants: number }>(`SELECT stage, count(*)::int AS participants FROM trajectory_participants WHERE region_id = $1 GROUP BY stage`, [region.id]);
  const months = lastTwelveMonths(options.today ?? new Date().toISOString().slice(0, 10));
  // Accepted placements count in the month the organiser accepted them.
  const perMonth = await raw.query<{ month: string; referrals: number; intakes: number; placements: number; placed: number; hours: number; hour_people: number }>(
    `SELECT m.month,
            (SELECT count(*)::int FROM trajectory_participants p WHERE p.region_id = $1 AND to_char(p.referred_on, 'YYYY-MM') = m.month) AS referrals,
            (SELECT count(DISTINCT s.participant_id)::int FROM trajectory_steps s JOIN trajectory_participants p ON p.id = s.participant_id
              WHERE p.region_id = $1 AND s.kind = 'intake' AND to_char(s.happened_on, 'YYYY-MM') = m.month) AS intakes,
            (SELECT count(*)::int FROM trajectory_placements pl WHERE pl.region_id = $1 AND pl.status = 'aanvaard'
                AND to_char(coalesce(pl.responded_at, pl.created_at), 'YYYY-MM') = m.month) AS placements,
            (SELECT count(DISTINCT pl.participant_id)::int FROM trajectory_placements pl WHERE pl.region_id = $1 AND pl.status = 'aanvaard'
                AND to_char(coalesce(pl.responded_at, pl.created_at), 'YYYY-MM') = m.month) AS placed,
            (SELECT coalesce(sum(h.hours), 0)::float8 FROM trajectory_hours h JOIN trajectory_participants p ON p.id = h.participant_id
              WHERE p.region_id = $1 AND to_char(h.attended_on, 'YYYY-MM') = m.month) AS hours,
            (SELECT count(DISTINCT h.participant_id)::int FROM trajectory_hours h JOIN trajectory_participants p ON p.id = h.participant_id
              WHERE p.region_id = $1 AND to_char(h.attended_on, 'YYYY-MM') = m.month) AS hour_people
       FROM unnest(string_to_array($2, ',')) AS m(month) ORDER BY m.month`,
    [region.id, months.join(',')],
  );
  const offersPerMunicipality = await raw.query<{ name: string; participants: number; offers: number }>(
    `SELECT coalesce(m.name, '') AS name, count(DISTINCT pl.participant_id)::int AS participants, count(DISTINCT coalesce(pl.offer_id::text, pl.offer_title))::int AS offers
       FROM trajectory_placements pl LEFT JOIN offers o ON o.id = pl.offer_id LEFT JOIN municipalities m ON m.nis_code = o.municipality_nis
      WHERE pl.region_id = $1 AND pl.status = 'aanvaard' GROUP BY 1 ORDER BY 2 DESC, 1`,
    [region.id],
  );
  // The organiser's primary sector (the first on the map) decides; an organiser no longer on the map goes with the small groups.
  const offersPerSector = await raw.query<{ name: string; participants: number; offers: number }>(
    `SELECT coalesce(sec.name, '') AS name, count(DISTINCT pl.participant_id)::int AS participants, count(DISTINCT coalesce(pl.offer_id::text, pl.offer_title))::int AS offers
       FROM trajectory_placements pl
       LEFT JOIN LATERAL (SELECT a.sector_key FROM actor_sectors a WHERE a.actor_id = pl.organizer_actor_id ORDER BY a.position, a.sector_key LIMIT 1) primary_sector ON true
       LEFT JOIN sectors sec ON sec.key = primary_sector.sector_key
      WHERE pl.region_id = $1 AND pl.status = 'aanvaard' GROUP BY 1 ORDER BY 2 DESC, 1`,
    [region.id],
  );
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
  const part = (count: number, of = total) => (enough && of >= MIN_GROUP && safe(count) && safe(of - count) ? count : null);
  const municipalityRows = foldSmallGroups(perMunicipality.map((row) => ({ name: row.name, people: row.participants, parts: [row.intakes, row.placed, row.hour_people, row.hours] })));
  const hiddenRows = municipalityRows.map((row) => row.people === null);
  const column = (index: number) => municipalityRows.map((row) => row.parts[index] ?? 0);
  const intakes = suppressGroups(column(0), hiddenRows);
  const placed = suppressGroups(column(1), hiddenRows);
  const municipalityHours = suppressMeasures(column(2), column(3), hiddenRows);
  const stageCounts = suppressGroups(TRAJECTORY_STAGES.map((stage) => perStage.find((row) => row.stage === stage)?.participants ?? 0));
  const monthReferrals = suppressGroups(perMonth.map((row) => row.referrals));
  const monthIntakes = suppressGroups(perMonth.map((row) => row.intakes));
  const monthPlacements = suppressMeasures(perMonth.map((row) => row.placed), perMonth.map((row) => row.placements));
  const monthHours = suppressMeasures(perMonth.map((row) => row.hour_people), perMonth.map((row) => row.hours));
  const offerGroups = (rows: { name: string; participants: number; offers: number }[]) =>
    foldSmallGroups(rows.map((row) => ({ name: row.name, people: row.participants, parts: [row.offers] }))).map((row) => ({ name: row.name, participants: row.people, offers: row.people === null ? null : (row.parts[0] ?? 0) }));
  const reached40 = part(totals!.reached);
  const uitpas = part(totals!.uitpas);
  const continuingOfKnown = part(totals!.continuing, totals!.known);
  const waitingShown = waiting !== undefined && waiting.people >= MIN_GROUP;
  return {
    minGroup: MIN_GROUP,
    totals: {
      participants: shown(total),
      placements: enough ? placements!.count : null,
      hours: enough ? totals!.hours : null,
      reached40,
      uitpas,
      continuing: part(totals!.continuing),
      waitingDays: waitingShown && waiting.median !== null ? Math.round(waiting.median) : null,
      reached40Share: percent(reached40, total),
      uitpasShare: percent(uitpas, total),
      uitpasUsed: part(totals!.uitpas_used),
      continuingShare: percent(continuingOfKnown, totals!.known),
      waitingDaysAverage: waitingShown && waiting.average !== null ? Math.round(waiting.average * 10) / 10 : null,
    },
    perMunicipality: municipalityRows.map((row, index) => ({ municipalityName: row.name, participants: row.people, intakes: intakes[index] ?? null, placed: placed[index] ?? null, hours: municipalityHours[index] ?? null })),
    perStage: TRAJECTORY_STAGES.map((stage, index) => ({ stage, participants: stageCounts[index] ?? null })),
    perMonth: perMonth.map((row, index) => ({ month: row.month, referrals: monthReferrals[index] ?? null, intakes: monthIntakes[index] ?? null, placements: monthPlacements[index] ?? null, hours: monthHours[index] ?? null })),
    offersPerMunicipality: offerGroups(offersPerMunicipality),
    offersPerSector: offerGroups(offersPerSector),
    unassigned: unassigned.map((row) => ({ id: row.id, code: row.code, municipalityName: row.municipality_name, referredOn: typeof row.referred_on === 'string' ? row.referred_on.slice(0, 10) : row.referred_on.toISOString().slice(0, 10) })),
    coaches: options.withAssignment ? await listCoaches(db, region) : [],
  };
}

/** The same figures as XLSX, a sheet per table; hidden groups stay hidden ("minder dan 5"). */
/** A sheet another domain adds to the monitoring XLSX (e.g. the buddy network's figures), already suppressed. */
export interface MonitoringSheet {
  name: string;
  rows: (string | number)[][];
}

const extraSheets: ((db: Db, regionId: string, t: TFunction) => Promise<MonitoringSheet>)[] = [];

/** Lets another domain add a sheet of its figures to the monitoring XLSX (it registers when its module loads). */
export function registerMonitoringSheet(read: (db: Db, regionId: string, t: TFunction) => Promise<MonitoringSheet>): void {
  extraSheets.push(read);
}

/** The other domains' sheets for this region's monitoring XLSX. */
export async function monitoringExtraSheets(db: Db, regionId: string, t: TFunction): Promise<MonitoringSheet[]> {
  const sheets: MonitoringSheet[] = [];
  for (const read of extraSheets) sheets.push(await read(db, regionId, t));
  return sheets;
}

export function monitoringXlsx(figures: Monitoring, t: TFunction, extra: MonitoringSheet[] = []): Promise<Buffer> {
  const text = (key: string, params?: Record<string, unknown>) => t(`trajectories.monitoring.${key}`, params) as string;
  const hidden = text('hidden', { min: figures.minGroup });
  const cell = (value: number | null) => value ?? hidden;
  const other = (name: string) => name || text('otherMunicipalities');
  const otherGroups = (name: string) => name || text('otherGroups');
  const table = (name: string, header: string[], rows: (string | number)[][]) => ({ name, rows: [header, ...rows], boldRows: [1] });
  return writeXlsx(
    [
      { name: text('title'), rows: MONITORING_TOTALS.map((key) => [text(key), cell(figures.totals[key])]) },
      table(
        text('perMunicipality'),
        [text('municipality'), text('participants'), text('intakes'), text('placed'), text('hours')],
        figures.perMunicipality.map((row) => [other(row.municipalityName), cell(row.participants), cell(row.intakes), cell(row.placed), cell(row.hours)]),
      ),
      table(text('perStage'), [text('stage'), text('participants')], figures.perStage.map((row) => [t(`trajectories.stages.${row.stage}`) as string, cell(row.participants)])),
      table(
        text('perMonth'),
        [text('month'), text('referrals'), text('intakes'), text('placements'), text('hours')],
        figures.perMonth.map((row) => [formatMonth(row.month), cell(row.referrals), cell(row.intakes), cell(row.placements), cell(row.hours)]),
      ),
      table(text('offersPerMunicipality'), [text('municipality'), text('placedPeople'), text('offers')], figures.offersPerMunicipality.map((row) => [other(row.name), cell(row.participants), cell(row.offers)])),
      table(text('offersPerSector'), [text('sector'), text('placedPeople'), text('offers')], figures.offersPerSector.map((row) => [otherGroups(row.name), cell(row.participants), cell(row.offers)])),
      ...extra.map((sheet) => ({ ...sheet, boldRows: [1] })),
    ],
    { title: text('title') },
  );
}
